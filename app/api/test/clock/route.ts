import { NextResponse } from 'next/server';
import { readJson, route } from '@/lib/api/route';
import { advanceClock, now } from '@/lib/clock';
import { getDb } from '@/lib/db';
import { env } from '@/lib/env';
import { AppError } from '@/lib/errors';
import { fireDueTimers } from '@/workflows/engine/fire-due-timers';
import { testClockBody } from '@/lib/api/route-inputs';

const body = testClockBody;

function assertTestClock(): void {
  // Exists only for end-to-end tests of deadlines; absent (404) in every real deployment.
  if (!env().testClock) throw new AppError('NOT_FOUND', 'test clock disabled');
}

/** Moves the engine's clock forward and fires the timers that became due. */
export const POST = route(async ({ req }) => {
  assertTestClock();
  const { advanceMs } = await readJson(req, body);
  const db = await getDb();
  const at = await advanceClock(db, advanceMs);
  const fired = await fireDueTimers(db, at);
  return NextResponse.json({ now: at.toISOString(), fired });
}, { permission: { public: 'test clock: 404 unless TEST_CLOCK is set (never in a deployment)' } });

export const GET = route(async () => {
  assertTestClock();
  return NextResponse.json({ now: (await now(await getDb())).toISOString() });
}, { permission: { public: 'test clock: 404 unless TEST_CLOCK is set (never in a deployment)' } });

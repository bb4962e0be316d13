import { NextResponse } from 'next/server';
import { route } from '@/lib/api/route';
import { readBodyText } from '@/lib/body-limit';
import { now } from '@/lib/clock';
import { getDb } from '@/lib/db';
import { env } from '@/lib/env';
import { completeDormRepairJob } from '@/lib/integrations/complete-dorm-repair-job';
import { SIGNATURE_HEADER, TIMESTAMP_HEADER } from '@/lib/integrations/signature';

/** The maintenance system reports a job done; authenticated by the HMAC signature, not a session. */
export const POST = route(async ({ req }) => {
  const db = await getDb();
  const result = await completeDormRepairJob(
    db,
    { body: await readBodyText(req, 64 * 1024), timestamp: req.headers.get(TIMESTAMP_HEADER), signature: req.headers.get(SIGNATURE_HEADER) },
    env().dormRepairWebhook.secret,
    await now(db),
  );
  return NextResponse.json(result);
}, { permission: { public: 'the maintenance system, authenticated by its HMAC signature' } });

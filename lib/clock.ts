import { eq } from 'drizzle-orm';
import type { Db } from '@/db/client';
import { settings } from '@/db/schema';
import { env } from './env';

/**
 * The engine's notion of now. With TEST_CLOCK=true an offset kept in the database (so every
 * app process agrees) lets tests move time forward to make timers fire.
 *
 * The cached offset lives on globalThis: Next bundles route handlers and pages separately, each
 * with its own copy of this module, and a per-copy cache let a page render up to a second on the
 * offset from before the clock route moved it (a guide showed last year's window after the move).
 */
const cache = ((globalThis as unknown as { zjTestClock?: { offsetMs: number; loadedAt: number } }).zjTestClock ??= {
  offsetMs: 0,
  loadedAt: 0,
});

export async function now(db: Db): Promise<Date> {
  if (!env().testClock) return new Date();
  if (Date.now() - cache.loadedAt > 1000) {
    const [row] = await db.select().from(settings).where(eq(settings.key, 'test_clock_offset_ms'));
    cache.offsetMs = row ? Number(row.value) : 0;
    cache.loadedAt = Date.now();
  }
  return new Date(Date.now() + cache.offsetMs);
}

export async function advanceClock(db: Db, ms: number): Promise<Date> {
  const current = await now(db);
  const offsetMs = current.getTime() - Date.now() + ms;
  await db
    .insert(settings)
    .values({ key: 'test_clock_offset_ms', value: String(offsetMs) })
    .onConflictDoUpdate({ target: settings.key, set: { value: String(offsetMs) } });
  cache.offsetMs = offsetMs;
  cache.loadedAt = Date.now();
  return new Date(Date.now() + offsetMs);
}

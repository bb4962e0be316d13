import { eq } from 'drizzle-orm';
import type { Db } from '@/db/client';
import { settings } from '@/db/schema';
import { env } from './env';

/**
 * The engine's notion of now. With TEST_CLOCK=true an offset kept in the database (so every
 * app process agrees) lets tests move time forward to make timers fire.
 */
let offsetMs = 0;
let loadedAt = 0;

export async function now(db: Db): Promise<Date> {
  if (!env().testClock) return new Date();
  if (Date.now() - loadedAt > 1000) {
    const [row] = await db.select().from(settings).where(eq(settings.key, 'test_clock_offset_ms'));
    offsetMs = row ? Number(row.value) : 0;
    loadedAt = Date.now();
  }
  return new Date(Date.now() + offsetMs);
}

export async function advanceClock(db: Db, ms: number): Promise<Date> {
  const current = await now(db);
  offsetMs = current.getTime() - Date.now() + ms;
  loadedAt = Date.now();
  await db
    .insert(settings)
    .values({ key: 'test_clock_offset_ms', value: String(offsetMs) })
    .onConflictDoUpdate({ target: settings.key, set: { value: String(offsetMs) } });
  return new Date(Date.now() + offsetMs);
}

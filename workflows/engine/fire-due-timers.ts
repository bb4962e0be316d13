import { and, asc, eq, lte } from 'drizzle-orm';
import type { Db } from '@/db/client';
import { timers } from '@/db/schema';
import { applyEventInTransaction } from './apply-event';
import { loadWorkingCalendar, type WorkingCalendar } from './calendar';
import { isAppError } from './errors';

/**
 * Fires every timer due by `now`, each in its own transaction that claims it (SKIP LOCKED, so
 * several app servers share the work and none fires a timer twice) and applies its event.
 * A timer whose event the instance no longer accepts is marked fired without effect.
 * Returns how many fired.
 */
export async function fireDueTimers(db: Db, now: Date, calendar?: WorkingCalendar, limit = 100): Promise<number> {
  let fired = 0;
  const cal = calendar ?? (await loadWorkingCalendar(db));
  for (; fired < limit; fired++) {
    const claimed = await db.transaction(async (tx) => {
      const [timer] = await tx
        .select()
        .from(timers)
        .where(and(eq(timers.status, 'pending'), lte(timers.fireAt, now)))
        .orderBy(asc(timers.fireAt))
        .limit(1)
        .for('update', { skipLocked: true });
      if (!timer) return false;
      // Marked fired in the same round trip as the event's own reads (started now, awaited after).
      const marked = Promise.resolve(tx.update(timers).set({ status: 'fired', firedAt: now }).where(eq(timers.id, timer.id)).then(() => true));
      try {
        await tx.transaction((sp) =>
          applyEventInTransaction(sp, { instanceId: timer.instanceId, actor: null, type: timer.eventType, now, calendar: cal }),
        );
      } catch (error) {
        if (!isAppError(error)) {
          await marked.catch(() => {});
          throw error;
        }
      }
      return marked;
    });
    if (!claimed) break;
  }
  return fired;
}

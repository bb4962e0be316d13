import { createHash } from 'node:crypto';
import { and, eq, isNull, lt, lte, or } from 'drizzle-orm';
import PgBoss from 'pg-boss';
import type { Db } from '@/db/client';
import { notifyDeliveries, type NotifyChannel } from '@/db/schema';
import { claimOne, deliverClaimed } from './deliver';
import { lookbackSchedule, planNewMessages } from './plan-deliveries';
import type { TickContext } from './poller';

const QUEUE = 'notify-delivery';
const SWEEP_MS = 15_000;

/** Same delivery + attempt → same job id, so enqueueing twice is a no-op (pg-boss: ON CONFLICT DO NOTHING). */
function jobId(...parts: Array<string | number>): string {
  const h = createHash('sha256').update(parts.join(':')).digest('hex');
  return `${h.slice(0, 8)}-${h.slice(8, 12)}-4${h.slice(13, 16)}-8${h.slice(17, 20)}-${h.slice(20, 32)}`;
}

/**
 * Delivery through pg-boss on a PostgreSQL server. The delivery table stays the source of truth
 * (status, attempts, next attempt, backoff: the same rules as the poller); a job only says
 * "try this row now". The row claim makes a duplicate job harmless, and a sweep re-enqueues
 * rows whose job was lost (e.g. a crash between planning and enqueueing).
 */
export async function startPgBossQueue(db: Db, url: string, ctx: TickContext, intervalMs: number): Promise<() => Promise<void>> {
  const boss = new PgBoss({ connectionString: url, max: 3, schema: 'pgboss' });
  boss.on('error', (error) => console.error('[notify] pg-boss', error));
  await boss.start();
  if (!(await boss.getQueue(QUEUE))) {
    await boss.createQueue(QUEUE, { name: QUEUE, retryLimit: 2, retryDelay: 5, retryBackoff: true }).catch(() => {});
  }

  // pg-boss schedules by the database's clock; the engine's may be moved by TEST_CLOCK.
  const startAfter = async (at: Date) => new Date(Date.now() + Math.max(0, at.getTime() - (await ctx.now()).getTime()));
  const enqueue = async (rows: Array<{ id: string; nextAttemptAt: Date }>, salt: string | number) => {
    if (rows.length === 0) return;
    const jobs = await Promise.all(
      rows.map(async (r) => ({ id: jobId(r.id, salt), name: QUEUE, data: { id: r.id }, startAfter: await startAfter(r.nextAttemptAt) })),
    );
    await boss.insert(jobs);
  };

  await boss.work<{ id: string }>(QUEUE, { batchSize: 20, pollingIntervalSeconds: 0.5 }, async (jobs) => {
    for (const job of jobs) {
      const now = await ctx.now();
      const row = await claimOne(db, job.data.id, now);
      if (!row) continue;
      const after = await deliverClaimed(db, ctx.deps, row, now);
      if (after.status === 'pending') await enqueue([after], after.attempts);
    }
  });

  const channels = [...ctx.deps.senders.keys()] as NotifyChannel[];
  let busy = false;
  let lastSweep = 0;
  const lookback = lookbackSchedule();
  const tick = async () => {
    if (busy) return;
    busy = true;
    try {
      const now = await ctx.now();
      await enqueue(await planNewMessages(db, { channels, quietHours: ctx.quietHours, now }, 1_000, lookback()), 0);
      if (Date.now() - lastSweep > SWEEP_MS) {
        lastSweep = Date.now();
        const overdue = await db
          .select({ id: notifyDeliveries.id, nextAttemptAt: notifyDeliveries.nextAttemptAt })
          .from(notifyDeliveries)
          .where(
            and(
              eq(notifyDeliveries.status, 'pending'),
              lte(notifyDeliveries.nextAttemptAt, new Date(now.getTime() - SWEEP_MS)),
              or(isNull(notifyDeliveries.lockedUntil), lt(notifyDeliveries.lockedUntil, now)),
            ),
          )
          .limit(1_000);
        await enqueue(overdue, `sweep:${Math.floor(Date.now() / SWEEP_MS)}`);
      }
    } catch (error) {
      console.error('[notify] planning failed', error);
    } finally {
      busy = false;
    }
  };
  const timer = setInterval(tick, intervalMs);
  timer.unref();
  void tick();
  return async () => {
    clearInterval(timer);
    await boss.stop({ graceful: true, wait: true, timeout: 10_000 });
  };
}

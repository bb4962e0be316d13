import { createHash } from 'node:crypto';
import { and, eq, inArray, isNull, lt, lte, or } from 'drizzle-orm';
import PgBoss from 'pg-boss';
import { onOutboxEnqueued } from '@/db/outbox';
import { repeat } from '../repeat';
import { outbox } from '@/db/schema';
import { claimOne } from './claim';
import { deliverClaimed, type Dispatcher } from './dispatcher';

const QUEUE = 'outbox';
const SWEEP_MS = 10_000;

/** Same row + attempt → same job id, so enqueueing twice is a no-op (pg-boss: ON CONFLICT DO NOTHING). */
function jobId(...parts: Array<string | number>): string {
  const h = createHash('sha256').update(parts.join(':')).digest('hex');
  return `${h.slice(0, 8)}-${h.slice(8, 12)}-4${h.slice(13, 16)}-8${h.slice(17, 20)}-${h.slice(20, 32)}`;
}

/**
 * The queue on a PostgreSQL server: pg-boss, which several app servers share. The outbox table
 * stays the source of truth (status, attempts, backoff, lease: lib/outbox/claim); a job only says
 * "try this row now", and the row's claim makes a duplicate job harmless. Rows are announced by
 * the process that wrote them; a sweep enqueues what no job announced (a crash between commit and
 * enqueue, rows written by a server that died, a retry whose job was lost).
 */
export async function startPgBossQueue(d: Dispatcher, url: string): Promise<() => Promise<void>> {
  const boss = new PgBoss({ connectionString: url, max: 3, schema: 'pgboss' });
  boss.on('error', (error) => console.error('[outbox] pg-boss', error));
  await boss.start();
  if (!(await boss.getQueue(QUEUE))) {
    await boss.createQueue(QUEUE, { name: QUEUE, retryLimit: 3, retryDelay: 1, retryBackoff: true }).catch(() => {});
  }

  // pg-boss schedules by the database's clock; the dispatcher's may be moved by TEST_CLOCK.
  const enqueue = async (rows: Array<{ id: string; notBefore: Date; attempts?: number }>, salt: string | number) => {
    if (rows.length === 0) return;
    const now = await d.now();
    await boss.insert(
      rows.map((r) => ({
        id: jobId(r.id, r.attempts ?? 0, salt),
        name: QUEUE,
        data: { id: r.id },
        startAfter: new Date(Date.now() + Math.max(0, r.notBefore.getTime() - now.getTime())),
      })),
    );
  };

  await boss.work<{ id: string }>(QUEUE, { batchSize: 20, pollingIntervalSeconds: 0.5 }, async (jobs) => {
    const notYet: string[] = [];
    for (const job of jobs) {
      const now = await d.now();
      const row = await claimOne(d.db, job.data.id, now, d.kinds, d.policy.leaseMs);
      if (!row) {
        notYet.push(job.data.id);
        continue;
      }
      const after = await deliverClaimed(d, row, now);
      if (after.status === 'pending') await enqueue([after], 'retry');
    }
    // Announced before its transaction committed: not visible yet. Failing the batch makes
    // pg-boss try again shortly; a row that never commits simply is never found.
    if (notYet.length > 0) {
      const exists = await d.db.select({ id: outbox.id }).from(outbox).where(inArray(outbox.id, notYet));
      if (exists.length < notYet.length) throw new Error('outbox rows not committed yet');
    }
  });

  const unsubscribe = onOutboxEnqueued((rows) => {
    const mine = rows.filter((r) => d.handlers.has(r.kind));
    setTimeout(() => void enqueue(mine, 'new').catch((error) => console.error('[outbox] enqueue failed', error)), 20);
  });

  const sweep = repeat('outbox sweep', SWEEP_MS, async () => {
    const now = await d.now();
    const overdue = await d.db
      .select({ id: outbox.id, notBefore: outbox.notBefore, attempts: outbox.attempts })
      .from(outbox)
      .where(
        and(
          eq(outbox.status, 'pending'),
          inArray(outbox.kind, [...d.kinds]),
          lte(outbox.notBefore, new Date(now.getTime() - 2_000)),
          or(isNull(outbox.lockedUntil), lt(outbox.lockedUntil, now)),
        ),
      )
      .limit(1_000);
    await enqueue(overdue, `sweep:${Math.floor(Date.now() / SWEEP_MS)}`);
  });
  return async () => {
    sweep.stop();
    unsubscribe();
    await boss.stop({ graceful: true, wait: true, timeout: 10_000 });
  };
}

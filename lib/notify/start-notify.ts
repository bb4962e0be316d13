import type { Db } from '@/db/client';
import { now } from '../clock';
import type { NotifyEnv } from './env';
import { startPgBossQueue } from './pgboss-queue';
import { startPoller } from './poller';
import { deliveryDeps } from './senders';

/**
 * Starts delivering the outbox on the configured channels: pg-boss on a PostgreSQL server,
 * the in-process poller on embedded PGlite (pg-boss needs a real server). Nothing runs when
 * no external channel is configured: the in-app message center needs no delivery.
 */
export async function startNotify(
  db: Db,
  opts: { cfg: NotifyEnv; secret: string; databaseUrl: string | undefined },
): Promise<(() => Promise<void>) | null> {
  const deps = deliveryDeps(db, opts.cfg, opts.secret);
  if (deps.senders.size === 0) return null;
  const ctx = { deps, quietHours: opts.cfg.quietHours, now: () => now(db) };
  const usePgBoss = opts.cfg.queue === 'pgboss' || (opts.cfg.queue === 'auto' && opts.databaseUrl !== undefined);
  if (usePgBoss) {
    if (!opts.databaseUrl) throw new Error('NOTIFY_QUEUE=pgboss needs DATABASE_URL (a PostgreSQL server)');
    return startPgBossQueue(db, opts.databaseUrl, ctx, opts.cfg.pollMs);
  }
  const stop = startPoller(db, ctx, opts.cfg.pollMs);
  return async () => stop();
}

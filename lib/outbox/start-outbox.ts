import type { Db } from '@/db/client';
import { now } from '../clock';
import type { NotifyEnv } from '../notify/env';
import { createDispatcher, type Dispatcher } from './dispatcher';
import { outboxHandlers } from './handlers';
import { startPgBossQueue } from './pgboss-queue';
import { startPoller } from './poller';
import { policyFrom } from './retry-policy';

export interface OutboxConfig {
  notify: NotifyEnv;
  /** Signs action links in reminders. */
  secret: string;
  databaseUrl: string | undefined;
}

/** The dispatcher of this installation: every kind it can deliver, with the configured targets. */
export function installationDispatcher(db: Db, cfg: OutboxConfig): Dispatcher {
  return createDispatcher(db, { policy: policyFrom(cfg.notify), now: () => now(db), handlers: outboxHandlers(db, cfg) });
}

/**
 * Starts delivering the outbox after commit: pg-boss on a PostgreSQL server (several app servers
 * share its queue), the in-process poller on embedded PGlite. Called once per server from
 * instrumentation.ts (lib/start-server.ts); returns the stop function.
 */
export async function startOutbox(db: Db, cfg: OutboxConfig): Promise<() => Promise<void>> {
  const d = installationDispatcher(db, cfg);
  const usePgBoss = cfg.notify.queue === 'pgboss' || (cfg.notify.queue === 'auto' && cfg.databaseUrl !== undefined);
  if (usePgBoss) {
    if (!cfg.databaseUrl) throw new Error('NOTIFY_QUEUE=pgboss needs DATABASE_URL (a PostgreSQL server)');
    return startPgBossQueue(d, cfg.databaseUrl);
  }
  const stop = startPoller(d, cfg.notify.pollMs);
  return async () => stop();
}

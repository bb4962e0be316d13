import { DataDirLockedError } from '@/db/data-dir-lock';
import { getAuthSecret, getDb } from './db';
import { env } from './env';
import { startOutbox } from './outbox/start-outbox';
import { startTimerRunner } from './timer-runner';

const RETRY_OPEN_MS = 5_000;

/**
 * What a server does once when it starts (Next's instrumentation register hook): open the
 * database (migrate, seed), then run the background work — durable timers and the outbox
 * dispatcher. A data directory held by another process ends this one with the reason, before it
 * serves anything; a database server that is not reachable yet is tried again.
 */
export async function startServer(): Promise<void> {
  for (;;) {
    try {
      await getDb();
      break;
    } catch (error) {
      if (error instanceof DataDirLockedError) {
        console.error(`\n[start] ${error.message}\n`);
        process.exit(3);
      }
      console.error('[start] could not open the database, trying again', error);
      await new Promise((resolve) => setTimeout(resolve, RETRY_OPEN_MS));
    }
  }
  const db = await getDb();
  const e = env();
  const secret = await getAuthSecret();
  startTimerRunner(db);
  // Delivery runs beside the app; its failures are logged and never reach a request or a transition.
  await startOutbox(db, { notify: e.notify, secret, databaseUrl: e.databaseUrl }).catch((error) =>
    console.error('[outbox] could not start', error),
  );
}

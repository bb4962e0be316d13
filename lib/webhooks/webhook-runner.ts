import type { Db } from '@/db/client';
import { now } from '../clock';
import { deliverDueWebhooks } from './deliver-webhooks';

const INTERVAL_MS = 5_000;

/** Polls the webhook outbox, like the timer runner polls timers; one per app server. */
export function startWebhookRunner(db: Db): void {
  let running = false;
  const tick = async () => {
    if (running) return;
    running = true;
    try {
      await deliverDueWebhooks(db, await now(db));
    } catch (error) {
      console.error('[webhooks] tick failed', error);
    } finally {
      running = false;
    }
  };
  setInterval(tick, INTERVAL_MS).unref();
}

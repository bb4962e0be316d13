import type { Db } from '@/db/client';
import { now } from '../clock';
import { deliverDueWebhooks } from './deliver-due-webhooks';
import { webhookTargets } from './targets';

const INTERVAL_MS = 2_000;

/** Polls the integration outbox (jobs for external systems, e.g. dorm repairs) after commits; like the timer runner, every app server runs one. */
export function startJobHookRunner(db: Db): void {
  const targets = webhookTargets();
  if (!Object.values(targets).some(Boolean)) return;
  let running = false;
  const tick = async () => {
    if (running) return;
    running = true;
    try {
      await deliverDueWebhooks(db, await now(db), targets);
    } catch (error) {
      console.error('[webhooks] tick failed', error);
    } finally {
      running = false;
    }
  };
  const timer = setInterval(tick, INTERVAL_MS);
  timer.unref();
  void tick();
}

import type { Db } from '@/db/client';
import { fireDueTimers } from '@/workflows/engine/fire-due-timers';
import { now } from './clock';

const INTERVAL_MS = 5_000;

/**
 * Polls for due durable timers. Every app server runs one; SKIP LOCKED claims keep each
 * timer firing exactly once, and timers due while no server ran fire on the next start.
 */
export function startTimerRunner(db: Db): void {
  let running = false;
  const tick = async () => {
    if (running) return;
    running = true;
    try {
      await fireDueTimers(db, await now(db));
    } catch (error) {
      console.error('[timers] tick failed', error);
    } finally {
      running = false;
    }
  };
  const timer = setInterval(tick, INTERVAL_MS);
  timer.unref();
  void tick();
}

import type { Db } from '@/db/client';
import type { NotifyChannel } from '@/db/schema';
import { claimDue, deliverClaimed, type DeliveryDeps } from './deliver';
import { FULL_LOOKBACK_MS, lookbackSchedule, planNewMessages } from './plan-deliveries';

export interface TickContext {
  deps: DeliveryDeps;
  quietHours: { start: number; end: number } | null;
  now: () => Promise<Date>;
}

const BATCH = 50;

/** Plans new messages, then sends what is due, until nothing due is left. */
export async function pollOnce(db: Db, ctx: TickContext, lookbackMs = FULL_LOOKBACK_MS): Promise<number> {
  const channels = [...ctx.deps.senders.keys()] as NotifyChannel[];
  await planNewMessages(db, { channels, quietHours: ctx.quietHours, now: await ctx.now() }, 1_000, lookbackMs);
  let handled = 0;
  for (;;) {
    const now = await ctx.now();
    const rows = await claimDue(db, now, BATCH);
    for (const row of rows) await deliverClaimed(db, ctx.deps, row, now);
    handled += rows.length;
    if (rows.length < BATCH) return handled;
  }
}

/**
 * The in-process fallback queue for embedded PGlite, where pg-boss cannot run: the same
 * delivery table, the same claim, backoff and quiet-hours rules, polled on an interval.
 */
export function startPoller(db: Db, ctx: TickContext, intervalMs: number): () => void {
  let running = false;
  const lookback = lookbackSchedule();
  const tick = async () => {
    if (running) return;
    running = true;
    try {
      await pollOnce(db, ctx, lookback());
    } catch (error) {
      console.error('[notify] poll failed', error);
    } finally {
      running = false;
    }
  };
  const timer = setInterval(tick, intervalMs);
  timer.unref();
  void tick();
  return () => clearInterval(timer);
}

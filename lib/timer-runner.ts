import type { Db } from '@/db/client';
import { fireDueTimers } from '@/workflows/engine/fire-due-timers';
import { compactMonitorRollup } from './admin/stats/compact-rollup';
import { now } from './clock';
import { repeat } from './repeat';
import { getStorage } from './storage';
import { purgeUnattachedUploads } from './uploads/purge-unattached';
import '@/lib/engine/provide-engine';

const INTERVAL_MS = 5_000;
/** Uploads nobody attached (unclaimed 校长信箱 attachments, forms never sent) are swept this often. */
const PURGE_EVERY_MS = 10 * 60_000;
/** Monitoring deltas are folded this often (readers sum them meanwhile). */
const COMPACT_EVERY_MS = 60_000;

/**
 * Polls for due durable timers. Every app server runs one; SKIP LOCKED claims keep each
 * timer firing exactly once, and timers due while no server ran fire on the next start.
 */
export function startTimerRunner(db: Db): void {
  let lastPurge = 0;
  let lastCompact = 0;
  repeat('timers', INTERVAL_MS, async () => {
    const at = await now(db);
    await fireDueTimers(db, at);
    if (Date.now() - lastPurge >= PURGE_EVERY_MS) {
      lastPurge = Date.now();
      await purgeUnattachedUploads(db, getStorage(), at);
    }
    if (Date.now() - lastCompact >= COMPACT_EVERY_MS) {
      lastCompact = Date.now();
      await compactMonitorRollup(db);
    }
  });
}

import { sql } from 'drizzle-orm';
import type { Db } from '@/db/client';
import { queryRows } from '../rows';

/**
 * Folds the monitoring deltas the triggers appended into the rollup table
 * (monitor_rollup_compact in db/migrations/0002_monitor_rollups.sql). Readers sum both
 * tables, so this only keeps the delta table short; two servers folding at once is safe
 * (one folds, the other returns 0). Returns the number of delta rows folded.
 */
export async function compactMonitorRollup(db: Db): Promise<number> {
  const [row] = await queryRows<{ moved: number }>(db, sql`select monitor_rollup_compact() as moved`);
  return Number(row?.moved ?? 0);
}

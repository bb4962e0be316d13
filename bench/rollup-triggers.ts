import { sql } from 'drizzle-orm';
import type { Db } from '@/db/client';

/** The tables whose triggers keep the monitoring rollup (db/migrations/0002_monitor_rollups.sql). */
const TABLES = ['process_instances', 'instance_events', 'tasks'];

/** Turns the rollup triggers (every user trigger of those tables) on or off. Benchmarks only. */
export async function setRollupTriggers(db: Db, on: boolean): Promise<void> {
  for (const table of TABLES) await db.execute(sql.raw(`alter table ${table} ${on ? 'enable' : 'disable'} trigger user`));
}

/**
 * Runs a bulk generator with the rollup triggers off — millions of row triggers would take far
 * longer than one set-based rebuild — and turns them back on whatever happens.
 */
export async function withRollupTriggersOff<T>(db: Db, fn: () => Promise<T>): Promise<T> {
  await setRollupTriggers(db, false);
  try {
    return await fn();
  } finally {
    await setRollupTriggers(db, true);
  }
}

/**
 * What the monitoring rollup costs the write path: the engine benchmark (fitness-test
 * applications approved through three steps by concurrent clients, bench/engine-bench.ts)
 * with the rollup triggers on and off, alternating rounds in one run on one database.
 *
 *   npx tsx bench/monitor-triggers.ts               # 4 rounds × 200 instances × 3 transitions, 8 clients
 *   BENCH_ROUNDS=6 BENCH_INSTANCES=300 npx tsx bench/monitor-triggers.ts
 *   BENCH_DB=pglite npx tsx bench/monitor-triggers.ts   # the embedded database (WASM), in a temp dir
 */
import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { sql } from 'drizzle-orm';
import { openDatabase, type Database } from '@/db/client';
import { seedDemoAccounts, seedOrgUnits } from '@/db/seed/seed-demo';
import { queryRows } from '@/lib/admin/rows';
import { createPgDatabase } from '../e2e/support/proof-server';
import { engineBench } from './engine-bench';
import { setRollupTriggers } from './rollup-triggers';
import { fmt, type Summary } from './stats';

const ROUNDS = Number(process.env.BENCH_ROUNDS ?? 4);
const INSTANCES = Number(process.env.BENCH_INSTANCES ?? 200);
const CLIENTS = Number(process.env.BENCH_CLIENTS ?? 8);

/** A throw-away database of the kind asked for, and how to get rid of it. */
async function scratchDatabase(): Promise<{ database: Database; drop: () => Promise<void> }> {
  if (process.env.BENCH_DB === 'pglite') {
    const dir = await mkdtemp(path.join(os.tmpdir(), 'zj-bench-triggers-'));
    return { database: await openDatabase({ kind: 'pglite', dataDir: dir }), drop: () => rm(dir, { recursive: true, force: true }) };
  }
  const pg = await createPgDatabase('zj_bench_triggers');
  return { database: await openDatabase({ kind: 'postgresql', url: pg.url, maxConnections: CLIENTS + 2 }), drop: () => pg.drop() };
}

async function main() {
  const { database, drop } = await scratchDatabase();
  const runs: Record<'on' | 'off', Summary[]> = { on: [], off: [] };
  try {
    await seedOrgUnits(database.db);
    await seedDemoAccounts(database.db);
    for (let round = 0; round < ROUNDS; round++) {
      // Alternate which goes first, so warming up favours neither.
      for (const mode of round % 2 ? (['off', 'on'] as const) : (['on', 'off'] as const)) {
        await setRollupTriggers(database.db, mode === 'on');
        const s = await engineBench(database.db, INSTANCES, CLIENTS);
        runs[mode].push(s);
        console.log(`round ${round + 1}, triggers ${mode.padEnd(3)}: ${fmt(s)}`);
      }
    }
    await setRollupTriggers(database.db, true);
    const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;
    const on = median(runs.on.map((s) => s.perSecond));
    const off = median(runs.off.map((s) => s.perSecond));
    const p50on = median(runs.on.map((s) => s.p50));
    const p50off = median(runs.off.map((s) => s.p50));
    console.log(`\nmedian transitions/s: triggers on ${on.toFixed(0)}, off ${off.toFixed(0)} → ${((on / off) * 100).toFixed(0)} % of the rate without rollup`);
    console.log(`median p50 latency: on ${p50on.toFixed(1)} ms, off ${p50off.toFixed(1)} ms`);
    const [d] = await queryRows<{ n: number }>(database.db, sql`select count(*)::int as n from monitor_rollup_delta`);
    console.log(`delta rows written with triggers on: ${d!.n.toLocaleString()} for ${(ROUNDS * INSTANCES).toLocaleString()} instances (${(d!.n / (ROUNDS * INSTANCES)).toFixed(1)} each)`);
  } finally {
    await database.close();
    await drop();
  }
}

main().catch((e) => {
  console.error(e);
  process.exit(1);
});

/**
 * Monitoring at scale on PostgreSQL: generates instances + events + tasks (bench/monitor-generate.ts)
 * in a throw-away database, then times every dashboard table and the heatmap query.
 *
 *   npx tsx bench/monitor-bench.ts                         # 1,000,000 instances, 10 events each
 *   BENCH_INSTANCES=100000 npx tsx bench/monitor-bench.ts   # a quick run
 *   BENCH_KEEP=1 keeps the database (zj_bench_monitor) for a second timing run: BENCH_REUSE=1.
 *
 * Each query runs BENCH_REPEAT times (default 5); the median is printed, and a baseline measured
 * in the same run (a primary-key lookup of one instance) so figures compare across machines.
 * Then the same queries run again with the materialised rollup (bench/monitor-rollup.ts).
 */
import { performance } from 'node:perf_hooks';
import { sql } from 'drizzle-orm';
import postgres from 'postgres';
import { openDatabase, type Db } from '@/db/client';
import { seedOrgUnits } from '@/db/seed/seed-demo';
import { stateHeatmap } from '@/lib/admin/heatmap';
import { parsePeriod } from '@/lib/admin/period';
import { parseStatsFilters } from '@/lib/admin/stats/filters';
import { STATS_TABLES, statsTable } from '@/lib/admin/stats/tables';
import { generateMonitorData } from "./monitor-generate";
import { createRollups, rollupQueries } from './monitor-rollup';

const base = process.env.BENCH_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres';
const name = 'zj_bench_monitor';
const instances = Number(process.env.BENCH_INSTANCES ?? 1_000_000);
const eventsPer = Number(process.env.BENCH_EVENTS_PER ?? 10);
const tasksPer = Number(process.env.BENCH_TASKS_PER ?? 3);
const repeat = Number(process.env.BENCH_REPEAT ?? 5);
const reuse = process.env.BENCH_REUSE === '1';
const keep = process.env.BENCH_KEEP === '1' || reuse;

async function admin(statement: string) {
  const c = postgres(base, { max: 1, onnotice: () => {} });
  try {
    await c.unsafe(statement);
  } finally {
    await c.end({ timeout: 5 });
  }
}

async function time(fn: () => Promise<unknown>): Promise<number> {
  const runs: number[] = [];
  await fn(); // warm the cache and the plan
  for (let i = 0; i < repeat; i++) {
    const t0 = performance.now();
    await fn();
    runs.push(performance.now() - t0);
  }
  return runs.sort((a, b) => a - b)[Math.floor(runs.length / 2)]!;
}

const fmt = (ms: number) => `${ms.toFixed(1).padStart(8)} ms`;

async function main() {
  if (!reuse) {
    await admin(`drop database if exists ${name} with (force)`);
    await admin(`create database ${name}`);
  }
  const url = new URL(base);
  url.pathname = `/${name}`;
  const database = await openDatabase({ kind: 'postgresql', url: url.toString(), maxConnections: 4 });
  const db: Db = database.db;
  try {
    if (!reuse) {
      await seedOrgUnits(db);
      const t0 = performance.now();
      await generateMonitorData(db, { instances, eventsPer, tasksPer, termStart: '2025-09-01T00:00:00+08:00' });
      console.log(`generated ${instances.toLocaleString()} instances, ${(instances * eventsPer).toLocaleString()} events, ${(instances * tasksPer).toLocaleString()} tasks in ${((performance.now() - t0) / 1000).toFixed(0)} s`);
    }
    const counts = await db.execute(sql`select (select count(*) from process_instances)::int as i, (select count(*) from instance_events)::int as e`);
    console.log('rows:', JSON.stringify((counts as unknown as Array<Record<string, number>>)[0]));
    const now = new Date('2026-06-01T00:00:00+08:00');
    const scope = { kind: 'all' } as const;
    const year = parseStatsFilters(scope, { from: '2025-09-01', to: '2026-05-31' }, now);
    const month = parsePeriod({ from: '2025-09-01', to: '2025-09-30' }, now);
    const [one] = (await db.execute(sql`select id from process_instances limit 1`)) as unknown as Array<{ id: string }>;
    const baseline = await time(() => db.execute(sql`select * from process_instances where id = ${one!.id}`));
    console.log(`\nbaseline (pk lookup)            ${fmt(baseline)}`);
    console.log('\nlive queries (app code, indexes from db/schema):');
    const results: Array<[string, number]> = [];
    for (const id of STATS_TABLES) results.push([`dashboard ${id} (9 months)`, await time(() => statsTable(db, scope, id, year, now))]);
    results.push(['dashboard by-process, one college', await time(() => statsTable(db, scope, 'by-process', { ...year, department: 'engineering' }, now))]);
    results.push(['heatmap fitness v1, first month', await time(() => stateHeatmap(db, scope, 'fitness-test-exemption', 1, month))]);
    results.push(['heatmap fitness v1, 9 months', await time(() => stateHeatmap(db, scope, 'fitness-test-exemption', 1, year.period))]);
    for (const [label, ms] of results) console.log(`${label.padEnd(46)} ${fmt(ms)}  ×${(ms / baseline).toFixed(0)} baseline ${ms < 200 ? 'OK' : 'over 200 ms'}`);

    console.log('\nwith rollups (bench/monitor-rollup.ts):');
    const t0 = performance.now();
    await createRollups(db);
    console.log(`rollups built in ${((performance.now() - t0) / 1000).toFixed(1)} s`);
    for (const [label, q] of rollupQueries(year.period, month)) {
      const ms = await time(() => db.execute(q));
      console.log(`${label.padEnd(46)} ${fmt(ms)}  ×${(ms / baseline).toFixed(0)} baseline ${ms < 200 ? 'OK' : 'over 200 ms'}`);
    }
  } finally {
    await database.close();
    if (!keep) await admin(`drop database if exists ${name} with (force)`);
  }
}

main().catch((e) => {
  console.error(e);
  process.exit(1);
});

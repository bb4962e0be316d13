/**
 * Monitoring at scale on PostgreSQL: generates instances + events + tasks (bench/monitor-generate.ts)
 * in a throw-away database, then times every dashboard table and the heatmap as the app runs
 * them (lib/admin/stats, lib/admin/heatmap — backed by the trigger-kept rollup of
 * db/migrations/0002_monitor_rollups.sql), beside the live-table scans they replaced.
 *
 *   npx tsx bench/monitor-bench.ts                         # 1,000,000 instances, 10 events each
 *   BENCH_INSTANCES=100000 npx tsx bench/monitor-bench.ts   # a quick run
 *   BENCH_KEEP=1 keeps the database (zj_bench_monitor) for a second timing run: BENCH_REUSE=1.
 *
 * Each query runs BENCH_REPEAT times (default 5) after one warm-up; the median is printed with
 * a baseline measured in the same run (a primary-key lookup of one instance), so figures
 * compare across machines.
 */
import { performance } from 'node:perf_hooks';
import { sql } from 'drizzle-orm';
import postgres from 'postgres';
import { openDatabase, type Db } from '@/db/client';
import { seedOrgUnits } from '@/db/seed/seed-demo';
import { stateHeatmap } from '@/lib/admin/heatmap';
import type { AdminScope } from '@/lib/policy';
import { parsePeriod } from '@/lib/admin/period';
import { compactMonitorRollup } from '@/lib/admin/stats/compact-rollup';
import { parseStatsFilters } from '@/lib/admin/stats/filters';
import { STATS_TABLES, statsTable } from '@/lib/admin/stats/tables';
import { generateMonitorData } from './monitor-generate';
import { liveReferenceQueries } from './monitor-live-reference';

const base = process.env.BENCH_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres';
const name = 'zj_bench_monitor';
const instances = Number(process.env.BENCH_INSTANCES ?? 1_000_000);
const eventsPer = Number(process.env.BENCH_EVENTS_PER ?? 10);
const tasksPer = Number(process.env.BENCH_TASKS_PER ?? 3);
const repeat = Number(process.env.BENCH_REPEAT ?? 5);
const reuse = process.env.BENCH_REUSE === '1';
const keep = process.env.BENCH_KEEP === '1' || reuse;
const GOAL_MS = 200;

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

const seconds = (t0: number) => `${((performance.now() - t0) / 1000).toFixed(1)} s`;

async function main() {
  if (!reuse) {
    await admin(`drop database if exists ${name} with (force)`);
    await admin(`create database ${name}`);
  }
  const url = new URL(base);
  url.pathname = `/${name}`;
  const opened = performance.now();
  const database = await openDatabase({ kind: 'postgresql', url: url.toString(), maxConnections: 4 });
  // On a reused database made before the rollup existed, this is where its migration backfills.
  console.log(`database opened (pending migrations applied) in ${seconds(opened)}`);
  const db: Db = database.db;
  const count = async (q: ReturnType<typeof sql>) => Number(((await db.execute(q)) as unknown as Array<{ n: number }>)[0]!.n);
  try {
    if (!reuse) {
      await seedOrgUnits(db);
      const t0 = performance.now();
      await generateMonitorData(db, { instances, eventsPer, tasksPer, termStart: '2025-09-01T00:00:00+08:00' });
      console.log(`generated ${instances.toLocaleString()} instances, ${(instances * eventsPer).toLocaleString()} events, ${(instances * tasksPer).toLocaleString()} tasks in ${seconds(t0)}`);
      const t1 = performance.now();
      await db.execute(sql`select monitor_rollup_rebuild()`);
      await db.execute(sql`analyze monitor_rollup`);
      console.log(`rollup rebuilt from the live tables (what the migration does on an existing database) in ${seconds(t1)}`);
    }
    const rows = await count(sql`select count(*)::int as n from process_instances`);
    const events = await count(sql`select count(*)::int as n from instance_events`);
    const rollupRows = await count(sql`select count(*)::int as n from monitor_rollup`);
    console.log(`rows: ${rows.toLocaleString()} instances, ${events.toLocaleString()} events, ${rollupRows.toLocaleString()} rollup rows`);

    const now = new Date('2026-06-01T00:00:00+08:00');
    const all = { kind: 'all' } as const;
    const leader: AdminScope = { kind: 'departments', orgUnitIds: ['engineering'] };
    const year = parseStatsFilters(all, { from: '2025-09-01', to: '2026-05-31' }, now);
    const cut = parseStatsFilters(all, { from: '2025-09-17', to: '2026-05-12' }, now);
    const month = parsePeriod({ from: '2025-09-01', to: '2025-09-30' }, now);
    const [one] = (await db.execute(sql`select id from process_instances limit 1`)) as unknown as Array<{ id: string }>;
    const baseline = await time(() => db.execute(sql`select * from process_instances where id = ${one!.id}`));

    const results: Array<[string, number]> = [];
    const measure = async (label: string, fn: () => Promise<unknown>) => results.push([label, await time(fn)]);
    for (const id of STATS_TABLES) await measure(`dashboard ${id} (9 months)`, () => statsTable(db, all, id, year, now));
    await measure('dashboard, all 9 tables at once (the page)', () => Promise.all(STATS_TABLES.map((id) => statsTable(db, all, id, year, now))));
    await measure('dashboard by-process, mid-month to mid-month', () => statsTable(db, all, 'by-process', cut, now));
    await measure('dashboard by-process, one college', () => statsTable(db, all, 'by-process', { ...year, department: 'engineering' }, now));
    await measure("dashboard page as a college's leader", () =>
      Promise.all(STATS_TABLES.map((id) => statsTable(db, leader, id, parseStatsFilters(leader, { from: '2025-09-01', to: '2026-05-31' }, now), now))),
    );
    await measure('heatmap fitness v1, first month', () => stateHeatmap(db, all, 'fitness-test-exemption', 1, month));
    await measure('heatmap fitness v1, 9 months', () => stateHeatmap(db, all, 'fitness-test-exemption', 1, year.period));
    for (const [label, q] of liveReferenceQueries(year.period)) await measure(label, () => db.execute(q));

    // Writes since the last fold are summed from the delta table until the timer runner folds
    // them: 20,000 instances finishing at once leave 200,000 delta rows. Put back afterwards.
    const finishing = sql`(select id from process_instances where status = 'active' order by id limit 20000)`;
    await db.execute(sql`drop table if exists bench_finished`);
    await db.execute(sql`create table bench_finished as ${finishing}`);
    await db.execute(sql`update process_instances set status = 'completed', completed_at = created_at + interval '2 days' where id in (select id from bench_finished)`);
    const deltas = await count(sql`select count(*)::int as n from monitor_rollup_delta`);
    await measure(`dashboard page with ${deltas.toLocaleString()} unfolded delta rows`, () => Promise.all(STATS_TABLES.map((id) => statsTable(db, all, id, year, now))));
    const f0 = performance.now();
    const folded = await compactMonitorRollup(db);
    results.push([`fold ${folded.toLocaleString()} delta rows (timer runner, once a minute)`, performance.now() - f0]);
    await measure('dashboard page after the fold', () => Promise.all(STATS_TABLES.map((id) => statsTable(db, all, id, year, now))));
    await db.execute(sql`update process_instances set status = 'active', completed_at = null where id in (select id from bench_finished)`);
    await compactMonitorRollup(db);
    await db.execute(sql`drop table bench_finished`);

    console.log(`\nbaseline (pk lookup)${' '.repeat(40)}${baseline.toFixed(1).padStart(8)} ms`);
    for (const [label, ms] of results) {
      const verdict = label.startsWith('live scan') || label.startsWith('fold') ? '' : ms < GOAL_MS ? 'OK' : `over ${GOAL_MS} ms`;
      console.log(`${label.padEnd(60)}${ms.toFixed(1).padStart(8)} ms  ×${(ms / baseline).toFixed(0).padStart(5)} baseline  ${verdict}`);
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

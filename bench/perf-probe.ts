/**
 * Small probes for the engine's round trips and the 待办 query (issue 9, fix/perf).
 *   node --import tsx bench/perf-probe.ts count            statements per start / per approve (PostgreSQL)
 *   node --import tsx bench/perf-probe.ts engine [n] [c]   bench/engine-bench.ts with n instances, c clients
 *   node --import tsx bench/perf-probe.ts todo-gen [instances]   keeps database zj_perf_todo (drop it by hand)
 *   node --import tsx bench/perf-probe.ts todo-time [iterations] times 待办 + badge, prints EXPLAIN ANALYZE
 * count prints statements and round trips (statements sent in one event-loop turn, which postgres.js
 * pipelines, count as one); a transaction adds BEGIN and COMMIT to both.
 */
import { sql } from 'drizzle-orm';
import { drizzle } from 'drizzle-orm/postgres-js';
import postgres from 'postgres';
import { openDatabase, type Db } from '@/db/client';
import * as schema from '@/db/schema';
import { seedDemoAccounts, seedOrgUnits } from '@/db/seed/seed-demo';
import { loadActor } from '@/lib/auth/load-actor';
import { applyEvent } from '@/workflows/engine/apply-event';
import { createPgDatabase } from '../e2e/support/proof-server';
import { APPROVERS, engineBench, prepareInstances } from './engine-bench';
import { fmt } from './stats';
import { generateScale, timeTaskQueries } from './todo-scale';

const BASE = process.env.TEST_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres';
const [mode = 'count', a1, a2] = process.argv.slice(2);

async function count() {
  const pg = await createPgDatabase('zj_perf_count');
  const database = await openDatabase({ kind: 'postgresql', url: pg.url, maxConnections: 2 });
  const client = postgres(pg.url, { max: 1, onnotice: () => {} });
  const log: string[] = [];
  // A round trip: statements sent in one turn of the event loop go out together (postgres.js
  // pipelines them); the next batch can only follow an answer, which arrives in a later turn.
  let trips = 0;
  let batchOpen = false;
  const logQuery = (q: string) => {
    log.push(q.replace(/\s+/g, ' '));
    if (batchOpen) return;
    trips++;
    batchOpen = true;
    setImmediate(() => (batchOpen = false));
  };
  const db = drizzle(client, { schema, logger: { logQuery } }) as unknown as Db;
  try {
    await seedOrgUnits(database.db);
    await seedDemoAccounts(database.db);
    log.length = 0;
    trips = 0;
    const [id] = await prepareInstances(db, 1);
    const show = (what: string) => {
      // prepareInstances' own statements (loadActor, the upload insert) are not the start's; +2 = BEGIN, COMMIT.
      const benchOwn = (q: string) => q.startsWith('insert into "uploads"') || q.includes('where "users"."username"') || q.startsWith('select "role", "org_unit_id" from "role_bindings"');
      const own = what === 'start' ? log.filter((q) => !benchOwn(q)) : log;
      // prepareInstances' own: loadActor (2 reads, one after the other) and the upload insert.
      const benchTrips = what === 'start' ? 3 : 0;
      console.log(`${what}: ${trips - benchTrips + 2} round trips, ${own.length + 2} statements (each counting BEGIN and COMMIT)`);
      trips = 0;
      if (process.env.VERBOSE) for (const q of own) console.log(`   ${q.slice(0, 110)}`);
      log.length = 0;
    };
    show('start');
    for (const who of APPROVERS) {
      const actor = (await loadActor(db, { username: who }))!;
      log.length = 0;
      trips = 0;
      await applyEvent(db, { instanceId: id!, actor, type: 'approve', now: new Date() });
      show(`approve by ${who}`);
    }
  } finally {
    await client.end();
    await database.close();
    await pg.drop();
  }
}

async function engine(n: number, c: number) {
  const pg = await createPgDatabase('zj_perf_engine');
  const database = await openDatabase({ kind: 'postgresql', url: pg.url, maxConnections: c + 2 });
  try {
    await seedOrgUnits(database.db);
    await seedDemoAccounts(database.db);
    const s = await engineBench(database.db, n, c);
    console.log(`engine on PostgreSQL, ${n} instances × 3 approvals, ${c} clients: ${fmt(s)}`);
  } finally {
    await database.close();
    await pg.drop();
  }
}

const todoUrl = () => {
  const url = new URL(BASE);
  url.pathname = '/zj_perf_todo';
  return url.toString();
};

async function todoGen(instances: number) {
  const admin = postgres(BASE, { max: 1, onnotice: () => {} });
  await admin.unsafe('drop database if exists zj_perf_todo with (force)');
  await admin.unsafe('create database zj_perf_todo');
  await admin.end();
  const database = await openDatabase({ kind: 'postgresql', url: todoUrl(), maxConnections: 2 });
  try {
    await seedOrgUnits(database.db);
    await seedDemoAccounts(database.db);
    await prepareInstances(database.db, 1);
    const t0 = performance.now();
    await generateScale(database.db, { users: Math.round(instances / 4), instances, eventsPerInstance: 1 });
    const [row] = (await database.db.execute(sql`select count(*)::int as n from tasks`)) as unknown as Array<{ n: number }>;
    console.log(`generated ${instances} instances, ${row!.n} tasks in ${((performance.now() - t0) / 1000).toFixed(0)} s`);
  } finally {
    await database.close();
  }
}

async function todoTime(iterations: number) {
  const database = await openDatabase({ kind: 'postgresql', url: todoUrl(), maxConnections: 2 });
  const client = postgres(todoUrl(), { max: 1, onnotice: () => {} });
  let captured: { sql: string; params: unknown[] } | null = null;
  const db = drizzle(client, { schema, logger: { logQuery: (q, p) => void (captured = { sql: q, params: p }) } }) as unknown as Db;
  try {
    for (const t of await timeTaskQueries(database.db, ['counselor', 'gen100', 'doctor', 'gen1'], iterations)) {
      console.log(`待办 ${t.who.padEnd(9)} ${String(t.rows).padStart(3)} rows: p50 ${t.p50.toFixed(1)} ms, p95 ${t.p95.toFixed(1)} ms; badge COUNT p95 ${t.countP95.toFixed(1)} ms`);
    }
    if (process.env.EXPLAIN) {
      const { listTasks, countOpenTasks } = await import('@/lib/instances/list-tasks');
      for (const who of ['doctor', 'counselor']) {
        const actor = (await loadActor(database.db, { username: who }))!;
        for (const [what, run] of [['list', () => listTasks(db, actor, 'open')], ['count', () => countOpenTasks(db, actor)]] as const) {
          await run();
          const q = captured!;
          const plan = await client.unsafe(`explain (analyze, buffers off, costs off) ${q.sql}`, q.params as never[]);
          console.log(`\n--- EXPLAIN ANALYZE ${what} for ${who}`);
          for (const r of plan) console.log(String(Object.values(r)[0]));
        }
      }
    }
  } finally {
    await client.end();
    await database.close();
  }
}

async function main() {
  if (mode === 'count') await count();
  else if (mode === 'engine') await engine(Number(a1 ?? 40), Number(a2 ?? 4));
  else if (mode === 'todo-gen') await todoGen(Number(a1 ?? 200_000));
  else if (mode === 'todo-time') await todoTime(Number(a1 ?? 10));
  else throw new Error(`unknown mode ${mode}`);
}
main().catch((error) => {
  console.error(error);
  process.exit(1);
});

// npm run bench — every figure of issue 9 on this machine, each with its baseline from the same run.
// Needs: PostgreSQL on 127.0.0.1:5432 (TEST_DATABASE_URL), pgbench, and a build (`next build`).
// Scale knobs (defaults keep the whole run to a few minutes on 2 cores):
//   BENCH_CLIENTS=8  BENCH_INSTANCES=300  BENCH_PGBENCH_SECONDS=15  BENCH_SCALE_USERS=25000
//   BENCH_SCALE_INSTANCES=100000  BENCH_TERM_USERS=200  BENCH_TERM_CONCURRENCY=20  BENCH_CRASHES=0 (200 for the long run)
//   BENCH_SECONDS=8 (per row of the pages section)  BENCH_PAGE_INSTANCES=150  BENCH_PORT=3272 (the floor: +1)
// The quick run of issue 20's table (floor, pgbench, pages, transitions; ~2 min): BENCH_ONLY=pages npm run bench
import { execFileSync, spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { openDatabase } from '@/db/client';
import { seedDemoAccounts, seedOrgUnits } from '@/db/seed/seed-demo';
import { runCrashTest } from '../e2e/support/crash-harness';
import { AppServer, createPgDatabase, ROOT } from '../e2e/support/proof-server';
import { engineBench, prepareInstances } from './engine-bench';
import { createTermStudents, firstDayOfTerm, httpTransitionBench } from './load-bench';
import { printRoundTrips, roundTripsPerTransition } from './round-trips';
import { fmt, ms } from './stats';
import { pagesBench } from './pages-bench';
import { generateScale, timeTaskQueries } from './todo-scale';

const num = (name: string, fallback: number) => Number(process.env[name] || fallback);
const CLIENTS = num('BENCH_CLIENTS', 8);
const INSTANCES = num('BENCH_INSTANCES', 300);
const PGBENCH_SECONDS = num('BENCH_PGBENCH_SECONDS', 15);
const SCALE_USERS = num('BENCH_SCALE_USERS', 25_000);
const SCALE_INSTANCES = num('BENCH_SCALE_INSTANCES', 100_000);
const SCALE_EVENTS_PER = num('BENCH_SCALE_EVENTS_PER', 4);
const TERM_USERS = num('BENCH_TERM_USERS', 200);
const TERM_CONCURRENCY = num('BENCH_TERM_CONCURRENCY', 20);
const CRASHES = num('BENCH_CRASHES', 0);
const PORT = num('BENCH_PORT', 3272);
const SECONDS = num('BENCH_SECONDS', 8);
const PAGE_INSTANCES = num('BENCH_PAGE_INSTANCES', 150);
/** BENCH_ONLY=roundtrips,pgbench,pages,engine,http,pglite,todo,rss,term,crash runs only those sections. */
const ONLY = new Set((process.env.BENCH_ONLY || 'roundtrips,pgbench,pages,engine,http,pglite,todo,rss,term,crash').split(','));
const results: Record<string, unknown> = {};
const line = (s = '') => console.log(s);
const pct = (a: number, b: number) => `${((a / b) * 100).toFixed(0)} %`;

function machine() {
  const pg = spawnSync('psql', ['-h', '127.0.0.1', '-U', 'postgres', '-Atc', 'show server_version'], { encoding: 'utf8' }).stdout.trim();
  const facts = {
    date: new Date().toISOString(),
    cpus: `${os.cpus().length} × ${os.cpus()[0]?.model}`,
    memoryGb: (os.totalmem() / 1024 ** 3).toFixed(1),
    loadAverage: os.loadavg().map((l) => l.toFixed(1)).join(' '),
    node: process.version,
    postgres: pg,
    scale: { CLIENTS, INSTANCES, PGBENCH_SECONDS, SCALE_USERS, SCALE_INSTANCES, SCALE_EVENTS_PER, TERM_USERS, TERM_CONCURRENCY, CRASHES },
  };
  results.machine = facts;
  line(`machine: ${facts.cpus}, ${facts.memoryGb} GB, load ${facts.loadAverage}, node ${facts.node}, PostgreSQL ${facts.postgres}`);
  line(`scale: ${JSON.stringify(facts.scale)}`);
}

/** The floor under every query: one `select 1` round trip from Node, measured now (the machine may be shared). */
async function roundTrip(): Promise<void> {
  const pg = await createPgDatabase('zj_bench_rtt');
  try {
    const times: number[] = [];
    for (let i = 0; i < 200; i++) {
      const t0 = performance.now();
      await pg.sql`select 1`;
      times.push(performance.now() - t0);
    }
    times.sort((a, b) => a - b);
    const p50 = times[100]!;
    results.roundTripMs = { p50, p95: times[190]! };
    line(`PostgreSQL round trip from Node (select 1): p50 ${ms(p50)}, p95 ${ms(times[190]!)}`);
  } finally {
    await pg.drop();
  }
}

async function pgbench(): Promise<number> {
  const which = spawnSync('sh', ['-c', 'command -v pgbench'], { encoding: 'utf8' });
  if (which.status !== 0) {
    line('pgbench not found: install it with `apt-get install postgresql-client-15` (Debian: package postgresql-client-15, or postgresql-contrib)');
    return NaN;
  }
  const db = await createPgDatabase('zj_pgbench');
  line(`pgbench (load ${os.loadavg().map((l) => l.toFixed(2)).join(' ')}) …`);
  const url = new URL(db.url);
  const args = ['-h', url.hostname, '-p', url.port || '5432', '-U', url.username || 'postgres'];
  try {
    execFileSync('pgbench', [...args, '-i', '-q', '-s', '10', db.name], { stdio: 'ignore' });
    const out = execFileSync('pgbench', [...args, '-c', String(CLIENTS), '-j', '2', '-T', String(PGBENCH_SECONDS), '-M', 'prepared', db.name], { encoding: 'utf8' });
    const tps = Number(/tps = ([\d.]+)/.exec(out)?.[1]);
    const latency = /latency average = ([\d.]+) ms/.exec(out)?.[1];
    results.pgbench = { tps, latencyAverageMs: Number(latency), clients: CLIENTS, seconds: PGBENCH_SECONDS };
    line(`pgbench tpcb-like, scale 10, ${CLIENTS} clients, ${PGBENCH_SECONDS} s: ${tps.toFixed(0)} TPS (latency avg ${latency} ms)`);
    return tps;
  } finally {
    await db.drop();
  }
}

/** Issue 20: floor, pages, API reads and transitions in one run, each row with its ratio. */
async function pages(tps: number) {
  line(`pages and transitions beside the bare Next floor (load ${os.loadavg().map((l) => l.toFixed(2)).join(' ')}):`);
  const rows = await pagesBench({ clients: CLIENTS, seconds: SECONDS, instances: PAGE_INSTANCES, port: PORT, floorPort: PORT + 1, pgbenchTps: tps, line });
  results.pages = rows;
}

async function enginePostgres(tps: number) {
  const pg = await createPgDatabase('zj_bench_engine');
  const database = await openDatabase({ kind: 'postgresql', url: pg.url, maxConnections: CLIENTS + 2 });
  try {
    await seedOrgUnits(database.db);
    await seedDemoAccounts(database.db);
    const s = await engineBench(database.db, INSTANCES, CLIENTS);
    results.enginePostgres = { ...s, ratioToPgbench: s.perSecond / tps };
    line(`engine on PostgreSQL, ${CLIENTS} clients: ${fmt(s)}  → ${pct(s.perSecond, tps)} of pgbench (goal ≥ 80 %)`);
  } finally {
    await database.close();
    await pg.drop();
  }
}

async function httpPostgres(tps: number) {
  const pg = await createPgDatabase('zj_bench_http');
  const database = await openDatabase({ kind: 'postgresql', url: pg.url, maxConnections: 4 });
  await seedOrgUnits(database.db);
  await seedDemoAccounts(database.db);
  const ids = await prepareInstances(database.db, INSTANCES);
  await database.close();
  const server = new AppServer({ port: PORT, databaseUrl: pg.url, env: { DATABASE_MAX_CONNECTIONS: String(CLIENTS + 2) } });
  try {
    await server.start();
    const s = await httpTransitionBench(server, ids, CLIENTS);
    results.httpPostgres = { ...s, ratioToPgbench: s.perSecond / tps, serverRssMb: server.rssMb() };
    line(`HTTP API on PostgreSQL, ${CLIENTS} clients: ${fmt(s)}  → ${pct(s.perSecond, tps)} of pgbench (goal ≥ 50 %)`);
  } finally {
    await server.stop();
    await pg.drop();
  }
}

async function enginePglite(tps: number) {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'zj-bench-pglite-'));
  const database = await openDatabase({ kind: 'pglite', dataDir: dir });
  try {
    await seedOrgUnits(database.db);
    await seedDemoAccounts(database.db);
    const s = await engineBench(database.db, INSTANCES, CLIENTS);
    results.enginePglite = { ...s, ratioToPgbench: s.perSecond / tps };
    line(`engine on PGlite (embedded, one connection), ${CLIENTS} clients: ${fmt(s)}  → ${pct(s.perSecond, tps)} of PostgreSQL pgbench`);
  } finally {
    await database.close();
    rmSync(dir, { recursive: true, force: true });
  }
}

async function todoAtScale() {
  const pg = await createPgDatabase('zj_bench_scale');
  const database = await openDatabase({ kind: 'postgresql', url: pg.url, maxConnections: 2 });
  try {
    await seedOrgUnits(database.db);
    await seedDemoAccounts(database.db);
    await prepareInstances(database.db, 1);
    const t0 = performance.now();
    await generateScale(database.db, { users: SCALE_USERS, instances: SCALE_INSTANCES, eventsPerInstance: SCALE_EVENTS_PER });
    line(`待办 at scale: generated ${SCALE_USERS} users, ${SCALE_INSTANCES} instances, ${SCALE_INSTANCES * SCALE_EVENTS_PER} events in ${((performance.now() - t0) / 1000).toFixed(0)} s`);
    const timings = await timeTaskQueries(database.db, ['counselor', 'gen100', 'doctor', 'gen1'], num('BENCH_QUERY_ITERATIONS', 20));
    results.todoAtScale = { users: SCALE_USERS, instances: SCALE_INSTANCES, events: SCALE_INSTANCES * SCALE_EVENTS_PER, timings };
    for (const t of timings) {
      line(`  待办 for ${t.who.padEnd(9)} (${String(t.rows).padStart(3)} rows shown): p50 ${ms(t.p50)}  p95 ${ms(t.p95)} (goal ≤ 10 ms)  badge COUNT p95 ${ms(t.countP95)}`);
    }
  } finally {
    await database.close();
    await pg.drop();
  }
}

async function startRss() {
  const server = new AppServer({ port: PORT });
  try {
    const t0 = performance.now();
    await server.start();
    const bootMs = performance.now() - t0;
    const idle = server.rssMb();
    for (const p of ['/login', '/api/health', '/login']) await (await fetch(`${server.base}${p}`)).arrayBuffer();
    const warm = server.rssMb();
    results.startRss = { bootMs, idleMb: idle, warmMb: warm };
    line(`npm start (next start, embedded PGlite): healthy in ${(bootMs / 1000).toFixed(1)} s, RSS ${idle.toFixed(0)} MB, after first pages ${warm.toFixed(0)} MB (goal ≤ 600 MB)`);
  } finally {
    await server.stop();
  }
}

async function firstDay() {
  const pg = await createPgDatabase('zj_bench_term');
  const database = await openDatabase({ kind: 'postgresql', url: pg.url, maxConnections: 2 });
  await seedOrgUnits(database.db);
  await seedDemoAccounts(database.db);
  await createTermStudents(database.db, TERM_USERS);
  await database.close();
  const server = new AppServer({ port: PORT, databaseUrl: pg.url });
  try {
    await server.start();
    const r = await firstDayOfTerm(server, { users: TERM_USERS, concurrency: TERM_CONCURRENCY });
    results.firstDay = r;
    line(
      `first day of term: ${r.users} virtual users, ${TERM_CONCURRENCY} at a time: ${r.perSecond.toFixed(1)} requests/s over ${r.seconds.toFixed(0)} s, ` +
        `error rate ${(r.errorRate * 100).toFixed(2)} %, server peak RSS ${r.peakRssMb.toFixed(0)} MB`,
    );
    for (const s of r.steps) line(`  ${s.step.padEnd(7)} ${String(s.count).padStart(5)} ok ${String(s.errors).padStart(3)} failed  p50 ${ms(s.p50)}  p95 ${ms(s.p95)}`);
  } finally {
    await server.stop();
    await pg.drop();
  }
}

async function crashes() {
  if (CRASHES <= 0) {
    line('crash safety: skipped (BENCH_CRASHES=200 npm run bench runs 200 kill -9 cycles; the test suite runs 20)');
    return;
  }
  const r = await runCrashTest({ port: PORT, crashes: CRASHES, log: (l) => (l.includes('0/') ? line(`  ${l}`) : undefined) });
  results.crashes = r;
  line(`crash safety: ${r.crashes} × kill -9 in ${r.seconds.toFixed(0)} s; ${r.acknowledged} acknowledged transitions, ${r.instances} instances, ${r.events} events, ${r.timers} timers: ${r.problems.length} problems`);
  for (const p of r.problems.slice(0, 10)) line(`  ${p}`);
}

async function main(): Promise<void> {
  if (!existsSync(path.join(ROOT, '.next', 'BUILD_ID'))) {
    console.error('no build: run `node node_modules/next/dist/bin/next build` first');
    process.exit(1);
  }
  const started = Date.now();
  machine();
  await roundTrip();
  if (ONLY.has('roundtrips')) {
    // Round trips a transition waits on (issue 14: ≤ 3) and the statements it sends (bench/round-trips.ts).
    const rows = await roundTripsPerTransition();
    results.roundTripsPerTransition = rows;
    printRoundTrips(rows, line);
  }
  const tps = ['pgbench', 'pages', 'engine', 'http', 'pglite'].some((s) => ONLY.has(s)) ? await pgbench() : NaN;
  if (ONLY.has('pages')) await pages(tps);
  if (ONLY.has('engine')) await enginePostgres(tps);
  if (ONLY.has('http')) await httpPostgres(tps);
  if (ONLY.has('pglite')) await enginePglite(tps);
  if (ONLY.has('todo')) await todoAtScale();
  if (ONLY.has('rss')) await startRss();
  if (ONLY.has('term')) await firstDay();
  if (ONLY.has('crash')) await crashes();
  line(`bench finished in ${((Date.now() - started) / 1000).toFixed(0)} s`);
  mkdirSync(path.join(ROOT, 'bench', 'out'), { recursive: true });
  const file = path.join(ROOT, 'bench', 'out', `bench-${new Date().toISOString().replace(/[:.]/g, '-')}.json`);
  writeFileSync(file, JSON.stringify(results, null, 2));
  line(`figures saved in ${path.relative(ROOT, file)}`);
  process.exit(0);
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});

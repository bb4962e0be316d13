/**
 * Issue 20's table in one run: the bare Next floor (page and POST route) and our logged-in pages,
 * GET /api/v1/tasks, POST …/events and the read+act cycle, every row driven by the same
 * keep-alive client (bench/http-load.ts) with the same connections, each with the load average
 * at its end (the machine is shared: compare ratios, which are measured minutes apart).
 */
import os from 'node:os';
import { openDatabase } from '@/db/client';
import { seedDemoAccounts, seedOrgUnits } from '@/db/seed/seed-demo';
import { apiLogin } from '../e2e/support/proof-http';
import { AppServer, createPgDatabase } from '../e2e/support/proof-server';
import { APPROVERS, driveApprovals, prepareInstances } from './engine-bench';
import { FloorServer, prepareFloor } from './floor';
import { closedLoop, cpuSeconds, keepAliveClient, type Target } from './http-load';
import { ms, type Summary } from './stats';

export interface PagesOptions {
  clients: number;
  seconds: number;
  /** Instances per transition row (each gets 3 approvals). */
  instances: number;
  port: number;
  floorPort: number;
  pgbenchTps: number;
  line: (s?: string) => void;
}

export interface PageRow extends Summary {
  what: string;
  ratio: number;
  of: string;
  load: number;
  /** The floor's req/s measured right before this row (page rows). */
  adjacentFloor?: number;
  /** CPU of the serving process per request (ms): robust to the other engineers' load. */
  cpuMsPerRequest?: number;
}

const load1 = () => os.loadavg()[0]!;

export async function pagesBench(o: PagesOptions): Promise<PageRow[]> {
  const rows: PageRow[] = [];
  const print = (r: PageRow) =>
    o.line(
      `  ${r.what.padEnd(38)} ${r.perSecond.toFixed(1).padStart(7)}/s  p50 ${ms(r.p50).padStart(9)}  p99 ${ms(r.p99).padStart(9)}  ` +
        `${r.errors ? `${r.errors} errors  ` : ''}→ ${r.of === 'itself' ? 'baseline' : `${r.ratio.toFixed(3)} of ${r.of}`}   ` +
        `(server CPU ${Number.isFinite(r.cpuMsPerRequest) ? `${r.cpuMsPerRequest!.toFixed(1)} ms/req` : '?'}, load ${r.load.toFixed(2)})`,
    );
  const add = (what: string, s: Summary & { cpuMsPerRequest?: number }, base: number, of: string) => {
    const r: PageRow = { what, ...s, ratio: s.perSecond / base, of, load: load1() };
    rows.push(r);
    print(r);
    return r;
  };
  const run = { connections: o.clients, seconds: o.seconds, warmupSeconds: 1 };

  const floorDir = prepareFloor(o.line);
  const pg = await createPgDatabase('zj_bench_pages');
  const database = await openDatabase({ kind: 'postgresql', url: pg.url, maxConnections: 4 });
  await seedOrgUnits(database.db);
  await seedDemoAccounts(database.db);
  const forPost = await prepareInstances(database.db, o.instances);
  const forCycle = await prepareInstances(database.db, o.instances);
  await database.close();
  const floor = new FloorServer(floorDir, o.floorPort);
  const app = new AppServer({ port: o.port, databaseUrl: pg.url, env: { DATABASE_MAX_CONNECTIONS: String(o.clients + 2) } });
  try {
    await Promise.all([floor.start(), app.start()]);
    o.line(`  (${o.clients} keep-alive connections, ${o.seconds} s per row after 1 s warm-up; floor and app started side by side)`);
    const floorPage = { url: `${floor.base}/` };
    const floorPost: Target = { method: 'POST', url: `${floor.base}/api/ping`, body: '{"n":1}' };
    const page = add('bare Next page `/` (floor)', await closedLoop(floorPage, { ...run, serverPid: floor.pid }), 1, 'itself');
    const post = add('bare Next POST /api/ping (floor)', await closedLoop(floorPost, { ...run, serverPid: floor.pid }), 1, 'itself');
    if (Number.isFinite(o.pgbenchTps)) o.line(`  ${'pgbench tpcb-like (above)'.padEnd(38)} ${o.pgbenchTps.toFixed(1).padStart(7)}/s`);
    // Other engineers' load comes and goes within seconds: each page row is also divided by the
    // floor measured right before it (half as long), printed as "adjacent".
    const adjacent = async (t: Target) => (await closedLoop(t, { ...run, seconds: Math.max(2, o.seconds / 2) })).perSecond;
    const pageRow = async (what: string, t: Target, floorTarget: Target, of: string, whole: number) => {
      const near = await adjacent(floorTarget);
      const r = add(what, await closedLoop(t, { ...run, serverPid: app.pid }), whole, of);
      r.adjacentFloor = near;
      o.line(`  ${''.padEnd(38)} adjacent floor ${near.toFixed(1)}/s → ${(r.perSecond / near).toFixed(3)}`);
    };

    const cookies: Record<string, string> = {};
    for (const who of ['student', 'counselor', ...APPROVERS]) cookies[who] ??= await apiLogin(app.base, who);
    const get = (path: string, who: string): Target => ({ url: `${app.base}${path}`, headers: { cookie: cookies[who]! } });
    await pageRow('首页 / (student)', get('/', 'student'), floorPage, 'bare page', page.perSecond);
    await pageRow('办事大厅 /services (student)', get('/services', 'student'), floorPage, 'bare page', page.perSecond);
    await pageRow('待办 /tasks (counselor)', get('/tasks', 'counselor'), floorPage, 'bare page', page.perSecond);
    // The student's own applications: every prepared instance (2 × BENCH_PAGE_INSTANCES) is theirs.
    await pageRow('我的申请 /applications (student)', get('/applications', 'student'), floorPage, 'bare page', page.perSecond);
    await pageRow('GET /api/v1/tasks (counselor)', get('/api/v1/tasks', 'counselor'), floorPost, 'bare POST', post.perSecond);

    const client = keepAliveClient(o.clients);
    const send = async (t: Target) => {
      const res = await client.send(t);
      if (res.status !== 200) throw new Error(`HTTP ${res.status} ${t.url}: ${res.body.slice(0, 200)}`);
    };
    const approve = (id: string, who: string): Target => ({
      method: 'POST',
      url: `${app.base}/api/v1/instances/${id}/events`,
      headers: { cookie: cookies[who]! },
      body: '{"type":"approve"}',
    });
    try {
      const tps = o.pgbenchTps;
      const withCpu = async (drive: () => Promise<Summary>) => {
        const cpu0 = cpuSeconds(app.pid);
        const s = await drive();
        return { ...s, cpuMsPerRequest: ((cpuSeconds(app.pid) - cpu0) * 1000) / Math.max(1, s.count) };
      };
      add('POST /api/v1/instances/{id}/events', await withCpu(() => driveApprovals(forPost, o.clients, (id, who) => send(approve(id, who)))), tps, 'pgbench');
      add(
        'read + act cycle (GET instance, POST)',
        await withCpu(() =>
          driveApprovals(forCycle, o.clients, async (id, who) => {
            await send(get(`/api/v1/instances/${id}`, who));
            await send(approve(id, who));
          }),
        ),
        tps,
        'pgbench',
      );
    } finally {
      client.close();
    }
    return rows;
  } finally {
    await Promise.all([floor.stop(), app.stop()]);
    await pg.drop();
  }
}

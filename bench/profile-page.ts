/**
 * Where a page's or route's milliseconds go: `next start` under `node --cpu-prof` on a seeded
 * PostgreSQL database, one path driven for a few seconds, then the profile summarised (self time
 * by function and by package, inclusive time of the app's own functions).
 *   node --import tsx bench/profile-page.ts <who> <path|events> [seconds=8] [port=4620]
 * e.g. `student /`, `counselor /tasks`, `counselor events` (POST …/events, three approvers in turn).
 * The raw .cpuprofile stays in bench/out/profiles/ (open it in Chrome DevTools).
 */
import { mkdirSync, readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { openDatabase } from '@/db/client';
import { seedDemoAccounts, seedOrgUnits } from '@/db/seed/seed-demo';
import { apiLogin } from '../e2e/support/proof-http';
import { AppServer, createPgDatabase, ROOT } from '../e2e/support/proof-server';
import { APPROVERS, driveApprovals, prepareInstances } from './engine-bench';
import { closedLoop, keepAliveClient } from './http-load';
import { fmt } from './stats';

const [who = 'student', target = '/', secondsArg = '8', portArg = '4620'] = process.argv.slice(2);

interface Node {
  id: number;
  callFrame: { functionName: string; url: string; lineNumber: number };
  children?: number[];
}
interface Profile {
  startTime: number;
  endTime: number;
  nodes: Node[];
  samples: number[];
  timeDeltas: number[];
}

function packageOf(url: string): string {
  const m = /node_modules\/((?:@[^/]+\/)?[^/]+)/.exec(url);
  if (m) return m[1]!.includes('next/dist/compiled') ? 'next (compiled)' : m[1]!;
  if (url.includes('/.next/server/')) return 'app bundle (.next/server)';
  if (url.startsWith('node:') || url === '') return url || '(native / gc / idle)';
  return url.replace(ROOT, '.');
}

/** window: the measured span, in ms before the profile's end (server start, logins and warm-up are left out). */
function summarise(file: string, requests: number, window: { fromEndMs: number; toEndMs: number }) {
  const p = JSON.parse(readFileSync(file, 'utf8')) as Profile;
  const from = p.endTime - window.fromEndMs * 1000;
  const to = p.endTime - window.toEndMs * 1000;
  const byId = new Map(p.nodes.map((n) => [n.id, n]));
  const parent = new Map<number, number>();
  for (const n of p.nodes) for (const c of n.children ?? []) parent.set(c, n.id);
  const self = new Map<number, number>();
  let at = p.startTime;
  p.samples.forEach((id, i) => {
    at += p.timeDeltas[i] ?? 0;
    if (at >= from && at <= to) self.set(id, (self.get(id) ?? 0) + (p.timeDeltas[i] ?? 0) / 1000);
  });
  const total = [...self.values()].reduce((a, b) => a + b, 0);
  const fnSelf = new Map<string, number>();
  const pkgSelf = new Map<string, number>();
  const incl = new Map<string, number>();
  for (const [id, t] of self) {
    const n = byId.get(id)!;
    const key = `${n.callFrame.functionName || '(anonymous)'} ${packageOf(n.callFrame.url)}:${n.callFrame.lineNumber}`;
    fnSelf.set(key, (fnSelf.get(key) ?? 0) + t);
    pkgSelf.set(packageOf(n.callFrame.url), (pkgSelf.get(packageOf(n.callFrame.url)) ?? 0) + t);
    // Inclusive time of named functions (each name counted once per stack).
    const seen = new Set<string>();
    for (let cur: number | undefined = id; cur !== undefined; cur = parent.get(cur)) {
      const f = byId.get(cur)!.callFrame;
      const name = f.functionName;
      if (!name || seen.has(name)) continue;
      seen.add(name);
      incl.set(name, (incl.get(name) ?? 0) + t);
    }
  }
  const idle = (fnSelf.get('(idle) (native / gc / idle):-1') ?? 0);
  const busy = total - idle;
  const per = (t: number) => `${(t / requests).toFixed(2)} ms/req`;
  console.log(`profile ${path.relative(ROOT, file)}: ${total.toFixed(0)} ms sampled, busy ${busy.toFixed(0)} ms = ${per(busy)} over ${requests} requests`);
  const top = (m: Map<string, number>, n: number, title: string) => {
    console.log(`\n${title}`);
    for (const [k, t] of [...m].filter(([k]) => !k.startsWith('(idle)')).sort((a, b) => b[1] - a[1]).slice(0, n)) {
      console.log(`  ${((t / busy) * 100).toFixed(1).padStart(5)} %  ${per(t).padStart(14)}  ${k}`);
    }
  };
  top(pkgSelf, 12, 'self time by package');
  top(fnSelf, 25, 'self time by function');
  top(incl, 40, 'inclusive time by function name');
}

async function main() {
  const seconds = Number(secondsArg);
  const port = Number(portArg);
  const dir = path.join(ROOT, 'bench', 'out', 'profiles', `${who}-${target.replace(/\W+/g, '_')}-${Date.now()}`);
  mkdirSync(dir, { recursive: true });
  const pg = await createPgDatabase('zj_bench_prof');
  const database = await openDatabase({ kind: 'postgresql', url: pg.url, maxConnections: 4 });
  await seedOrgUnits(database.db);
  await seedDemoAccounts(database.db);
  const ids = await prepareInstances(database.db, target === 'events' ? 120 : 20);
  await database.close();
  const app = new AppServer({ port, databaseUrl: pg.url, nodeArgs: ['--cpu-prof', `--cpu-prof-dir=${dir}`], env: { DATABASE_MAX_CONNECTIONS: '10' } });
  let requests = 0;
  const measured = { start: 0, end: 0 };
  try {
    await app.start();
    if (target === 'events') {
      const cookies: Record<string, string> = {};
      for (const w of APPROVERS) cookies[w] = await apiLogin(app.base, w);
      const client = keepAliveClient(8);
      measured.start = performance.now();
      const s = await driveApprovals(ids, 8, async (id, w) => {
        const res = await client.send({ method: 'POST', url: `${app.base}/api/v1/instances/${id}/events`, headers: { cookie: cookies[w]! }, body: '{"type":"approve"}' });
        if (res.status !== 200) throw new Error(`HTTP ${res.status}`);
      });
      measured.end = performance.now();
      client.close();
      requests = s.count;
      console.log(`POST …/events: ${fmt(s)}`);
    } else {
      const cookie = await apiLogin(app.base, who);
      const t = { url: `${app.base}${target}`, headers: { cookie } };
      await closedLoop(t, { connections: 8, seconds: 3 });
      measured.start = performance.now();
      const s = await closedLoop(t, { connections: 8, seconds });
      measured.end = performance.now();
      requests = s.count;
      console.log(`${target} as ${who}: ${fmt(s)}`);
    }
  } finally {
    await app.stop();
    await pg.drop();
  }
  const exited = performance.now();
  const files = readdirSync(dir).filter((f) => f.endsWith('.cpuprofile'));
  // The server process is the largest profile (next start may leave a small parent profile too).
  const biggest = files.map((f) => path.join(dir, f)).sort((a, b) => readFileSync(b).length - readFileSync(a).length)[0];
  if (!biggest) throw new Error(`no profile written in ${dir}`);
  summarise(biggest, requests, { fromEndMs: exited - measured.start, toEndMs: exited - measured.end });
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});

/**
 * HTTP benchmarks against a real `next start`: the transition benchmark through
 * POST /api/v1/instances/{id}/events with login cookies, and the first-day-of-term load
 * (bounded virtual users: log in, open home and 待办, upload evidence, start an application).
 */
import { sql } from 'drizzle-orm';
import type { Db } from '@/db/client';
import { api, apiLogin, FITNESS, PDF_BYTES, uploadFile } from '../e2e/support/proof-http';
import type { AppServer } from '../e2e/support/proof-server';
import { APPROVERS, driveApprovals } from './engine-bench';
import { percentile, summarize, type Summary } from './stats';

export async function httpTransitionBench(server: AppServer, ids: string[], clients: number): Promise<Summary> {
  const cookies: Record<string, string> = {};
  for (const who of APPROVERS) cookies[who] = await apiLogin(server.base, who);
  return driveApprovals(ids, clients, async (id, who) => {
    const res = await api(server.base, cookies[who]!, 'POST', `/api/v1/instances/${id}/events`, { type: 'approve' });
    if (res.status !== 200) throw new Error(`HTTP ${res.status} ${JSON.stringify(res.body).slice(0, 200)}`);
  });
}

/** Students term1..termN in 工程学院/农学院 with the demo password (hash copied from the demo student). */
export async function createTermStudents(db: Db, count: number): Promise<void> {
  await db.execute(sql`insert into users (username, name, kind, org_unit_id, password_hash)
    select 'term' || g, '新生' || g, 'student', case when g % 2 = 0 then 'engineering' else 'agriculture' end,
      (select password_hash from users where username = 'student')
    from generate_series(1, ${count}) g on conflict do nothing`);
}

export interface StepStats {
  step: string;
  count: number;
  errors: number;
  p50: number;
  p95: number;
}

export async function firstDayOfTerm(
  server: AppServer,
  o: { users: number; concurrency: number },
): Promise<{ seconds: number; perSecond: number; errorRate: number; steps: StepStats[]; peakRssMb: number; users: number }> {
  const steps = ['login', 'home', 'tasks', 'upload', 'start'] as const;
  const times: Record<string, number[]> = Object.fromEntries(steps.map((s) => [s, []]));
  const errors: Record<string, number> = Object.fromEntries(steps.map((s) => [s, 0]));
  let peakRssMb = server.rssMb();
  const sampler = setInterval(() => (peakRssMb = Math.max(peakRssMb, server.rssMb())), 200);
  let next = 1;
  const timed = async <T>(step: (typeof steps)[number], fn: () => Promise<T>, ok: (v: T) => boolean): Promise<T | null> => {
    const t0 = performance.now();
    try {
      const v = await fn();
      if (!ok(v)) throw new Error('bad status');
      times[step]!.push(performance.now() - t0);
      return v;
    } catch {
      errors[step]!++;
      return null;
    }
  };
  const started = performance.now();
  await Promise.all(
    Array.from({ length: o.concurrency }, async () => {
      for (let n = next++; n <= o.users; n = next++) {
        // Distinct addresses: the login throttle counts per client address (100 per 15 minutes).
        const ip = `10.${(n >> 16) & 255}.${(n >> 8) & 255}.${n & 255}`;
        const cookie = await timed('login', () => apiLogin(server.base, `term${n}`, { forwardedFor: ip }), () => true);
        if (!cookie) continue;
        await timed('home', () => fetch(`${server.base}/`, { headers: { cookie } }).then(async (r) => (await r.arrayBuffer(), r.status)), (s) => s === 200);
        await timed('tasks', () => fetch(`${server.base}/tasks`, { headers: { cookie } }).then(async (r) => (await r.arrayBuffer(), r.status)), (s) => s === 200);
        const up = await timed('upload', () => uploadFile(server.base, cookie, PDF_BYTES), (r) => r.status === 201);
        if (!up) continue;
        await timed(
          'start',
          () => api(server.base, cookie, 'POST', '/api/v1/instances', { process: FITNESS, input: { kind: 'defer', reason: '开学第一天：伤病缓测申请', evidence: [up.body.id] } }),
          (r) => r.status === 201,
        );
      }
    }),
  );
  clearInterval(sampler);
  const elapsed = performance.now() - started;
  const total = steps.reduce((a, s) => a + times[s]!.length + errors[s]!, 0);
  const failed = steps.reduce((a, s) => a + errors[s]!, 0);
  return {
    users: o.users,
    seconds: elapsed / 1000,
    perSecond: total / (elapsed / 1000),
    errorRate: failed / Math.max(1, total),
    steps: steps.map((s) => ({ step: s, count: times[s]!.length, errors: errors[s]!, p50: percentile(times[s]!, 50), p95: percentile(times[s]!, 95) })),
    peakRssMb,
  };
}

export { summarize };

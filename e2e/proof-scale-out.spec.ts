import { expect, test } from '@playwright/test';
import { api, apiLogin, startFitness } from './support/proof-http';
import { AppServer, createPgDatabase, sleep, type PgDatabase } from './support/proof-server';
import { startRoundRobinProxy } from './support/round-robin-proxy';
import { appServer } from './support/server';

// Two stateless app servers on one PostgreSQL behind a round-robin balancer that terminates
// "TLS" (X-Forwarded-Proto: https): sessions work on either, exactly one of concurrent decisions
// wins across processes, each timer fires once, each notification row is written once.
test.setTimeout(180_000);

// Runs in the PostgreSQL projects only (playwright.config.ts); ports: app port + 11 … + 13.
let base: string;
let ports: number[] = [];
let db: PgDatabase;
let servers: AppServer[] = [];
let proxy: Awaited<ReturnType<typeof startRoundRobinProxy>>;

test.beforeAll(async () => {
  db = await createPgDatabase('zj_scale', { template: true });
  const first = appServer().port + 11;
  const [a, b, balancer] = [first, first + 1, first + 2];
  base = `http://127.0.0.1:${balancer}`;
  ports = [a, b];
  servers = [a, b].map(
    (port) => new AppServer({ port, databaseUrl: db.url, env: { NEXTAUTH_URL: `https://127.0.0.1:${balancer}` } }),
  );
  // One after the other: both migrate/seed against the same database (the advisory lock serialises it anyway).
  for (const s of servers) await s.start();
  proxy = await startRoundRobinProxy(balancer, [a, b], { proto: 'https' });
});

test.afterAll(async () => {
  await proxy?.close();
  for (const s of servers) await s.stop();
  await db?.drop();
});

test('sessions made on one server work on the other; cookies are Secure behind TLS', async () => {
  const csrf = await fetch(`${base}/api/auth/csrf`);
  const jar = csrf.headers.getSetCookie().map((c) => c.split(';')[0]).join('; ');
  const { csrfToken } = (await csrf.json()) as { csrfToken: string };
  const login = await fetch(`${base}/api/auth/callback/credentials`, {
    method: 'POST',
    redirect: 'manual',
    headers: { 'content-type': 'application/x-www-form-urlencoded', cookie: jar },
    body: new URLSearchParams({ csrfToken, username: 'student', password: 'demo1234', json: 'true' }),
  });
  const session = login.headers.getSetCookie().find((c) => c.includes('session-token='))!;
  expect(session).toMatch(/^__Secure-next-auth\.session-token=/);
  expect(session).toMatch(/;\s*Secure/i);
  expect(session).toMatch(/;\s*HttpOnly/i);
  expect(session).toMatch(/;\s*SameSite=Lax/i);
  const cookie = session.split(';')[0]!;
  for (let i = 0; i < 6; i++) expect((await api(base, cookie, 'GET', '/api/v1/tasks')).status).toBe(200);
  expect(proxy.hits.get(ports[0]!)).toBeGreaterThan(2);
  expect(proxy.hits.get(ports[1]!)).toBeGreaterThan(2);
  const page = await fetch(`${base}/login`);
  expect(page.headers.get('strict-transport-security')).toMatch(/max-age=/);
});

test('100 concurrent approvals across both servers: 1 × 200, 99 × 409; one event, one next task, messages once', async () => {
  const student = await apiLogin(base, 'student');
  const counselor = await apiLogin(base, 'counselor');
  const instance = await startFitness(base, student);
  const results = await Promise.all(
    Array.from({ length: 100 }, () => api(base, counselor, 'POST', `/api/v1/instances/${instance.id}/events`, { type: 'approve' })),
  );
  const statuses = results.map((r) => r.status);
  expect(statuses.filter((s) => s === 200)).toHaveLength(1);
  expect(statuses.filter((s) => s === 409)).toHaveLength(99);
  const events = await db.sql`select type from instance_events where instance_id = ${instance.id} order by seq`;
  expect(events.map((e) => e.type)).toEqual(['submit', 'approve']);
  const open = await db.sql`select state from tasks where instance_id = ${instance.id} and status = 'open'`;
  expect(open.map((t) => t.state)).toEqual(['hospitalReview']);
  const doctorMessages = await db.sql`select count(*)::int as n from messages m join users u on u.id = m.user_id
    where m.instance_id = ${instance.id} and u.username = 'doctor' and m.kind = 'task.new'`;
  expect(doctorMessages[0]!.n).toBe(1);
});

test('each due timer fires exactly once although both servers run the timer loop', async () => {
  const student = await apiLogin(base, 'student2');
  const ids: string[] = [];
  for (let i = 0; i < 12; i++) ids.push((await startFitness(base, student, `定时器测试 ${i}：到期自动撤回`)).id);
  for (const id of ids) {
    await db.sql`insert into timers (instance_id, state, event_type, fire_at) values (${id}, 'counselorReview', 'withdraw', now() - interval '1 second')`;
  }
  const deadline = Date.now() + 30_000;
  for (;;) {
    const [row] = await db.sql`select count(*)::int as n from timers where status = 'pending'`;
    if (row!.n === 0 || Date.now() > deadline) break;
    await sleep(250);
  }
  const fired = await db.sql`select instance_id, count(*)::int as n from instance_events
    where type = 'withdraw' and actor_role = 'system' and instance_id = any(${ids}) group by instance_id`;
  expect(fired).toHaveLength(ids.length);
  for (const row of fired) expect(row.n).toBe(1);
});

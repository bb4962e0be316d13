import { randomBytes } from 'node:crypto';
import { expect, test } from '@playwright/test';
import { runCrashTest } from './support/crash-harness';
import { api, apiLogin, FITNESS, PDF_BYTES, uploadFile } from './support/proof-http';
import { AppServer, createPgDatabase } from './support/proof-server';
import { appServer } from './support/server';

// kill -9 at random moments while four clients drive applications; runs in the PostgreSQL e2e
// projects only (playwright.config.ts), on its own server (port + 10) and database. The bench runs 200 crashes.
test.setTimeout(360_000);

test('10 × kill -9: acknowledged transitions kept once, logs agree, no orphan tasks, timers fire, chains verify', async () => {
  const crashes = Number(process.env.PROOF_CRASHES || 10);
  const report = await runCrashTest({ port: appServer().port + 10, crashes, log: (l) => console.log(l) });
  console.log(JSON.stringify({ ...report, problems: report.problems.slice(0, 20) }, null, 2));
  expect(report.acknowledged).toBeGreaterThan(crashes);
  // A timer is armed per crash; a crash may cut the arming short (then it is not counted).
  expect(report.timers).toBeGreaterThan(Math.floor(crashes / 4));
  expect(report.problems).toEqual([]);
});

// Issue 15 item 15: kill -9 under concurrent keyed POSTs left committed-but-unanswered keys; a later
// retry then started a second instance. The key row now commits with the instance or not at all.
test('kill -9 under 80 concurrent Idempotency-Key starts: each key ends with exactly one instance, retries replay it', async () => {
  const db = await createPgDatabase('zj_idem_crash', { template: true });
  const server = new AppServer({ port: appServer().port + 11, databaseUrl: db.url });
  try {
    await server.start();
    const base = server.base;
    const student = await apiLogin(base, 'student');
    const uploads: string[] = [];
    for (let i = 0; i < 80; i++) uploads.push((await uploadFile(base, student, PDF_BYTES)).body.id);
    const run = randomBytes(4).toString('hex');
    const keys = uploads.map((_, i) => `crash-${run}-${i}`);
    const body = (i: number) => ({ process: FITNESS, input: { kind: 'defer', reason: `幂等崩溃测试 ${run} ${i}`, evidence: [uploads[i]] } });
    const send = (i: number) => api(base, student, 'POST', '/api/v1/instances', body(i), { 'idempotency-key': keys[i]! });

    const inflight = keys.map((_, i) => send(i).catch(() => undefined));
    await new Promise((resolve) => setTimeout(resolve, 150 + Math.random() * 400));
    await server.kill9();
    const before = await Promise.all(inflight);
    await server.start();

    const ids: string[] = [];
    for (let i = 0; i < keys.length; i++) {
      let answered: string | undefined;
      for (let attempt = 0; attempt < 20 && !answered; attempt++) {
        const r = await send(i);
        if (r.status === 201) answered = r.body.id;
        else if (r.status === 409) await new Promise((resolve) => setTimeout(resolve, 200));
        else throw new Error(`key ${i}: ${r.status} ${JSON.stringify(r.body)}`);
      }
      expect(answered, `key ${i} answered after the restart`).toBeTruthy();
      ids.push(answered!);
      // An answer the client saw before the crash is the same one.
      const seen = before[i];
      if (seen?.status === 201) expect(seen.body.id).toBe(answered);
      const again = await send(i);
      expect(again.status).toBe(201);
      expect(again.body.id).toBe(answered);
      expect(again.headers.get('idempotent-replayed')).toBe('true');
    }
    expect(new Set(ids).size).toBe(80);
    const [row] = await db.sql`
      select count(*)::int as n from process_instances
      where process_id = ${FITNESS} and snapshot::text like ${`%幂等崩溃测试 ${run}%`}`;
    expect(row!.n, 'instances in the database: one per key').toBe(80);
    const [open] = await db.sql`select count(*)::int as n from idempotency_keys where key like ${`crash-${run}-%`} and status is null`;
    expect(open!.n, 'keys without an answer').toBe(0);
    console.log(JSON.stringify({ answeredBeforeCrash: before.filter((r) => r?.status === 201).length, keys: 80 }));
  } finally {
    await server.stop().catch(() => {});
    await db.drop();
  }
});

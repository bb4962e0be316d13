import assert from 'node:assert/strict';
import http from 'node:http';
import { after, before, test } from 'node:test';
import { asc, eq } from 'drizzle-orm';
import { uploads, webhookDeliveries } from '@/db/schema';
import { loadActor, type SessionUser } from '@/lib/auth/load-actor';
import { deliverDueWebhooks, MAX_ATTEMPTS } from '@/lib/webhooks/deliver-webhooks';
import { registerWebhook } from '@/lib/webhooks/manage-webhooks';
import { verifyWebhook } from '@/lib/webhooks/sign';
import { applyEvent } from '@/workflows/engine/apply-event';
import { startInstance } from '@/workflows/engine/start-instance';
import { createTestDatabase, type TestDatabase } from './helpers/test-db';

let t: TestDatabase;
const a: Record<string, SessionUser> = {};
let server: http.Server;
const received: Array<{ headers: http.IncomingHttpHeaders; body: string }> = [];
let failNext = 0;
let PORT = 0;

before(async () => {
  t = await createTestDatabase();
  for (const name of ['student', 'counselor', 'admin']) a[name] = (await loadActor(t.db, { username: name }))!;
  server = http.createServer(async (req, res) => {
    let body = '';
    for await (const c of req) body += c;
    if (failNext > 0) {
      failNext--;
      res.writeHead(503).end();
      return;
    }
    received.push({ headers: req.headers, body });
    res.writeHead(204).end();
  });
  // An ephemeral port: never collides with an e2e run's stand-ins.
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  PORT = (server.address() as { port: number }).port;
});
after(async () => {
  await new Promise((resolve) => server.close(resolve));
  await t.close();
});

test('transitions write signed webhook deliveries in their transaction; failures retry with backoff', async () => {
  await assert.rejects(registerWebhook(t.db, a.student!, { url: 'http://x.test/', events: ['instance.started'] }), { code: 'FORBIDDEN' });
  const { secret } = await registerWebhook(t.db, a.admin!, {
    url: `http://127.0.0.1:${PORT}/hook`,
    processId: 'fitness-test-exemption',
    events: ['instance.started', 'instance.state_changed', 'instance.finished'],
  });
  const [upload] = await t.db
    .insert(uploads)
    .values({ ownerId: a.student!.id, filename: 'c.pdf', contentType: 'application/pdf', size: 1, sha256: 'ab'.repeat(32), storageKey: 'x/y' })
    .returning();
  const t0 = new Date('2026-11-27T08:00:00Z');
  const started = await startInstance(t.db, {
    processId: 'fitness-test-exemption',
    actor: a.student!,
    input: { kind: 'exempt', reason: '膝关节韧带损伤，医嘱半年内禁止剧烈运动', evidence: [upload!.id] },
    now: t0,
  });
  await applyEvent(t.db, { instanceId: started.instance.id, actor: a.counselor!, type: 'approve', now: t0 });
  const outbox = await t.db.select().from(webhookDeliveries).orderBy(asc(webhookDeliveries.createdAt));
  assert.deepEqual(outbox.map((d) => d.event).sort(), ['instance.started', 'instance.state_changed']);

  failNext = 1;
  assert.equal(await deliverDueWebhooks(t.db, t0), 2);
  const afterFirst = await t.db.select().from(webhookDeliveries);
  const failed = afterFirst.find((d) => d.status === 'pending')!;
  assert.equal(failed.attempts, 1);
  assert.equal(failed.lastStatus, 503);
  assert.equal(failed.nextAttemptAt.getTime(), t0.getTime() + 30_000, 'first retry after 30 s');
  assert.equal(await deliverDueWebhooks(t.db, new Date(t0.getTime() + 10_000)), 0, 'not before its backoff');
  assert.equal(await deliverDueWebhooks(t.db, new Date(t0.getTime() + 31_000)), 1);
  const all = await t.db.select().from(webhookDeliveries);
  assert.ok(all.every((d) => d.status === 'delivered'));

  assert.equal(received.length, 2);
  for (const r of received) {
    const sig = String(r.headers['x-zijing-signature']);
    assert.ok(verifyWebhook(secret, r.body, sig, Math.floor(t0.getTime() / 1000) + 31), 'signature verifies');
    const body = JSON.parse(r.body) as { instance: { id: string }; event: string };
    assert.equal(body.instance.id, started.instance.id);
    assert.equal(body.event, r.headers['x-zijing-event']);
    assert.ok(!r.body.includes('膝关节'), 'no form data in the payload');
  }
});

test('a receiver that never answers ends as failed after the last attempt', async () => {
  await registerWebhook(t.db, a.admin!, { url: 'http://127.0.0.1:1/nothing', events: ['instance.started'] });
  const [upload] = await t.db
    .insert(uploads)
    .values({ ownerId: a.student!.id, filename: 'c.pdf', contentType: 'application/pdf', size: 1, sha256: 'cd'.repeat(32), storageKey: 'x/z' })
    .returning();
  let at = new Date('2026-11-28T08:00:00Z');
  await startInstance(t.db, {
    processId: 'fitness-test-exemption',
    actor: a.student!,
    input: { kind: 'defer', reason: '手术后恢复期，需要推迟体测', evidence: [upload!.id] },
    now: at,
  });
  for (let i = 0; i < MAX_ATTEMPTS + 1; i++) {
    await deliverDueWebhooks(t.db, at);
    at = new Date(at.getTime() + 7 * 3600_000);
  }
  const rows = await t.db.select().from(webhookDeliveries).where(eq(webhookDeliveries.status, 'failed'));
  assert.equal(rows.length, 1);
  assert.equal(rows[0]!.attempts, MAX_ATTEMPTS);
});

import assert from 'node:assert/strict';
import http from 'node:http';
import { after, before, test } from 'node:test';
import { and, asc, eq } from 'drizzle-orm';
import { outbox, uploads, webhooks } from '@/db/schema';
import { loadActor, type SessionUser } from '@/lib/auth/load-actor';
import { SIGNATURE_HEADER, TIMESTAMP_HEADER, verifySignature } from '@/lib/integrations/signature';
import { createDispatcher, dispatchDue } from '@/lib/outbox/dispatcher';
import { listFailedDeliveries, retryFailedDelivery } from '@/lib/outbox/failed-deliveries';
import { instanceEventHandler } from '@/lib/outbox/handlers/instance-event';
import { webhookHandler } from '@/lib/outbox/handlers/webhook';
import { registerWebhook } from '@/lib/webhooks/manage-webhooks';
import { applyEvent } from '@/workflows/engine/apply-event';
import { startInstance } from '@/workflows/engine/start-instance';
import { createTestDatabase, type TestDatabase } from './helpers/test-db';

let t: TestDatabase;
const a: Record<string, SessionUser> = {};
let server: http.Server;
const received: Array<{ headers: http.IncomingHttpHeaders; body: string }> = [];
let failNext = 0;
let PORT = 0;
const policy = { baseMs: 30_000, maxMs: 6 * 3600_000, maxAttempts: 8 };
let clock = new Date('2026-11-27T08:00:00Z');
const dispatcher = () => createDispatcher(t.db, { policy, now: async () => clock, handlers: [instanceEventHandler(), webhookHandler()] });
const webhookRows = () => t.db.select().from(outbox).where(eq(outbox.kind, 'webhook')).orderBy(asc(outbox.createdAt));

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

async function fitness(reason: string, kind: 'exempt' | 'defer', at: Date) {
  const [upload] = await t.db
    .insert(uploads)
    .values({ ownerId: a.student!.id, filename: 'c.pdf', contentType: 'application/pdf', size: 1, sha256: 'ab'.repeat(32), storageKey: `x/${reason.length}${kind}` })
    .returning();
  return startInstance(t.db, { processId: 'fitness-test-exemption', actor: a.student!, input: { kind, reason, evidence: [upload!.id] }, now: at });
}

test('transitions write instance events in their transaction; the dispatcher signs each webhook delivery and retries with backoff', async () => {
  await assert.rejects(registerWebhook(t.db, a.student!, { url: 'http://x.test/', events: ['instance.started'] }), { code: 'FORBIDDEN' });
  const { secret } = await registerWebhook(t.db, a.admin!, {
    url: `http://127.0.0.1:${PORT}/hook`,
    processId: 'fitness-test-exemption',
    events: ['instance.started', 'instance.state_changed', 'instance.finished'],
  });
  const t0 = clock;
  const started = await fitness('膝关节韧带损伤，医嘱半年内禁止剧烈运动', 'exempt', t0);
  await applyEvent(t.db, { instanceId: started.instance.id, actor: a.counselor!, type: 'approve', now: t0 });
  const events = await t.db.select().from(outbox).where(and(eq(outbox.kind, 'instance-event'), eq(outbox.instanceId, started.instance.id)));
  assert.deepEqual(events.map((e) => (e.payload as { events: string[] }).events).flat().sort(), ['instance.started', 'instance.state_changed']);

  failNext = 1;
  await dispatchDue(dispatcher());
  const afterFirst = await webhookRows();
  assert.equal(afterFirst.length, 2, 'one delivery per subscribed event');
  const failed = afterFirst.find((d) => d.status === 'pending')!;
  assert.equal(failed.attempts, 1);
  assert.equal(failed.lastError, 'HTTP 503');
  assert.equal(failed.notBefore.getTime(), t0.getTime() + 30_000, 'first retry after 30 s');
  clock = new Date(t0.getTime() + 10_000);
  await dispatchDue(dispatcher());
  assert.equal(received.length, 1, 'not before its backoff');
  clock = new Date(t0.getTime() + 31_000);
  await dispatchDue(dispatcher());
  assert.ok((await webhookRows()).every((d) => d.status === 'sent'));

  assert.equal(received.length, 2);
  const keys = new Set<string>();
  for (const r of received) {
    assert.ok(verifySignature(secret, String(r.headers[TIMESTAMP_HEADER]), String(r.headers[SIGNATURE_HEADER]), r.body), 'signature verifies');
    const body = JSON.parse(r.body) as { id: string; instance: { id: string }; event: string };
    assert.equal(body.instance.id, started.instance.id);
    assert.equal(body.event, r.headers['x-zijing-event']);
    assert.ok(!r.body.includes('膝关节'), 'no form data in the payload');
    const key = String(r.headers['idempotency-key']);
    const [row] = await t.db.select().from(outbox).where(eq(outbox.id, body.id));
    assert.equal(key, row!.key, 'the delivery carries its idempotency key');
    keys.add(key);
  }
  assert.equal(keys.size, 2);

  // Fanning out again (a crash before the instance event was marked sent) writes no second delivery.
  await t.db.update(outbox).set({ status: 'pending', lockedUntil: null }).where(eq(outbox.kind, 'instance-event'));
  await dispatchDue(dispatcher());
  assert.equal((await webhookRows()).length, 2);
  assert.equal(received.length, 2);
});

test('a receiver that never answers ends as failed after the last attempt', async () => {
  await t.db.update(webhooks).set({ active: false }).where(eq(webhooks.active, true));
  await registerWebhook(t.db, a.admin!, { url: 'http://127.0.0.1:1/nothing', events: ['instance.started'] });
  let at = new Date('2026-11-28T08:00:00Z');
  const { instance } = await fitness('手术后恢复期，需要推迟体测', 'defer', at);
  for (let i = 0; i < policy.maxAttempts + 2; i++) {
    clock = at;
    await dispatchDue(dispatcher());
    at = new Date(at.getTime() + 7 * 3600_000);
  }
  const rows = await t.db.select().from(outbox).where(and(eq(outbox.kind, 'webhook'), eq(outbox.instanceId, instance.id)));
  assert.equal(rows.length, 1);
  assert.equal(rows[0]!.status, 'failed');
  assert.equal(rows[0]!.attempts, policy.maxAttempts);
});

test('a destination the guard refuses fails at once with a reason that names no address; an operator retries it', async () => {
  await t.db.update(webhooks).set({ active: false }).where(eq(webhooks.active, true));
  await registerWebhook(t.db, a.admin!, { url: `http://127.0.0.1:${PORT}/hook`, events: ['instance.started'] });
  // The URL now points at the metadata service (as a name could after registration, by DNS).
  await t.db.update(webhooks).set({ url: 'http://[::ffff:169.254.169.254]/latest/meta-data' }).where(eq(webhooks.active, true));
  clock = new Date('2026-11-29T08:00:00Z');
  const { instance } = await fitness('踝关节扭伤，暂时无法参加体测', 'defer', clock);
  await dispatchDue(dispatcher());
  const [row] = await t.db.select().from(outbox).where(and(eq(outbox.kind, 'webhook'), eq(outbox.instanceId, instance.id)));
  assert.equal(row!.status, 'failed');
  assert.equal(row!.attempts, 1, 'not retried: retrying cannot help');
  assert.match(row!.lastError!, /不允许连接/);
  assert.doesNotMatch(row!.lastError!, /169\.254|ffff|ECONN/);
  const listed = (await listFailedDeliveries(t.db, 100)).find((r) => r.id === row!.id);
  assert.equal(listed?.error, row!.lastError, 'shown on the failed-deliveries page');

  assert.equal(await retryFailedDelivery(t.db, row!.id, clock), true);
  assert.equal(await retryFailedDelivery(t.db, row!.id, clock), false, 'a second retry changes nothing');
  const [again] = await t.db.select().from(outbox).where(eq(outbox.id, row!.id));
  assert.deepEqual([again!.status, again!.attempts], ['pending', 0]);
});

import assert from 'node:assert/strict';
import { randomUUID } from 'node:crypto';
import { after, before, test } from 'node:test';
import { and, eq } from 'drizzle-orm';
import { NextRequest } from 'next/server';
import { POST as retryRoute } from '@/app/api/v1/admin/outbox/[id]/retry/route';
import { enqueueOutbox } from '@/db/outbox';
import { adminAudit, messages, outbox, users } from '@/db/schema';
import { loadActor } from '@/lib/auth/load-actor';
import { now } from '@/lib/clock';
import { withTransaction } from '@/lib/db';
import { listFailedDeliveries, retryFailedDelivery } from '@/lib/outbox/failed-deliveries';
import { createToken } from '@/lib/tokens/create-token';
import { createTestDatabase, type TestDatabase } from './helpers/test-db';

// An operator sees every failed delivery of the one outbox on 运维 and puts one back in the queue.
let t: TestDatabase;
before(async () => {
  t = await createTestDatabase();
});
after(async () => t?.close());

test('a failed WeChat Work delivery is listed with its person and reason, retried once, and a second retry changes nothing', async () => {
  const [student] = await t.db.select().from(users).where(eq(users.username, 'student'));
  const at = new Date('2026-11-20T02:00:00Z');
  const [message] = await t.db
    .insert(messages)
    .values({ userId: student!.id, kind: 'task_assigned', params: { title: '测试' }, createdAt: at })
    .returning();
  const [delivery] = await enqueueOutbox(t.db, [{ kind: 'wecom', key: `wecom:${message!.id}`, payload: {}, userId: student!.id, messageId: message!.id, createdAt: at }]);
  await t.db.update(outbox).set({ status: 'failed', attempts: 20, lastError: 'errcode 60020' }).where(eq(outbox.id, delivery!.id));

  const failed = await listFailedDeliveries(t.db, 10);
  assert.equal(failed.length, 1);
  assert.equal(failed[0]!.kind, 'wecom');
  assert.deepEqual([failed[0]!.target, failed[0]!.campusId], [student!.name, 'student']);
  assert.equal(failed[0]!.error, 'errcode 60020');

  assert.equal(await retryFailedDelivery(t.db, delivery!.id, at), true);
  const [again] = await t.db.select().from(outbox).where(eq(outbox.id, delivery!.id));
  assert.equal(again!.status, 'pending');
  assert.equal(again!.attempts, 0);
  assert.equal((await listFailedDeliveries(t.db, 10)).length, 0);

  // Already pending (or sent by now): a second click must not reset a delivery in flight.
  await t.db.update(outbox).set({ attempts: 1 }).where(eq(outbox.id, delivery!.id));
  assert.equal(await retryFailedDelivery(t.db, delivery!.id, at), false);
  const [still] = await t.db.select().from(outbox).where(eq(outbox.id, delivery!.id));
  assert.equal(still!.attempts, 1);

  assert.equal(await retryFailedDelivery(t.db, randomUUID(), at), false, 'an unknown id changes nothing');
});

/** A failed e-mail to the student, as the dispatcher leaves it after its last attempt. */
async function failedDelivery(key: string) {
  const [student] = await t.db.select().from(users).where(eq(users.username, 'student'));
  const at = await now(t.db);
  const [delivery] = await enqueueOutbox(t.db, [{ kind: 'email', key, payload: {}, userId: student!.id, createdAt: at }]);
  await t.db.update(outbox).set({ status: 'failed', attempts: 20, lastError: '550 mailbox unavailable' }).where(eq(outbox.id, delivery!.id));
  return delivery!.id;
}

/**
 * The 运维 page's 重试 button posts to this route (app/(portal)/admin/operations), so this is the one
 * entry point. Called as a client would, with the person's API token; the handler's getDb() is the
 * test database.
 */
async function postRetry(username: string, deliveryId: string): Promise<Response> {
  const person = (await loadActor(t.db, { username }))!;
  const token = await createToken(t.db, person, { name: `retry-${username}`, scopes: ['api'], expiresInDays: 1 }, await now(t.db));
  const req = new NextRequest(`http://app.test/api/v1/admin/outbox/${deliveryId}/retry`, {
    method: 'POST',
    headers: { authorization: `Bearer ${token.secret}` },
  });
  return withTransaction(t.db, () => retryRoute(req, { params: Promise.resolve({ id: deliveryId }) }));
}

const retryAudits = (deliveryId: string) =>
  t.db.select().from(adminAudit).where(and(eq(adminAudit.action, 'outbox.retry'), eq(adminAudit.target, `outbox:${deliveryId}`)));

test('an admin retrying a failed delivery through the route requeues it and the audit log says who, when and which delivery', async () => {
  const id = await failedDelivery(`email:route-admin:${randomUUID()}`);
  const before = await now(t.db);
  const res = await postRetry('admin', id);
  assert.equal(res.status, 200);
  assert.deepEqual(await res.json(), { ok: true, requeued: true });
  const [row] = await t.db.select().from(outbox).where(eq(outbox.id, id));
  assert.equal(row!.status, 'pending');

  const audits = await retryAudits(id);
  assert.equal(audits.length, 1, 'one audit row for one retry');
  const [admin] = await t.db.select().from(users).where(eq(users.username, 'admin'));
  assert.equal(audits[0]!.actorId, admin!.id, 'who');
  assert.equal(audits[0]!.target, `outbox:${id}`, 'which delivery');
  assert.ok(audits[0]!.at.getTime() >= before.getTime() - 1000 && audits[0]!.at.getTime() <= (await now(t.db)).getTime() + 1000, 'when: the app clock at the retry');

  // Clicked again while it waits: nothing to requeue, and nothing more in the audit log.
  const again = await postRetry('admin', id);
  assert.deepEqual(await again.json(), { ok: true, requeued: false });
  assert.equal((await retryAudits(id)).length, 1);
});

test('a student or a counselor (staff, not an admin) is refused (403): the delivery stays failed and nothing is audited', async () => {
  const id = await failedDelivery(`email:route-refused:${randomUUID()}`);
  for (const username of ['student', 'counselor']) {
    const res = await postRetry(username, id);
    assert.equal(res.status, 403, `${username} is refused`);
    const body = (await res.json()) as { error: { message: string } };
    assert.match(JSON.stringify(body), /[\u4e00-\u9fff]/, 'the refusal is in Chinese');
  }
  const [row] = await t.db.select().from(outbox).where(eq(outbox.id, id));
  assert.equal(row!.status, 'failed');
  assert.equal(row!.attempts, 20);
  assert.equal((await retryAudits(id)).length, 0);
});

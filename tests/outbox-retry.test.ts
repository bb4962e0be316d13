import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { eq } from 'drizzle-orm';
import { messages, notifyDeliveries, users } from '@/db/schema';
import { retryableOutboxes, retryDelivery } from '@/lib/admin/outbox-hooks';
import { isAppError } from '@/workflows/engine/errors';
import { createTestDatabase, type TestDatabase } from './helpers/test-db';

// An operator sees every failed delivery on 运维 and puts one back in the queue.
let t: TestDatabase;
before(async () => {
  t = await createTestDatabase();
});
after(async () => t?.close());

test('a failed WeChat Work delivery is listed, retried once, and a second retry changes nothing', async () => {
  const [student] = await t.db.select().from(users).where(eq(users.username, 'student'));
  const at = new Date('2026-11-20T02:00:00Z');
  const [message] = await t.db
    .insert(messages)
    .values({ userId: student!.id, kind: 'task_assigned', params: { title: '测试' }, createdAt: at })
    .returning();
  const [delivery] = await t.db
    .insert(notifyDeliveries)
    .values({ messageId: message!.id, userId: student!.id, channel: 'wecom', status: 'failed', attempts: 20, lastError: 'errcode 60020', nextAttemptAt: at, createdAt: at })
    .returning();

  assert.deepEqual(retryableOutboxes().map((o) => o.channel), ['notify', 'webhook', 'jobs']);
  const notify = retryableOutboxes().find((o) => o.channel === 'notify')!;
  const failed = await notify.listFailed(t.db, 10);
  assert.equal(failed.length, 1);
  assert.match(failed[0]!.summary, /wecom/);
  assert.equal(failed[0]!.error, 'errcode 60020');

  await retryDelivery(t.db, 'notify', delivery!.id);
  const [again] = await t.db.select().from(notifyDeliveries).where(eq(notifyDeliveries.id, delivery!.id));
  assert.equal(again!.status, 'pending');
  assert.equal(again!.attempts, 0);
  assert.equal((await notify.listFailed(t.db, 10)).length, 0);

  // Already pending (or sent by now): a second click must not reset a delivery in flight.
  await t.db.update(notifyDeliveries).set({ attempts: 1 }).where(eq(notifyDeliveries.id, delivery!.id));
  await retryDelivery(t.db, 'notify', delivery!.id);
  const [still] = await t.db.select().from(notifyDeliveries).where(eq(notifyDeliveries.id, delivery!.id));
  assert.equal(still!.attempts, 1);

  for (const channel of ['webhook', 'jobs']) assert.deepEqual(await retryableOutboxes().find((o) => o.channel === channel)!.listFailed(t.db, 10), []);
  await assert.rejects(retryDelivery(t.db, 'fax', delivery!.id), (e) => isAppError(e) && e.code === 'NOT_FOUND');
});

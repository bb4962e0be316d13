import assert from 'node:assert/strict';
import { randomUUID } from 'node:crypto';
import { after, before, test } from 'node:test';
import { eq } from 'drizzle-orm';
import { enqueueOutbox } from '@/db/outbox';
import { messages, outbox, users } from '@/db/schema';
import { listFailedDeliveries, retryFailedDelivery } from '@/lib/outbox/failed-deliveries';
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

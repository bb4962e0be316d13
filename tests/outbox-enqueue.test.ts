import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { eq } from 'drizzle-orm';
import { enqueueOutbox } from '@/db/outbox';
import { outbox } from '@/db/schema';
import { createTestDatabase, type TestDatabase } from './helpers/test-db';

// The one outbox: an effect written in the transaction that causes it exists exactly when that commits.
let t: TestDatabase;
before(async () => {
  t = await createTestDatabase();
});
after(async () => t?.close());

test('an effect is written with its transaction, once per key, and vanishes with a rollback', async () => {
  const first = await t.db.transaction((tx) =>
    enqueueOutbox(tx, [{ kind: 'webhook', key: 'webhook:w1:i1:1', payload: { event: 'instance.started' } }]),
  );
  assert.equal(first.length, 1);
  assert.equal(first[0]!.kind, 'webhook');

  // The same key again (a retried transition, a replayed plan) writes nothing.
  const again = await enqueueOutbox(t.db, [
    { kind: 'webhook', key: 'webhook:w1:i1:1', payload: { event: 'changed' } },
    { kind: 'email', key: 'email:message:m1', payload: {}, notBefore: new Date('2030-01-01T00:00:00Z') },
  ]);
  assert.deepEqual(again.map((r) => r.kind), ['email']);
  assert.equal(again[0]!.notBefore.toISOString(), '2030-01-01T00:00:00.000Z');
  const [row] = await t.db.select().from(outbox).where(eq(outbox.key, 'webhook:w1:i1:1'));
  assert.deepEqual(row!.payload, { event: 'instance.started' });
  assert.equal(row!.status, 'pending');

  await assert.rejects(
    t.db.transaction(async (tx) => {
      await enqueueOutbox(tx, [{ kind: 'job', key: 'job:dorm-repair:i2', payload: {} }]);
      throw new Error('the transition failed');
    }),
    /the transition failed/,
  );
  assert.equal((await t.db.select().from(outbox).where(eq(outbox.key, 'job:dorm-repair:i2'))).length, 0);
});

test('a batch of thousands is written in one call', async () => {
  const rows = Array.from({ length: 4_500 }, (_, i) => ({ kind: 'message', key: `message:bulk-${i}`, payload: { i } }));
  assert.equal((await enqueueOutbox(t.db, rows)).length, 4_500);
});

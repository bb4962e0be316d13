import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { and, eq, sql } from 'drizzle-orm';
import { instanceEvents, uploads } from '@/db/schema';
import { loadActor, type SessionUser } from '@/lib/auth/load-actor';
import { countOpenTasks, listTasks } from '@/lib/instances/list-tasks';
import { verifyAllChains } from '@/lib/audit/verify-chains';
import { applyEvent } from '@/workflows/engine/apply-event';
import { startInstance } from '@/workflows/engine/start-instance';
import { createTestDatabase, type TestDatabase } from './helpers/test-db';

let t: TestDatabase;
const actors: Record<string, SessionUser> = {};

before(async () => {
  t = await createTestDatabase();
  for (const name of ['student', 'counselor', 'doctor']) actors[name] = (await loadActor(t.db, { username: name }))!;
});
after(() => t.close());

async function start(): Promise<string> {
  const [upload] = await t.db
    .insert(uploads)
    .values({ ownerId: actors.student!.id, filename: 'a.pdf', contentType: 'application/pdf', size: 1, sha256: 'ab'.repeat(32), storageKey: 'x/y' })
    .returning();
  const started = await startInstance(t.db, {
    processId: 'fitness-test-exemption',
    actor: actors.student!,
    input: { kind: 'defer', reason: '术后康复期，暂不能参加测试', evidence: [upload!.id] },
    now: new Date(),
  });
  return started.instance.id;
}

test('every chain verifies; a tampered comment is named with its instance and seq', async () => {
  const ids = [await start(), await start(), await start()];
  await applyEvent(t.db, { instanceId: ids[1]!, actor: actors.counselor!, type: 'approve', comment: '情况属实', now: new Date() });
  await applyEvent(t.db, { instanceId: ids[1]!, actor: actors.doctor!, type: 'approve', now: new Date() });

  const clean = await verifyAllChains(t.db);
  assert.equal(clean.instances, 3);
  assert.equal(clean.events, 5);
  assert.deepEqual(clean.broken, []);

  // Someone with database access rewrites the counselor's comment after the fact.
  await t.db
    .update(instanceEvents)
    .set({ comment: '情况不属实' })
    .where(and(eq(instanceEvents.instanceId, ids[1]!), eq(instanceEvents.seq, 2)));
  const tampered = await verifyAllChains(t.db);
  assert.equal(tampered.broken.length, 1);
  assert.equal(tampered.broken[0]!.instanceId, ids[1]);
  assert.equal(tampered.broken[0]!.seq, 2);

  // Deleting the newest entry is caught too: the instance row still points at its hash.
  await t.db.execute(sql`delete from instance_events where instance_id = ${ids[2]!} and seq = 1`);
  const deleted = await verifyAllChains(t.db);
  assert.ok(deleted.broken.some((b) => b.instanceId === ids[2]));
});

test('countOpenTasks counts in the database and agrees with the list', async () => {
  const listed = await listTasks(t.db, actors.counselor!, 'open', 1000);
  assert.equal(await countOpenTasks(t.db, actors.counselor!), listed.length);
  assert.equal(await countOpenTasks(t.db, actors.doctor!), (await listTasks(t.db, actors.doctor!, 'open', 1000)).length);
  // Past the cap it stops counting: cap + 1 says "more than cap".
  assert.ok(listed.length >= 2, `the counselor has ${listed.length} open tasks`);
  assert.equal(await countOpenTasks(t.db, actors.counselor!, 1), 2);
  assert.equal(await countOpenTasks(t.db, actors.counselor!, listed.length - 1), listed.length);
  assert.equal(await countOpenTasks(t.db, actors.counselor!, listed.length), listed.length);
});

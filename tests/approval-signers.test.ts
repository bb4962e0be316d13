/**
 * 加签 / 减签 (issue 16, item 4) through the lib entry points the API calls, on a real database
 * (TEST_DB=pglite | postgres).
 */
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { and, asc, eq } from 'drizzle-orm';
import { instanceEvents, tasks } from '@/db/schema';
import type { SessionUser } from '@/lib/auth/load-actor';
import { getInstanceView } from '@/lib/instances/get-instance-view';
import { answerTask, listEligiblePeople, removeSignerAs, signTask } from '@/lib/instances/task-operations';
import { applyEvent } from '@/workflows/engine/apply-event';
import { verifyChain } from '@/workflows/engine/hash-chain';
import { expectCode, loadActors, startFitnessDeferral } from './helpers/process-fixtures';
import { createTestDatabase, type TestDatabase } from './helpers/test-db';

let t: TestDatabase;
let a: Record<string, SessionUser>;
let clock = new Date('2026-03-02T02:00:00Z').getTime();
const tick = () => new Date((clock += 60_000));

before(async () => {
  t = await createTestDatabase();
  a = await loadActors(t.db, ['student', 'counselor', 'leader', 'doctor']);
});
after(() => t.close());

async function openTask(id: string) {
  const [task] = await t.db.select().from(tasks).where(and(eq(tasks.instanceId, id), eq(tasks.status, 'open')));
  return task!;
}

describe('加签', () => {
  test('前加签: 周校长 signs first and cannot decide; the signature brings the task back to the counselor, who decides', async () => {
    const id = await startFitnessDeferral(t.db, a.student!, tick());
    const task = await openTask(id);
    const people = (await listEligiblePeople(t.db, a.counselor!, 'addSigner', task.id)).people.map((p) => p.username);
    assert.ok(people.includes('leader') && !people.includes('student') && !people.includes('counselor'));

    await signTask(t.db, a.counselor!, task.id, { to: 'leader', position: 'before', reason: '请校领导先签' }, tick());
    assert.deepEqual((await getInstanceView(t.db, a.leader!, id)).openTasks[0]!.operations, ['answer']);
    await expectCode(applyEvent(t.db, { instanceId: id, actor: a.leader!, type: 'approve', now: tick() }), 'EVENT_NOT_ALLOWED');
    await answerTask(t.db, a.leader!, task.id, { opinion: '同意免测' }, tick());
    assert.equal((await openTask(id)).assigneeId, a.counselor!.id);
    await applyEvent(t.db, { instanceId: id, actor: a.counselor!, type: 'approve', now: tick() });
    const view = await getInstanceView(t.db, a.counselor!, id);
    assert.deepEqual(view.timeline.map((e) => e.action.zh), ['提交申请', '前加签', '会签', '核实通过']);
    // 周校长 gave his opinion on it: he still reads the application and his opinion (it was a 404 once the task moved on).
    assert.ok((await getInstanceView(t.db, a.leader!, id)).timeline.some((e) => e.comment === '同意免测'));
  });

  test('后加签: the counselor signs now, 周校长 decides; 减签 before he acts brings it back; the applicant cannot be added', async () => {
    const id = await startFitnessDeferral(t.db, a.student!, tick());
    const task = await openTask(id);
    await expectCode(signTask(t.db, a.counselor!, task.id, { to: 'student', position: 'after' }, tick()), 'INVALID_INPUT');
    await signTask(t.db, a.counselor!, task.id, { to: 'leader', position: 'after', reason: '我同意' }, tick());
    assert.deepEqual((await getInstanceView(t.db, a.counselor!, id)).openTasks[0]!.operations, ['removeSigner']);
    await removeSignerAs(t.db, a.counselor!, task.id, {}, tick());
    assert.deepEqual([(await openTask(id)).assigneeId, (await openTask(id)).handover], [a.counselor!.id, null]);

    await signTask(t.db, a.counselor!, task.id, { to: 'leader', position: 'after', reason: '我同意' }, tick());
    await applyEvent(t.db, { instanceId: id, actor: a.leader!, type: 'approve', now: tick() });
    await expectCode(removeSignerAs(t.db, a.counselor!, task.id, {}, tick()), 'CONFLICT');
    const events = await t.db.select().from(instanceEvents).where(eq(instanceEvents.instanceId, id)).orderBy(asc(instanceEvents.seq));
    assert.deepEqual(events.map((e) => e.type), ['submit', 'task.sign.after', 'task.sign.remove', 'task.sign.after', 'approve']);
    assert.ok(verifyChain(events).ok);
  });
});

/**
 * 转办 and 委派 (issue 16, items 1–2) through the lib entry points the API calls, on a real
 * database (TEST_DB=pglite | postgres): who may, to whom, what the log and the new holder see,
 * refusals that change nothing, and two holders transferring the same task at once (one 409).
 */
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import bcrypt from 'bcryptjs';
import { and, asc, eq } from 'drizzle-orm';
import { instanceEvents, messages, processInstances, roleBindings, tasks, users } from '@/db/schema';
import type { SessionUser } from '@/lib/auth/load-actor';
import { answerTask, handTask, listEligiblePeople } from '@/lib/instances/task-operations';
import { getInstanceView } from '@/lib/instances/get-instance-view';
import { applyEvent } from '@/workflows/engine/apply-event';
import { verifyChain } from '@/workflows/engine/hash-chain';
import { expectCode, loadActors, outcomeCode, startFitnessDeferral } from './helpers/process-fixtures';
import { createTestDatabase, type TestDatabase } from './helpers/test-db';

let t: TestDatabase;
let a: Record<string, SessionUser>;
let clock = new Date('2026-03-02T02:00:00Z').getTime();
const tick = () => new Date((clock += 60_000));

/** A person of the 工程学院 made for this test: a second counselor, a plain staff member, an inactive counselor. */
async function person(username: string, name: string, opts: { counselor?: boolean; active?: boolean; kind?: 'staff' | 'student' } = {}) {
  const [row] = await t.db
    .insert(users)
    .values({ username, name, kind: opts.kind ?? 'staff', orgUnitId: 'engineering', active: opts.active ?? true, passwordHash: await bcrypt.hash('x', 4) })
    .returning();
  if (opts.counselor) await t.db.insert(roleBindings).values({ userId: row!.id, role: 'counselor', orgUnitId: 'engineering' });
  return row!;
}

before(async () => {
  t = await createTestDatabase();
  await person('counselor-b', '何老师', { counselor: true });
  await person('eng-staff', '孙老师');
  await person('counselor-c', '吴老师', { counselor: true });
  await person('counselor-gone', '钱老师', { counselor: true, active: false });
  a = await loadActors(t.db, ['student', 'counselor', 'counselor2', 'doctor', 'counselor-b', 'eng-staff']);
});
after(() => t.close());

async function openTaskOf(instanceId: string) {
  const [task] = await t.db.select().from(tasks).where(and(eq(tasks.instanceId, instanceId), eq(tasks.status, 'open')));
  return task!;
}

async function snapshotOf(instanceId: string) {
  const [row] = await t.db.select().from(processInstances).where(eq(processInstances.id, instanceId));
  const events = await t.db.select().from(instanceEvents).where(eq(instanceEvents.instanceId, instanceId)).orderBy(asc(instanceEvents.seq));
  return { revision: row!.revision, task: await openTaskOf(instanceId), events };
}

describe('转办', () => {
  test('the holder transfers to a colleague in the same role: the task is theirs, the log says who to whom and why, they are told', async () => {
    const id = await startFitnessDeferral(t.db, a.student!, tick());
    const task = await openTaskOf(id);
    const people = await listEligiblePeople(t.db, a.counselor!, 'transfer', task.id);
    assert.deepEqual(people.people.map((p) => p.username), ['counselor-b', 'counselor-c'], 'only active people with the role here; not oneself, not the inactive one');
    assert.deepEqual((await listEligiblePeople(t.db, a.counselor!, 'transfer', task.id, 'hls')).people.map((p) => p.name), ['何老师'], 'pinyin initials find 何老师');

    const at = tick();
    const result = await handTask(t.db, a.counselor!, 'transfer', task.id, { to: 'counselor-b', reason: '本周出差' }, at);
    assert.equal(result.holder.name, '何老师');
    const after = await snapshotOf(id);
    assert.equal(after.task.assigneeId, a['counselor-b']!.id);
    const last = after.events.at(-1)!;
    assert.deepEqual([last.type, last.actorId, last.comment, last.fromState, last.toState], ['task.transfer', a.counselor!.id, '本周出差', 'counselorReview', 'counselorReview']);
    assert.deepEqual(last.payload, { taskId: task.id, state: 'counselorReview', from: a.counselor!.id, to: a['counselor-b']!.id });
    assert.ok(verifyChain(after.events).ok, 'the hash chain holds');
    const told = await t.db.select().from(messages).where(and(eq(messages.instanceId, id), eq(messages.createdAt, at)));
    assert.deepEqual(told.map((m) => [m.kind, m.userId]), [['task.new', a['counselor-b']!.id]]);

    // The old holder can no longer decide; the new one can, and sees who moved it in the timeline.
    await expectCode(applyEvent(t.db, { instanceId: id, actor: a.counselor!, type: 'approve', now: tick() }), 'FORBIDDEN');
    const view = await getInstanceView(t.db, a['counselor-b']!, id);
    const entry = view.timeline.find((e) => e.type === 'task.transfer')!;
    assert.deepEqual([entry.action.zh, entry.actorName, entry.toName, entry.comment], ['转办', '陈老师', '何老师', '本周出差']);
    await applyEvent(t.db, { instanceId: id, actor: a['counselor-b']!, type: 'approve', now: tick() });
  });

  test('refused with a clear reason and nothing written: to oneself, to someone without the role, to an inactive account, to the applicant, by someone else', async () => {
    const id = await startFitnessDeferral(t.db, a.student!, tick());
    const task = await openTaskOf(id);
    const before = await snapshotOf(id);
    const zhOf = async (p: Promise<unknown>) => p.then(() => 'OK', (e: { code: string; userMessage?: { zh: string } }) => `${e.code} ${e.userMessage?.zh ?? ''}`);
    assert.match(await zhOf(handTask(t.db, a.counselor!, 'transfer', task.id, { to: 'counselor' }, tick())), /^INVALID_INPUT 不能转办给自己/);
    assert.match(await zhOf(handTask(t.db, a.counselor!, 'transfer', task.id, { to: 'doctor' }, tick())), /^INVALID_INPUT 刘医生 不能办理该环节/);
    assert.match(await zhOf(handTask(t.db, a.counselor!, 'transfer', task.id, { to: 'counselor2' }, tick())), /^INVALID_INPUT 赵老师 不能办理该环节/);
    assert.match(await zhOf(handTask(t.db, a.counselor!, 'transfer', task.id, { to: 'counselor-gone' }, tick())), /^INVALID_INPUT 钱老师 的账号已停用/);
    assert.match(await zhOf(handTask(t.db, a.counselor!, 'transfer', task.id, { to: 'student' }, tick())), /^INVALID_INPUT 不能交给申请人本人办理/);
    assert.match(await zhOf(handTask(t.db, a.counselor!, 'transfer', task.id, { to: 'nobody-here' }, tick())), /^INVALID_INPUT 找不到学工号为 nobody-here/);
    assert.match(await zhOf(handTask(t.db, a.doctor!, 'transfer', task.id, { to: 'counselor-b' }, tick())), /^NOT_FOUND/, 'someone who may not see it learns nothing');
    assert.match(await zhOf(handTask(t.db, a.student!, 'transfer', task.id, { to: 'counselor-b' }, tick())), /^FORBIDDEN 只有该环节的办理人可以转办/);
    assert.deepEqual(await snapshotOf(id), before, 'nothing half-applied');
  });

  test('two holders transferring the same task at once: one wins, the other gets 409 and changes nothing', async () => {
    const id = await startFitnessDeferral(t.db, a.student!, tick());
    const task = await openTaskOf(id);
    const at = tick();
    const outcomes = await Promise.all([
      outcomeCode(handTask(t.db, a.counselor!, 'transfer', task.id, { to: 'counselor-c', reason: 'A' }, at)),
      outcomeCode(handTask(t.db, a['counselor-b']!, 'transfer', task.id, { to: 'counselor-c', reason: 'B' }, at)),
    ]);
    assert.deepEqual([...outcomes].sort(), ['CONFLICT', 'OK']);
    const after = await snapshotOf(id);
    assert.equal(after.events.filter((e) => e.type === 'task.transfer').length, 1, 'one transfer in the log');
    // A stale page (the revision it showed) is a conflict too.
    const holder = (await loadActors(t.db, ['counselor-c']))['counselor-c']!;
    await expectCode(handTask(t.db, holder, 'transfer', task.id, { to: 'counselor-b', expectedRevision: 1 }, tick()), 'CONFLICT');
  });
});

describe('委派', () => {
  test('the holder asks a colleague for an opinion; the delegate cannot decide; their answer brings the task back to the holder, who decides', async () => {
    const id = await startFitnessDeferral(t.db, a.student!, tick());
    const task = await openTaskOf(id);
    assert.deepEqual(
      (await listEligiblePeople(t.db, a.counselor!, 'delegate', task.id)).people.map((p) => p.username).sort(),
      ['counselor-b', 'counselor-c', 'eng-staff', 'engoffice'],
      'active staff of the unit, not the student applicant',
    );
    await handTask(t.db, a.counselor!, 'delegate', task.id, { to: 'eng-staff', reason: '请核对证明' }, tick());
    const delegated = await openTaskOf(id);
    assert.deepEqual([delegated.assigneeId, delegated.returnsTo, delegated.handover, delegated.actions], [a['eng-staff']!.id, a.counselor!.id, 'delegate', []]);

    // Delegating again while out, and deciding meanwhile, are refused.
    await expectCode(handTask(t.db, a.counselor!, 'delegate', task.id, { to: 'counselor-b' }, tick()), 'INVALID_INPUT');
    await expectCode(applyEvent(t.db, { instanceId: id, actor: a['eng-staff']!, type: 'approve', now: tick() }), 'EVENT_NOT_ALLOWED');
    await expectCode(applyEvent(t.db, { instanceId: id, actor: a.counselor!, type: 'approve', now: tick() }), 'EVENT_NOT_ALLOWED');
    // The holder still sees the application while it is out; the delegate sees only the answer.
    const holderView = await getInstanceView(t.db, a.counselor!, id);
    assert.deepEqual(holderView.openTasks[0]!.operations, []);
    assert.equal(holderView.openTasks[0]!.holderName, '孙老师');
    const delegateView = await getInstanceView(t.db, a['eng-staff']!, id);
    assert.deepEqual([delegateView.myActions, delegateView.openTasks[0]!.operations], [[], ['answer']]);

    await expectCode(answerTask(t.db, a['eng-staff']!, task.id, { opinion: ' ' }, tick()), 'INVALID_INPUT');
    const at = tick();
    await answerTask(t.db, a['eng-staff']!, task.id, { opinion: '证明齐全，建议通过' }, at);
    const back = await openTaskOf(id);
    assert.deepEqual([back.assigneeId, back.returnsTo, back.handover, back.actions], [a.counselor!.id, null, null, ['approve', 'return', 'reject']]);
    const told = await t.db.select().from(messages).where(and(eq(messages.instanceId, id), eq(messages.createdAt, at)));
    assert.deepEqual(told.map((m) => [m.kind, m.userId, m.params.comment]), [['task.opinion', a.counselor!.id, '证明齐全，建议通过']]);

    await applyEvent(t.db, { instanceId: id, actor: a.counselor!, type: 'approve', now: tick() });
    const view = await getInstanceView(t.db, a.counselor!, id);
    assert.deepEqual(
      view.timeline.map((e) => e.action.zh),
      ['提交申请', '委派征求意见', '回复意见', '核实通过'],
      'both entries in the timeline',
    );
    assert.ok(verifyChain((await snapshotOf(id)).events).ok);
  });
});

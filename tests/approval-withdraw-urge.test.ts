/**
 * 撤回 and 催办 (issue 16, items 6–7) through the lib entry points the API calls, on a real
 * database (TEST_DB=pglite | postgres).
 */
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { and, asc, eq } from 'drizzle-orm';
import { instanceEvents, messages, processInstances, tasks } from '@/db/schema';
import type { SessionUser } from '@/lib/auth/load-actor';
import { getInstanceView } from '@/lib/instances/get-instance-view';
import { operateOnInstance } from '@/lib/instances/instance-operations';
import { applyEvent } from '@/workflows/engine/apply-event';
import { verifyChain } from '@/workflows/engine/hash-chain';
import { addDays, loadActors, startFitnessDeferral } from './helpers/process-fixtures';
import { createTestDatabase, type TestDatabase } from './helpers/test-db';

let t: TestDatabase;
let a: Record<string, SessionUser>;
let clock = new Date('2026-03-02T02:00:00Z').getTime(); // a Monday
const tick = () => new Date((clock += 60_000));

before(async () => {
  t = await createTestDatabase();
  a = await loadActors(t.db, ['student', 'counselor', 'doctor', 'admin']);
});
after(() => t.close());

async function state(id: string) {
  const [row] = await t.db.select().from(processInstances).where(eq(processInstances.id, id));
  const open = await t.db.select().from(tasks).where(and(eq(tasks.instanceId, id), eq(tasks.status, 'open')));
  const events = await t.db.select().from(instanceEvents).where(eq(instanceEvents.instanceId, id)).orderBy(asc(instanceEvents.seq));
  return { row: row!, open, events };
}

const failure = (p: Promise<unknown>) => p.then(() => 'OK', (e: { code: string; userMessage?: { zh: string; en: string } }) => `${e.code} ${e.userMessage?.zh ?? ''}`);

describe('撤回申请', () => {
  test('the applicant withdraws before the counselor acts; the button is offered, then the instance has ended', async () => {
    const id = await startFitnessDeferral(t.db, a.student!, tick());
    // (The page's clock is the real one, so this March application is also past its limit: 催办 is offered too.)
    assert.ok((await getInstanceView(t.db, a.student!, id)).instanceOps.includes('withdrawApplication'));
    const done = await operateOnInstance(t.db, a.student!, 'withdrawApplication', id, { reason: '已康复' }, tick());
    assert.deepEqual([done.status, done.event], ['withdrawn', 'withdraw']);
    const s = await state(id);
    assert.deepEqual(s.open, [], 'the counselor’s task is gone');
    assert.ok(verifyChain(s.events).ok);
  });

  test('after the counselor acted: refused with a clear reason, nothing written', async () => {
    const id = await startFitnessDeferral(t.db, a.student!, tick());
    await applyEvent(t.db, { instanceId: id, actor: a.counselor!, type: 'approve', now: tick() });
    const before = await state(id);
    assert.match(await failure(operateOnInstance(t.db, a.student!, 'withdrawApplication', id, {}, tick())), /^EVENT_NOT_ALLOWED 审批已开始办理，不能再撤回申请/);
    assert.match(await failure(operateOnInstance(t.db, a.counselor!, 'withdrawApplication', id, {}, tick())), /^FORBIDDEN 只有申请人本人可以撤回申请/);
    assert.match(await failure(operateOnInstance(t.db, a.doctor!, 'urge', id, {}, tick())), /^FORBIDDEN/);
    assert.deepEqual(await state(id), before);
  });
});

describe('撤回审批', () => {
  test('the counselor takes their approval back while 校医院 has not acted: back at their step, theirs; refused once 校医院 acted', async () => {
    const id = await startFitnessDeferral(t.db, a.student!, tick());
    await applyEvent(t.db, { instanceId: id, actor: a.counselor!, type: 'approve', now: tick() });
    assert.deepEqual((await getInstanceView(t.db, a.counselor!, id)).instanceOps, ['withdrawApproval']);
    const back = await operateOnInstance(t.db, a.counselor!, 'withdrawApproval', id, { reason: '证明日期需再核对' }, tick());
    assert.deepEqual([back.state, back.event], ['counselorReview', 'task.withdraw']);
    const s = await state(id);
    assert.deepEqual(s.open.map((x) => [x.state, x.assigneeId]), [['counselorReview', a.counselor!.id]]);
    const view = await getInstanceView(t.db, a.student!, id);
    assert.equal(view.timeline.at(-1)!.action.zh, '撤回审批');

    // Approve again; 校医院 acts; now it is too late.
    await applyEvent(t.db, { instanceId: id, actor: a.counselor!, type: 'approve', now: tick() });
    await applyEvent(t.db, { instanceId: id, actor: a.doctor!, type: 'approve', now: tick() });
    const before = await state(id);
    assert.match(await failure(operateOnInstance(t.db, a.counselor!, 'withdrawApproval', id, {}, tick())), /^EVENT_NOT_ALLOWED 下一环节已办理，不能再撤回审批/);
    assert.deepEqual(await state(id), before, 'nothing half-applied');
  });
});

describe('催办', () => {
  test('past the time limit the applicant urges once a working day; the holders are told, the count is kept', async () => {
    const start = tick();
    const id = await startFitnessDeferral(t.db, a.student!, start);
    assert.match(await failure(operateOnInstance(t.db, a.student!, 'urge', id, {}, tick())), /^EVENT_NOT_ALLOWED 尚未超过办理时限/);

    const late = addDays(start, 6);
    assert.ok((await state(id)).open[0]!.dueAt! < late);
    const done = await operateOnInstance(t.db, a.student!, 'urge', id, { reason: '下周就要体测了' }, late);
    assert.equal(done.event, 'instance.urge');
    const told = await t.db.select().from(messages).where(and(eq(messages.instanceId, id), eq(messages.createdAt, late)));
    assert.deepEqual(told.map((m) => [m.kind, m.userId]), [['task.urged', a.counselor!.id]]);
    assert.match(told[0]!.params.actionZh!, /^催办/);

    const again = new Date(late.getTime() + 3_600_000);
    assert.match(await failure(operateOnInstance(t.db, a.student!, 'urge', id, {}, again)), /^RATE_LIMITED 今天已催办过/);
    await operateOnInstance(t.db, a.student!, 'urge', id, {}, addDays(late, 1));
    const s = await state(id);
    assert.equal(s.open[0]!.urgeCount, 2, 'the count monitoring reads');
    assert.equal(s.events.filter((e) => e.type === 'instance.urge').length, 2);
    assert.equal((await getInstanceView(t.db, a.counselor!, id)).openTasks[0]!.urgeCount, 2);
  });
});

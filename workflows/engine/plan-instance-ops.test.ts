/**
 * 撤回 and 催办 planners without a database: the point of no return, the step an approval goes
 * back to, once a working day.
 */
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { transition } from 'xstate';
import { fitnessTestExemptionV1 as fitness } from '../fitness-test-exemption/definition';
import type { Actor } from './actor';
import { weekdayCalendar } from './calendar';
import { AppError } from './errors';
import type { InstanceRow, TaskRow } from './plan';
import { planUrge, planWithdrawApplication, planWithdrawApproval, type LoggedEvent } from './plan-instance-ops';
import { planStart } from './plan-transition';
import { persistSnapshot, restoreSnapshot } from './snapshot';

const now = new Date('2026-03-02T02:00:00Z'); // Monday
const student: Actor = { id: 'a0000000-0000-4000-8000-000000000001', name: '李明', kind: 'student', orgUnitId: 'cs', isCadre: false, roles: [] };
const counselor: Actor = { id: 'c0000000-0000-4000-8000-000000000002', name: '陈老师', kind: 'staff', orgUnitId: 'cs', isCadre: false, roles: [{ role: 'counselor', orgUnitId: 'cs' }] };

const submitted: LoggedEvent = { seq: 1, type: 'submit', actorId: student.id, actorRole: 'applicant', fromState: null, toState: 'counselorReview' };
const approved: LoggedEvent = { seq: 2, type: 'approve', actorId: counselor.id, actorRole: 'counselor', fromState: 'counselorReview', toState: 'hospitalReview' };

function started(): { row: InstanceRow; task: TaskRow } {
  const plan = planStart(
    null,
    fitness,
    { id: 'i0000000-0000-4000-8000-000000000009', form: { kind: 'exempt', reason: '伤', evidence: [] }, title: { zh: 't', en: 't' }, applicant: { id: student.id, orgUnitId: 'cs' }, actor: student, actorRole: 'applicant', actionLabel: { zh: '提交', en: 'Submit' }, attachments: [], calendar: weekdayCalendar },
    now,
  );
  const row = { ...('insert' in plan.instance ? plan.instance.insert : {}), caseNo: null } as InstanceRow;
  const t = plan.tasks.open[0]!;
  return { row, task: { ...t, id: 't1', status: 'open', completedAt: null, completedBy: null, outcome: null, returnsTo: null, handover: null, urgeCount: 0, urgedAt: null } as TaskRow };
}

/** The row after the counselor approved (at the hospital step), with the hospital's task. */
function atHospital(): { row: InstanceRow; task: TaskRow } {
  const { row } = started();
  const [next] = transition(fitness.machine, restoreSnapshot(fitness.machine, row.snapshot), { type: 'approve', actorId: counselor.id });
  const moved = { ...row, snapshot: persistSnapshot(next), state: 'hospitalReview', revision: 2, lastHash: 'h2' } as InstanceRow;
  const task = { id: 't2', instanceId: row.id, state: 'hospitalReview', role: 'handler', orgUnitId: 'hospital', assigneeId: null, actions: ['approve', 'return', 'reject'], status: 'open', createdAt: now, dueAt: new Date(now.getTime() + 3 * 86_400_000), completedAt: null, completedBy: null, outcome: null, returnsTo: null, handover: null, urgeCount: 0, urgedAt: null } as TaskRow;
  return { row: moved, task };
}

const refused = (fn: () => unknown, code: string, zh: RegExp) =>
  assert.throws(fn, (e: unknown) => e instanceof AppError && e.code === code && zh.test(e.userMessage?.zh ?? ''));
const input = (actor: Actor, openTasks: TaskRow[], history: LoggedEvent[]) => ({ actor, openTasks, history, calendar: weekdayCalendar, reason: null });

describe('撤回申请', () => {
  test('before anyone acted: the statechart’s own withdraw ends it, the counselor’s task cancelled, instance.finished sent', () => {
    const { row, task } = started();
    const plan = planWithdrawApplication(row, fitness, input(student, [task], [submitted]), now);
    assert.equal(plan.event.type, 'withdraw');
    assert.equal('update' in plan.instance && plan.instance.update.status, 'withdrawn');
    assert.deepEqual(plan.tasks.cancelled, { ids: ['t1'], outcome: 'withdraw' });
    assert.ok(plan.effects.some((e) => e.kind === 'instanceEvent' && e.events.includes('instance.finished')));
  });

  test('after the first step acted, by someone else, or when a 转办 is the only thing since: as the rules say', () => {
    const { row, task } = atHospital();
    refused(() => planWithdrawApplication(row, fitness, input(student, [task], [submitted, approved]), now), 'EVENT_NOT_ALLOWED', /不能再撤回申请/);
    const fresh = started();
    refused(() => planWithdrawApplication(fresh.row, fitness, input(counselor, [fresh.task], [submitted]), now), 'FORBIDDEN', /只有申请人/);
    const transferred: LoggedEvent = { seq: 2, type: 'task.transfer', actorId: counselor.id, actorRole: 'counselor', fromState: 'counselorReview', toState: 'counselorReview' };
    assert.equal(planWithdrawApplication(fresh.row, fitness, input(student, [fresh.task], [submitted, transferred]), now).event.type, 'withdraw', 'a transfer is not a decision');
  });
});

describe('撤回审批', () => {
  test('the approver takes it back while the next step waits: back to their step, assigned to them, the next task cancelled', () => {
    const { row, task } = atHospital();
    const plan = planWithdrawApproval(row, fitness, input(counselor, [task], [submitted, approved]), now);
    assert.deepEqual([plan.event.type, plan.event.fromState, plan.event.toState, plan.event.payload], ['task.withdraw', 'hospitalReview', 'counselorReview', { undoes: 2 }]);
    assert.deepEqual(plan.tasks.cancelled, { ids: ['t2'], outcome: 'task.withdraw' });
    assert.deepEqual(plan.tasks.open.map((t) => [t.state, t.assigneeId]), [['counselorReview', counselor.id]]);
    assert.equal('update' in plan.instance && plan.instance.update.state, 'counselorReview');
    assert.deepEqual(plan.messages.map((m) => m.kind), ['instance.update'], 'the applicant hears of it; nobody gets a new-task notice for their own step');
  });

  test('refused after the next step acted, and to someone whose decision it was not', () => {
    const { row, task } = atHospital();
    const doctorActed: LoggedEvent = { seq: 3, type: 'return', actorId: 'd1', actorRole: 'handler', fromState: 'hospitalReview', toState: 'revising' };
    refused(() => planWithdrawApproval({ ...row, state: 'revising' }, fitness, input(counselor, [], [submitted, approved, doctorActed]), now), 'EVENT_NOT_ALLOWED', /下一环节已办理/);
    const other: Actor = { ...counselor, id: 'c9' };
    refused(() => planWithdrawApproval(row, fitness, input(other, [task], [submitted, approved]), now), 'EVENT_NOT_ALLOWED', /没有可撤回的审批/);
  });
});

describe('催办', () => {
  const { row, task } = atHospital();
  const late = new Date(task.dueAt!.getTime() + 3_600_000);

  test('within the time limit: refused; past it: one urge counted, the holders told, marked 催办', () => {
    refused(() => planUrge(row, fitness, input(student, [task], []), now), 'EVENT_NOT_ALLOWED', /尚未超过办理时限/);
    const plan = planUrge(row, fitness, input(student, [task], []), late);
    assert.deepEqual(plan.tasks.urge, { taskId: 't2', count: 1, at: late });
    assert.equal(plan.event.type, 'instance.urge');
    assert.deepEqual(plan.messages.map((m) => [m.kind, m.to]), [['task.urged', { role: 'handler', orgUnitId: 'hospital', group: 'urge:t2', exceptUserId: null }]]);
    assert.match(plan.messages[0]!.params.actionZh!, /^催办/);
  });

  test('once a working day per step: a second urge the same day is refused (429), the next day allowed', () => {
    const urged = { ...task, urgeCount: 1, urgedAt: late };
    refused(() => planUrge(row, fitness, input(student, [urged], []), new Date(late.getTime() + 3_600_000)), 'RATE_LIMITED', /今天已催办过/);
    assert.equal(planUrge(row, fitness, input(student, [urged], []), new Date(late.getTime() + 86_400_000)).tasks.urge?.count, 2);
    refused(() => planUrge(row, fitness, input(counselor, [task], []), late), 'FORBIDDEN', /只有申请人/);
  });
});

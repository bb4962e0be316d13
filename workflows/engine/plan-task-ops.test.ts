/**
 * 转办 / 委派 planners without a database: what they would write, and what they refuse.
 */
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { fitnessTestExemptionV1 } from '../fitness-test-exemption/definition';
import type { Actor } from './actor';
import { weekdayCalendar } from './calendar';
import { AppError } from './errors';
import { operationsOf } from './operations';
import type { InstanceRow, TaskRow } from './plan';
import { planStart } from './plan-transition';
import { planAddSigner, planAnswerDelegation, planDelegate, planRemoveSigner, planTransfer, type PersonFacts } from './plan-task-ops';
import type { ProcessDefinition } from './types';

const now = new Date('2026-03-02T02:00:00Z');
const applicant = { id: 'a0000000-0000-4000-8000-000000000001', orgUnitId: 'cs' };
const student: Actor = { id: applicant.id, name: '学生', kind: 'student', orgUnitId: 'cs', isCadre: false, roles: [] };
const counselor: Actor = { id: 'c0000000-0000-4000-8000-000000000002', name: '陈老师', kind: 'staff', orgUnitId: 'cs', isCadre: false, roles: [{ role: 'counselor', orgUnitId: 'cs' }] };
const person = (id: string, name: string, extra: Partial<PersonFacts> = {}): PersonFacts => ({
  id,
  name,
  kind: 'staff',
  orgUnitId: 'cs',
  active: true,
  roles: [{ role: 'counselor', orgUnitId: 'cs' }],
  ...extra,
});
const colleague = person('c0000000-0000-4000-8000-000000000003', '何老师');
const plainStaff = person('c0000000-0000-4000-8000-000000000004', '孙老师', { roles: [] });
const otherCollege = person('c0000000-0000-4000-8000-000000000005', '赵老师', { orgUnitId: 'agri', roles: [{ role: 'counselor', orgUnitId: 'agri' }] });

function started(definition: ProcessDefinition = fitnessTestExemptionV1): { row: InstanceRow; task: TaskRow } {
  const plan = planStart(
    null,
    definition,
    { id: 'i0000000-0000-4000-8000-000000000009', form: { kind: 'exempt', reason: '伤', evidence: [] }, title: { zh: 't', en: 't' }, applicant, actor: student, actorRole: 'applicant', actionLabel: { zh: '提交', en: 'Submit' }, attachments: [], calendar: weekdayCalendar },
    now,
  );
  const row = { ...('insert' in plan.instance ? plan.instance.insert : {}) } as InstanceRow;
  const t = plan.tasks.open[0]!;
  const task = { ...t, id: 't0000000-0000-4000-8000-000000000001', status: 'open', completedAt: null, completedBy: null, outcome: null, returnsTo: null, handover: null, urgeCount: 0, urgedAt: null } as TaskRow;
  return { row, task };
}

function refused(fn: () => unknown, code: string, zh: RegExp): void {
  assert.throws(fn, (e: unknown) => e instanceof AppError && e.code === code && zh.test(e.userMessage?.zh ?? ''));
}

describe('转办 planTransfer', () => {
  const { row, task } = started();

  test('hands the task to a colleague in the same role: assigned, logged with from/to and reason, the new holder told', () => {
    const plan = planTransfer(row, fitnessTestExemptionV1, { actor: counselor, task, to: colleague, reason: '出差一周' }, now);
    assert.deepEqual(plan.tasks.assign, { taskId: task.id, assigneeId: colleague.id, returnsTo: null, handover: null });
    assert.equal(plan.event.type, 'task.transfer');
    assert.equal(plan.event.seq, row.revision + 1);
    assert.equal(plan.event.comment, '出差一周');
    assert.deepEqual(plan.event.payload, { taskId: task.id, state: 'counselorReview', from: counselor.id, to: colleague.id });
    assert.equal(plan.event.fromState, plan.event.toState, 'the step does not move');
    assert.equal(plan.event.prevHash, row.lastHash, 'chained onto the last log entry');
    assert.deepEqual(plan.messages.map((m) => [m.kind, 'userId' in m.to ? m.to.userId : null]), [['task.new', colleague.id]]);
    assert.deepEqual(plan.effects, [], 'no webhook: the step is unchanged');
    assert.deepEqual(plan.instance, { id: row.id, revision: row.revision, update: { revision: row.revision + 1, lastHash: plan.event.hash, updatedAt: now } });
  });

  test('refuses oneself, someone without the role, another college, an inactive account, the applicant', () => {
    refused(() => planTransfer(row, fitnessTestExemptionV1, { actor: counselor, task, to: person(counselor.id, '陈老师'), reason: null }, now), 'INVALID_INPUT', /不能转办给自己/);
    refused(() => planTransfer(row, fitnessTestExemptionV1, { actor: counselor, task, to: plainStaff, reason: null }, now), 'INVALID_INPUT', /不能办理该环节/);
    refused(() => planTransfer(row, fitnessTestExemptionV1, { actor: counselor, task, to: otherCollege, reason: null }, now), 'INVALID_INPUT', /不能办理该环节/);
    refused(() => planTransfer(row, fitnessTestExemptionV1, { actor: counselor, task, to: { ...colleague, active: false }, reason: null }, now), 'INVALID_INPUT', /已停用/);
    refused(() => planTransfer(row, fitnessTestExemptionV1, { actor: counselor, task, to: person(applicant.id, '学生'), reason: null }, now), 'INVALID_INPUT', /申请人/);
  });

  test('someone who no longer holds it (already transferred to another) gets a conflict', () => {
    refused(() => planTransfer(row, fitnessTestExemptionV1, { actor: counselor, task: { ...task, assigneeId: colleague.id }, to: colleague, reason: null }, now), 'CONFLICT', /已转给他人/);
  });

  test('a step whose meta turns transfer off refuses it', () => {
    const off = { ...fitnessTestExemptionV1, machine: fitnessTestExemptionV1.machine.provide({}) } as ProcessDefinition;
    const meta = off.machine.getStateNodeById('fitness-test-exemption.counselorReview').meta as { operations?: string[] };
    const saved = meta.operations;
    meta.operations = ['delegate'];
    try {
      refused(() => planTransfer(row, off, { actor: counselor, task, to: colleague, reason: null }, now), 'EVENT_NOT_ALLOWED', /不支持转办/);
    } finally {
      meta.operations = saved;
    }
  });
});

describe('委派 planDelegate / planAnswerDelegation', () => {
  const { row, task } = started();

  test('the task goes to the delegate with no decision to make, and back to the holder with the opinion', () => {
    const out = planDelegate(row, fitnessTestExemptionV1, { actor: counselor, task, to: plainStaff, reason: '请看看证明是否齐全' }, now);
    assert.deepEqual(out.tasks.assign, { taskId: task.id, assigneeId: plainStaff.id, returnsTo: counselor.id, handover: 'delegate', actions: [] });
    assert.equal(out.event.type, 'task.delegate');
    assert.deepEqual(out.messages.map((m) => m.kind), ['task.delegated']);

    const delegated = { ...task, assigneeId: plainStaff.id, returnsTo: counselor.id, handover: 'delegate' as const, actions: [] };
    const next = { ...row, revision: row.revision + 1, lastHash: out.event.hash };
    const delegate: Actor = { id: plainStaff.id, name: plainStaff.name, kind: 'staff', orgUnitId: 'cs', isCadre: false, roles: [] };
    const back = planAnswerDelegation(next, fitnessTestExemptionV1, { actor: delegate, task: delegated, reason: '证明齐全，建议通过' }, now);
    assert.deepEqual(back.tasks.assign, { taskId: task.id, assigneeId: counselor.id, returnsTo: null, handover: null, actions: ['approve', 'return', 'reject'] });
    assert.equal(back.event.comment, '证明齐全，建议通过');
    assert.equal(back.event.prevHash, out.event.hash);
    assert.deepEqual(back.messages.map((m) => [m.kind, 'userId' in m.to ? m.to.userId : null]), [['task.opinion', counselor.id]]);
  });

  test('refuses delegating while delegated, outside the unit, to a student, and an answer without an opinion or by someone else', () => {
    const delegated = { ...task, assigneeId: plainStaff.id, returnsTo: counselor.id, handover: 'delegate' as const, actions: [] };
    refused(() => planDelegate(row, fitnessTestExemptionV1, { actor: counselor, task: delegated, to: colleague, reason: null }, now), 'INVALID_INPUT', /已委派/);
    refused(() => planDelegate(row, fitnessTestExemptionV1, { actor: counselor, task, to: otherCollege, reason: null }, now), 'INVALID_INPUT', /本单位/);
    refused(() => planDelegate(row, fitnessTestExemptionV1, { actor: counselor, task, to: { ...plainStaff, kind: 'student' }, reason: null }, now), 'INVALID_INPUT', /本单位/);
    const delegate: Actor = { id: plainStaff.id, name: plainStaff.name, kind: 'staff', orgUnitId: 'cs', isCadre: false, roles: [] };
    refused(() => planAnswerDelegation(row, fitnessTestExemptionV1, { actor: delegate, task: delegated, reason: '  ' }, now), 'INVALID_INPUT', /意见/);
    refused(() => planAnswerDelegation(row, fitnessTestExemptionV1, { actor: counselor, task: delegated, reason: '好' }, now), 'CONFLICT', /没有委派给您/);
  });
});

test('operations default: all on approval steps, none on the applicant’s own step; meta overrides', () => {
  assert.deepEqual(operationsOf({ label: { zh: '', en: '' }, task: { role: 'counselor', scope: { kind: 'global' }, actions: [] } }), ['transfer', 'delegate', 'addSigner', 'withdraw', 'urge']);
  assert.deepEqual(operationsOf({ label: { zh: '', en: '' }, task: { role: 'applicant', scope: { kind: 'applicant' }, actions: [] } }), []);
  assert.deepEqual(operationsOf({ label: { zh: '', en: '' }, operations: ['urge'], task: { role: 'counselor', scope: { kind: 'global' }, actions: [] } }), ['urge']);
});

describe('加签 / 减签 planAddSigner / planRemoveSigner', () => {
  const { row, task } = started();
  const leader = person('c0000000-0000-4000-8000-000000000006', '周校长', { orgUnitId: 'president-office', roles: [{ role: 'school_leader', orgUnitId: null }] });

  test('前加签: the signer signs first (no decision), the signature brings the task back', () => {
    const out = planAddSigner(row, fitnessTestExemptionV1, { actor: counselor, task, to: leader, position: 'before', reason: '请校领导先签' }, now);
    assert.deepEqual(out.tasks.assign, { taskId: task.id, assigneeId: leader.id, returnsTo: counselor.id, handover: 'signBefore', actions: [] });
    assert.equal(out.event.type, 'task.sign.before');
    const signing = { ...task, assigneeId: leader.id, returnsTo: counselor.id, handover: 'signBefore' as const, actions: [] };
    const signer: Actor = { id: leader.id, name: leader.name, kind: 'staff', orgUnitId: 'president-office', isCadre: true, roles: leader.roles };
    const back = planAnswerDelegation({ ...row, revision: row.revision + 1, lastHash: out.event.hash }, fitnessTestExemptionV1, { actor: signer, task: signing, reason: '同意' }, now);
    assert.equal(back.event.type, 'task.sign');
    assert.deepEqual(back.tasks.assign, { taskId: task.id, assigneeId: counselor.id, returnsTo: null, handover: null, actions: ['approve', 'return', 'reject'] });
  });

  test('后加签: the holder’s opinion is logged, the signer decides with the step’s actions; 减签 while they have not acted brings it back', () => {
    const out = planAddSigner(row, fitnessTestExemptionV1, { actor: counselor, task, to: leader, position: 'after', reason: '我同意，请校领导定' }, now);
    assert.deepEqual(out.tasks.assign, { taskId: task.id, assigneeId: leader.id, returnsTo: counselor.id, handover: 'signAfter' });
    const added = { ...task, assigneeId: leader.id, returnsTo: counselor.id, handover: 'signAfter' as const };
    const removed = planRemoveSigner({ ...row, revision: row.revision + 1, lastHash: out.event.hash }, fitnessTestExemptionV1, { actor: counselor, task: added, reason: null }, now);
    assert.equal(removed.event.type, 'task.sign.remove');
    assert.deepEqual(removed.tasks.assign, { taskId: task.id, assigneeId: counselor.id, returnsTo: null, handover: null, actions: ['approve', 'return', 'reject'] });
    assert.deepEqual(removed.messages.map((m) => [m.kind, 'userId' in m.to ? m.to.userId : null]), [['task.signerRemoved', leader.id]]);
  });

  test('refuses the applicant, oneself, a second signer while one is pending, someone outside, and 减签 by anyone else', () => {
    refused(() => planAddSigner(row, fitnessTestExemptionV1, { actor: counselor, task, to: person(applicant.id, '学生', { kind: 'student', roles: [] }), position: 'before', reason: null }, now), 'INVALID_INPUT', /不能加签申请人/);
    refused(() => planAddSigner(row, fitnessTestExemptionV1, { actor: counselor, task, to: person(counselor.id, '陈老师'), position: 'after', reason: null }, now), 'INVALID_INPUT', /给自己/);
    const pending = { ...task, assigneeId: leader.id, returnsTo: counselor.id, handover: 'signAfter' as const };
    refused(() => planAddSigner(row, fitnessTestExemptionV1, { actor: counselor, task: pending, to: colleague, position: 'after', reason: null }, now), 'INVALID_INPUT', /尚未完成/);
    refused(() => planAddSigner(row, fitnessTestExemptionV1, { actor: counselor, task, to: { ...otherCollege, roles: [] }, position: 'after', reason: null }, now), 'INVALID_INPUT', /不在此列/);
    refused(() => planRemoveSigner(row, fitnessTestExemptionV1, { actor: colleague as unknown as Actor, task: pending, reason: null }, now), 'CONFLICT', /没有您加签/);
  });
});

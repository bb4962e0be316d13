/**
 * The planners and the task/timer/message/effect projection, without a database: a plan is data,
 * so what a transition will write is asserted here row by row.
 */
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { assign, createMachine } from 'xstate';
import { z } from 'zod';
import { fitnessTestExemptionV1 } from '../fitness-test-exemption/definition';
import type { Actor } from './actor';
import { weekdayCalendar } from './calendar';
import { eventHash, GENESIS_HASH, verifyChain } from './hash-chain';
import type { InstanceRow, TaskRow, TransitionPlan } from './plan';
import { planEvent, planStart } from './plan-transition';
import type { ProcessDefinition, StateMeta } from './types';

const now = new Date('2026-03-02T02:00:00Z'); // a Monday
const applicant = { id: 'a0000000-0000-4000-8000-000000000001', orgUnitId: 'cs' };
const student: Actor = { id: applicant.id, name: '学生', kind: 'student', orgUnitId: 'cs', isCadre: false, roles: [] };
const counselor: Actor = { id: 'c0000000-0000-4000-8000-000000000002', name: '辅导员', kind: 'staff', orgUnitId: 'cs', isCadre: false, roles: [{ role: 'counselor', orgUnitId: 'cs' }] };
const form = { kind: 'exempt', reason: '膝关节韧带损伤', evidence: [] };

/** The row commit would leave behind, and the open tasks it would have (ids made up). */
function after(plan: TransitionPlan, before: InstanceRow | null): { row: InstanceRow; openTasks: TaskRow[] } {
  const row = ('insert' in plan.instance ? { ...plan.instance.insert } : { ...before!, ...plan.instance.update }) as InstanceRow;
  const openTasks = plan.tasks.open.map((t, i) => ({ ...t, id: `t${plan.event.seq}-${i}`, status: 'open', completedAt: null, completedBy: null, outcome: null }) as TaskRow);
  return { row, openTasks };
}

const event = (type: string, actor: Actor | null) => ({ type, actorId: actor?.id ?? null, comment: '', at: now.toISOString() });

describe('planStart / planEvent', () => {
  const start = planStart(
    null,
    fitnessTestExemptionV1,
    {
      id: 'i0000000-0000-4000-8000-000000000003',
      form,
      title: { zh: 't', en: 't' },
      applicant,
      actor: student,
      actorRole: 'applicant',
      actionLabel: { zh: '提交', en: 'Submit' },
      attachments: [],
      calendar: weekdayCalendar,
    },
    now,
  );

  test('a start: first log entry on the genesis hash, one counselor task in the applicant’s college, its candidates told', () => {
    assert.ok('insert' in start.instance);
    assert.equal(start.instance.insert.state, 'counselorReview');
    assert.equal(start.instance.insert.revision, 1);
    assert.equal(start.event.seq, 1);
    assert.equal(start.event.prevHash, GENESIS_HASH);
    const { prevHash: _p, hash: _h, ...fields } = start.event;
    assert.equal(start.event.hash, eventHash(GENESIS_HASH, fields));
    assert.equal(start.instance.insert.lastHash, start.event.hash);
    assert.deepEqual(
      start.tasks.open.map((t) => [t.state, t.role, t.orgUnitId, t.assigneeId]),
      [['counselorReview', 'counselor', 'cs', null]],
    );
    assert.equal(start.tasks.open[0]!.dueAt!.toISOString(), '2026-03-05T02:00:00.000Z', '3 working days');
    assert.deepEqual(
      start.messages.map((m) => [m.kind, m.to]),
      [['task.new', { role: 'counselor', orgUnitId: 'cs', group: 'task:0', exceptUserId: student.id }]],
    );
    assert.deepEqual(start.effects.map((e) => e.kind === 'instanceEvent' && e.events), [['instance.started']]);
    assert.equal(start.timers.disarm, null);
  });

  const one = after(start, null);
  const approve = planEvent(
    one.row,
    fitnessTestExemptionV1,
    {
      event: event('approve', counselor),
      actor: counselor,
      actorRole: 'counselor',
      comment: null,
      payload: {},
      actionLabel: { zh: '核实通过', en: 'Verify' },
      openTasks: one.openTasks,
      attachments: [],
      calendar: weekdayCalendar,
    },
    now,
  );

  test('an approval: the worked task done by the actor, the next opened, the applicant told, chained on the last hash', () => {
    assert.ok('update' in approve.instance);
    assert.equal(approve.instance.revision, 1, 'version-checked against the revision read');
    assert.equal(approve.instance.update.revision, 2);
    assert.equal(approve.instance.update.state, 'hospitalReview');
    assert.equal(approve.event.prevHash, start.event.hash);
    assert.deepEqual(approve.tasks.done, { ids: ['t1-0'], by: counselor.id, outcome: 'approve' });
    assert.equal(approve.tasks.cancelled, null);
    assert.deepEqual(approve.tasks.open.map((t) => [t.state, t.orgUnitId]), [['hospitalReview', 'hospital']]);
    assert.deepEqual(
      approve.messages.map((m) => [m.kind, 'userId' in m.to ? m.to.userId : m.to.role]),
      [
        ['task.new', 'handler'],
        ['instance.update', applicant.id],
      ],
    );
    assert.equal(approve.messages[1]!.params.actionZh, '核实通过');
    // The title names the process, the step and the outcome (体测免测申请 · 辅导员核实 · 已通过).
    assert.equal(approve.messages[1]!.params.stepZh, '辅导员核实');
    assert.equal(approve.messages[1]!.params.outcomeZh, '已通过');
    assert.deepEqual(approve.effects.map((e) => e.kind === 'instanceEvent' && e.events), [['instance.state_changed']]);
    assert.deepEqual(verifyChain([start.event, approve.event]), { ok: true });
  });

  test('a return: the applicant hears once — the update names the step and says 退回修改, no second task message', () => {
    const back = planEvent(
      one.row,
      fitnessTestExemptionV1,
      { ...approvalInput(one.openTasks), event: { ...event('return', counselor), comment: '请补充诊断证明' }, comment: '请补充诊断证明', actionLabel: { zh: '退回修改', en: 'Return' } },
      now,
    );
    assert.deepEqual(back.tasks.open.map((t) => [t.state, t.assigneeId]), [['revising', applicant.id]], 'the applicant has a task to revise');
    assert.deepEqual(
      back.messages.map((m) => [m.kind, 'userId' in m.to ? m.to.userId : m.to.role, m.params.stepZh, m.params.outcomeZh]),
      [['instance.update', applicant.id, '辅导员核实', '退回修改']],
    );
  });

  test('an event the state does not accept is refused before anything is planned', () => {
    assert.throws(
      () => planEvent(one.row, fitnessTestExemptionV1, { ...approvalInput(one.openTasks), event: event('resubmit', counselor) }, now),
      /not allowed/,
    );
  });

  function approvalInput(openTasks: TaskRow[]) {
    return { event: event('approve', counselor), actor: counselor, actorRole: 'handler', comment: null, payload: {}, actionLabel: { zh: '批准', en: 'Approve' }, openTasks, attachments: [], calendar: weekdayCalendar };
  }
});

// A small machine for what the processes above do not show: timers, reminders, declared effects.
const label = (zh: string) => ({ zh, en: zh });
const machine = createMachine({
  id: 'probe',
  initial: 'waiting',
  states: {
    waiting: {
      meta: {
        label: label('等待'),
        task: { role: 'handler', scope: { kind: 'org', orgUnitId: 'logistics' }, actions: [{ type: 'go', label: label('办理') }] },
        timers: [{ event: 'REMIND', delay: { days: 1 }, remind: 'task' }],
      } satisfies StateMeta,
      on: { go: 'sent', REMIND: { actions: assign({ reminded: true }) } },
    },
    sent: {
      meta: { label: label('已转交'), effects: [{ kind: 'handOff', hook: 'maintenance' }, { kind: 'emailWriter', template: 'replied' }] } satisfies StateMeta,
      on: { end: 'closed' },
    },
    closed: { type: 'final', meta: { label: label('办结'), outcome: 'completed' } satisfies StateMeta },
  },
});
const probe: ProcessDefinition = {
  id: 'probe',
  version: 1,
  title: label('探针'),
  summary: label('探针'),
  ownerOrgUnitId: 'logistics',
  audience: { kinds: ['student'] },
  machine,
  inputSchema: z.object({}),
  uploadIds: () => [],
  instanceTitle: () => label('探针'),
};

describe('projectTransition: timers, reminders, effects', () => {
  const start = planStart(
    null,
    probe,
    { id: 'p0000000-0000-4000-8000-000000000004', form: {}, title: label('探针'), applicant, actor: student, actorRole: 'applicant', actionLabel: label('提交'), attachments: [], calendar: weekdayCalendar },
    now,
  );
  const one = after(start, null);
  const input = (type: string, actor: Actor | null) => ({
    event: event(type, actor),
    actor,
    actorRole: actor ? 'handler' : 'system',
    comment: null,
    payload: {},
    actionLabel: label(type),
    openTasks: one.openTasks,
    attachments: [],
    calendar: weekdayCalendar,
  });

  test('entering a state arms its timers', () => {
    assert.deepEqual(start.timers.arm.map((t) => [t.state, t.eventType, t.fireAt.toISOString()]), [['waiting', 'REMIND', '2026-03-03T02:00:00.000Z']]);
  });

  test('a timer that says remind: task reminds whoever can work the open tasks; the task stays, nothing re-armed', () => {
    const remind = planEvent(one.row, probe, input('REMIND', null), now);
    assert.equal(remind.tasks.done, null);
    assert.equal(remind.tasks.cancelled, null);
    assert.deepEqual(remind.tasks.open, []);
    assert.deepEqual(remind.timers, { disarm: null, arm: [] });
    assert.deepEqual(
      remind.messages.map((m) => [m.kind, m.to]),
      [['instance.reminder', { role: 'handler', orgUnitId: 'logistics', group: 'reminder', exceptUserId: null }]],
      'the reminder is for the handlers; the applicant is not told of a step nobody took',
    );
    assert.deepEqual(remind.effects, [], 'same state: no webhook event');
  });

  test('leaving a state disarms its timers and cancels tasks the actor could not work; entering declares effects', () => {
    const go = planEvent(one.row, probe, input('go', null), now);
    assert.deepEqual(go.timers.disarm, { states: ['waiting'] });
    assert.deepEqual(go.tasks.cancelled, { ids: ['t1-0'], outcome: 'go' });
    assert.deepEqual(
      go.effects.map((e) => e.kind),
      ['instanceEvent', 'handOff', 'emailWriter'],
    );
    const handOff = go.effects.find((e) => e.kind === 'handOff');
    assert.deepEqual(handOff, { kind: 'handOff', hook: 'maintenance', instanceId: one.row.id, revision: one.row.revision + 1, payload: { processId: 'probe', instanceId: one.row.id, state: 'sent', form: {} }, at: now });

    const two = after(go, one.row);
    const end = planEvent(two.row, probe, { ...input('end', null), openTasks: [] }, now);
    assert.ok('update' in end.instance);
    assert.equal(end.instance.update.status, 'completed');
    assert.deepEqual(end.timers.disarm, { all: true }, 'an ended instance disarms every timer');
    assert.deepEqual(end.messages.map((m) => m.kind), ['instance.completed']);
    assert.deepEqual(end.effects.map((e) => e.kind === 'instanceEvent' && e.events), [['instance.state_changed', 'instance.finished']]);
  });
});

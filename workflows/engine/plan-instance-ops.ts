import type { AnyMachineSnapshot, StateValue } from 'xstate';
import type { Actor } from './actor';
import type { WorkingCalendar } from './calendar';
import { AppError } from './errors';
import type { GroupMembers } from './group-members';
import { allows } from './operations';
import { instanceMessage, nextEvent, planLoggedStep, type InstanceRow, type TaskRow, type TransitionPlan } from './plan';
import { planEndInPlace } from './plan-end';
import { planEvent } from './plan-transition';
import { projectTransition } from './project';
import { activeStates, persistSnapshot, restoreSnapshot } from './snapshot';
import type { Label, ProcessDefinition, StateMeta } from './types';

/**
 * Planners of the operations on a whole instance (撤回, 催办): pure, like plan-transition.ts; the
 * orchestrators (instance-ops.ts) lock the row and read its open tasks and recent log first.
 *
 * "Acted on" means a person's decision in the log: an event with an actor that is not one of the
 * operations that only move a task between people or nudge it (转办, 委派, 催办 …).
 */

/** One row of the instance's log, as the planners read it (newest last). */
export interface LoggedEvent {
  seq: number;
  type: string;
  actorId: string | null;
  actorRole: string;
  fromState: string | null;
  toState: string;
  at?: Date;
}

export interface InstanceOpInput {
  actor: Pick<Actor, 'id' | 'name' | 'roles'>;
  openTasks: TaskRow[];
  /** The instance's log, at least back to its last decision (newest last). */
  history: LoggedEvent[];
  calendar: WorkingCalendar;
  reason: string | null;
  /** 会签 / 或签 / 依次: the members of the definition's group states (loadGroupMembers). */
  groups?: GroupMembers;
}

export const WITHDRAW_APPLICATION_LABEL: Label = { zh: '撤回申请', en: 'Application withdrawn' };
export const WITHDRAW_APPROVAL_LABEL: Label = { zh: '撤回审批', en: 'Approval taken back' };

/** Log entries that hand a task around or nudge it (催办, 催缴): they are not decisions. */
export function isOperationEvent(type: string): boolean {
  return type.startsWith('task.') || type === 'instance.urge' || type === 'instance.remind' || type.startsWith('admin.');
}

/** The last decision someone took on the instance (submit counts; timers and operations do not). */
export function lastDecision(history: LoggedEvent[]): LoggedEvent | undefined {
  return [...history].reverse().find((e) => e.actorId !== null && !isOperationEvent(e.type));
}

const refuse = (detail: string, zh: string, en: string) => new AppError('EVENT_NOT_ALLOWED', detail, { zh, en });

function metaAt(snapshot: AnyMachineSnapshot, path: string): StateMeta | undefined {
  return activeStates(snapshot).find((s) => s.path === path)?.meta;
}

/** A stored state key ('a' or 'a.b') as a state value; parallel keys ('a,b') have none. */
function valueOf(key: string): StateValue | null {
  if (key.includes(',')) return null;
  const parts = key.split('.');
  let value: StateValue = parts.pop()!;
  while (parts.length > 0) value = { [parts.pop()!]: value };
  return value;
}

/**
 * 撤回 by the applicant: allowed while the step their submission led to waits with nobody having
 * acted (and its meta offers withdraw). Where the statechart has its own `withdraw` event there,
 * that is sent (the process's own 已撤回 state); otherwise the instance ends as withdrawn in place.
 */
export function planWithdrawApplication(row: InstanceRow, definition: ProcessDefinition, input: InstanceOpInput, now: Date): TransitionPlan {
  const { actor } = input;
  if (row.applicantId !== actor.id) throw new AppError('FORBIDDEN', `${actor.id} is not the applicant`, { zh: '只有申请人本人可以撤回申请', en: 'Only the applicant may withdraw the application' });
  if (row.status !== 'active') throw refuse(`instance is ${row.status}`, '该申请已结束，不能撤回', 'This application has already ended');
  const last = lastDecision(input.history);
  const snapshot = restoreSnapshot(definition.machine, row.snapshot);
  const untouched = last !== undefined && last.actorId === actor.id && last.actorRole === 'applicant' && last.toState === row.state;
  if (!untouched) {
    throw refuse('the first step was acted on', '审批已开始办理，不能再撤回申请；如需取消请联系经办人', 'Someone has already acted on this application; it can no longer be withdrawn');
  }
  const steps = row.state.split(',');
  if (!steps.every((s) => allows(metaAt(snapshot, s), 'withdraw'))) {
    throw refuse('withdraw is off at this step', '该环节不支持撤回', 'Withdrawing is not offered at this step');
  }
  const machineEvent = { type: 'withdraw', actorId: actor.id, comment: input.reason ?? '', at: now.toISOString() };
  if (snapshot.can(machineEvent)) {
    return planEvent(
      row,
      definition,
      {
        event: machineEvent,
        actor,
        actorRole: 'applicant',
        comment: input.reason,
        payload: {},
        actionLabel: WITHDRAW_APPLICATION_LABEL,
        openTasks: input.openTasks,
        attachments: [],
        calendar: input.calendar,
        snapshot,
      },
      now,
    );
  }
  const { openTasks, calendar, reason: comment } = input;
  return planEndInPlace(row, definition, { type: 'instance.withdraw', actor, actorRole: 'applicant', comment, status: 'withdrawn', actionLabel: WITHDRAW_APPLICATION_LABEL, openTasks, calendar }, now);
}

/**
 * 撤回 by an approver: their own decision goes back while the step it led to waits with nobody
 * having acted (and that step's meta offers withdraw). The instance returns to the approver's
 * step (its context as it is now); that step's task opens again and the next one is cancelled.
 */
export function planWithdrawApproval(row: InstanceRow, definition: ProcessDefinition, input: InstanceOpInput, now: Date): TransitionPlan {
  const { actor } = input;
  if (row.status !== 'active') throw refuse(`instance is ${row.status}`, '该申请已办结，不能撤回审批', 'This application has ended; the approval cannot be taken back');
  const last = lastDecision(input.history);
  const mine = [...input.history].reverse().find((e) => e.actorId === actor.id && e.actorRole !== 'applicant' && !isOperationEvent(e.type));
  if (mine && last && mine.seq < last.seq) {
    throw refuse('the next step was acted on', '下一环节已办理，不能再撤回审批', 'The next step has been acted on; the approval can no longer be taken back');
  }
  if (!last || last.actorId !== actor.id || last.actorRole === 'applicant' || last.fromState === null || last.fromState === last.toState) {
    throw refuse('the last decision is not the actor’s', '您没有可撤回的审批，或之后已有人办理', 'You have no decision here to take back, or someone has acted since');
  }
  if (last.toState !== row.state) throw refuse('the next step was acted on', '下一环节已办理，不能再撤回审批', 'The next step has been acted on; the approval can no longer be taken back');
  const snapshot = restoreSnapshot(definition.machine, row.snapshot);
  if (!row.state.split(',').every((s) => allows(metaAt(snapshot, s), 'withdraw'))) {
    throw refuse('withdraw is off at this step', '该环节不支持撤回审批', 'Taking an approval back is not offered at this step');
  }
  const value = valueOf(last.fromState);
  if (value === null) throw refuse('parallel step', '并行环节的审批不能撤回', 'Decisions in parallel steps cannot be taken back');
  const back = definition.machine.resolveState({ value, context: snapshot.context });
  const event = nextEvent(row, { type: 'task.withdraw', actorId: actor.id, actorRole: last.actorRole, comment: input.reason, payload: { undoes: last.seq }, toState: last.fromState }, now);
  const seq = event.seq;
  const projection = projectTransition({
    definition,
    instance: row,
    revision: seq,
    prevSnapshot: snapshot,
    nextSnapshot: back,
    status: 'active',
    fromState: row.state,
    toState: last.fromState,
    event: { type: 'task.withdraw', actor, comment: input.reason },
    actionLabel: WITHDRAW_APPROVAL_LABEL,
    openTasks: input.openTasks,
    now,
    calendar: input.calendar,
    // Back into a group step (会签/或签/依次): it is entered afresh, a task for each member (the
    // first in turn for 依次), as on any entry — the votes before were for the decision taken back.
    groups: input.groups,
  });
  // The step comes back to the approver who took their decision back, not to all its candidates.
  const open = projection.tasks.open.map((t) => (t.role === last.actorRole && t.assigneeId == null ? { ...t, assigneeId: actor.id } : t));
  const messages = projection.messages.filter((m) => m.kind !== 'task.new' || 'userId' in m.to);
  return {
    instance: {
      id: row.id,
      revision: row.revision,
      update: { snapshot: persistSnapshot(back), state: last.fromState, revision: seq, lastHash: event.hash, updatedAt: now, stateSince: now },
    },
    event,
    ...projection,
    tasks: { ...projection.tasks, open },
    messages,
    attachments: [],
  };
}

/** The CST calendar day of an instant ('YYYY-MM-DD'). */
export function dayOf(at: Date): string {
  return new Date(at.getTime() + 8 * 3_600_000).toISOString().slice(0, 10);
}

/**
 * 催办 by the applicant: every open task past its time limit whose step offers urge and that was
 * not urged yet this working day gets one more urge; its holders hear of it, marked 催办. The
 * count stays on the task (tasks.urge_count) for monitoring.
 */
export function planUrge(row: InstanceRow, definition: ProcessDefinition, input: InstanceOpInput, now: Date): TransitionPlan {
  const { actor } = input;
  if (row.applicantId !== actor.id) throw new AppError('FORBIDDEN', `${actor.id} is not the applicant`, { zh: '只有申请人本人可以催办', en: 'Only the applicant may urge' });
  if (row.status !== 'active') throw refuse(`instance is ${row.status}`, '该申请已结束，无需催办', 'This application has ended');
  const snapshot = restoreSnapshot(definition.machine, row.snapshot);
  const today = dayOf(now);
  const candidates = input.openTasks.filter((t) => t.role !== 'applicant' && allows(metaAt(snapshot, t.state), 'urge'));
  if (candidates.length === 0) throw refuse('nothing to urge', '当前环节不支持催办', 'There is no step to urge here');
  const overdue = candidates.filter((t) => t.dueAt !== null && t.dueAt.getTime() < now.getTime());
  if (overdue.length === 0) throw refuse('not overdue', '尚未超过办理时限，暂不能催办', 'The step is still within its time limit');
  const urgeable = overdue.filter((t) => !t.urgedAt || dayOf(t.urgedAt) !== today);
  if (urgeable.length === 0) throw new AppError('RATE_LIMITED', 'urged today', { zh: '今天已催办过，每个环节每个工作日只能催办一次', en: 'Already urged today: once a working day per step' });
  // One task per change: the plan carries one urge; a second overdue step is urged the next time.
  const task = urgeable[0]!;
  const label = metaAt(snapshot, task.state)?.label;
  const count = task.urgeCount + 1;
  const params = {
    stateZh: label?.zh ?? '',
    stateEn: label?.en ?? '',
    actionZh: `催办：申请人请您尽快办理「${label?.zh ?? ''}」`,
    actionEn: `Urged: the applicant asks you to handle “${label?.en ?? ''}” soon`,
    comment: input.reason ?? '',
  };
  const to = task.assigneeId ? { userId: task.assigneeId } : { role: task.role, orgUnitId: task.orgUnitId, group: `urge:${task.id}`, exceptUserId: null };
  return planLoggedStep(
    row,
    { type: 'instance.urge', actorId: actor.id, actorRole: 'applicant', comment: input.reason, payload: { taskId: task.id, state: task.state, count } },
    { tasks: { urge: { taskId: task.id, count, at: now } }, messages: [instanceMessage(row, definition, to, 'task.urged', params, now)] },
    now,
  );
}

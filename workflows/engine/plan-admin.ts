import type { AnyMachineSnapshot } from 'xstate';
import type { Actor } from './actor';
import type { WorkingCalendar } from './calendar';
import type { GroupMembers } from './group-members';
import { instanceMessage, nextEvent, NO_TIMER_CHANGES, planLoggedStep, type InstanceRow, type TaskRow, type TransitionPlan } from './plan';
import { planEndInPlace } from './plan-end';
import { projectTransition } from './project';
import { persistSnapshot, restoreSnapshot } from './snapshot';
import type { Label, ProcessDefinition } from './types';

/** Administrators act as 'process_admin' in the log: operations leave the same trace as human steps. */
const ADMIN_ROLE = 'process_admin';

export const ADMIN_CANCEL_LABEL: Label = { zh: '管理员取消', en: 'Cancelled by an administrator' };

export interface AdminInput {
  actor: Pick<Actor, 'id' | 'roles'>;
  /** The instance's open tasks, read after its row was locked. */
  openTasks: TaskRow[];
  calendar: WorkingCalendar;
}

/**
 * An administrator ends a running instance wherever it stands: the instance is cancelled in its
 * current state, and everything an ending implies follows as on any other path — open tasks
 * cancelled, timers disarmed, the applicant told why, 'instance.finished' sent.
 */
export function planAdminCancel(row: InstanceRow, definition: ProcessDefinition, input: AdminInput & { reason: string }, now: Date): TransitionPlan {
  const { actor, openTasks, calendar, reason: comment } = input;
  return planEndInPlace(row, definition, { type: 'admin.cancel', actor, actorRole: ADMIN_ROLE, comment, status: 'cancelled', actionLabel: ADMIN_CANCEL_LABEL, openTasks, calendar }, now);
}

/**
 * An administrator hands an open task to a named person (tasks.assigneeId) who holds its role in
 * its scope; the person hears of it as of any task opened for them. The caller checks the person.
 */
export function planReassign(
  row: InstanceRow,
  definition: ProcessDefinition,
  input: { actor: Pick<Actor, 'id'>; task: TaskRow; assigneeId: string; comment: string | null },
  now: Date,
): TransitionPlan {
  const { task } = input;
  const label = restoreLabel(definition, row.snapshot, task.state);
  return planLoggedStep(
    row,
    { type: 'admin.reassign', actorId: input.actor.id, actorRole: ADMIN_ROLE, comment: input.comment, payload: { taskId: task.id, state: task.state, from: task.assigneeId, to: input.assigneeId } },
    {
      tasks: { assign: { taskId: task.id, assigneeId: input.assigneeId } },
      // An administrator who takes the task themselves needs no message about it.
      messages: input.assigneeId === input.actor.id ? [] : [instanceMessage(row, definition, { userId: input.assigneeId }, 'task.new', { stateZh: label?.zh ?? '', stateEn: label?.en ?? '' }, now)],
    },
    now,
  );
}

function restoreLabel(definition: ProcessDefinition, persisted: unknown, path: string): Label | undefined {
  const snapshot = restoreSnapshot(definition.machine, persisted) as AnyMachineSnapshot;
  const meta = snapshot.getMeta() as Record<string, { label?: Label } | undefined>;
  return meta[`${definition.machine.id}.${path}`]?.label;
}

/**
 * Moves a running instance onto another version of its definition, keeping its state and
 * context (`restored`: the snapshot restored on the target, checked by the caller). Its tasks
 * follow the target's states; the step has not changed, so no webhook event and no applicant message.
 */
export function planMigrate(
  row: InstanceRow,
  target: ProcessDefinition,
  input: AdminInput & { current: ProcessDefinition; restored: AnyMachineSnapshot; groups?: GroupMembers },
  now: Date,
): TransitionPlan {
  const event = nextEvent(row, { type: 'admin.migrate', actorId: input.actor.id, actorRole: ADMIN_ROLE, comment: null, payload: { fromVersion: row.processVersion, toVersion: target.version } }, now);
  const seq = event.seq;
  const projection = projectTransition({
    definition: target,
    instance: { ...row, processVersion: target.version },
    revision: seq,
    prevSnapshot: restoreSnapshot(input.current.machine, row.snapshot),
    nextSnapshot: input.restored,
    status: 'active',
    fromState: row.state,
    toState: row.state,
    event: { type: 'admin.migrate', actor: input.actor, comment: null },
    actionLabel: { zh: '迁移版本', en: 'Migrated' },
    openTasks: input.openTasks,
    now,
    calendar: input.calendar,
    // A step that is a group on the target: its role task closes, the members' tasks open.
    groups: input.groups,
  });
  return {
    instance: {
      id: row.id,
      revision: row.revision,
      update: { processVersion: target.version, snapshot: persistSnapshot(input.restored), revision: seq, lastHash: event.hash, updatedAt: now },
    },
    event,
    tasks: projection.tasks,
    timers: NO_TIMER_CHANGES,
    // Candidates of a task the target adds hear of it; the applicant is not told (their step is the same).
    messages: projection.messages.filter((m) => m.kind === 'task.new'),
    effects: [],
    attachments: [],
  };
}

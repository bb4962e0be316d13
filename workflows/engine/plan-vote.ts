import { addDelay, type WorkingCalendar } from './calendar';
import { routeTasks, type Deputies } from './deputies';
import type { GroupMember } from './group-members';
import { instanceMessage, planLoggedStep, type InstanceRow, type TaskInsert, type TaskRow, type TransitionPlan } from './plan';
import { withDeputies } from './plan-transition';
import type { GroupMeta, Label, ProcessDefinition, StateMeta } from './types';

/**
 * 会签 / 或签 / 依次 (StateMeta.task.group): how a member's act counts, and the plan of a vote
 * that does not yet decide the step. Pure, like the other planners; applyEvent reads the group's
 * tasks of the current visit after locking the row, so two members acting at once are counted
 * one after the other, each exactly once (the second waits for the lock and sees the first's vote).
 */

/** Where a group stands after one more member's act: what the log entry records (the timeline's 同意（1/2）). */
export interface Tally {
  mode: GroupMeta['mode'];
  /** Whether this act was the group's yes. */
  yes: boolean;
  /** Members who said yes, this act included. */
  approved: number;
  /** Members who acted otherwise, this act included. */
  against: number;
  /** Members of the group this visit. */
  of: number;
  /** Yeses that decide the step. */
  needed: number;
}

export type VoteOutcome = { decides: true; tally: Tally } | { decides: false; tally: Tally; next: GroupMember | null };

/** A task of the group: named to a member, of the group's state, opened since the instance entered it. */
export function visitTasks(row: Pick<InstanceRow, 'stateSince'>, state: string, tasks: TaskRow[]): TaskRow[] {
  return tasks.filter((t) => t.state === state && t.assigneeId !== null && t.createdAt.getTime() >= row.stateSince.getTime());
}

/** Whose turn comes after the tasks opened so far (依次): the first member without a task this visit. */
function remaining(members: GroupMember[], visit: TaskRow[]): GroupMember[] {
  const had = new Set(visit.flatMap((t) => [t.assigneeId, t.onBehalfOf]).filter((id): id is string => !!id));
  return members.filter((m) => !had.has(m.id));
}

/**
 * Counts one member's act on their group task. A yes decides once the rule is met: all (会签)
 * every member or ⌈passRatio × members⌉ of them, any (或签) the first, sequence (依次) the last in
 * turn. Any other act decides at once, except with a pass ratio below 1: then only when so many
 * said no that the ratio can no longer be reached (until then it is a vote against).
 */
export function countVote(group: GroupMeta, input: { type: string; taskId: string; visit: TaskRow[]; members: GroupMember[] }): VoteOutcome {
  const others = input.visit.filter((t) => t.id !== input.taskId);
  const yes = input.type === group.approve;
  const approved = others.filter((t) => t.status === 'done' && t.outcome === group.approve).length + (yes ? 1 : 0);
  const against = others.filter((t) => t.status === 'done' && t.outcome !== group.approve).length + (yes ? 0 : 1);
  const left = group.mode === 'sequence' ? remaining(input.members, input.visit) : [];
  const of = input.visit.length + left.length;
  const needed = group.mode === 'any' ? 1 : group.mode === 'sequence' ? of : Math.max(1, Math.ceil((group.passRatio ?? 1) * of - 1e-9));
  const tally: Tally = { mode: group.mode, yes, approved, against, of, needed };
  if (yes) return approved >= needed ? { decides: true, tally } : { decides: false, tally, next: left[0] ?? null };
  const ratio = group.mode === 'all' && (group.passRatio ?? 1) < 1;
  return !ratio || of - against < needed ? { decides: true, tally } : { decides: false, tally, next: null };
}

/** The task a member of a group state gets (named to them; 代理 may route it on). */
export function memberTask(instanceId: string, path: string, meta: StateMeta, orgUnitId: string | null, member: GroupMember, now: Date, calendar: WorkingCalendar): TaskInsert {
  const task = meta.task!;
  return {
    instanceId,
    state: path,
    role: task.role,
    orgUnitId,
    assigneeId: member.id,
    actions: task.actions.map((a) => a.type),
    createdAt: now,
    dueAt: task.dueInWorkingDays ? addDelay(now, { workingDays: task.dueInWorkingDays }, calendar) : null,
  };
}

export interface VoteInput {
  actor: { id: string };
  /** The member's open task the act closes. */
  task: TaskRow;
  type: string;
  comment: string | null;
  payload: Record<string, unknown>;
  tally: Tally;
  /** 依次: whose turn it is now (null: none opens). */
  next: GroupMember | null;
  meta: StateMeta;
  calendar: WorkingCalendar;
  deputies?: Deputies;
}

/**
 * A vote that does not decide the step: the member's task is done, the log records the act with
 * the tally, the statechart stays where it is; for 依次 the next member's task opens (they hear
 * of it, as of any new task).
 */
export function planVote(row: InstanceRow, definition: ProcessDefinition, input: VoteInput, now: Date): TransitionPlan {
  const { task, next, meta } = input;
  const projected = next ? [memberTask(row.id, task.state, meta, task.orgUnitId, next, now, input.calendar)] : [];
  const { open, routed } = routeTasks(projected, input.deputies, row.applicantId);
  const label: Label = meta.label;
  return planLoggedStep(
    row,
    { type: input.type, actorId: input.actor.id, actorRole: task.role, comment: input.comment, payload: withDeputies({ ...input.payload, vote: input.tally, taskId: task.id }, routed) },
    {
      tasks: { done: { ids: [task.id], by: input.actor.id, outcome: input.type }, open },
      messages: open.map((t) => instanceMessage(row, definition, { userId: t.assigneeId! }, 'task.new', { stateZh: label.zh, stateEn: label.en }, now)),
    },
    now,
  );
}


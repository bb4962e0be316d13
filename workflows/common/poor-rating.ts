import { addDelay, type WorkingCalendar } from '../engine/calendar';
import { TASK_OPERATIONS } from '../engine/operations';
import type { Label, TaskMeta, TaskOperation, TimerMeta, WorkflowEvent } from '../engine/types';
import { isPoorRating, satisfactionLevel } from '../labels/satisfaction';

/**
 * 差评整改, one mechanism for every process that ends with a 好差评 (校长信箱 v2, the repairs v2):
 * a 不满意 / 非常不满意 rating reopens the case for the department, which must answer within
 * REOPEN_WORKING_DAYS working days on the university calendar. The engine stamps that deadline
 * onto the rating event (stampReopenDeadline, from the process's completeEventInput), so the log
 * says by when, and the reopened step's task is due on the same day (reopenedTask).
 */
export const REOPEN_WORKING_DAYS = 5;

/** The rating an event carries, as its level (1–5); null when it carries none. */
export const ratingLevelOf = (event: Pick<WorkflowEvent, 'input'>) => satisfactionLevel((event.input as { rating?: unknown } | undefined)?.rating);

/** The guard of every rating transition that reopens: the event carries a 差评. */
export function isPoorRatingEvent(event: Pick<WorkflowEvent, 'input'>): boolean {
  const level = ratingLevelOf(event);
  return level !== null && isPoorRating(level);
}

const isRecord = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);

/**
 * The deadline a 差评 would reopen the case with, on the rating event's input: the engine's,
 * whatever the rater sent (every rating carries it; only a 差评 uses it).
 */
export function stampReopenDeadline(input: unknown, at: { now: Date; calendar: WorkingCalendar }): unknown {
  if (!isRecord(input)) return input;
  return { ...input, deadline: addDelay(at.now, { workingDays: REOPEN_WORKING_DAYS }, at.calendar).toISOString() };
}

/** completeEventInput of a process whose `ratingEvent` may reopen it (repairs: confirm). */
export const completeRatingInput =
  (ratingEvent: string) =>
  (type: string, input: unknown, at: { now: Date; calendar: WorkingCalendar }): unknown =>
    type === ratingEvent ? stampReopenDeadline(input, at) : input;

export const reopenedLabel: Label = { zh: '差评重新办理', en: 'Reopened after a poor rating' };

/**
 * What a reopened step offers: every operation but 撤回. The requester's rating reopened it; taking
 * the application back now would erase the complaint (the task page offered "第一步尚未办理，您可以
 * 撤回这份申请" to the student who had just rated).
 */
export const reopenedOperations: TaskOperation[] = TASK_OPERATIONS.filter((op) => op !== 'withdraw');

/** The department's task in a reopened step: due when the stamped deadline falls. */
export const reopenedTask = (task: Omit<TaskMeta, 'dueInWorkingDays'>): TaskMeta => ({ ...task, dueInWorkingDays: REOPEN_WORKING_DAYS });

/** When the deadline passes unanswered, whoever holds the task is reminded (the statechart only counts it). */
export const reopenOverdueTimer: TimerMeta = {
  event: 'REOPEN_OVERDUE',
  delay: { workingDays: REOPEN_WORKING_DAYS },
  remind: 'task',
  label: { zh: `超过 ${REOPEN_WORKING_DAYS} 个工作日未重新答复`, en: `No answer within ${REOPEN_WORKING_DAYS} working days` },
};

export const poorRatingGuardLabel: Label = { zh: '评价为不满意或非常不满意', en: 'Rated 不满意 or worse' };

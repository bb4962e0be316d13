import type { instanceEvents, processInstances, TaskHandover, tasks, timers } from '@/db/schema';
import type { AttachmentRef } from './attach-uploads';
import type { Effect } from './effects';
import { eventHash, type ChainedEvent } from './hash-chain';

export type InstanceRow = typeof processInstances.$inferSelect;
export type InstanceInsert = typeof processInstances.$inferInsert;
export type TaskRow = typeof tasks.$inferSelect;
export type TaskInsert = typeof tasks.$inferInsert;
export type TimerInsert = typeof timers.$inferInsert;
export type EventInsert = typeof instanceEvents.$inferInsert;

/**
 * Who an in-app message goes to: a named person, or every active holder of a role in a scope
 * (resolved by commit in the database, in the same statement that writes the messages, so the
 * planner stays pure). `group` names what the message is for (task:0, reminder, urge:…); commit
 * writes one message per instance per person whatever the groups — the first planned wins, and
 * a person told by name is not told again through a role (write-messages.ts).
 */
export type MessageTo =
  | { userId: string }
  | { role: string; orgUnitId: string | null; group: string; exceptUserId: string | null };

export interface PlannedMessage {
  to: MessageTo;
  kind: string;
  params: Record<string, string>;
  link: string;
  instanceId: string;
  createdAt: Date;
}

/** What happens to the instance's open tasks and timers. */
export interface TaskChanges {
  /** Worked by the actor: done, with the event as outcome. */
  done: { ids: string[]; by: string; outcome: string } | null;
  /** No longer wanted (state left, instance ended): cancelled. */
  cancelled: { ids: string[]; outcome: string } | null;
  /**
   * A task handed to a named person (admin reassign, 转办), and for 委派 / 加签 who it goes back
   * to and why (returnsTo, handover) and which events it offers meanwhile (actions). Fields left
   * out stay as they are.
   */
  assign: { taskId: string; assigneeId: string; returnsTo?: string | null; handover?: TaskHandover | null; actions?: string[] } | null;
  /** 催办: the task's urge count and when it was last urged. */
  urge?: { taskId: string; count: number; at: Date } | null;
  open: TaskInsert[];
}

export interface TimerChanges {
  /** Pending timers to disarm: of these states, or all of them (the instance ended). */
  disarm: { all: true } | { states: string[] } | null;
  arm: TimerInsert[];
}

/**
 * One change to one instance, worked out by a pure planner (plan-start, plan-event, plan-admin)
 * and written only by commit(). Everything in it is data: commit adds nothing but ids the
 * database assigns and the recipients of role-addressed messages.
 */
export interface TransitionPlan {
  /** A new instance row, or the changed columns of an existing one at the revision it was read. */
  instance: { insert: InstanceInsert } | { update: Partial<InstanceInsert>; id: string; revision: number };
  /** The hash-chained event-log row (seq = new revision). */
  event: EventInsert & ChainedEvent & { prevHash: string; hash: string };
  tasks: TaskChanges;
  timers: TimerChanges;
  messages: PlannedMessage[];
  /** What leaves the system after commit (outbox rows) or another module writes (registered writers). */
  effects: Effect[];
  /** Uploads the event attaches, linked to the instance with the other rows. */
  attachments: AttachmentRef[];
}

export const NO_TASK_CHANGES: TaskChanges = { done: null, cancelled: null, assign: null, open: [] };
export const NO_TIMER_CHANGES: TimerChanges = { disarm: null, arm: [] };

/** The event-log row chained onto `prevHash`. */
export function chainEvent(prevHash: string, e: ChainedEvent): TransitionPlan['event'] {
  return { ...e, prevHash, hash: eventHash(prevHash, e) };
}

/** What a planner says of a log entry; the rest (instance, seq, hash, when, from where) follows from the row. */
export interface LogEntry {
  type: string;
  actorId: string | null;
  actorRole: string;
  comment: string | null;
  payload: unknown;
  /** Where the instance stands after it; absent: where it stands now. */
  toState?: string;
}

/** The log entry after the row's last one (seq = revision + 1), chained onto its hash. */
export function nextEvent(row: Pick<InstanceRow, 'id' | 'revision' | 'lastHash' | 'state'>, entry: LogEntry, now: Date): TransitionPlan['event'] {
  const { toState = row.state, ...rest } = entry;
  return chainEvent(row.lastHash, { instanceId: row.id, seq: row.revision + 1, ...rest, fromState: row.state, toState, at: now });
}

/**
 * A logged step that leaves the statechart where it is (催办, 催缴, 抄送, 转办, a vote that does
 * not decide …): the log entry, the revision and hash moved on, the tasks it changes and the
 * messages it sends; no timers, effects or uploads.
 */
export function planLoggedStep(
  row: InstanceRow,
  entry: Omit<LogEntry, 'toState'>,
  changes: { tasks?: Partial<TaskChanges>; messages?: PlannedMessage[] },
  now: Date,
): TransitionPlan {
  const event = nextEvent(row, entry, now);
  return {
    instance: { id: row.id, revision: row.revision, update: { revision: event.seq, lastHash: event.hash, updatedAt: now } },
    event,
    tasks: { ...NO_TASK_CHANGES, ...changes.tasks },
    timers: NO_TIMER_CHANGES,
    messages: changes.messages ?? [],
    effects: [],
    attachments: [],
  };
}

/** An in-app message about an instance: the process title in its params, linking to the instance's page. */
export function instanceMessage(
  instance: Pick<InstanceRow, 'id'>,
  definition: { title: { zh: string; en: string } },
  to: MessageTo,
  kind: string,
  params: Record<string, string>,
  now: Date,
): PlannedMessage {
  return {
    to,
    kind,
    params: { titleZh: definition.title.zh, titleEn: definition.title.en, ...params },
    link: `/applications/${instance.id}`,
    instanceId: instance.id,
    createdAt: now,
  };
}

import { initialTransition, transition, type AnyMachineSnapshot } from 'xstate';
import type { InstanceStatus } from '@/db/schema';
import type { Actor } from './actor';
import type { AttachmentRef } from './attach-uploads';
import type { WorkingCalendar } from './calendar';
import type { DeputyRoute, Deputies } from './deputies';
import type { GroupMembers } from './group-members';
import { AppError } from './errors';
import { GENESIS_HASH } from './hash-chain';
import { chainEvent, nextEvent, type InstanceRow, type TaskRow, type TransitionPlan } from './plan';
import { projectTransition } from './project';
import { activeStates, persistSnapshot, restoreSnapshot, stateKey } from './snapshot';
import type { Label, ProcessDefinition, WorkflowEvent } from './types';

function finalOutcome(snapshot: AnyMachineSnapshot): InstanceStatus {
  if (snapshot.status !== 'done') return 'active';
  return activeStates(snapshot).find((s) => s.meta.outcome)?.meta.outcome ?? 'completed';
}

/** What a start needs beyond the definition: all of it checked and read by the caller. */
export interface StartInput {
  id: string;
  /** The validated application form. */
  form: unknown;
  title: Label;
  applicant: { id: string; orgUnitId: string } | null;
  actor: Pick<Actor, 'id' | 'roles'> | null;
  /** 'applicant', or 'handler' for an instance issued on someone's behalf. */
  actorRole: string;
  actionLabel: Label;
  attachments: AttachmentRef[];
  calendar: WorkingCalendar;
  /** 代理: who is away (loadDeputies); absent: nobody. */
  deputies?: Deputies;
  /** 会签 / 或签 / 依次: the members of the definition's group states (loadGroupMembers). */
  groups?: GroupMembers;
}

/** The log payload with the tasks that went to a deputy (代理), when any did. */
export function withDeputies(payload: Record<string, unknown>, routed: DeputyRoute[]): Record<string, unknown> {
  return routed.length > 0 ? { ...payload, deputies: routed } : payload;
}

/** Starts an instance: its first snapshot, first log entry (chained on the genesis hash), tasks, timers, messages, effects. */
export function planStart(row: null, definition: ProcessDefinition, input: StartInput, now: Date): TransitionPlan {
  void row;
  const [snapshot] = initialTransition(definition.machine, { form: input.form, applicantId: input.applicant?.id ?? null });
  const toState = stateKey(snapshot.value);
  const status = finalOutcome(snapshot);
  const { routed, ...projection } = projectTransition({
    definition,
    instance: { id: input.id, applicantId: input.applicant?.id ?? null, applicantOrgId: input.applicant?.orgUnitId ?? null, processVersion: definition.version },
    revision: 1,
    prevSnapshot: null,
    nextSnapshot: snapshot,
    status,
    fromState: null,
    toState,
    event: { type: 'submit', actor: input.actor, comment: null },
    actionLabel: input.actionLabel,
    openTasks: [],
    now,
    calendar: input.calendar,
    deputies: input.deputies,
    groups: input.groups,
  });
  const event = chainEvent(GENESIS_HASH, {
    instanceId: input.id,
    seq: 1,
    type: 'submit',
    actorId: input.actor?.id ?? null,
    actorRole: input.actorRole,
    comment: null,
    payload: withDeputies({ form: input.form, attachments: input.attachments }, routed),
    fromState: null,
    toState,
    at: now,
  });
  return {
    instance: {
      insert: {
        id: input.id,
        processId: definition.id,
        processVersion: definition.version,
        snapshot: persistSnapshot(snapshot),
        state: toState,
        status,
        title: input.title,
        applicantId: input.applicant?.id ?? null,
        applicantOrgId: input.applicant?.orgUnitId ?? null,
        revision: 1,
        lastHash: event.hash,
        createdAt: now,
        updatedAt: now,
        stateSince: now,
        completedAt: status === 'active' ? null : now,
      },
    },
    event,
    ...projection,
    attachments: input.attachments,
  };
}

/** What an event needs beyond the instance row and its definition: checked and read by the caller. */
export interface EventInput {
  /** The event the machine receives (type, actor, comment, form, clock, working days). */
  event: WorkflowEvent;
  actor: Pick<Actor, 'id' | 'roles'> | null;
  /** The task role the actor worked, 'applicant', 'system' (timers) … */
  actorRole: string;
  comment: string | null;
  /** What the log records besides the comment (the form and attachments of the event). */
  payload: Record<string, unknown>;
  actionLabel: Label;
  /** The instance's open tasks, read after its row was locked. */
  openTasks: TaskRow[];
  attachments: AttachmentRef[];
  calendar: WorkingCalendar;
  /** The row's snapshot restored (the caller usually has it already); restored here when absent. */
  snapshot?: AnyMachineSnapshot;
  /** 代理: who is away (loadDeputies); absent: nobody. */
  deputies?: Deputies;
  /** 会签 / 或签 / 依次: the members of the definition's group states (loadGroupMembers). */
  groups?: GroupMembers;
}

/** The answer when the machine does not accept the event where the instance stands. */
export function notAllowed(type: string): AppError {
  return new AppError('EVENT_NOT_ALLOWED', `${type} is not allowed in the current state`, {
    zh: '当前环节不能执行该操作',
    en: 'That action is not possible at this step',
  });
}

/** Sends one event to a running instance: the next snapshot, its log entry and everything projected from it. */
export function planEvent(row: InstanceRow, definition: ProcessDefinition, input: EventInput, now: Date): TransitionPlan {
  const snapshot = input.snapshot ?? restoreSnapshot(definition.machine, row.snapshot);
  if (!snapshot.can(input.event)) throw notAllowed(input.event.type);
  const [next] = transition(definition.machine, snapshot, input.event);
  const toState = stateKey(next.value);
  const status = finalOutcome(next);
  const seq = row.revision + 1;
  const { routed, ...projection } = projectTransition({
    definition,
    instance: row,
    revision: seq,
    prevSnapshot: snapshot,
    nextSnapshot: next,
    status,
    fromState: row.state,
    toState,
    event: { type: input.event.type, actor: input.actor, comment: input.comment },
    actionLabel: input.actionLabel,
    openTasks: input.openTasks,
    now,
    calendar: input.calendar,
    deputies: input.deputies,
    groups: input.groups,
  });
  const event = nextEvent(
    row,
    { type: input.event.type, actorId: input.actor?.id ?? null, actorRole: input.actorRole, comment: input.comment, payload: withDeputies(input.payload, routed), toState },
    now,
  );
  return {
    instance: {
      id: row.id,
      revision: row.revision,
      update: {
        snapshot: persistSnapshot(next),
        state: toState,
        status,
        revision: seq,
        lastHash: event.hash,
        updatedAt: now,
        stateSince: toState === row.state ? row.stateSince : now,
        completedAt: status === 'active' ? null : now,
      },
    },
    event,
    ...projection,
    attachments: input.attachments,
  };
}

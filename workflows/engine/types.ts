import type { AnyStateMachine } from 'xstate';
import type { z } from 'zod';
import type { Queryable } from '@/db/client';

export interface Label {
  zh: string;
  en: string;
}

/** Who a task belongs to: a role held in a scope, or the applicant in person. */
export type TaskScope =
  | { kind: 'applicant' }
  /** The org unit the applicant belongs to (a student's college, a staff member's department). */
  | { kind: 'applicant-org' }
  | { kind: 'org'; orgUnitId: string }
  /**
   * One task per org unit id listed in the instance context under `key` (a string[]), kept in
   * step with that list on every transition: work assigned at run time to several departments.
   */
  | { kind: 'context-orgs'; key: string }
  | { kind: 'global' };

export interface TaskAction {
  /** The event the action sends. */
  type: string;
  label: Label;
  /** Rejections and returns must say why. */
  requiresComment?: boolean;
  /** The form the action collects, as a key into the definition's eventInputs. */
  tone?: 'primary' | 'danger' | 'neutral';
}

export interface TaskMeta {
  /** A role of db/schema ROLES, or 'applicant' with scope applicant. */
  role: string;
  scope: TaskScope;
  actions: TaskAction[];
  /** Working days the task may stay open before it is overdue. */
  dueInWorkingDays?: number;
}

export interface TimerMeta {
  /** The event sent to the instance when the timer fires. */
  event: string;
  delay: { workingDays?: number; days?: number; hours?: number; minutes?: number };
  /**
   * Counts the delay from a date in the instance (e.g. the end of a leave) instead of from
   * entering the state; a date-only 'YYYY-MM-DD' means the end of that day in China Standard Time.
   */
  from?: (context: unknown) => string | undefined;
  /** Firing also writes an in-app reminder: to the applicant, or to whoever can work the open tasks. */
  remind?: 'applicant' | 'task';
  /**
   * What the timer means, for diagrams and event logs; without it, how long nobody acted
   * (超过 3 个工作日未处理). Timers counted from a date in the form need one.
   */
  label?: Label;
}

/** What a state node tells the engine and the admin diagrams (XState `meta`). */
export interface StateMeta {
  label: Label;
  task?: TaskMeta;
  /** What the applicant may do while the instance waits here (e.g. withdraw before the first decision). */
  applicantActions?: TaskAction[];
  /** Durable timers armed on entering the state and disarmed on leaving it. */
  timers?: TimerMeta[];
  /** For final states: how the instance ended. */
  outcome?: 'completed' | 'rejected' | 'withdrawn' | 'cancelled';
  /** Entering the state queues an outgoing webhook (integration outbox row) in the same transaction. */
  webhook?: { hook: string };
}

/** What the engine passes to a machine with every human event. */
export interface WorkflowEvent {
  type: string;
  actorId: string | null;
  /** The org unit of the task the actor worked (which department acted, for context-orgs tasks). */
  taskOrgUnitId?: string | null;
  comment?: string;
  input?: unknown;
  /** When the engine applies the event (ISO), so guards can compare with dates in the form. */
  at?: string;
  /**
   * Working days from start to end inclusive ('YYYY-MM-DD', CST) on the university calendar
   * (holidays, 调休). The engine supplies it with the calendar it already loaded, so guards stay
   * pure; absent in pure tests, where callers fall back to Monday–Friday.
   */
  workingDays?: (start: string, end: string) => number;
}

export interface Audience {
  kinds: Array<'student' | 'staff'>;
  cadreOnly?: boolean;
  /**
   * Issued by a department to people rather than applied for (e.g. 周转房缴费通知): only holders
   * of this role start instances, each on behalf of the person it concerns.
   */
  issuedBy?: { role: string; orgUnitId: string };
  /** Anyone may start it without an account (校长信箱); the caller then checks its own spam defences. */
  anonymous?: boolean;
}

/** Words for what the statechart names in code and its meta does not label (workflows/labels). */
export interface DefinitionLabels {
  /** Each guard of the machine as the condition it checks, e.g. isLongLeave → 请假超过 3 个工作日. */
  guards?: Record<string, Label>;
  /** Events that are neither a state's action nor its timer, e.g. the 校长信箱 writer's rating. */
  events?: Record<string, Label>;
}

export interface ProcessDefinition {
  id: string;
  version: number;
  title: Label;
  summary: Label;
  /** The department (org unit id) that owns the process. */
  ownerOrgUnitId: string;
  audience: Audience;
  machine: AnyStateMachine;
  labels?: DefinitionLabels;
  /** Validates the application form; becomes the API's inputSchema as JSON Schema. */
  inputSchema: z.ZodType;
  /** Forms that some events carry (e.g. `resubmit` carries the corrected application). */
  eventInputs?: Record<string, z.ZodType>;
  /** Upload ids inside a validated input that must belong to the actor and get attached. */
  uploadIds(input: unknown): string[];
  /** The title shown in task lists, from the validated input. */
  instanceTitle(input: unknown, applicantName: string): Label;
  /**
   * Checks that need the database (e.g. the deputy is a colleague, not the applicant); runs
   * before anything is written, on start and on resubmit. Throws AppError INVALID_INPUT.
   */
  checkInput?(db: Queryable, input: unknown, applicant: { id: string; orgUnitId: string }): Promise<void>;
  /**
   * Runs inside the transaction of every transition (after tasks, timers and messages are
   * written), for outbox rows a process needs beyond the engine's own, e.g. 校长信箱 e-mailing a
   * writer who has no account. Throwing rolls the transition back.
   */
  afterTransition?(tx: Queryable, t: TransitionInfo): Promise<void>;
}

export interface TransitionInfo {
  instanceId: string;
  eventType: string;
  /** State paths active now that were not before (all of them on a start). */
  entered: string[];
  status: 'active' | 'completed' | 'rejected' | 'withdrawn' | 'cancelled';
  comment: string | null;
  now: Date;
}

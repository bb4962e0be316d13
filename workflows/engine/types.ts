import type { AnyStateMachine } from 'xstate';
import type { z } from 'zod';
import type { Queryable } from '@/db/client';
import type { WorkingCalendar } from './calendar';
import type { EffectSpec } from './effects';

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
  /**
   * 批量审批: a handler may send `action` to up to 100 tasks of this step at once, each its own
   * transition (workflows/engine/batch-act.ts). `confirmAttachments`: only after ticking that they
   * read every application's attachments (steps that verify evidence).
   */
  batch?: { action: string; confirmAttachments?: boolean };
  /**
   * 会签 / 或签 / 依次: the step is decided by a group, each member on a task named to them
   * (workflows/engine/plan-vote.ts). Absent: one task for whoever holds the role (today's steps).
   */
  group?: GroupMeta;
}

/**
 * A step decided by a group of people rather than by one holder of the role.
 * - all (会签): every member approves (or at least `passRatio` of them, e.g. 2/3);
 * - any (或签): the first member who approves decides; the others' tasks close (已由他人处理);
 * - sequence (依次): members approve one after another, each task opening when the previous closes.
 * Members are every active holder of the task's role in its scope (ordered by 工号 for 依次),
 * never the applicant. An approval that does not yet meet the rule is a vote: it is logged and
 * closes the member's task but leaves the statechart where it is. Any other action of the step
 * (退回修改, 不同意) moves the statechart at once — with a pass ratio, once enough members said
 * no that the ratio can no longer be reached (until then it is a vote against).
 */
export interface GroupMeta {
  mode: 'all' | 'any' | 'sequence';
  /** The event of the step's actions that counts as a yes (e.g. 'approve'). */
  approve: string;
  /** Only for 'all': the share of members whose yes is enough, 0 < passRatio ≤ 1. */
  passRatio?: number;
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
  /**
   * What the applicant must have done when the timer fires (交回证照): shown to them as a
   * deadline, the timer's own moment, while it is pending.
   */
  deadline?: Label;
}

/**
 * The approval operations a step offers besides its own actions (workflows/engine/operations.ts):
 * - transfer (转办): the holder hands the task to someone who may hold the step;
 * - delegate (委派): the holder asks someone in their unit for an opinion, the task comes back;
 * - addSigner (加签/减签): the holder adds a signer before or after themselves, or removes one;
 * - withdraw (撤回): whoever moved the instance into this step (the applicant on the first one)
 *   may take it back while nobody has acted here yet;
 * - urge (催办): the applicant may urge the step once it is overdue, once a working day.
 */
export type TaskOperation = 'transfer' | 'delegate' | 'addSigner' | 'withdraw' | 'urge';

/** What a state node tells the engine and the admin diagrams (XState `meta`). */
export interface StateMeta {
  label: Label;
  task?: TaskMeta;
  /**
   * Which approval operations this step offers; absent: all of them on a step someone other than
   * the applicant works, none on the applicant's own (DEFAULT_OPERATIONS). `[]` turns them all off.
   */
  operations?: TaskOperation[];
  /** What the applicant may do while the instance waits here (e.g. withdraw before the first decision). */
  applicantActions?: TaskAction[];
  /**
   * 抄送 on entering the state: every active holder of the role in the scope gets a copy (informed,
   * not acting) — an 'instance.copy' message they find under 抄送我 (projectTransition).
   */
  cc?: Array<{ role: string; scope: TaskScope }>;
  /** Durable timers armed on entering the state and disarmed on leaving it. */
  timers?: TimerMeta[];
  /** For final states: how the instance ended. */
  outcome?: 'completed' | 'rejected' | 'withdrawn' | 'cancelled';
  /**
   * What entering the state causes beyond tasks, timers and messages, as data (a hand-off job for
   * an external system, an e-mail to the 校长信箱 writer): commit writes it in the transition's
   * transaction, delivered after commit.
   */
  effects?: EffectSpec[];
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

/**
 * 一表通: what the hall knows about a person that a form may be filled in with
 * (lib/prefill/profile-facts.ts reads them): name, 学号/工号 and college or department from the
 * 学籍/人事 record, the phone on file, the dormitory from 住宿信息.
 */
export type ProfileFact = 'name' | 'campusId' | 'orgName' | 'phone' | 'dormBuilding' | 'dormRoom';

/**
 * A form field filled in from a profile fact. `locked`: the person may not change it (shown
 * read-only; the server takes the value from the profile and ignores what a client sends).
 */
export interface PrefillSpec {
  fact: ProfileFact;
  locked?: boolean;
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
  /**
   * Form fields that name a colleague of the applicant by 工号 (中层干部请假's 代理人): the form
   * offers a people picker of the applicant's department, and every view shows the person's name.
   */
  personFields?: string[];
  /** 一表通: the application form's fields the hall fills in from the applicant's profile, by field name. */
  prefill?: Record<string, PrefillSpec>;
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
   * Fills what an event's form may leave out (e.g. a default reply deadline) before it is
   * validated against eventInputs. Pure.
   */
  completeEventInput?(type: string, input: unknown, at: { now: Date; calendar: WorkingCalendar }): unknown;
  /**
   * Checks an event (its validated form, if it has one) against the database (e.g. the departments
   * exist) and against the instance and the engine's clock (a 销假 date not before the leave, a
   * passport not returned before the trip ended), inside the transition's transaction after the
   * row lock. Throws AppError INVALID_INPUT with words for the person acting.
   */
  checkEvent?(q: Queryable, e: { type: string; input: unknown; instanceId: string; context: unknown; now: Date }): Promise<void>;
}

import { and, asc, eq, inArray } from 'drizzle-orm';
import type { Db } from '@/db/client';
import { instanceEvents, orgUnits, processInstances, tasks, timers, uploads, users } from '@/db/schema';
import type { Actor } from '@/workflows/engine/actor';
import { isCandidate } from '@/workflows/engine/actor';
import { AppError } from '@/workflows/engine/errors';
import { eventLabel, stateLabel } from '@/lib/labels';
import { activeStates, restoreSnapshot, stepLabels } from '@/workflows/engine/snapshot';
import type { Label, TaskAction, TaskOperation } from '@/workflows/engine/types';
import { operationsOf } from '@/workflows/engine/operations';
import { weekdayCalendar } from '@/workflows/engine/calendar';
import type { InstanceRow, TaskRow } from '@/workflows/engine/plan';
import { planUrge, planWithdrawApplication, planWithdrawApproval, type LoggedEvent } from '@/workflows/engine/plan-instance-ops';
import type { ProcessDefinition } from '@/workflows/engine/types';
import { now as engineNow } from '../clock';
import { getDefinition } from '@/workflows/registry';
import { audienceOf, authorizeInstance, fieldsFor, type Audience } from '../policy';
import { peopleByUsername, type NamedPerson } from './people';
import { groupProgress, type GroupProgress } from './group-progress';
import { ratingOf, reopenedByRating, type Rated, type Reopened } from './reopened-by-rating';
import type { Tally } from '@/workflows/engine/plan-vote';

export interface TimelineEntry {
  seq: number;
  type: string;
  action: Label;
  actorName: string | null;
  actorRole: string;
  comment: string | null;
  at: string;
  toStateLabel: Label;
  /** For an operation that handed a task on (转办, 委派): to whom, when the viewer may see staff names. */
  toName: string | null;
  attachments: Array<{ id: string; filename: string; sha256: string; size: number }>;
  /** The 好差评 the event carried (a repair's confirmation, a letter writer's rating), in words. */
  rating: Rated | null;
  /** 代理: tasks this step opened that went to a deputy (由 X 代理 Y), when the viewer may see staff names. */
  deputies: Array<{ deputyName: string; forName: string }>;
  /** 抄送 ('copy' events): the names of the people it was copied to, to staff audiences. */
  copiedTo?: string[];
  /** 会签 / 或签 / 依次: where the group stood after this member's act (同意（1/2）). */
  vote: Tally | null;
}

export type { Rated } from './reopened-by-rating';

export interface InstanceView {
  id: string;
  /** 流水号, the number people quote (TC-20261201-0007). */
  caseNo: string | null;
  /** Whom this view was made for (lib/policy/views.ts): it decided which names and comments are in it. */
  audience: Audience;
  /** 上门维修: who will come and when, as 后勤处 noted at dispatch or the maintenance system assigned it (latest wins). */
  visit: { worker: string; workerPhone: string; plannedTime: string } | null;
  /** issued: a notice a department sent the person (周转房缴费通知), not something they applied for. */
  process: { id: string; version: number; title: Label; issued: boolean };
  title: Label;
  status: string;
  state: string;
  stateLabels: Label[];
  revision: number;
  applicant: { id: string; name: string; orgName: Label } | null;
  createdAt: string;
  form: Record<string, unknown>;
  /** The people the form names by 工号 (its definition's personFields), by 工号: name and department. */
  people: Record<string, NamedPerson>;
  /**
   * Files attached to the instance; `replaced`: sent with an earlier version of the form and no
   * longer in it (the applicant swapped it when resubmitting) — listed, struck through, so the
   * reviewer sees what changed.
   */
  attachments: Array<{ id: string; filename: string; contentType: string; size: number; sha256: string; replaced: boolean }>;
  timeline: TimelineEntry[];
  /** 差评整改: while the department owes an answer to a 不满意 / 非常不满意 rating, the rating and by when. */
  reopened: Reopened | null;
  /** Open tasks: who holds them, and the ones the viewer may work with their actions. */
  openTasks: Array<{
    id: string;
    state: string;
    stateLabel: Label;
    role: string;
    orgName: Label | null;
    dueAt: string | null;
    mine: boolean;
    /** The named holder (after 转办 / 委派), when the viewer may see staff names. */
    holderName: string | null;
    /** 代理: whom the holder stands in for, when the viewer may see staff names. */
    onBehalfOfName: string | null;
    /** Out for an opinion (委派) or with an added signer. */
    handover: 'delegate' | 'signBefore' | 'signAfter' | null;
    /** The approval operations the viewer may use on it now (the step's meta and the viewer's hold). */
    operations: Array<TaskOperation | 'answer' | 'removeSigner'>;
    /** 催办: how often the applicant urged it. */
    urgeCount: number;
  }>;
  myActions: TaskAction[];
  /** The group steps (会签/或签/依次) the instance waits in: who has acted, who is pending. */
  groups: GroupProgress[];
  /**
   * What the applicant must do by when (交回证照 by 2026-12-15): the pending timers whose meta names
   * a deadline; `on` is the day it falls on ('YYYY-MM-DD', China Standard Time).
   */
  deadlines: Array<{ label: Label; on: string }>;
  /** 撤回 / 催办 the viewer may use now (the planners' own checks, run dry). */
  instanceOps: InstanceOp[];
}

export type InstanceOp = 'withdrawApplication' | 'withdrawApproval' | 'urge';

/** The events that carry the whole application form (and so its files). */
const FORM_EVENTS = new Set(['submit', 'resubmit', 'edit']);

function safeUploadIds(definition: ProcessDefinition, form: Record<string, unknown>): string[] {
  try {
    return definition.uploadIds(form);
  } catch {
    return [];
  }
}

/**
 * Everything the application page and GET /api/v1/instances/{id} show, for a permitted viewer,
 * as their audience may see it: an anonymous writer is named to no member of staff; the writer
 * of a confidential process (校长信箱) sees no staff names and no internal comments.
 */
export async function getInstanceView(db: Db, viewer: Actor, id: string): Promise<InstanceView> {
  const facts = await authorizeInstance(db, viewer, 'instance.view', id);
  const audience = audienceOf(viewer, facts);
  const fields = fieldsFor(audience, facts);
  // One round trip: the applicant is known from the facts just read (it never changes).
  const [[row], events, openTasks, files, applicant, pending] = await Promise.all([
    db.select().from(processInstances).where(eq(processInstances.id, id)),
    db
      .select({ e: instanceEvents, actorName: users.name })
      .from(instanceEvents)
      .leftJoin(users, eq(users.id, instanceEvents.actorId))
      .where(eq(instanceEvents.instanceId, id))
      .orderBy(asc(instanceEvents.seq)),
    db
      .select({ t: tasks, orgNameZh: orgUnits.nameZh, orgNameEn: orgUnits.nameEn })
      .from(tasks)
      .leftJoin(orgUnits, eq(orgUnits.id, tasks.orgUnitId))
      .where(eq(tasks.instanceId, id)),
    db.select().from(uploads).where(eq(uploads.instanceId, id)),
    facts.applicantId
      ? db
          .select({ id: users.id, name: users.name, orgZh: orgUnits.nameZh, orgEn: orgUnits.nameEn })
          .from(users)
          .innerJoin(orgUnits, eq(orgUnits.id, users.orgUnitId))
          .where(eq(users.id, facts.applicantId))
      : Promise.resolve([]),
    db
      .select({ state: timers.state, eventType: timers.eventType, fireAt: timers.fireAt })
      .from(timers)
      .where(and(eq(timers.instanceId, id), eq(timers.status, 'pending'))),
  ]);
  if (!row) throw new AppError('NOT_FOUND', `instance ${id}`);
  const definition = getDefinition(row.processId, row.processVersion);
  const snapshot = restoreSnapshot(definition.machine, row.snapshot);

  const active = activeStates(snapshot);
  const open = openTasks.filter((t) => t.t.status === 'open');
  const myActions: TaskAction[] = [];
  for (const { t } of open) {
    if (!isCandidate(viewer, t)) continue;
    // A task out for an opinion offers its delegate no decision (its actions are empty meanwhile).
    myActions.push(...(active.find((s) => s.path === t.state)?.meta.task?.actions ?? []).filter((a) => t.actions.includes(a.type)));
  }
  const operationsFor = (t: (typeof open)[number]['t']): Array<TaskOperation | 'answer' | 'removeSigner'> => {
    if (t.handover === 'delegate' || t.handover === 'signBefore') {
      if (t.assigneeId === viewer.id) return ['answer'];
      return t.handover === 'signBefore' && t.returnsTo === viewer.id ? ['removeSigner'] : [];
    }
    if (t.handover === 'signAfter' && t.returnsTo === viewer.id) return ['removeSigner'];
    if (!isCandidate(viewer, t)) return [];
    const allowed = operationsOf(active.find((s) => s.path === t.state)?.meta);
    // A signer added after the holder decides; they do not add another.
    return allowed.filter((op) => op === 'transfer' || op === 'delegate' || (op === 'addSigner' && t.handover === null));
  };
  // Names of the people tasks were handed to, for the timeline and the holders.
  const handedTo = new Set<string>();
  for (const { e } of events) {
    const to = (e.payload as { to?: unknown }).to;
    if (typeof to === 'string' && e.type.startsWith('task.')) handedTo.add(to);
  }
  for (const { t } of open) {
    if (t.assigneeId) handedTo.add(t.assigneeId);
    if (t.onBehalfOf) handedTo.add(t.onBehalfOf);
  }
  // Members of a group step who have acted (会签/或签/依次 progress).
  for (const { t } of openTasks) if (t.assigneeId && t.status !== 'open' && t.createdAt >= row.stateSince) handedTo.add(t.completedBy ?? t.assigneeId);
  const names = new Map(
    handedTo.size === 0 || !fields.staffNames ? [] : (await db.select({ id: users.id, name: users.name }).from(users).where(inArray(users.id, [...handedTo]))).map((u) => [u.id, u.name]),
  );
  if (row.applicantId === viewer.id && row.status === 'active') {
    for (const a of active.flatMap((s) => s.meta.applicantActions ?? [])) {
      if (!myActions.some((m) => m.type === a.type)) myActions.push(a);
    }
  }
  const fileIds = new Set(files.map((f) => f.id));
  const context = (snapshot.context ?? {}) as { form?: Record<string, unknown> };
  // What the applicant did is theirs to see; what staff did and wrote, only where the view allows.
  const fromApplicant = (role: string) => role === 'applicant';
  const form = fields.writerIdentity ? (context.form ?? {}) : { ...context.form, name: undefined };

  // A file the applicant sent with the form (submit, resubmit, edit) that the form no longer lists was replaced.
  const inForm = new Set(safeUploadIds(definition, context.form ?? {}));
  const replaced = new Set(
    events
      .filter(({ e }) => FORM_EVENTS.has(e.type))
      .flatMap(({ e }) => ((e.payload as { attachments?: Array<{ id: string }> }).attachments ?? []).map((a) => a.id))
      .filter((fileId) => !inForm.has(fileId)),
  );
  const people = await peopleByUsername(db, (definition.personFields ?? []).map((f) => form[f]).filter((v): v is string => typeof v === 'string'));
  return {
    id: row.id,
    caseNo: row.caseNo,
    audience,
    process: { id: definition.id, version: definition.version, title: definition.title, issued: definition.audience.issuedBy !== undefined },
    title: row.title,
    status: row.status,
    state: row.state,
    stateLabels: stepLabels(active),
    revision: row.revision,
    applicant: fields.writerIdentity && applicant[0] ? { id: applicant[0].id, name: applicant[0].name, orgName: { zh: applicant[0].orgZh, en: applicant[0].orgEn } } : null,
    createdAt: row.createdAt.toISOString(),
    form,
    people,
    // Files staff attached while handling stay inside too; the writer's own (or claimed) ones show.
    attachments: files
      .filter((f) => fields.internalComments || f.ownerId === null || f.ownerId === viewer.id)
      .map((f) => ({ id: f.id, filename: f.filename, contentType: f.contentType, size: f.size, sha256: f.sha256, replaced: replaced.has(f.id) }))
      .sort((x, y) => Number(x.replaced) - Number(y.replaced)),
    visit: latestVisit(events.map(({ e }) => e)),
    reopened: reopenedByRating(row, events.map(({ e }) => e)),
    timeline: events.map(({ e, actorName }) => {
      // An issued notice starts with 发出通知, not 提交申请 (the log's first entry is 'submit' for every process).
      const action = eventLabel(definition, e.seq === 1 && definition.audience.issuedBy ? 'issue' : e.type, e.fromState);
      const payload = e.payload as { attachments?: TimelineEntry['attachments']; to?: Array<{ name: string }> };
      const own = fromApplicant(e.actorRole);
      const inside = own || fields.internalComments;
      return {
        seq: e.seq,
        type: e.type,
        action,
        actorName: (own ? fields.writerIdentity : fields.staffNames) ? actorName : null,
        actorRole: e.actorRole,
        comment: inside ? e.comment : null,
        at: e.at.toISOString(),
        toStateLabel: stateLabel(definition, e.toState.split(',')[0]!),
        toName: e.type.startsWith('task.') ? (names.get(String((e.payload as { to?: unknown }).to)) ?? null) : null,
        attachments: inside ? (payload.attachments ?? []).filter((a) => fileIds.has(a.id)) : [],
        rating: ratingOf(e.payload),
        deputies: fields.staffNames ? deputiesOf(e.payload) : [],
        ...(e.type === 'copy' && fields.staffNames ? { copiedTo: (payload.to ?? []).map((p) => p.name) } : {}),
        vote: voteOf(e.payload),
      };
    }),
    openTasks: open.map(({ t, orgNameZh, orgNameEn }) => ({
      id: t.id,
      state: t.state,
      stateLabel: active.find((s) => s.path === t.state)?.meta.label ?? { zh: t.state, en: t.state },
      role: t.role,
      orgName: orgNameZh ? { zh: orgNameZh, en: orgNameEn! } : null,
      dueAt: t.dueAt?.toISOString() ?? null,
      mine: isCandidate(viewer, t),
      holderName: t.assigneeId ? (names.get(t.assigneeId) ?? null) : null,
      onBehalfOfName: t.onBehalfOf ? (names.get(t.onBehalfOf) ?? null) : null,
      handover: t.handover ?? null,
      operations: row.status === 'active' ? operationsFor(t) : [],
      urgeCount: t.urgeCount,
    })),
    myActions,
    groups: await groupProgress(db, row, definition, active, openTasks.map((o) => o.t), fields.staffNames ? names : null),
    deadlines: pending.flatMap((p) => {
      const timer = active.find((s) => s.path === p.state)?.meta.timers?.find((m) => m.event === p.eventType && m.deadline);
      return timer?.deadline ? [{ label: timer.deadline, on: new Date(p.fireAt.getTime() + 8 * 3_600_000).toISOString().slice(0, 10) }] : [];
    }),
    instanceOps: await offeredInstanceOps(db, viewer, row, definition, open.map((o) => o.t), events.map(({ e }) => e)),
  };
}

/** The tally a group member's act recorded (workflows/engine/plan-vote.ts). */
function voteOf(payload: unknown): Tally | null {
  const vote = (payload as { vote?: Partial<Tally> } | null)?.vote;
  return vote && typeof vote.approved === 'number' && typeof vote.of === 'number' ? (vote as Tally) : null;
}

/** The 代理 routes a log entry records (workflows/engine/deputies.ts DeputyRoute). */
function deputiesOf(payload: unknown): TimelineEntry['deputies'] {
  const list = (payload as { deputies?: unknown }).deputies;
  if (!Array.isArray(list)) return [];
  return list.flatMap((d: { deputyName?: unknown; forName?: unknown }) =>
    typeof d.deputyName === 'string' && typeof d.forName === 'string' ? [{ deputyName: d.deputyName, forName: d.forName }] : [],
  );
}

/**
 * Which of 撤回 / 催办 the viewer may use now: each planner run dry on what the page already read
 * (pure, so nothing is written); the engine checks again when the button is pressed. A process's
 * own 撤回申请 button (its statechart's withdraw) gives way to the generic one, which sends it.
 */
async function offeredInstanceOps(
  db: Db,
  viewer: Actor,
  row: InstanceRow,
  definition: ProcessDefinition,
  openTasks: TaskRow[],
  history: LoggedEvent[],
): Promise<InstanceOp[]> {
  if (row.status !== 'active') return [];
  const at = await engineNow(db);
  const input = { actor: viewer, openTasks, history, calendar: weekdayCalendar, reason: null };
  const accepts = (planner: typeof planUrge) => {
    try {
      planner(row, definition, input, at);
      return true;
    } catch {
      return false;
    }
  };
  const ops: InstanceOp[] = [];
  const applicant = row.applicantId === viewer.id;
  if (applicant && accepts(planWithdrawApplication)) ops.push('withdrawApplication');
  else if (!applicant && accepts(planWithdrawApproval)) ops.push('withdrawApproval');
  if (applicant && accepts(planUrge)) ops.push('urge');
  return ops;
}

/** The latest dispatch or worker assignment decides (a reopened repair dispatched again without one shows none). */
function latestVisit(events: Array<{ type: string; payload: unknown }>): InstanceView['visit'] {
  const last = [...events].reverse().find((e) => e.type === 'dispatch' || e.type === 'assigned');
  const form = (last?.payload as { form?: Record<string, unknown> } | undefined)?.form;
  const text = (v: unknown) => (typeof v === 'string' ? v.trim() : '');
  const visit = { worker: text(form?.worker), workerPhone: text(form?.workerPhone), plannedTime: text(form?.plannedTime) };
  return visit.worker || visit.workerPhone || visit.plannedTime ? visit : null;
}

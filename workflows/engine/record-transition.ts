import { and, eq, inArray, isNull, or, type SQL } from 'drizzle-orm';
import type { AnyMachineSnapshot } from 'xstate';
import type { Tx } from '@/db/client';
import {
  instanceEvents,
  integrationOutbox,
  messages,
  processInstances,
  roleBindings,
  tasks,
  timers,
  users,
  webhookDeliveries,
  webhooks,
} from '@/db/schema';
import type { InstanceStatus } from '@/db/schema';
import { isCandidate, resolveScopeOrg, type Actor } from './actor';
import { addDelay, anchorDate, type WorkingCalendar } from './calendar';
import { linkUploads, type AttachmentRef } from './attach-uploads';
import { webhookDeliveryRows, webhookEventsFor } from './enqueue-webhooks';
import { eventHash, GENESIS_HASH } from './hash-chain';
import { activeStates, persistSnapshot, stateKey } from './snapshot';
import type { Label, ProcessDefinition } from './types';

type InstanceRow = typeof processInstances.$inferSelect;
type EventRow = typeof instanceEvents.$inferSelect;
type TaskRow = typeof tasks.$inferSelect;
type WebhookRow = typeof webhooks.$inferSelect;

export interface TransitionRecord {
  definition: ProcessDefinition;
  /** The row before the event; null when the instance starts. */
  before: InstanceRow | null;
  /** For a start: the new instance's id, title and applicant. */
  start?: { id: string; title: Label; applicantId: string | null; applicantOrgId: string | null };
  prevSnapshot: AnyMachineSnapshot | null;
  nextSnapshot: AnyMachineSnapshot;
  event: { type: string; actor: Actor | null; actorRole: string; comment: string | null; payload: unknown };
  actionLabel: Label;
  now: Date;
  calendar: WorkingCalendar;
  /**
   * The instance's open tasks, read in this transaction after its row was locked (applyEvent
   * reads them anyway); read here when absent.
   */
  openTasks?: TaskRow[];
  /** The registered webhooks, read in this transaction; read here when absent and needed. */
  webhooks?: WebhookRow[];
  /** Uploads the event attaches: linked to the instance with the transition's other rows. */
  attachments?: AttachmentRef[];
}

export interface TransitionResult {
  instance: InstanceRow;
  event: EventRow;
  openedTasks: TaskRow[];
}

/** The org unit ids a context-orgs task scope lists in the snapshot's context. */
function contextOrgs(snapshot: AnyMachineSnapshot, key: string): string[] {
  const value = (snapshot.context as Record<string, unknown>)[key];
  return Array.isArray(value) ? value.filter((v): v is string => typeof v === 'string') : [];
}

function finalOutcome(snapshot: AnyMachineSnapshot): InstanceStatus {
  if (snapshot.status !== 'done') return 'active';
  const outcome = activeStates(snapshot).find((s) => s.meta.outcome)?.meta.outcome;
  return outcome ?? 'completed';
}

/**
 * Writes one transition inside the caller's transaction: the snapshot (revision + 1), the
 * hash-chained event-log row, the task rows projected from the new active states, the
 * durable timers of entered states, and the in-app messages it causes.
 *
 * Round trips: everything is worked out first, then written in two pipelined batches — the
 * rows (instance, event, tasks, timers, outbox) with the one read they need (the candidates
 * messages go to), then the messages, webhook deliveries and upload links. The statements run
 * in the order they are issued, on the transaction's one connection, exactly as if awaited
 * one by one; postgres.js only does not wait for each answer before sending the next
 * (PGlite runs them one after another). A failing statement fails the batch and the
 * transaction, as before.
 */
export async function recordTransition(tx: Tx, r: TransitionRecord): Promise<TransitionResult> {
  const { definition, before, nextSnapshot, event, now } = r;
  const fromState = before?.state ?? null;
  const toState = stateKey(nextSnapshot.value);
  const status = finalOutcome(nextSnapshot);
  const instanceId = before?.id ?? r.start!.id;
  const applicantId = before ? before.applicantId : r.start!.applicantId;
  const applicantOrgId = before ? before.applicantOrgId : r.start!.applicantOrgId;
  const processVersion = before?.processVersion ?? definition.version;
  const seq = (before?.revision ?? 0) + 1;
  const prevHash = before?.lastHash ?? GENESIS_HASH;
  const chained = {
    instanceId,
    seq,
    type: event.type,
    actorId: event.actor?.id ?? null,
    actorRole: event.actorRole,
    comment: event.comment,
    payload: event.payload ?? {},
    fromState,
    toState,
    at: now,
  };
  const hash = eventHash(prevHash, chained);
  const values = {
    snapshot: persistSnapshot(nextSnapshot),
    state: toState,
    status,
    revision: seq,
    lastHash: hash,
    updatedAt: now,
    stateSince: toState === fromState && before ? before.stateSince : now,
    completedAt: status === 'active' ? null : now,
  };
  const webhook = { instanceId, processId: definition.id, processVersion, eventType: event.type, fromState, toState, status, revision: seq, now };

  // Reads the caller did not do: the open tasks (after the row lock), the webhooks if needed.
  const needHooks = !r.webhooks && webhookEventsFor(webhook).length > 0;
  const [openTasks, hooks] = await Promise.all([
    r.openTasks ?? (before ? tx.select().from(tasks).where(and(eq(tasks.instanceId, instanceId), eq(tasks.status, 'open'))) : []),
    r.webhooks ?? (needHooks ? tx.select().from(webhooks) : []),
  ]);

  const prevActive = new Map((r.prevSnapshot ? activeStates(r.prevSnapshot) : []).map((s) => [s.path, s.meta]));
  const nextActive = new Map(activeStates(nextSnapshot).map((s) => [s.path, s.meta]));

  // Tasks of states the instance left are done by whoever could work them, cancelled otherwise.
  const stillWanted = (task: TaskRow) => {
    const meta = nextActive.get(task.state);
    if (!meta?.task || status !== 'active') return false;
    return meta.task.scope.kind !== 'context-orgs' || contextOrgs(nextSnapshot, meta.task.scope.key).includes(task.orgUnitId ?? '');
  };
  const closedBy = (task: TaskRow) => event.actor !== null && isCandidate(event.actor, task) && task.actions.includes(event.type);
  const leaving = openTasks.filter((t) => !stillWanted(t));
  const done = leaving.filter(closedBy).map((t) => t.id);
  const cancelled = leaving.filter((t) => !closedBy(t)).map((t) => t.id);

  const kept = openTasks.filter(stillWanted);
  const stillOpen = new Set(kept.map((t) => `${t.state}|${t.orgUnitId ?? ''}`));
  const newTasks: Array<typeof tasks.$inferInsert & Pick<TaskRow, 'state' | 'role' | 'orgUnitId' | 'assigneeId'>> = [];
  if (status === 'active') {
    for (const [path, meta] of nextActive) {
      if (!meta.task) continue;
      const scope = meta.task.scope;
      const orgs = scope.kind === 'context-orgs' ? contextOrgs(nextSnapshot, scope.key) : [resolveScopeOrg(scope, applicantOrgId)];
      for (const orgUnitId of orgs) {
        if (stillOpen.has(`${path}|${orgUnitId ?? ''}`)) continue;
        newTasks.push({
          instanceId,
          state: path,
          role: meta.task.role,
          orgUnitId,
          assigneeId: scope.kind === 'applicant' ? applicantId : null,
          actions: meta.task.actions.map((a) => a.type),
          createdAt: now,
          dueAt: meta.task.dueInWorkingDays ? addDelay(now, { workingDays: meta.task.dueInWorkingDays }, r.calendar) : null,
        });
      }
    }
  }

  // Timers belong to a state: leaving it disarms them, entering it arms them.
  const left = [...prevActive.keys()].filter((p) => !nextActive.has(p));
  const newTimers: Array<typeof timers.$inferInsert> = [];
  if (status === 'active') {
    for (const [path, meta] of nextActive) {
      if (prevActive.has(path) || !meta.timers) continue;
      for (const timer of meta.timers) {
        const anchor = timer.from?.(nextSnapshot.context);
        newTimers.push({
          instanceId,
          state: path,
          eventType: timer.event,
          fireAt: addDelay(anchor ? anchorDate(anchor) : now, timer.delay, r.calendar),
        });
      }
    }
  }

  // Webhooks of entered states go out through the outbox, delivered after commit.
  const outbox: Array<typeof integrationOutbox.$inferInsert> = [];
  for (const [path, meta] of nextActive) {
    if (prevActive.has(path) || !meta.webhook) continue;
    outbox.push({
      hook: meta.webhook.hook,
      instanceId,
      payload: { processId: definition.id, instanceId, state: path, form: (nextSnapshot.context as { form?: unknown }).form ?? {} },
      nextAttemptAt: now,
      createdAt: now,
    });
  }

  // A timer that says `remind: 'task'` reminds the candidates of the tasks open after this event.
  const reminder = event.actor === null ? reminderOf(r, prevActive) : undefined;
  const reminded = reminder?.timer.remind === 'task' ? [...kept, ...newTasks] : [];

  // Batch 1: the transition's rows, and the candidates its messages go to.
  const [instanceRows, eventRows, , , openedTasks, , , , candidates] = await Promise.all([
    before
      ? tx
          .update(processInstances)
          .set(values)
          .where(and(eq(processInstances.id, before.id), eq(processInstances.revision, before.revision)))
          .returning()
      : tx
          .insert(processInstances)
          .values({
            id: instanceId,
            processId: definition.id,
            processVersion: definition.version,
            title: r.start!.title,
            applicantId,
            applicantOrgId,
            createdAt: now,
            ...values,
          })
          .returning(),
    tx
      .insert(instanceEvents)
      .values({ ...chained, prevHash, hash })
      .returning(),
    done.length > 0
      ? tx
          .update(tasks)
          .set({ status: 'done', completedAt: now, completedBy: event.actor!.id, outcome: event.type })
          .where(inArray(tasks.id, done))
      : null,
    cancelled.length > 0
      ? tx.update(tasks).set({ status: 'cancelled', completedAt: now, completedBy: null, outcome: event.type }).where(inArray(tasks.id, cancelled))
      : null,
    newTasks.length > 0 ? tx.insert(tasks).values(newTasks).returning() : ([] as TaskRow[]),
    left.length > 0 || status !== 'active'
      ? tx
          .update(timers)
          .set({ status: 'cancelled' })
          .where(
            and(
              eq(timers.instanceId, instanceId),
              eq(timers.status, 'pending'),
              status === 'active' ? inArray(timers.state, left) : undefined,
            ),
          )
      : null,
    newTimers.length > 0 ? tx.insert(timers).values(newTimers) : null,
    outbox.length > 0 ? tx.insert(integrationOutbox).values(outbox) : null,
    candidatesOf(tx, [...newTasks, ...reminded]),
  ]);
  const instance = instanceRows[0];
  if (!instance) throw new Error(`instance ${before?.id} changed under its row lock`);

  // Batch 2: messages, webhook deliveries, upload links.
  const messageRows = [
    ...taskMessages(r, instanceId, openedTasks, nextActive, candidates),
    ...applicantMessages(r, instanceId, applicantId, status),
    ...(reminder ? reminderMessages(r, instanceId, applicantId, reminder, reminded, candidates) : []),
  ];
  const deliveries = webhookDeliveryRows(hooks, webhook);
  await Promise.all([
    messageRows.length > 0 ? tx.insert(messages).values(messageRows) : null,
    deliveries.length > 0 ? tx.insert(webhookDeliveries).values(deliveries) : null,
    linkUploads(tx, r.attachments ?? [], instanceId),
  ]);
  // A process's own rows about this transition (校长信箱: the writer's e-mails), same transaction.
  await definition.afterTransition?.(tx, {
    instanceId,
    eventType: event.type,
    entered: [...nextActive.keys()].filter((p) => !prevActive.has(p)),
    status,
    comment: event.comment,
    now,
  });
  return { instance, event: eventRows[0]!, openedTasks };
}

type Candidates = Array<{ id: string; role: string; orgUnitId: string | null }>;
type TaskScopeRef = Pick<TaskRow, 'assigneeId' | 'role' | 'orgUnitId'>;

/**
 * Everyone who might be a candidate of these tasks (active holders of their roles in their
 * scopes), in one query; recipientsOf picks each task's own. Named tasks need no query.
 * Not async: the query starts when awaited, in its place in the batch.
 */
function candidatesOf(tx: Tx, list: TaskScopeRef[]): PromiseLike<Candidates> | Candidates {
  const byRole = new Map<string, SQL | undefined>();
  for (const task of list) {
    if (task.assigneeId) continue;
    const role = eq(roleBindings.role, task.role as typeof roleBindings.$inferSelect.role);
    const scope = task.orgUnitId ? and(role, or(eq(roleBindings.orgUnitId, task.orgUnitId), isNull(roleBindings.orgUnitId))) : role;
    byRole.set(`${task.role}|${task.orgUnitId ?? ''}`, scope);
  }
  if (byRole.size === 0) return [];
  return tx
    .selectDistinct({ id: users.id, role: roleBindings.role, orgUnitId: roleBindings.orgUnitId })
    .from(roleBindings)
    .innerJoin(users, eq(users.id, roleBindings.userId))
    .where(and(eq(users.active, true), or(...byRole.values())));
}

/** Candidates of a task: its assignee, or every active holder of its role in its scope. */
function recipientsOf(task: TaskScopeRef, candidates: Candidates): string[] {
  if (task.assigneeId) return [task.assigneeId];
  const ids = candidates
    .filter((c) => c.role === task.role && (!task.orgUnitId || c.orgUnitId === task.orgUnitId || c.orgUnitId === null))
    .map((c) => c.id);
  return [...new Set(ids)];
}

type ActiveMeta = Map<string, { label: Label; timers?: Array<{ event: string; remind?: 'applicant' | 'task' }> }>;

/** The timer (of a state just left) that fired this event, if it says to remind someone. */
function reminderOf(r: TransitionRecord, prevActive: ActiveMeta) {
  const timer = [...prevActive.values()].flatMap((m) => m.timers ?? []).find((x) => x.event === r.event.type && x.remind);
  if (!timer) return undefined;
  const stateLabel = [...prevActive.values()].find((m) => m.timers?.includes(timer as never))?.label;
  return { timer, stateLabel };
}

/** A timer that says `remind` writes an 'instance.reminder' message when it fires. */
function reminderMessages(
  r: TransitionRecord,
  instanceId: string,
  applicantId: string | null,
  reminder: NonNullable<ReturnType<typeof reminderOf>>,
  open: TaskScopeRef[],
  candidates: Candidates,
): Array<typeof messages.$inferInsert> {
  const { timer, stateLabel } = reminder;
  const recipients = new Set<string>();
  if (timer.remind === 'applicant' && applicantId) recipients.add(applicantId);
  if (timer.remind === 'task') for (const task of open) for (const id of recipientsOf(task, candidates)) recipients.add(id);
  const title = r.definition.title;
  return [...recipients].map((userId) => ({
    userId,
    kind: 'instance.reminder',
    params: { titleZh: title.zh, titleEn: title.en, stateZh: stateLabel?.zh ?? '', stateEn: stateLabel?.en ?? '' },
    link: `/applications/${instanceId}`,
    instanceId,
    createdAt: r.now,
  }));
}

/** 'task.new' for the candidates of each opened task (not the actor). */
function taskMessages(
  r: TransitionRecord,
  instanceId: string,
  openedTasks: TaskRow[],
  nextActive: Map<string, { label: Label }>,
  candidates: Candidates,
): Array<typeof messages.$inferInsert> {
  const title = r.definition.title;
  const rows: Array<typeof messages.$inferInsert> = [];
  for (const task of openedTasks) {
    const label = nextActive.get(task.state)?.label;
    for (const userId of recipientsOf(task, candidates)) {
      if (userId === r.event.actor?.id) continue;
      rows.push({
        userId,
        kind: 'task.new',
        params: { titleZh: title.zh, titleEn: title.en, stateZh: label?.zh ?? '', stateEn: label?.en ?? '' },
        link: `/applications/${instanceId}`,
        instanceId,
        createdAt: r.now,
      });
    }
  }
  return rows;
}

/** The applicant hears of every step someone else takes on their instance. */
function applicantMessages(
  r: TransitionRecord,
  instanceId: string,
  applicantId: string | null,
  status: InstanceStatus,
): Array<typeof messages.$inferInsert> {
  if (!applicantId || !r.before || r.event.actor?.id === applicantId) return [];
  const title = r.definition.title;
  return [
    {
      userId: applicantId,
      kind: status === 'active' ? 'instance.update' : `instance.${status}`,
      params: {
        titleZh: title.zh,
        titleEn: title.en,
        actionZh: r.actionLabel.zh,
        actionEn: r.actionLabel.en,
        comment: r.event.comment ?? '',
      },
      link: `/applications/${instanceId}`,
      instanceId,
      createdAt: r.now,
    },
  ];
}

import { and, eq, inArray, isNull, or } from 'drizzle-orm';
import type { AnyMachineSnapshot } from 'xstate';
import type { Tx } from '@/db/client';
import { instanceEvents, integrationOutbox, messages, processInstances, roleBindings, tasks, timers, users } from '@/db/schema';
import type { InstanceStatus } from '@/db/schema';
import { isCandidate, resolveScopeOrg, type Actor } from './actor';
import { addDelay, anchorDate, type WorkingCalendar } from './calendar';
import { enqueueWebhooks } from './enqueue-webhooks';
import { eventHash, GENESIS_HASH } from './hash-chain';
import { activeStates, persistSnapshot, stateKey } from './snapshot';
import type { Label, ProcessDefinition } from './types';

type InstanceRow = typeof processInstances.$inferSelect;
type EventRow = typeof instanceEvents.$inferSelect;
type TaskRow = typeof tasks.$inferSelect;

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
 */
export async function recordTransition(tx: Tx, r: TransitionRecord): Promise<TransitionResult> {
  const { definition, before, nextSnapshot, event, now } = r;
  const fromState = before?.state ?? null;
  const toState = stateKey(nextSnapshot.value);
  const status = finalOutcome(nextSnapshot);
  const instanceId = before?.id ?? r.start!.id;
  const applicantId = before ? before.applicantId : r.start!.applicantId;
  const applicantOrgId = before ? before.applicantOrgId : r.start!.applicantOrgId;
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

  let instance: InstanceRow;
  if (before) {
    const updated = await tx
      .update(processInstances)
      .set(values)
      .where(and(eq(processInstances.id, before.id), eq(processInstances.revision, before.revision)))
      .returning();
    if (!updated[0]) throw new Error(`instance ${before.id} changed under its row lock`);
    instance = updated[0];
  } else {
    const inserted = await tx
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
      .returning();
    instance = inserted[0]!;
  }

  const [eventRow] = await tx
    .insert(instanceEvents)
    .values({ ...chained, prevHash, hash })
    .returning();

  const prevActive = new Map((r.prevSnapshot ? activeStates(r.prevSnapshot) : []).map((s) => [s.path, s.meta]));
  const nextActive = new Map(activeStates(nextSnapshot).map((s) => [s.path, s.meta]));

  // Tasks of states the instance left are done by whoever could work them, cancelled otherwise.
  const openTasks = before
    ? await tx.select().from(tasks).where(and(eq(tasks.instanceId, instanceId), eq(tasks.status, 'open')))
    : [];
  const stillWanted = (task: TaskRow) => {
    const meta = nextActive.get(task.state);
    if (!meta?.task || status !== 'active') return false;
    return meta.task.scope.kind !== 'context-orgs' || contextOrgs(nextSnapshot, meta.task.scope.key).includes(task.orgUnitId ?? '');
  };
  for (const task of openTasks) {
    if (stillWanted(task)) continue;
    const byActor = event.actor !== null && isCandidate(event.actor, task) && task.actions.includes(event.type);
    await tx
      .update(tasks)
      .set({
        status: byActor ? 'done' : 'cancelled',
        completedAt: now,
        completedBy: byActor ? event.actor!.id : null,
        outcome: event.type,
      })
      .where(eq(tasks.id, task.id));
  }

  const openedTasks: TaskRow[] = [];
  const kept = openTasks.filter(stillWanted);
  const stillOpen = new Set(kept.map((t) => `${t.state}|${t.orgUnitId ?? ''}`));
  if (status === 'active') {
    for (const [path, meta] of nextActive) {
      if (!meta.task) continue;
      const scope = meta.task.scope;
      const orgs = scope.kind === 'context-orgs' ? contextOrgs(nextSnapshot, scope.key) : [resolveScopeOrg(scope, applicantOrgId)];
      for (const orgUnitId of orgs) {
        if (stillOpen.has(`${path}|${orgUnitId ?? ''}`)) continue;
        const isApplicantTask = scope.kind === 'applicant';
        const [task] = await tx
          .insert(tasks)
          .values({
            instanceId,
            state: path,
            role: meta.task.role,
            orgUnitId,
            assigneeId: isApplicantTask ? applicantId : null,
            actions: meta.task.actions.map((a) => a.type),
            createdAt: now,
            dueAt: meta.task.dueInWorkingDays
              ? addDelay(now, { workingDays: meta.task.dueInWorkingDays }, r.calendar)
              : null,
          })
          .returning();
        openedTasks.push(task!);
      }
    }
  }

  // Timers belong to a state: leaving it disarms them, entering it arms them.
  const left = [...prevActive.keys()].filter((p) => !nextActive.has(p));
  if (left.length > 0 || status !== 'active') {
    await tx
      .update(timers)
      .set({ status: 'cancelled' })
      .where(
        and(
          eq(timers.instanceId, instanceId),
          eq(timers.status, 'pending'),
          status === 'active' ? inArray(timers.state, left) : undefined,
        ),
      );
  }
  if (status === 'active') {
    for (const [path, meta] of nextActive) {
      if (prevActive.has(path) || !meta.timers) continue;
      for (const timer of meta.timers) {
        const anchor = timer.from?.(nextSnapshot.context);
        await tx.insert(timers).values({
          instanceId,
          state: path,
          eventType: timer.event,
          fireAt: addDelay(anchor ? anchorDate(anchor) : now, timer.delay, r.calendar),
        });
      }
    }
  }

  // Webhooks of entered states go out through the outbox, delivered after commit.
  for (const [path, meta] of nextActive) {
    if (prevActive.has(path) || !meta.webhook) continue;
    await tx.insert(integrationOutbox).values({
      hook: meta.webhook.hook,
      instanceId,
      payload: { processId: definition.id, instanceId, state: path, form: (nextSnapshot.context as { form?: unknown }).form ?? {} },
      nextAttemptAt: now,
      createdAt: now,
    });
  }

  await writeMessages(tx, { r, instanceId, applicantId, status, toState, openedTasks, nextActive });
  await definition.afterTransition?.(tx, {
    instanceId,
    eventType: event.type,
    entered: [...nextActive.keys()].filter((p) => !prevActive.has(p)),
    status,
    comment: event.comment,
    now,
  });
  if (event.actor === null) await writeReminders(tx, r, instanceId, applicantId, prevActive);
  await enqueueWebhooks(tx, {
    instanceId,
    processId: definition.id,
    processVersion: instance.processVersion,
    eventType: event.type,
    fromState,
    toState,
    status,
    revision: seq,
    now,
  });
  return { instance, event: eventRow!, openedTasks };
}

/** Candidates of a task: its assignee, or every active holder of its role in its scope. */
async function taskRecipients(tx: Tx, task: Pick<TaskRow, 'assigneeId' | 'role' | 'orgUnitId'>): Promise<string[]> {
  if (task.assigneeId) return [task.assigneeId];
  const rows = await tx
    .selectDistinct({ id: users.id })
    .from(roleBindings)
    .innerJoin(users, eq(users.id, roleBindings.userId))
    .where(
      and(
        eq(roleBindings.role, task.role as typeof roleBindings.$inferSelect.role),
        eq(users.active, true),
        task.orgUnitId ? or(eq(roleBindings.orgUnitId, task.orgUnitId), isNull(roleBindings.orgUnitId)) : undefined,
      ),
    );
  return rows.map((u) => u.id);
}

/** A timer that says `remind` writes an 'instance.reminder' message when it fires. */
async function writeReminders(
  tx: Tx,
  r: TransitionRecord,
  instanceId: string,
  applicantId: string | null,
  prevActive: Map<string, { label: Label; timers?: Array<{ event: string; remind?: 'applicant' | 'task' }> }>,
): Promise<void> {
  const timer = [...prevActive.values()].flatMap((m) => m.timers ?? []).find((x) => x.event === r.event.type && x.remind);
  if (!timer) return;
  const recipients = new Set<string>();
  if (timer.remind === 'applicant' && applicantId) recipients.add(applicantId);
  if (timer.remind === 'task') {
    const open = await tx.select().from(tasks).where(and(eq(tasks.instanceId, instanceId), eq(tasks.status, 'open')));
    for (const task of open) for (const id of await taskRecipients(tx, task)) recipients.add(id);
  }
  const stateLabel = [...prevActive.values()].find((m) => m.timers?.includes(timer as never))?.label;
  const title = r.definition.title;
  if (recipients.size === 0) return;
  await tx.insert(messages).values(
    [...recipients].map((userId) => ({
      userId,
      kind: 'instance.reminder',
      params: { titleZh: title.zh, titleEn: title.en, stateZh: stateLabel?.zh ?? '', stateEn: stateLabel?.en ?? '' },
      link: `/applications/${instanceId}`,
      instanceId,
      createdAt: r.now,
    })),
  );
}

async function writeMessages(
  tx: Tx,
  m: {
    r: TransitionRecord;
    instanceId: string;
    applicantId: string | null;
    status: InstanceStatus;
    toState: string;
    openedTasks: TaskRow[];
    nextActive: Map<string, { label: Label }>;
  },
): Promise<void> {
  const { r, instanceId, applicantId, status, openedTasks, nextActive } = m;
  const title = r.definition.title;
  const link = `/applications/${instanceId}`;
  const rows: Array<typeof messages.$inferInsert> = [];

  for (const task of openedTasks) {
    const label = nextActive.get(task.state)?.label;
    const recipients = await taskRecipients(tx, task);
    for (const userId of recipients) {
      if (userId === r.event.actor?.id) continue;
      rows.push({
        userId,
        kind: 'task.new',
        params: { titleZh: title.zh, titleEn: title.en, stateZh: label?.zh ?? '', stateEn: label?.en ?? '' },
        link,
        instanceId,
        createdAt: r.now,
      });
    }
  }

  if (applicantId && r.before && r.event.actor?.id !== applicantId) {
    rows.push({
      userId: applicantId,
      kind: status === 'active' ? 'instance.update' : `instance.${status}`,
      params: {
        titleZh: title.zh,
        titleEn: title.en,
        actionZh: r.actionLabel.zh,
        actionEn: r.actionLabel.en,
        comment: r.event.comment ?? '',
      },
      link,
      instanceId,
      createdAt: r.now,
    });
  }
  if (rows.length > 0) await tx.insert(messages).values(rows);
}

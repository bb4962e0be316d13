import { and, eq, inArray, isNull, or } from 'drizzle-orm';
import type { AnyMachineSnapshot } from 'xstate';
import type { Tx } from '@/db/client';
import { instanceEvents, messages, processInstances, roleBindings, tasks, timers, users } from '@/db/schema';
import type { InstanceStatus } from '@/db/schema';
import { isCandidate, resolveScopeOrg, type Actor } from './actor';
import { addDelay, type WorkingCalendar } from './calendar';
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
  start?: { id: string; title: Label; applicantId: string; applicantOrgId: string };
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
  const applicantId = before?.applicantId ?? r.start!.applicantId;
  const applicantOrgId = before?.applicantOrgId ?? r.start!.applicantOrgId;
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
  for (const task of openTasks) {
    if (nextActive.has(task.state) && status === 'active') continue;
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
  const stillOpen = new Set(openTasks.filter((t) => nextActive.has(t.state)).map((t) => t.state));
  if (status === 'active') {
    for (const [path, meta] of nextActive) {
      if (!meta.task || stillOpen.has(path)) continue;
      const isApplicantTask = meta.task.scope.kind === 'applicant';
      const [task] = await tx
        .insert(tasks)
        .values({
          instanceId,
          state: path,
          role: meta.task.role,
          orgUnitId: resolveScopeOrg(meta.task.scope, applicantOrgId),
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
        await tx.insert(timers).values({
          instanceId,
          state: path,
          eventType: timer.event,
          fireAt: addDelay(now, timer.delay, r.calendar),
        });
      }
    }
  }

  await writeMessages(tx, { r, instanceId, applicantId, status, toState, openedTasks, nextActive });
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
    const recipients = task.assigneeId
      ? [task.assigneeId]
      : (
          await tx
            .selectDistinct({ id: users.id })
            .from(roleBindings)
            .innerJoin(users, eq(users.id, roleBindings.userId))
            .where(
              and(
                eq(roleBindings.role, task.role as typeof roleBindings.$inferSelect.role),
                eq(users.active, true),
                task.orgUnitId ? or(eq(roleBindings.orgUnitId, task.orgUnitId), isNull(roleBindings.orgUnitId)) : undefined,
              ),
            )
        ).map((u) => u.id);
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

/**
 * The one writer of instances (contract 1 in /work/notes/CONTRACTS.md).
 *
 * Every change to an instance is a TransitionPlan worked out by a pure planner, and commit() is
 * the only code that writes one: the instance row (insert, or update checked against the
 * revision it was planned from), its hash-chained event-log row, task and timer changes,
 * in-app messages, and effects (outbox rows). Nothing else inserts into instance_events.
 *
 * Planners (pure: no database, no clock; same input → same plan):
 *   planStart(null, definition, StartInput, now)         plan-transition.ts
 *   planEvent(row, definition, EventInput, now)          plan-transition.ts
 *   planAdminCancel / planReassign / planMigrate         plan-admin.ts
 *   planTransfer / planDelegate / planAnswerDelegation   plan-task-ops.ts
 *   planWithdraw… / planUrge (plan-instance-ops.ts), planRemindApplicant (plan-remind.ts),
 *   planVote (plan-vote.ts), planCopy (plan-copy.ts); planEndInPlace (plan-end.ts) ends one where it stands
 *
 * Adding an operation (转办, 委派, 撤回, 加签 …):
 *   1. write `planX(row, definition, input, now): TransitionPlan` next to the others. A step that
 *      leaves the statechart where it is (催办, 抄送, 转办 …) is `planLoggedStep(row, entry,
 *      { tasks, messages }, now)` (plan.ts); otherwise build the log entry with nextEvent(row,
 *      entry, now), set `instance: { id, revision: row.revision, update: { revision: event.seq,
 *      lastHash: event.hash, … } }` and fill tasks / timers / messages / effects (projectTransition
 *      does it for machine events). instanceMessage() builds a message about the instance.
 *      Throw AppError to refuse.
 *   2. in an orchestrator: open a transaction, lock the row (lockInstance), read what the planner
 *      needs, call the planner, then `await commit(tx, [plan])`.
 *   3. unit-test the planner (no database) and add the operation to tests/engine-probe.test.ts.
 * A conflicting change (another transaction moved the revision) fails with CONFLICT (409) and the
 * caller's transaction rolls back; one commit may hold plans of many instances, one plan each.
 *
 * Round trips: every statement of a commit is issued before the first answer is awaited, on the
 * transaction's one connection, in order (postgres.js pipelines them; PGlite runs them one after
 * another), so one commit costs one round trip however many plans it holds. A failing statement
 * fails the batch and the caller's transaction.
 */
import { and, eq, inArray } from 'drizzle-orm';
import type { Queryable } from '@/db/client';
import { instanceEvents, processInstances, tasks, timers } from '@/db/schema';
import { linkUploads } from './attach-uploads';
import { providedWriter, type Effect, type EffectOf } from './effects';
import { writeHandOffs } from './enqueue-hand-off';
import { writeInstanceEvents } from './enqueue-webhooks';
import { AppError } from './errors';
import type { InstanceRow, TaskRow, TransitionPlan } from './plan';
import { writeMessages } from './write-messages';

type EventRow = typeof instanceEvents.$inferSelect;

export interface CommitResult {
  instance: InstanceRow;
  event: EventRow;
  openedTasks: TaskRow[];
}

const CHUNK = 1_000;

function chunks<T>(rows: T[]): T[][] {
  const out: T[][] = [];
  for (let i = 0; i < rows.length; i += CHUNK) out.push(rows.slice(i, i + CHUNK));
  return out;
}

export const conflict = (detail: string) =>
  new AppError('CONFLICT', detail, {
    zh: '该事项已被处理或已更新，请刷新后查看最新进度',
    en: 'Someone has already acted on this; reload to see where it stands',
  });

function ofKind<K extends Effect['kind']>(effects: Effect[], kind: K): Array<EffectOf<K>> {
  return effects.filter((e): e is EffectOf<K> => e.kind === kind);
}

/**
 * Writes plans in the caller's transaction. With `returning: false` (bulk issue) nothing is read
 * back and the result is empty.
 */
export async function commit(tx: Queryable, plans: TransitionPlan[], opts: { returning?: boolean } = {}): Promise<CommitResult[]> {
  if (plans.length === 0) return [];
  const returning = opts.returning ?? true;
  const ids = plans.map((p) => p.event.instanceId);
  if (new Set(ids).size !== ids.length) throw new Error('commit: one plan per instance (commit again for the next step)');

  const inserts = plans.flatMap((p) => ('insert' in p.instance ? [p.instance.insert] : []));
  const updates = plans.flatMap((p) => ('update' in p.instance ? [p.instance] : []));
  const opened = plans.flatMap((p) => p.tasks.open);
  const armed = plans.flatMap((p) => p.timers.arm);
  const effects = plans.flatMap((p) => p.effects);
  const endedAll = plans.flatMap((p) => (p.timers.disarm && 'all' in p.timers.disarm ? [p.event.instanceId] : []));

  // Every statement is started here, in this order (rows before the rows that reference them),
  // before the first answer is awaited: `issue` calls then() at once, where Promise.all or await
  // would start a drizzle query one microtask later and so out of order with others.
  const issued: Array<Promise<unknown>> = [];
  const issue = <T>(q: PromiseLike<T>): Promise<T> => {
    const started = Promise.resolve(q.then((v) => v));
    issued.push(started);
    return started;
  };
  const insertedRows = chunks(inserts).map((rows) =>
    returning ? issue(tx.insert(processInstances).values(rows).returning()) : issue(tx.insert(processInstances).values(rows).then(() => [] as InstanceRow[])),
  );
  const updatedRows = updates.map((u) =>
    issue(
      tx
        .update(processInstances)
        .set(u.update)
        .where(and(eq(processInstances.id, u.id), eq(processInstances.revision, u.revision)))
        .returning(),
    ),
  );
  const eventRows = chunks(plans.map((p) => p.event)).map((rows) =>
    returning ? issue(tx.insert(instanceEvents).values(rows).returning()) : issue(tx.insert(instanceEvents).values(rows).then(() => [] as EventRow[])),
  );
  for (const p of plans) {
    const { done, cancelled, assign } = p.tasks;
    if (done) {
      issue(
        tx
          .update(tasks)
          .set({ status: 'done', completedAt: p.event.at, completedBy: done.by, outcome: done.outcome })
          .where(and(inArray(tasks.id, done.ids), eq(tasks.status, 'open'))),
      );
    }
    if (cancelled) {
      issue(
        tx
          .update(tasks)
          .set({ status: 'cancelled', completedAt: p.event.at, completedBy: null, outcome: cancelled.outcome })
          .where(and(inArray(tasks.id, cancelled.ids), eq(tasks.status, 'open'))),
      );
    }
    if (assign) {
      const { taskId, ...set } = assign;
      issue(tx.update(tasks).set(set).where(and(eq(tasks.id, taskId), eq(tasks.status, 'open'))));
    }
    if (p.tasks.urge) {
      const { taskId, count, at } = p.tasks.urge;
      issue(tx.update(tasks).set({ urgeCount: count, urgedAt: at }).where(and(eq(tasks.id, taskId), eq(tasks.status, 'open'))));
    }
  }
  const openedRows = chunks(opened).map((rows) =>
    returning ? issue(tx.insert(tasks).values(rows).returning()) : issue(tx.insert(tasks).values(rows).then(() => [] as TaskRow[])),
  );
  for (const list of chunks(endedAll)) {
    issue(
      tx
        .update(timers)
        .set({ status: 'cancelled' })
        .where(and(inArray(timers.instanceId, list), eq(timers.status, 'pending'))),
    );
  }
  for (const p of plans) {
    if (p.timers.disarm && 'states' in p.timers.disarm) {
      issue(
        tx
          .update(timers)
          .set({ status: 'cancelled' })
          .where(and(eq(timers.instanceId, p.event.instanceId), eq(timers.status, 'pending'), inArray(timers.state, p.timers.disarm.states))),
      );
    }
  }
  for (const rows of chunks(armed)) issue(tx.insert(timers).values(rows));
  writeMessages(tx, plans.flatMap((p) => p.messages)).forEach(issue);
  writeInstanceEvents(tx, ofKind(effects, 'instanceEvent')).forEach(issue);
  writeHandOffs(tx, ofKind(effects, 'handOff')).forEach(issue);
  for (const p of plans) if (p.attachments.length > 0) issue(linkUploads(tx, p.attachments, p.event.instanceId));
  // All settle before anything is judged: a stale plan shows as an update of no row, which on
  // PostgreSQL comes before the log row's unique (instance, seq) violation it also causes.
  const settled = await Promise.allSettled(issued);


  const updated = await Promise.all(updatedRows.map((r) => r.catch(() => [] as InstanceRow[])));
  const stale = updates.filter((_, i) => updated[i]!.length !== 1).map((u) => u.id);
  if (stale.length > 0) throw conflict(`instance ${stale.join(', ')} changed since it was read`);
  const failed = settled.find((r): r is PromiseRejectedResult => r.status === 'rejected');
  if (failed) throw failed.reason;

  // Effects other modules write (lib hands the engine their writers): after the batch, same transaction.
  const mails = ofKind(effects, 'emailWriter');
  if (mails.length > 0) await providedWriter('emailWriter')(tx, mails);

  if (!returning) return [];
  const instances = new Map([...(await Promise.all(insertedRows)).flat(), ...updated.flat()].map((r) => [r.id, r]));
  const events = new Map((await Promise.all(eventRows)).flat().map((e) => [e.instanceId, e]));
  const openedTasks = (await Promise.all(openedRows)).flat();
  return plans.map((p) => ({
    instance: instances.get(p.event.instanceId)!,
    event: events.get(p.event.instanceId)!,
    openedTasks: openedTasks.filter((t) => t.instanceId === p.event.instanceId),
  }));
}

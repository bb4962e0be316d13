import { and, eq, gte, inArray } from 'drizzle-orm';
import { z } from 'zod';
import type { Db, Tx } from '@/db/client';
import { processInstances, tasks } from '@/db/schema';
import { getDefinition } from './definitions';
import { isCandidate, type Actor } from './actor';
import { findAttachableUploads } from './attach-uploads';
import { loadWorkingCalendar, workingDaysBetween, type WorkingCalendar } from './calendar';
import { AppError } from './errors';
import { eventLabel } from '../labels/definition-labels';
import { loadDeputies } from './deputies';
import { commit, conflict, type CommitResult } from './commit';
import { loadGroupMembers } from './group-members';
import { notAllowed, planEvent } from './plan-transition';
import { countVote, planVote, visitTasks } from './plan-vote';
import { activeStates, restoreSnapshot, stateMeta } from './snapshot';
import type { Label, TaskAction } from './types';
import { parseInput } from './validate';

export interface EventRequest {
  instanceId: string;
  /** null: the engine itself (a durable timer firing). */
  actor: Actor | null;
  type: string;
  comment?: string;
  input?: unknown;
  /** The revision the client saw; a different one means someone acted first (409). */
  expectedRevision?: number;
  now: Date;
  calendar?: WorkingCalendar;
  /**
   * The task the actor works (批量审批 names it): the event goes only to this task while it is
   * open; once done or cancelled the answer is CONFLICT, never a later task of the same instance.
   */
  taskId?: string;
  /**
   * With no actor: who acted, for the log ('system' by default). A caller that has checked a
   * capability itself (the writer's tracking link of 校长信箱) records e.g. 'writer'.
   */
  actorRole?: string;
}

const commentSchema = z.string().trim().max(2000, '意见不能超过 2000 字');

/**
 * Applies one event to an instance in one transaction: lock the row (with what the plan needs
 * read in the same round trip), check the revision and the actor's right to send this event
 * here, plan the transition (planEvent, pure) and commit it. Effects leave after commit, elsewhere.
 */
export async function applyEvent(db: Db, req: EventRequest): Promise<CommitResult> {
  return db.transaction((tx) => applyEventInTransaction(tx, req));
}

/** applyEvent inside a transaction the caller holds (the timer runner claims its timer in it). */
export async function applyEventInTransaction(tx: Tx, req: EventRequest): Promise<CommitResult> {
  const comment = req.comment === undefined ? '' : parseInput(commentSchema, req.comment);
  {
    // One round trip: lock the row, then — in that order, so after the lock — its open tasks;
    // the calendar too, which the plan needs.
    const [calendar, [row], openTasks, deputies] = await Promise.all([
      req.calendar ?? loadWorkingCalendar(tx),
      tx.select().from(processInstances).where(eq(processInstances.id, req.instanceId)).for('update'),
      tx
        .select()
        .from(tasks)
        .where(and(eq(tasks.instanceId, req.instanceId), eq(tasks.status, 'open'))),
      loadDeputies(tx, req.now),
    ]);
    if (!row) throw new AppError('NOT_FOUND', `instance ${req.instanceId}`);
    if (req.expectedRevision !== undefined && req.expectedRevision !== row.revision) {
      throw conflict(`revision ${req.expectedRevision} expected, found ${row.revision}`);
    }
    if (row.status !== 'active') throw conflict(`instance is ${row.status}`);

    const definition = getDefinition(row.processId, row.processVersion);
    const snapshot = restoreSnapshot(definition.machine, row.snapshot);
    const states = activeStates(snapshot);

    let actorRole = req.actor ? 'system' : (req.actorRole ?? 'system');
    let action: TaskAction | undefined;
    let taskOrgUnitId: string | null = null;
    let actedTask: (typeof openTasks)[number] | undefined;
    if (req.actor) {
      const actor = req.actor;
      const task = openTasks.find((t) => (req.taskId === undefined || t.id === req.taskId) && t.actions.includes(req.type) && isCandidate(actor, t));
      if (!task && req.taskId !== undefined) throw conflict(`task ${req.taskId} is no longer open`);
      const applicantAction =
        row.applicantId === actor.id
          ? states.flatMap((s) => s.meta.applicantActions ?? []).find((a) => a.type === req.type)
          : undefined;
      if (task) {
        actedTask = task;
        actorRole = task.role;
        taskOrgUnitId = task.orgUnitId;
        action = states.find((s) => s.path === task.state)?.meta.task?.actions.find((a) => a.type === req.type);
      } else if (applicantAction) {
        actorRole = 'applicant';
        action = applicantAction;
      } else {
        // A task of the actor's that offered this action is already done: someone acted first.
        const handled = await tx
          .select()
          .from(tasks)
          .where(and(eq(tasks.instanceId, row.id), inArray(tasks.status, ['done', 'cancelled'])));
        // A group member whose task closed because another member decided (或签: 已由他人处理) too.
        const byOthers = (t: (typeof handled)[number]) => t.status === 'cancelled' && t.assigneeId === actor.id && !!stateMeta(definition.machine, t.state)?.task?.group;
        if (handled.some((t) => t.actions.includes(req.type) && isCandidate(actor, t) && (t.status === 'done' || byOthers(t)))) {
          throw conflict(`${req.type} already handled`);
        }
        if (openTasks.some((t) => t.actions.includes(req.type))) {
          throw new AppError('FORBIDDEN', `${actor.id} holds no task offering ${req.type}`, {
            zh: '该步骤不由您办理',
            en: 'This step is not yours to handle',
          });
        }
        throw notAllowed(req.type);
      }
    }
    if (action?.requiresComment && comment.length === 0) {
      throw new AppError('INVALID_INPUT', `${req.type} requires a comment`, {
        zh: `请填写${action.label.zh}的理由`,
        en: `Please give a reason (${action.label.en})`,
      });
    }

    const eventInput = definition.eventInputs?.[req.type];
    const raw = eventInput && definition.completeEventInput ? definition.completeEventInput(req.type, req.input, { now: req.now, calendar }) : req.input;
    const input = eventInput ? parseInput(eventInput, raw) : undefined;
    const event = {
      type: req.type,
      actorId: req.actor?.id ?? null,
      taskOrgUnitId,
      comment,
      input,
      at: req.now.toISOString(),
      workingDays: (start: string, end: string) => workingDaysBetween(calendar, start, end),
    };
    if (!snapshot.can(event)) throw notAllowed(req.type);

    // The process's own checks (the event's form against the database and the instance, dates
    // against today) and the uploads the form attaches, read in one round trip.
    const [attachments] = await Promise.all([
      input === undefined ? [] : findAttachableUploads(tx, definition.uploadIds(input), { ownerId: req.actor?.id ?? null, instanceId: row.id, now: req.now }),
      definition.checkEvent?.(tx, { type: req.type, input, instanceId: row.id, context: snapshot.context, now: req.now }),
      input !== undefined && req.type === 'resubmit' && row.applicantId && row.applicantOrgId
        ? definition.checkInput?.(tx, input, { id: row.applicantId, orgUnitId: row.applicantOrgId })
        : undefined,
    ]);
    const label: Label = action?.label ?? eventLabel(definition, req.type, row.state);
    const payload: Record<string, unknown> = input === undefined ? {} : { form: input, attachments };
    const groups = await loadGroupMembers(tx, definition, { id: row.applicantId, orgUnitId: row.applicantOrgId });
    // 会签 / 或签 / 依次: a member's act on their group task counts first (plan-vote.ts); it moves
    // the statechart only once the group's rule is met, with the tally in the log entry.
    const group = actedTask ? states.find((s) => s.path === actedTask.state)?.meta : undefined;
    if (actedTask && group?.task?.group && actedTask.assigneeId !== null) {
      const all = await tx.select().from(tasks).where(and(eq(tasks.instanceId, row.id), eq(tasks.state, actedTask.state), gte(tasks.createdAt, row.stateSince)));
      const visit = visitTasks(row, actedTask.state, all);
      const vote = countVote(group.task.group, { type: req.type, taskId: actedTask.id, visit, members: groups[actedTask.state] ?? [] });
      payload.vote = vote.tally;
      if (!vote.decides) {
        const plan = planVote(
          row,
          definition,
          { actor: req.actor!, task: actedTask, type: req.type, comment: comment || null, payload, tally: vote.tally, next: vote.next, meta: group, calendar, deputies },
          req.now,
        );
        const [result] = await commit(tx, [plan]);
        return result!;
      }
    }
    const plan = planEvent(
      row,
      definition,
      {
        event,
        actor: req.actor,
        actorRole,
        comment: comment || null,
        payload,
        actionLabel: label,
        openTasks,
        attachments,
        calendar,
        snapshot,
        deputies,
        groups,
      },
      req.now,
    );
    const [result] = await commit(tx, [plan]);
    return result!;
  }
}

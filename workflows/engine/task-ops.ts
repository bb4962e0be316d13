import { eq } from 'drizzle-orm';
import { z } from 'zod';
import type { Db, Tx } from '@/db/client';
import { roleBindings, users } from '@/db/schema';
import { getDefinition } from './definitions';
import type { Actor } from './actor';
import { commit, type CommitResult } from './commit';
import { AppError } from './errors';
import { lockInstance } from './lock-instance';
import type { InstanceRow, TaskRow, TransitionPlan } from './plan';
import { planAddSigner, planAnswerDelegation, planDelegate, planRemoveSigner, planTransfer, type PersonFacts } from './plan-task-ops';
import type { ProcessDefinition } from './types';
import { parseInput } from './validate';

/**
 * Orchestrators of the task operations (转办, 委派 and its answer): one transaction each — lock
 * the task's instance (and, after the lock, read its open tasks and the person it goes to), plan
 * (plan-task-ops.ts, pure), commit. Two holders transferring the same task at once: the second
 * waits for the lock, then finds the task no longer theirs (409).
 */

const reasonSchema = z.string().trim().max(500, '理由不能超过 500 字');

export interface TaskOpRequest {
  taskId: string;
  actor: Actor;
  reason?: string;
  /** The revision the client saw; another one means someone acted first (409). */
  expectedRevision?: number;
  now: Date;
}

async function loadPerson(tx: Tx, id: string): Promise<PersonFacts | null> {
  const [[person], roles] = await Promise.all([
    tx.select().from(users).where(eq(users.id, id)),
    tx.select({ role: roleBindings.role, orgUnitId: roleBindings.orgUnitId }).from(roleBindings).where(eq(roleBindings.userId, id)),
  ]);
  return person ? { id: person.id, name: person.name, kind: person.kind, orgUnitId: person.orgUnitId, active: person.active, roles } : null;
}

const noPerson = (id: string) => new AppError('INVALID_INPUT', `no user ${id}`, { zh: '找不到该人员', en: 'No such person' });

async function run(
  db: Db,
  req: TaskOpRequest,
  to: string | null,
  planner: (row: InstanceRow, definition: ProcessDefinition, task: TaskRow, person: PersonFacts | null, reason: string | null) => TransitionPlan,
): Promise<CommitResult> {
  const reason = req.reason === undefined ? null : parseInput(reasonSchema, req.reason) || null;
  return db.transaction(async (tx) => {
    const [{ row, openTasks }, person] = await Promise.all([
      lockInstance(tx, { taskId: req.taskId }, req.expectedRevision),
      to ? loadPerson(tx, to) : Promise.resolve(null),
    ]);
    if (to && !person) throw noPerson(to);
    const task = openTasks.find((t) => t.id === req.taskId);
    if (!task || row.status !== 'active') {
      throw new AppError('CONFLICT', `task ${req.taskId} is no longer open`, { zh: '该待办已办理，不能再操作', en: 'This task has already been handled' });
    }
    const definition = getDefinition(row.processId, row.processVersion);
    const [result] = await commit(tx, [planner(row, definition, task, person, reason)]);
    return result!;
  });
}

/** 转办 (planTransfer). */
export function transferTask(db: Db, req: TaskOpRequest & { toUserId: string }): Promise<CommitResult> {
  return run(db, req, req.toUserId, (row, definition, task, to, reason) => planTransfer(row, definition, { actor: req.actor, task, to: to!, reason }, req.now));
}

/** 委派 (planDelegate). */
export function delegateTask(db: Db, req: TaskOpRequest & { toUserId: string }): Promise<CommitResult> {
  return run(db, req, req.toUserId, (row, definition, task, to, reason) => planDelegate(row, definition, { actor: req.actor, task, to: to!, reason }, req.now));
}

/** The delegate's opinion or the before-signer's signature; the task goes back (planAnswerDelegation). */
export function answerDelegation(db: Db, req: TaskOpRequest): Promise<CommitResult> {
  return run(db, req, null, (row, definition, task, _to, reason) => planAnswerDelegation(row, definition, { actor: req.actor, task, reason }, req.now));
}

/** 加签 before or after the holder (planAddSigner). */
export function addSigner(db: Db, req: TaskOpRequest & { toUserId: string; position: 'before' | 'after' }): Promise<CommitResult> {
  return run(db, req, req.toUserId, (row, definition, task, to, reason) => planAddSigner(row, definition, { actor: req.actor, task, to: to!, reason, position: req.position }, req.now));
}

/** 减签 (planRemoveSigner). */
export function removeSigner(db: Db, req: TaskOpRequest): Promise<CommitResult> {
  return run(db, req, null, (row, definition, task, _to, reason) => planRemoveSigner(row, definition, { actor: req.actor, task, reason }, req.now));
}

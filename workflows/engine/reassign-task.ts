import { eq } from 'drizzle-orm';
import type { Db } from '@/db/client';
import { roleBindings, users } from '@/db/schema';
import { getDefinition } from './definitions';
import { isCandidate, type Actor } from './actor';
import { commit, type CommitResult } from './commit';
import { AppError } from './errors';
import { lockInstance } from './lock-instance';
import { planReassign } from './plan-admin';

/**
 * An administrator hands an open task to a named person who holds the task's role in its
 * scope (tasks.assigneeId); audited as 'admin.reassign' in the instance's hash chain
 * (planReassign), committed like every other change.
 */
export async function reassignTask(db: Db, req: { taskId: string; assigneeId: string; actor: Actor; comment?: string; now: Date }): Promise<CommitResult> {
  return db.transaction(async (tx) => {
    // One round trip: the task's instance locked, then (after the lock) its open tasks, the person and their roles.
    const [{ row, openTasks }, [person], roles] = await Promise.all([
      lockInstance(tx, { taskId: req.taskId }),
      tx.select().from(users).where(eq(users.id, req.assigneeId)),
      tx.select({ role: roleBindings.role, orgUnitId: roleBindings.orgUnitId }).from(roleBindings).where(eq(roleBindings.userId, req.assigneeId)),
    ]);
    const fresh = openTasks.find((t) => t.id === req.taskId);
    if (!fresh) {
      throw new AppError('CONFLICT', `task ${req.taskId} is no longer open`, { zh: '该待办已办理，不能转办', en: 'This task has already been handled' });
    }
    if (fresh.role === 'applicant') {
      throw new AppError('INVALID_INPUT', 'applicant task', { zh: '申请人本人的待办不能转给他人', en: "The applicant's own step cannot be handed to someone else" });
    }
    if (!person || !person.active) throw new AppError('INVALID_INPUT', `assignee ${req.assigneeId}`, { zh: '找不到该人员或其账号已停用', en: 'No such active person' });
    if (!isCandidate({ id: person.id, roles }, { role: fresh.role, orgUnitId: fresh.orgUnitId, assigneeId: null })) {
      throw new AppError('INVALID_INPUT', `${person.id} lacks ${fresh.role}@${fresh.orgUnitId}`, {
        zh: `${person.name} 不具备办理该步骤的角色（${fresh.role}）`,
        en: `${person.name} does not hold the role this step needs (${fresh.role})`,
      });
    }
    const definition = getDefinition(row.processId, row.processVersion);
    const plan = planReassign(row, definition, { actor: req.actor, task: fresh, assigneeId: person.id, comment: req.comment?.trim() || null }, req.now);
    const [result] = await commit(tx, [plan]);
    return result!;
  });
}

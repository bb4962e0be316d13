import { and, eq } from 'drizzle-orm';
import type { Db } from '@/db/client';
import { roleBindings, tasks, users } from '@/db/schema';
import { isCandidate, type Actor } from './actor';
import { appendAdminEvent, lockInstance } from './append-admin-event';
import { AppError } from './errors';

/**
 * An administrator hands an open task to a named person who holds the task's role in its
 * scope (tasks.assigneeId); audited as 'admin.reassign' in the instance's hash chain.
 */
export async function reassignTask(db: Db, req: { taskId: string; assigneeId: string; actor: Actor; comment?: string; now: Date }) {
  return db.transaction(async (tx) => {
    const [task] = await tx.select().from(tasks).where(eq(tasks.id, req.taskId));
    if (!task) throw new AppError('NOT_FOUND', `task ${req.taskId}`, { zh: '找不到该待办', en: 'No such task' });
    const row = await lockInstance(tx, task.instanceId);
    const [fresh] = await tx.select().from(tasks).where(eq(tasks.id, task.id));
    if (!fresh || fresh.status !== 'open') {
      throw new AppError('CONFLICT', `task ${task.id} is ${fresh?.status}`, { zh: '该待办已办理，不能转办', en: 'This task has already been handled' });
    }
    if (fresh.role === 'applicant') {
      throw new AppError('INVALID_INPUT', 'applicant task', { zh: '申请人本人的待办不能转给他人', en: "The applicant's own step cannot be handed to someone else" });
    }
    const [person] = await tx.select().from(users).where(eq(users.id, req.assigneeId));
    if (!person || !person.active) throw new AppError('INVALID_INPUT', `assignee ${req.assigneeId}`, { zh: '找不到该人员或其账号已停用', en: 'No such active person' });
    const roles = await tx
      .select({ role: roleBindings.role, orgUnitId: roleBindings.orgUnitId })
      .from(roleBindings)
      .where(eq(roleBindings.userId, person.id));
    if (!isCandidate({ id: person.id, roles }, { role: fresh.role, orgUnitId: fresh.orgUnitId, assigneeId: null })) {
      throw new AppError('INVALID_INPUT', `${person.id} lacks ${fresh.role}@${fresh.orgUnitId}`, {
        zh: `${person.name} 不具备办理该步骤的角色（${fresh.role}）`,
        en: `${person.name} does not hold the role this step needs (${fresh.role})`,
      });
    }
    await tx.update(tasks).set({ assigneeId: person.id }).where(and(eq(tasks.id, fresh.id), eq(tasks.status, 'open')));
    return appendAdminEvent(tx, row, {
      type: 'admin.reassign',
      actor: req.actor,
      comment: req.comment?.trim() || null,
      payload: { taskId: fresh.id, state: fresh.state, from: fresh.assigneeId, to: person.id },
      now: req.now,
    });
  });
}

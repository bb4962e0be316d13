import { and, eq, or } from 'drizzle-orm';
import type { Db } from '@/db/client';
import { processInstances, tasks } from '@/db/schema';
import { isCandidate, type Actor } from '@/workflows/engine/actor';
import { AppError } from '@/workflows/engine/errors';

/**
 * Record-level authorization: every read of an instance and its files goes through here.
 * Who may see an instance: its applicant, whoever could work or has worked one of its tasks
 * (a counselor only through tasks scoped to their own college), and process/system admins.
 */
export function isAdmin(actor: Pick<Actor, 'roles'>): boolean {
  return actor.roles.some((r) => r.role === 'process_admin' || r.role === 'system_admin');
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** Ids come from URLs: anything that is not a UUID cannot name a record (and must not reach SQL). */
export function isUuid(id: string): boolean {
  return UUID.test(id);
}

export async function canViewInstance(db: Db, actor: Actor, instanceId: string): Promise<boolean> {
  if (!isUuid(instanceId)) return false;
  const [instance] = await db
    .select({ applicantId: processInstances.applicantId })
    .from(processInstances)
    .where(eq(processInstances.id, instanceId));
  if (!instance) return false;
  if (instance.applicantId === actor.id || isAdmin(actor)) return true;
  const instanceTasks = await db
    .select({ role: tasks.role, orgUnitId: tasks.orgUnitId, assigneeId: tasks.assigneeId, completedBy: tasks.completedBy })
    .from(tasks)
    .where(and(eq(tasks.instanceId, instanceId), or(eq(tasks.status, 'open'), eq(tasks.status, 'done'))));
  return instanceTasks.some((t) => t.completedBy === actor.id || isCandidate(actor, t));
}

/** NOT_FOUND rather than FORBIDDEN: an outsider learns nothing, not even that the record exists. */
export async function assertCanViewInstance(db: Db, actor: Actor, instanceId: string): Promise<void> {
  if (!(await canViewInstance(db, actor, instanceId))) {
    throw new AppError('NOT_FOUND', `instance ${instanceId} hidden from ${actor.id}`);
  }
}

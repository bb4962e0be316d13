import { eq } from 'drizzle-orm';
import type { Db } from '@/db/client';
import { users } from '@/db/schema';
import type { Actor } from '@/workflows/engine/actor';
import { adminCancelInstance } from '@/workflows/engine/admin-cancel';
import { AppError } from '@/workflows/engine/errors';
import { reassignTask } from '@/workflows/engine/reassign-task';
import { authorize, isUuid } from '../policy';

const noInstance = (id: string) => new AppError('NOT_FOUND', `instance ${id}`, { zh: '找不到该办件', en: 'No such instance' });

/** An operator cancels a running instance with a reason (audited in its hash chain). */
export async function cancelInstanceAsAdmin(db: Db, actor: Actor, instanceId: string, body: { reason: string; expectedRevision?: number }, at: Date) {
  authorize(actor, 'admin.operate');
  if (!isUuid(instanceId)) throw noInstance(instanceId);
  const { instance } = await adminCancelInstance(db, { instanceId, actor, reason: body.reason, expectedRevision: body.expectedRevision, now: at });
  return { id: instance.id, status: instance.status, revision: instance.revision };
}

/** An operator hands an open task to a person (by campus id) who holds its role in its scope. */
export async function reassignTaskAsAdmin(db: Db, actor: Actor, taskId: string, body: { username: string; comment?: string }, at: Date) {
  authorize(actor, 'admin.operate');
  if (!isUuid(taskId)) throw new AppError('NOT_FOUND', `task ${taskId}`, { zh: '找不到该待办', en: 'No such task' });
  const [person] = await db.select({ id: users.id }).from(users).where(eq(users.username, body.username.trim()));
  if (!person) throw new AppError('INVALID_INPUT', `no user ${body.username}`, { zh: `找不到学工号为 ${body.username} 的人员`, en: `Nobody has campus id ${body.username}` });
  const { instance } = await reassignTask(db, { taskId, assigneeId: person.id, actor, comment: body.comment, now: at });
  return { id: instance.id, revision: instance.revision };
}

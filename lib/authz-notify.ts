import { AppError } from '@/workflows/engine/errors';
import type { Actor } from '@/workflows/engine/actor';
import { isAdmin } from './authz';

/** Delivery status and retries: system and process administrators. */
export function assertNotifyAdmin(actor: Actor): void {
  if (!isAdmin(actor)) throw new AppError('FORBIDDEN', `${actor.id} is not an administrator`);
}

/** Bulk business notices (e.g. 周转房缴费通知): department handlers and leaders, and administrators. */
export function canSendNotices(actor: Actor): boolean {
  return isAdmin(actor) || actor.roles.some((r) => r.role === 'handler' || r.role === 'dept_leader' || r.role === 'school_leader');
}

export function assertCanSendNotices(actor: Actor): void {
  if (!canSendNotices(actor)) {
    throw new AppError('FORBIDDEN', `${actor.id} may not send notices`, {
      zh: '只有部门经办人、部门负责人和管理员可以发布业务通知',
      en: 'Only department handlers, department leaders and administrators may send notices',
    });
  }
}

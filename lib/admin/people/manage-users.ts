import { and, asc, eq, ilike, inArray, or, sql } from 'drizzle-orm';
import { z } from 'zod';
import type { Db } from '@/db/client';
import { orgUnits, roleBindings, ROLES, users } from '@/db/schema';
import type { Actor } from '@/workflows/engine/actor';
import { AppError } from '@/workflows/engine/errors';
import { parseInput } from '@/workflows/engine/validate';
import { endSessions } from '../../auth/sessions';
import { authorize, isUuid } from '../../policy';
import { audit } from './audit';

const noUser = (id: string) => new AppError('NOT_FOUND', `user ${id}`, { zh: '找不到该人员', en: 'No such person' });

/** Users by name or campus id (50 at most), with their role bindings. */
export async function searchUsers(db: Db, actor: Actor, q: string) {
  authorize(actor, 'admin.operate');
  const text = q.trim().slice(0, 100);
  const like = `%${text.replace(/[%_\\]/g, (c) => `\\${c}`)}%`;
  const found = await db
    .select()
    .from(users)
    .where(text ? or(ilike(users.name, like), ilike(users.username, like)) : undefined)
    .orderBy(asc(users.username))
    .limit(50);
  const bindings = found.length
    ? await db.select().from(roleBindings).where(inArray(roleBindings.userId, found.map((u) => u.id)))
    : [];
  return found.map((u) => ({ ...u, passwordHash: undefined, roles: bindings.filter((b) => b.userId === u.id) }));
}

/**
 * Activates or deactivates a person. Deactivation also bumps users.sessionVersion, which ends
 * every session they hold at its next request (the session carries the version it was made with).
 */
export async function setUserActive(db: Db, actor: Actor, userId: string, active: boolean, at: Date) {
  authorize(actor, 'admin.operate');
  if (!isUuid(userId)) throw noUser(userId);
  if (userId === actor.id && !active) {
    throw new AppError('INVALID_INPUT', 'self-deactivation', { zh: '不能停用自己的账号', en: 'You cannot deactivate yourself' });
  }
  return db.transaction(async (tx) => {
    const [updated] = await tx
      .update(users)
      .set(active ? { active: true } : { active: false, sessionVersion: sql`${users.sessionVersion} + 1` })
      .where(eq(users.id, userId))
      .returning({ id: users.id, active: users.active, sessionVersion: users.sessionVersion });
    if (!updated) throw noUser(userId);
    await audit(tx, { actorId: actor.id, action: active ? 'user.activate' : 'user.deactivate', target: `user:${userId}`, at });
    return updated;
  });
}

export const grantSchema = z.object({
  role: z.enum(ROLES, { message: '未知的角色' }),
  orgUnitId: z.string().regex(/^[a-z0-9-]{1,80}$/, '未知的单位').nullable(),
});

/** Grants a role in a scope (null = university-wide); granting an existing binding is a no-op. */
export async function grantRole(db: Db, actor: Actor, userId: string, body: unknown, at: Date) {
  authorize(actor, 'admin.operate');
  if (!isUuid(userId)) throw noUser(userId);
  const g = parseInput(grantSchema, body);
  return db.transaction(async (tx) => {
    const [user] = await tx.select({ id: users.id }).from(users).where(eq(users.id, userId));
    if (!user) throw noUser(userId);
    if (g.orgUnitId) {
      const [unit] = await tx.select({ id: orgUnits.id }).from(orgUnits).where(eq(orgUnits.id, g.orgUnitId));
      if (!unit) throw new AppError('INVALID_INPUT', `org ${g.orgUnitId}`, { zh: `没有编号为 ${g.orgUnitId} 的单位`, en: `No org unit ${g.orgUnitId}` });
    }
    const existing = await tx
      .select()
      .from(roleBindings)
      .where(and(eq(roleBindings.userId, userId), eq(roleBindings.role, g.role), g.orgUnitId ? eq(roleBindings.orgUnitId, g.orgUnitId) : sql`${roleBindings.orgUnitId} is null`));
    if (existing[0]) return existing[0];
    const [binding] = await tx.insert(roleBindings).values({ userId, role: g.role, orgUnitId: g.orgUnitId }).returning();
    await endSessions(tx, userId);
    await audit(tx, { actorId: actor.id, action: 'role.grant', target: `user:${userId}`, details: { role: g.role, orgUnitId: g.orgUnitId }, at });
    return binding!;
  });
}

export async function revokeRole(db: Db, actor: Actor, bindingId: string, at: Date) {
  authorize(actor, 'admin.operate');
  if (!isUuid(bindingId)) throw new AppError('NOT_FOUND', `binding ${bindingId}`);
  return db.transaction(async (tx) => {
    const [removed] = await tx.delete(roleBindings).where(eq(roleBindings.id, bindingId)).returning();
    if (!removed) throw new AppError('NOT_FOUND', `binding ${bindingId}`, { zh: '该授权不存在', en: 'No such role binding' });
    await endSessions(tx, removed.userId);
    await audit(tx, { actorId: actor.id, action: 'role.revoke', target: `user:${removed.userId}`, details: { role: removed.role, orgUnitId: removed.orgUnitId }, at });
    return removed;
  });
}

import { eq } from 'drizzle-orm';
import type { Db } from '@/db/client';
import { roleBindings, users } from '@/db/schema';
import type { Actor } from '@/workflows/engine/actor';

export interface SessionUser extends Actor {
  username: string;
  locale: 'zh' | 'en';
  sessionVersion: number;
}

/** Loads an active user with their role bindings, fresh for each request. */
export async function loadActor(db: Db, by: { id: string } | { username: string }): Promise<SessionUser | null> {
  const [user] = await db
    .select()
    .from(users)
    .where('id' in by ? eq(users.id, by.id) : eq(users.username, by.username));
  if (!user || !user.active) return null;
  const roles = await db
    .select({ role: roleBindings.role, orgUnitId: roleBindings.orgUnitId })
    .from(roleBindings)
    .where(eq(roleBindings.userId, user.id));
  return {
    id: user.id,
    username: user.username,
    name: user.name,
    kind: user.kind,
    orgUnitId: user.orgUnitId,
    isCadre: user.isCadre,
    locale: user.locale,
    sessionVersion: user.sessionVersion,
    roles,
  };
}

export function hasRole(actor: Pick<Actor, 'roles'>, role: string): boolean {
  return actor.roles.some((r) => r.role === role);
}

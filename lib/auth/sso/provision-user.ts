import { eq } from 'drizzle-orm';
import type { Db } from '@/db/client';
import { orgUnits, users } from '@/db/schema';

export interface SsoIdentity {
  /** Campus id (学号/工号) as the identity provider states it. */
  username: string;
  name?: string;
  email?: string;
  /** Attributes the IdP may send; unknown values fall back to safe defaults. */
  kind?: string;
  orgUnitId?: string;
}

const CAMPUS_ID = /^[A-Za-z0-9_.@-]{1,64}$/;

/**
 * The user a single sign-on identity signs in as: matched by campus id (users.username), or
 * created on first login with no roles (roles are granted by an admin, never by an IdP
 * attribute). Returns null for an unusable id or a deactivated account.
 */
export async function provisionSsoUser(db: Db, identity: SsoIdentity): Promise<{ id: string; name: string; sv: number } | null> {
  const username = identity.username.trim();
  if (!CAMPUS_ID.test(username)) return null;
  const [existing] = await db.select().from(users).where(eq(users.username, username));
  if (existing) return existing.active ? { id: existing.id, name: existing.name, sv: existing.sessionVersion } : null;
  let orgUnitId = 'school';
  if (identity.orgUnitId) {
    const [unit] = await db.select({ id: orgUnits.id }).from(orgUnits).where(eq(orgUnits.id, identity.orgUnitId));
    if (unit) orgUnitId = unit.id;
  }
  const kind = identity.kind === 'staff' || identity.kind === 'teacher' ? 'staff' : 'student';
  const [created] = await db
    .insert(users)
    .values({ username, name: (identity.name?.trim() || username).slice(0, 60), kind, orgUnitId, email: identity.email ?? null })
    .onConflictDoNothing()
    .returning();
  if (created) return { id: created.id, name: created.name, sv: created.sessionVersion };
  // A concurrent first login created it between our select and insert.
  const [raced] = await db.select().from(users).where(eq(users.username, username));
  return raced?.active ? { id: raced.id, name: raced.name, sv: raced.sessionVersion } : null;
}

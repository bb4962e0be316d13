import { and, eq, like } from 'drizzle-orm';
import { z } from 'zod';
import type { Db } from '@/db/client';
import { orgUnits, ROLES, roleBindings, users } from '@/db/schema';
import type { Actor } from '@/workflows/engine/actor';
import { AppError } from '@/workflows/engine/errors';
import { parseInput } from '@/workflows/engine/validate';
import { authorize, isUuid } from '../policy';
import { createToken } from './create-token';

/** Service accounts are users whose campus id starts with this; they have no password. */
export const SERVICE_PREFIX = 'svc-';

export const serviceAccountSchema = z.object({
  name: z.string().trim().min(1).max(60),
  slug: z.string().trim().regex(/^[a-z0-9-]{2,40}$/, '只能含小写字母、数字和 -'),
  orgUnitId: z.string().trim().min(1).max(40),
  role: z.enum(ROLES).optional(),
});

/** A user row standing for a campus system, bound to an org unit and (optionally) one role there. */
export async function createServiceAccount(db: Db, actor: Actor, input: unknown): Promise<{ id: string; username: string }> {
  authorize(actor, 'admin.integrations');
  const form = parseInput(serviceAccountSchema, input);
  const [unit] = await db.select({ id: orgUnits.id }).from(orgUnits).where(eq(orgUnits.id, form.orgUnitId));
  if (!unit) throw new AppError('INVALID_INPUT', 'unknown org unit', { zh: '没有这个单位', en: 'No such org unit' });
  const username = `${SERVICE_PREFIX}${form.slug}`;
  return db.transaction(async (tx) => {
    const [row] = await tx
      .insert(users)
      .values({ username, name: form.name, kind: 'staff', orgUnitId: unit.id, passwordHash: null })
      .onConflictDoNothing()
      .returning({ id: users.id });
    if (!row) throw new AppError('CONFLICT', 'exists', { zh: `账号 ${username} 已存在`, en: `${username} already exists` });
    if (form.role) await tx.insert(roleBindings).values({ userId: row.id, role: form.role, orgUnitId: unit.id });
    return { id: row.id, username };
  });
}

export async function listServiceAccounts(db: Db, actor: Actor) {
  authorize(actor, 'admin.integrations');
  return db
    .select({ id: users.id, username: users.username, name: users.name, orgUnitId: users.orgUnitId, active: users.active })
    .from(users)
    .where(like(users.username, `${SERVICE_PREFIX}%`));
}

/** A token for a service account (admins only; a person's tokens are made by that person). */
export async function createServiceToken(db: Db, actor: Actor, accountId: string, input: unknown, now: Date) {
  authorize(actor, 'admin.integrations');
  if (!isUuid(accountId)) throw new AppError('NOT_FOUND', 'account');
  const [account] = await db
    .select({ id: users.id })
    .from(users)
    .where(and(eq(users.id, accountId), like(users.username, `${SERVICE_PREFIX}%`)));
  if (!account) throw new AppError('NOT_FOUND', `service account ${accountId}`);
  return createToken(db, actor, input, now, { id: account.id, isServiceAccount: true });
}

import { and, eq, inArray, isNull, or } from 'drizzle-orm';
import { z } from 'zod';
import type { Queryable } from '@/db/client';
import { ROLES, roleBindings, users } from '@/db/schema';

export const MAX_RECIPIENTS = 50_000;

export const targetInput = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('org'), orgUnitId: z.string().min(1).max(64) }),
  z.object({ kind: z.literal('role'), role: z.enum(ROLES), orgUnitId: z.string().min(1).max(64).optional() }),
  z.object({
    kind: z.literal('list'),
    usernames: z.array(z.string().trim().min(1).max(64)).min(1).max(MAX_RECIPIENTS),
  }),
]);
export type Target = z.infer<typeof targetInput>;

const CHUNK = 5_000;

/** The active users a target names; for an uploaded list, also the ids that name nobody. */
export async function resolveRecipients(q: Queryable, target: Target): Promise<{ userIds: string[]; unknown: string[] }> {
  if (target.kind === 'org') {
    const rows = await q
      .select({ id: users.id })
      .from(users)
      .where(and(eq(users.orgUnitId, target.orgUnitId), eq(users.active, true)));
    return { userIds: rows.map((r) => r.id), unknown: [] };
  }
  if (target.kind === 'role') {
    const rows = await q
      .selectDistinct({ id: users.id })
      .from(roleBindings)
      .innerJoin(users, eq(users.id, roleBindings.userId))
      .where(
        and(
          eq(roleBindings.role, target.role),
          eq(users.active, true),
          target.orgUnitId ? or(eq(roleBindings.orgUnitId, target.orgUnitId), isNull(roleBindings.orgUnitId)) : undefined,
        ),
      );
    return { userIds: rows.map((r) => r.id), unknown: [] };
  }
  const wanted = [...new Set(target.usernames)];
  const found = new Map<string, string>();
  for (let i = 0; i < wanted.length; i += CHUNK) {
    const rows = await q
      .select({ id: users.id, username: users.username })
      .from(users)
      .where(and(inArray(users.username, wanted.slice(i, i + CHUNK)), eq(users.active, true)));
    for (const r of rows) found.set(r.username, r.id);
  }
  return { userIds: [...new Set(found.values())], unknown: wanted.filter((u) => !found.has(u)) };
}

/** Campus ids from an uploaded list: one per line, or the first column of a CSV; a header line is dropped. */
export function parseIdList(text: string): string[] {
  return text
    .split(/\r?\n/)
    .map((line) => line.split(/[,;\t]/)[0]!.trim().replace(/^"|"$/g, ''))
    .filter((id) => id !== '' && !/^(学号|工号|学号\/工号|username|id)$/i.test(id));
}

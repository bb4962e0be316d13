import { sql, type SQL } from 'drizzle-orm';
import { z } from 'zod';
import type { Queryable } from '@/db/client';
import { ROLES, roleBindings, users } from '@/db/schema';
import { queryRows } from '../../admin/rows';

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

/** An uploaded list as one parameter (a JSON array), however long: never one parameter per id. */
const listParam = (usernames: string[]) => sql`jsonb_array_elements_text(${JSON.stringify(usernames)}::jsonb)`;

/**
 * The active users a target names, as a subquery with one column `user_id` (each user once):
 * the set the bulk notice inserts from, so recipients never travel to the app and back.
 */
export function recipientsSql(target: Target): SQL {
  if (target.kind === 'org') {
    return sql`select ${users.id} as user_id from ${users} where ${users.orgUnitId} = ${target.orgUnitId} and ${users.active}`;
  }
  if (target.kind === 'role') {
    return sql`select distinct ${users.id} as user_id from ${roleBindings}
      inner join ${users} on ${users.id} = ${roleBindings.userId}
      where ${roleBindings.role} = ${target.role} and ${users.active}
      ${target.orgUnitId ? sql`and (${roleBindings.orgUnitId} = ${target.orgUnitId} or ${roleBindings.orgUnitId} is null)` : sql``}`;
  }
  return sql`select distinct ${users.id} as user_id from ${users}
    where ${users.active} and ${users.username} in (select ${listParam(target.usernames)})`;
}

export async function countRecipients(q: Queryable, target: Target): Promise<number> {
  const [row] = await queryRows<{ n: number }>(q, sql`select count(*)::int as n from (${recipientsSql(target)}) r`);
  return row?.n ?? 0;
}

/** For an uploaded list: the ids that name no active user, each once, in the order of the list. */
export async function unknownUsernames(q: Queryable, target: Target): Promise<string[]> {
  if (target.kind !== 'list') return [];
  const rows = await queryRows<{ username: string }>(
    q,
    sql`select w.u as username
      from jsonb_array_elements_text(${JSON.stringify(target.usernames)}::jsonb) with ordinality as w(u, i)
      where not exists (select 1 from ${users} where ${users.username} = w.u and ${users.active})
      group by w.u order by min(w.i)`,
  );
  return rows.map((r) => r.username);
}

/** Campus ids from an uploaded list: one per line, or the first column of a CSV; a header line is dropped. */
export function parseIdList(text: string): string[] {
  return text
    .split(/\r?\n/)
    .map((line) => line.split(/[,;\t]/)[0]!.trim().replace(/^"|"$/g, ''))
    .filter((id) => id !== '' && !/^(学号|工号|学号\/工号|username|id)$/i.test(id));
}

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

/** The org units an uploaded list may reach (lib/policy noticeListReach); null: anyone. */
export type Reach = string[] | null;

/** Members of the reach: people whose own unit is one of its units. */
function inReach(reach: Reach): SQL {
  if (reach === null) return sql``;
  if (reach.length === 0) return sql`and false`;
  return sql`and ${users.orgUnitId} in (${sql.join(reach.map((u) => sql`${u}`), sql`, `)})`;
}

/**
 * The active users a target names, as a subquery with one column `user_id` (each user once):
 * the set the bulk notice inserts from, so recipients never travel to the app and back. A list
 * reaches only the people in the reach (the policy decided the org and role targets as a whole).
 */
export function recipientsSql(target: Target, reach: Reach = null): SQL {
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
    where ${users.active} and ${users.username} in (select ${listParam(target.usernames)}) ${inReach(reach)}`;
}

export async function countRecipients(q: Queryable, target: Target, reach: Reach = null): Promise<number> {
  const [row] = await queryRows<{ n: number }>(q, sql`select count(*)::int as n from (${recipientsSql(target, reach)}) r`);
  return row?.n ?? 0;
}

/**
 * For an uploaded list: the ids that reach nobody, each once, in the order of the list. An id of
 * someone outside the sender's reach is reported exactly like one that names nobody, so a
 * handler's preview cannot be used to find out which campus ids exist.
 */
export async function unknownUsernames(q: Queryable, target: Target, reach: Reach = null): Promise<string[]> {
  if (target.kind !== 'list') return [];
  const rows = await queryRows<{ username: string }>(
    q,
    sql`select w.u as username
      from jsonb_array_elements_text(${JSON.stringify(target.usernames)}::jsonb) with ordinality as w(u, i)
      where not exists (select 1 from ${users} where ${users.username} = w.u and ${users.active} ${inReach(reach)})
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

import { randomUUID } from 'node:crypto';
import { sql } from 'drizzle-orm';
import type { Queryable } from '@/db/client';
import { enqueueOutbox, type OutboxInsert } from '@/db/outbox';
import { messages } from '@/db/schema';
import type { PlannedMessage } from './plan';

const CHUNK = 1_000;

function chunks<T>(rows: T[]): T[][] {
  const out: T[][] = [];
  for (let i = 0; i < rows.length; i += CHUNK) out.push(rows.slice(i, i + CHUNK));
  return out;
}

/**
 * The 'message' outbox row of each in-app message (contract 2): the dispatcher pushes the message
 * to the person's channels (e-mail, WeChat Work, Web Push) after commit. For writers of messages
 * outside commit() (admin cancel, bulk issue) until they become planners.
 */
export function messagePushRows(rows: Array<{ id: string; userId: string; instanceId?: string | null; createdAt: Date }>): OutboxInsert[] {
  return rows.map((m) => ({ kind: 'message', key: `message:${m.id}`, payload: {}, userId: m.userId, messageId: m.id, instanceId: m.instanceId ?? null, createdAt: m.createdAt }));
}

/**
 * Writes the in-app messages of a commit, each with its 'message' outbox row in the same
 * transaction. Messages to a named person are plain rows; messages to
 * "every active holder of a role in a scope" are resolved in the same statement that writes them
 * (role_bindings ⋈ users), so a transition needs no read of the candidates first. A university-wide
 * binding covers every unit, as isCandidate says.
 * One message per event per person: a person who holds the roles of two tasks the event opens
 * (or a role and a unit-wide binding, or is also told by name) gets the first of them only, in
 * the order planned — the plan of one instance is one event.
 * Returns the statements, not yet awaited, for commit's batch.
 */
export function writeMessages(q: Queryable, planned: PlannedMessage[]): Array<Promise<unknown>> {
  const named: Array<typeof messages.$inferInsert> = [];
  const byRole: Array<Record<string, unknown>> = [];
  const namedIn = new Map<string, string[]>();
  for (const m of planned) if ('userId' in m.to) namedIn.set(m.instanceId, [...(namedIn.get(m.instanceId) ?? []), m.to.userId]);
  planned.forEach((m, ord) => {
    if ('userId' in m.to) {
      named.push({ id: randomUUID(), userId: m.to.userId, kind: m.kind, params: m.params, link: m.link, instanceId: m.instanceId, createdAt: m.createdAt });
    } else {
      byRole.push({
        ord,
        role: m.to.role,
        org_unit_id: m.to.orgUnitId,
        except_ids: [...(m.to.exceptUserId ? [m.to.exceptUserId] : []), ...(namedIn.get(m.instanceId) ?? [])],
        kind: m.kind,
        params: m.params,
        link: m.link,
        instance_id: m.instanceId,
        created_at: m.createdAt.toISOString(),
      });
    }
  });
  return [
    ...chunks(named).flatMap((rows) => [
      q.insert(messages).values(rows),
      enqueueOutbox(q, messagePushRows(rows as Array<(typeof rows)[number] & { id: string }>)),
    ]),
    ...chunks(byRole).map((rows) =>
      q.execute(sql`
        with written as (
          insert into messages (user_id, kind, params, link, instance_id, created_at)
          select distinct on (m.instance_id, u.id) u.id, m.kind, m.params, m.link, m.instance_id, m.created_at
          from jsonb_to_recordset(${JSON.stringify(rows)}::jsonb)
            as m(ord int, role text, org_unit_id text, except_ids jsonb, kind text, params jsonb, link text, instance_id uuid, created_at timestamptz)
          join role_bindings rb on rb.role = m.role and (m.org_unit_id is null or rb.org_unit_id is null or rb.org_unit_id = m.org_unit_id)
          join users u on u.id = rb.user_id and u.active
          where not (m.except_ids ? u.id::text)
          order by m.instance_id, u.id, m.ord
          returning id, user_id, instance_id, created_at
        )
        insert into outbox (kind, key, payload, user_id, message_id, instance_id, not_before, created_at)
        select 'message', 'message:' || w.id::text, '{}'::jsonb, w.user_id, w.id, w.instance_id, w.created_at, w.created_at
        from written w`),
    ),
  ];
}

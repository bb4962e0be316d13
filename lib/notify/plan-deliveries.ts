import { and, asc, gt, inArray, notExists, sql, type SQL } from 'drizzle-orm';
import type { Queryable } from '@/db/client';
import { messages, notifyDeliveries, notifyPreferences, type NotifyChannel } from '@/db/schema';
import { isUrgent, notBefore } from './schedule';

export interface PlanContext {
  /** The channels configured on this installation. */
  channels: NotifyChannel[];
  quietHours: { start: number; end: number } | null;
  now: Date;
}

type PlannedMessage = Pick<typeof messages.$inferSelect, 'id' | 'userId' | 'kind' | 'params'>;

/** Messages older than this are never sent out (a server down for a week does not flood people). */
export const FULL_LOOKBACK_MS = 7 * 24 * 3600_000;
/** Between full scans, only this recent window (longer than any transaction stays open). */
export const RECENT_LOOKBACK_MS = 15 * 60_000;
const CHUNK = 2_000;

/**
 * Writes one delivery row per (message, configured channel): pending, or skipped when the
 * person turned the channel or the kind off. Idempotent: a message already planned is left alone.
 * Returns the pending rows, for a queue that wants to be told.
 */
export async function planMessages(
  q: Queryable,
  rows: PlannedMessage[],
  ctx: PlanContext,
): Promise<Array<{ id: string; nextAttemptAt: Date }>> {
  if (ctx.channels.length === 0 || rows.length === 0) return [];
  const userIds = [...new Set(rows.map((r) => r.userId))];
  const prefs = new Map<string, typeof notifyPreferences.$inferSelect>();
  for (let i = 0; i < userIds.length; i += CHUNK) {
    const found = await q.select().from(notifyPreferences).where(inArray(notifyPreferences.userId, userIds.slice(i, i + CHUNK)));
    for (const p of found) prefs.set(p.userId, p);
  }
  const values: Array<typeof notifyDeliveries.$inferInsert> = [];
  for (const m of rows) {
    const pref = prefs.get(m.userId);
    const due = notBefore(ctx.now, ctx.quietHours, isUrgent(m.kind, m.params));
    for (const channel of ctx.channels) {
      const off = pref && !pref.channels.includes(channel);
      const muted = pref?.mutedKinds.includes(m.kind) && !isUrgent(m.kind, m.params);
      values.push({
        messageId: m.id,
        userId: m.userId,
        channel,
        status: off || muted ? 'skipped' : 'pending',
        note: off ? 'channel off in settings' : muted ? 'kind muted in settings' : null,
        nextAttemptAt: due,
        createdAt: ctx.now,
      });
    }
  }
  const pending: Array<{ id: string; nextAttemptAt: Date }> = [];
  for (let i = 0; i < values.length; i += CHUNK) {
    const inserted = await q
      .insert(notifyDeliveries)
      .values(values.slice(i, i + CHUNK))
      .onConflictDoNothing()
      .returning({ id: notifyDeliveries.id, status: notifyDeliveries.status, nextAttemptAt: notifyDeliveries.nextAttemptAt });
    for (const r of inserted) if (r.status === 'pending') pending.push({ id: r.id, nextAttemptAt: r.nextAttemptAt });
  }
  return pending;
}

/**
 * The same rules as planMessages, as one INSERT … SELECT for many messages of one kind and
 * parameters (a bulk notice): `source` names a relation with columns `id` (message) and
 * `user_id`, e.g. the RETURNING of the INSERT that wrote the messages. Preferences are joined
 * in the database, so no row travels to the app and back.
 */
export function planDeliveriesSql(source: SQL, m: Pick<PlannedMessage, 'kind' | 'params'>, ctx: PlanContext): SQL | null {
  if (ctx.channels.length === 0) return null;
  const urgent = isUrgent(m.kind, m.params);
  const due = notBefore(ctx.now, ctx.quietHours, urgent).toISOString();
  const off = sql`(p.user_id is not null and not (p.channels @> jsonb_build_array(c.channel)))`;
  // Urgent messages cut through a muted kind, as in planMessages.
  const muted = urgent ? sql`false` : sql`coalesce(p.muted_kinds @> jsonb_build_array(${m.kind}::text), false)`;
  return sql`insert into ${notifyDeliveries} (message_id, user_id, channel, status, note, next_attempt_at, created_at)
    select s.id, s.user_id, c.channel,
      case when ${off} or ${muted} then 'skipped' else 'pending' end,
      case when ${off} then 'channel off in settings' when ${muted} then 'kind muted in settings' end,
      ${due}::timestamptz, ${ctx.now.toISOString()}::timestamptz
    from ${source} s
    cross join jsonb_array_elements_text(${JSON.stringify(ctx.channels)}::jsonb) as c(channel)
    left join ${notifyPreferences} p on p.user_id = s.user_id
    on conflict do nothing`;
}

/** Finds messages no delivery row exists for yet (the outbox the engine wrote) and plans them all. */
export async function planNewMessages(q: Queryable, ctx: PlanContext, limit = 1_000, lookbackMs = FULL_LOOKBACK_MS) {
  if (ctx.channels.length === 0) return [];
  const pending: Array<{ id: string; nextAttemptAt: Date }> = [];
  for (;;) {
    const rows = await q
      .select({ id: messages.id, userId: messages.userId, kind: messages.kind, params: messages.params })
      .from(messages)
      .where(
        and(
          gt(messages.createdAt, new Date(ctx.now.getTime() - lookbackMs)),
          notExists(q.select({ one: sql`1` }).from(notifyDeliveries).where(sql`${notifyDeliveries.messageId} = ${messages.id}`)),
        ),
      )
      .orderBy(asc(messages.createdAt))
      .limit(limit);
    pending.push(...(await planMessages(q, rows, ctx)));
    if (rows.length < limit) return pending;
  }
}

/** Full scans now and then (after a start, hourly), the recent window in between. */
export function lookbackSchedule(): () => number {
  let fullAt = 0;
  return () => {
    if (Date.now() - fullAt < 3600_000) return RECENT_LOOKBACK_MS;
    fullAt = Date.now();
    return FULL_LOOKBACK_MS;
  };
}

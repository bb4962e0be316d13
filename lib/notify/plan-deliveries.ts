import { and, asc, gt, inArray, notExists, sql } from 'drizzle-orm';
import type { Queryable } from '@/db/client';
import { messages, notifyDeliveries, notifyPreferences, type Channel } from '@/db/schema';
import { isUrgent, notBefore } from './schedule';

export interface PlanContext {
  /** The channels configured on this installation. */
  channels: Channel[];
  quietHours: { start: number; end: number } | null;
  now: Date;
}

type PlannedMessage = Pick<typeof messages.$inferSelect, 'id' | 'userId' | 'kind' | 'params'>;

/** Messages older than this are never sent out (a server down for a week does not flood people). */
const LOOKBACK_MS = 7 * 24 * 3600_000;
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

/** Finds messages no delivery row exists for yet (the outbox the engine wrote) and plans them. */
export async function planNewMessages(q: Queryable, ctx: PlanContext, limit = 1_000) {
  if (ctx.channels.length === 0) return [];
  const rows = await q
    .select({ id: messages.id, userId: messages.userId, kind: messages.kind, params: messages.params })
    .from(messages)
    .where(
      and(
        gt(messages.createdAt, new Date(ctx.now.getTime() - LOOKBACK_MS)),
        notExists(q.select({ one: sql`1` }).from(notifyDeliveries).where(sql`${notifyDeliveries.messageId} = ${messages.id}`)),
      ),
    )
    .orderBy(asc(messages.createdAt))
    .limit(limit);
  return planMessages(q, rows, ctx);
}

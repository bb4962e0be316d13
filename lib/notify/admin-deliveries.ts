import { and, count, desc, eq, inArray } from 'drizzle-orm';
import type { Db } from '@/db/client';
import { messages, NOTIFY_CHANNELS, outbox, users, type DeliveryStatus, type NotifyChannel } from '@/db/schema';
import { addressedSummary } from '../outbox/handlers/channel';

/** Channel deliveries are the outbox rows whose kind is a channel (e-mail, WeChat Work, Web Push). */
const channelRows = inArray(outbox.kind, [...NOTIFY_CHANNELS]);

export interface DeliveryFilter {
  status?: DeliveryStatus;
  channel?: NotifyChannel;
}

export async function deliveryCounts(db: Db) {
  const rows = await db.select({ channel: outbox.kind, status: outbox.status, n: count() }).from(outbox).where(channelRows).groupBy(outbox.kind, outbox.status);
  return rows as Array<{ channel: NotifyChannel; status: DeliveryStatus; n: number }>;
}

export async function listDeliveries(db: Db, f: DeliveryFilter, limit = 200) {
  const rows = await db
    .select({
      id: outbox.id,
      channel: outbox.kind,
      status: outbox.status,
      attempts: outbox.attempts,
      lastError: outbox.lastError,
      note: outbox.note,
      createdAt: outbox.createdAt,
      sentAt: outbox.sentAt,
      notBefore: outbox.notBefore,
      payload: outbox.payload,
      kind: messages.kind,
      params: messages.params,
      userName: users.name,
      username: users.username,
    })
    .from(outbox)
    .leftJoin(messages, eq(messages.id, outbox.messageId))
    .leftJoin(users, eq(users.id, outbox.userId))
    .where(and(channelRows, f.status ? eq(outbox.status, f.status) : undefined, f.channel ? eq(outbox.kind, f.channel) : undefined))
    .orderBy(desc(outbox.createdAt))
    .limit(limit);
  // A row addressed to an e-mail address (no account) shows the masked address and its topic.
  return rows.map(({ payload, ...r }) => {
    const addressed = addressedSummary(payload);
    return {
      ...r,
      channel: r.channel as NotifyChannel,
      kind: r.kind ?? addressed?.topic ?? 'email',
      params: r.params ?? {},
      userName: r.userName ?? addressed?.to ?? '',
      username: r.username ?? '—',
    };
  });
}

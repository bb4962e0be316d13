import { and, count, desc, eq, inArray } from 'drizzle-orm';
import type { Db } from '@/db/client';
import { maskAddress } from './addressed-mail';
import { messages, notifyDeliveries, users, type NotifyChannel, type DeliveryStatus } from '@/db/schema';

export interface DeliveryFilter {
  status?: DeliveryStatus;
  channel?: NotifyChannel;
}

export async function deliveryCounts(db: Db) {
  return db
    .select({ channel: notifyDeliveries.channel, status: notifyDeliveries.status, n: count() })
    .from(notifyDeliveries)
    .groupBy(notifyDeliveries.channel, notifyDeliveries.status);
}

export async function listDeliveries(db: Db, f: DeliveryFilter, limit = 200) {
  const rows = await db
    .select({
      id: notifyDeliveries.id,
      channel: notifyDeliveries.channel,
      status: notifyDeliveries.status,
      attempts: notifyDeliveries.attempts,
      lastError: notifyDeliveries.lastError,
      note: notifyDeliveries.note,
      createdAt: notifyDeliveries.createdAt,
      sentAt: notifyDeliveries.sentAt,
      nextAttemptAt: notifyDeliveries.nextAttemptAt,
      kind: messages.kind,
      params: messages.params,
      userName: users.name,
      username: users.username,
      toAddress: notifyDeliveries.toAddress,
      topic: notifyDeliveries.topic,
    })
    .from(notifyDeliveries)
    .leftJoin(messages, eq(messages.id, notifyDeliveries.messageId))
    .leftJoin(users, eq(users.id, notifyDeliveries.userId))
    .where(
      and(
        f.status ? eq(notifyDeliveries.status, f.status) : undefined,
        f.channel ? eq(notifyDeliveries.channel, f.channel) : undefined,
      ),
    )
    .orderBy(desc(notifyDeliveries.createdAt))
    .limit(limit);
  // A row addressed to an e-mail address (no account) shows the masked address and its topic.
  return rows.map(({ toAddress, topic, ...r }) => ({
    ...r,
    kind: r.kind ?? topic ?? 'email',
    params: r.params ?? {},
    userName: r.userName ?? (toAddress ? maskAddress(toAddress) : ''),
    username: r.username ?? '—',
  }));
}

/** Puts failed deliveries back in the queue with a fresh attempt budget. */
export async function retryDeliveries(db: Db, now: Date, ids: string[] | 'all-failed'): Promise<number> {
  const rows = await db
    .update(notifyDeliveries)
    .set({ status: 'pending', attempts: 0, nextAttemptAt: now, lockedUntil: null })
    .where(and(eq(notifyDeliveries.status, 'failed'), ids === 'all-failed' ? undefined : inArray(notifyDeliveries.id, ids)))
    .returning({ id: notifyDeliveries.id });
  return rows.length;
}

import { and, count, desc, eq, inArray } from 'drizzle-orm';
import type { Db } from '@/db/client';
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
  return db
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
    })
    .from(notifyDeliveries)
    .innerJoin(messages, eq(messages.id, notifyDeliveries.messageId))
    .innerJoin(users, eq(users.id, notifyDeliveries.userId))
    .where(
      and(
        f.status ? eq(notifyDeliveries.status, f.status) : undefined,
        f.channel ? eq(notifyDeliveries.channel, f.channel) : undefined,
      ),
    )
    .orderBy(desc(notifyDeliveries.createdAt))
    .limit(limit);
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

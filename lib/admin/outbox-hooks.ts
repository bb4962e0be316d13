import type { Db } from '@/db/client';
import { OUTBOXES } from './outboxes';

/**
 * Retrying failed side effects. Delivery channels (e-mail, WeChat Work, Web Push, webhooks,
 * external jobs) keep their own outbox tables; each says here how to list its failed deliveries
 * and how to queue one again, and the operations page shows them all.
 */
export interface RetryableOutbox {
  /** A stable channel id, e.g. 'email', 'webhook'. */
  channel: string;
  label: { zh: string; en: string };
  listFailed(db: Db, limit: number): Promise<Array<{ id: string; summary: string; error: string; failedAt: Date; attempts: number }>>;
  /** Puts one failed delivery back in the queue; must be idempotent. */
  retry(db: Db, id: string): Promise<void>;
}

// The list lives in ./outboxes (it imports only this file's types, so no cycle at runtime).
const outboxes = new Map<string, RetryableOutbox>(OUTBOXES.map((o) => [o.channel, o]));

export function retryableOutboxes(): RetryableOutbox[] {
  return [...outboxes.values()];
}

/** An operator retries one failed delivery of a registered channel. */
export async function retryDelivery(db: Db, channel: string, id: string): Promise<void> {
  const outbox = outboxes.get(channel);
  if (!outbox) {
    const { AppError } = await import('@/workflows/engine/errors');
    throw new AppError('NOT_FOUND', `outbox ${channel}`, { zh: '没有该发送渠道', en: 'No such delivery channel' });
  }
  await outbox.retry(db, id);
}

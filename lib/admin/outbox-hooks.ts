import type { Db } from '@/db/client';

/**
 * The hook for retrying failed side effects. Delivery channels (e-mail, WeChat Work, Web Push,
 * webhooks) are built by other modules with their own outbox tables; each registers here how
 * to list its failed deliveries and how to queue one again, and the admin page shows them all.
 */
export interface RetryableOutbox {
  /** A stable channel id, e.g. 'email', 'webhook'. */
  channel: string;
  label: { zh: string; en: string };
  listFailed(db: Db, limit: number): Promise<Array<{ id: string; summary: string; error: string; failedAt: Date; attempts: number }>>;
  /** Puts one failed delivery back in the queue; must be idempotent. */
  retry(db: Db, id: string): Promise<void>;
}

const outboxes = new Map<string, RetryableOutbox>();

export function registerRetryableOutbox(outbox: RetryableOutbox): void {
  outboxes.set(outbox.channel, outbox);
}

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

import { and, asc, eq, lte } from 'drizzle-orm';
import type { Db } from '@/db/client';
import { webhookDeliveries, webhooks } from '@/db/schema';
import { signWebhook } from './sign';
import { fetcherFor, type Fetcher } from '../net';

export const MAX_ATTEMPTS = 8;
const LEASE_MS = 60_000;
const BATCH = 20;

/** 30 s, 1 min, 2 min … capped at 6 h: a receiver that is down for a while is not hammered. */
export function backoffMs(attempts: number): number {
  return Math.min(30_000 * 2 ** Math.max(0, attempts - 1), 6 * 3600_000);
}

/**
 * Delivers due webhook outbox rows. Each row is claimed under SKIP LOCKED and leased (its next
 * attempt pushed a minute ahead) before the HTTP call, so several app servers never send the
 * same delivery at once and a crash mid-call only delays it.
 */
export async function deliverDueWebhooks(db: Db, now: Date, fetchImpl: Fetcher = fetcherFor('webhook')): Promise<number> {
  const claimed = await db.transaction(async (tx) => {
    const due = await tx
      .select({ d: webhookDeliveries, url: webhooks.url, secret: webhooks.secret })
      .from(webhookDeliveries)
      .innerJoin(webhooks, eq(webhooks.id, webhookDeliveries.webhookId))
      .where(and(eq(webhookDeliveries.status, 'pending'), lte(webhookDeliveries.nextAttemptAt, now)))
      .orderBy(asc(webhookDeliveries.nextAttemptAt))
      .limit(BATCH)
      .for('update', { of: webhookDeliveries, skipLocked: true });
    for (const row of due) {
      await tx
        .update(webhookDeliveries)
        .set({ nextAttemptAt: new Date(now.getTime() + LEASE_MS) })
        .where(eq(webhookDeliveries.id, row.d.id));
    }
    return due;
  });
  for (const { d, url, secret } of claimed) {
    const body = JSON.stringify({ id: d.id, ...(d.payload as object) });
    let status: number | null = null;
    let error: string | null = null;
    try {
      const response = await fetchImpl(url, {
        method: 'POST',
        headers: {
          'content-type': 'application/json',
          'user-agent': 'zijing-estation-webhooks/1',
          'x-zijing-event': d.event,
          'x-zijing-delivery': d.id,
          'x-zijing-signature': signWebhook(secret, body, Math.floor(now.getTime() / 1000)),
        },
        body,
      });
      status = response.status;
    } catch (e) {
      error = e instanceof Error ? e.message.slice(0, 300) : 'request failed';
    }
    const ok = status !== null && status >= 200 && status < 300;
    const attempts = d.attempts + 1;
    await db
      .update(webhookDeliveries)
      .set(
        ok
          ? { status: 'delivered', attempts, lastStatus: status, lastError: null, deliveredAt: now }
          : {
              status: attempts >= MAX_ATTEMPTS ? 'failed' : 'pending',
              attempts,
              lastStatus: status,
              lastError: error ?? `HTTP ${status}`,
              nextAttemptAt: new Date(now.getTime() + backoffMs(attempts)),
            },
      )
      .where(eq(webhookDeliveries.id, d.id));
  }
  return claimed.length;
}

import { eq } from 'drizzle-orm';
import { webhooks } from '@/db/schema';
import { fetcherFor, type Fetcher } from '../../net';
import { postSigned } from '../post-signed';
import type { OutboxHandler } from '../types';

/** A 'webhook' row: one event for one registered webhook (written by the instance-event fan-out). */
export interface WebhookPayload {
  webhookId: string;
  event: string;
  body: Record<string, unknown>;
}

/**
 * Delivers to an administrator's webhook: its URL and secret are read at send time, so a webhook
 * switched off or removed meanwhile receives nothing more. The body names the instance and its
 * state only (no form data); `id` is the delivery's id, `x-zijing-delivery` too.
 */
export function webhookHandler(fetcher: Fetcher = fetcherFor('webhook')): OutboxHandler {
  return {
    kind: 'webhook',
    async deliver(row, { db }) {
      const p = row.payload as WebhookPayload;
      const [hook] = await db.select().from(webhooks).where(eq(webhooks.id, p.webhookId));
      if (!hook) return { outcome: 'skipped', note: 'webhook removed' };
      if (!hook.active) return { outcome: 'skipped', note: 'webhook switched off' };
      const body = JSON.stringify({ id: row.id, ...p.body });
      return postSigned(fetcher, hook, body, {
        idempotencyKey: row.key,
        headers: { 'x-zijing-event': p.event, 'x-zijing-delivery': row.id },
      });
    },
  };
}

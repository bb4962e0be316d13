import { enqueueOutbox, type OutboxInsert } from '@/db/outbox';
import { webhooks } from '@/db/schema';
import type { InstanceEventPayload } from '@/workflows/engine/enqueue-webhooks';
import type { OutboxHandler } from '../types';
import type { WebhookPayload } from './webhook';

/**
 * An instance started, changed state or finished ('instance-event', written by the transition):
 * fans out to every active webhook subscribed to the event (for its process or for all), one
 * 'webhook' row each, due when this row was. Re-running after a crash writes nothing twice: the
 * keys are derived.
 */
export function instanceEventHandler(): OutboxHandler {
  return {
    kind: 'instance-event',
    async deliver(row, { db, now }) {
      const p = row.payload as InstanceEventPayload;
      const hooks = await db.select().from(webhooks);
      const rows: OutboxInsert[] = [];
      for (const hook of hooks) {
        if (!hook.active || (hook.processId !== null && hook.processId !== p.instance.processId)) continue;
        for (const event of p.events) {
          if (!hook.events.includes(event)) continue;
          const payload: WebhookPayload = {
            webhookId: hook.id,
            event,
            body: { event, occurredAt: p.occurredAt, instance: p.instance, transition: p.transition },
          };
          rows.push({ kind: 'webhook', key: `webhook:${hook.id}:${event}:${row.key}`, payload, instanceId: row.instanceId, createdAt: now, notBefore: row.notBefore });
        }
      }
      if (rows.length === 0) return { outcome: 'skipped', note: 'no webhook subscribed' };
      await enqueueOutbox(db, rows);
      return { outcome: 'sent', note: `${rows.length} webhook deliveries` };
    },
  };
}

import { webhookDeliveries, webhooks, type WebhookEvent } from '@/db/schema';

export interface WebhookTransition {
  instanceId: string;
  processId: string;
  processVersion: number;
  eventType: string;
  fromState: string | null;
  toState: string;
  status: string;
  revision: number;
  now: Date;
}

/** Which webhook events a transition raises: started, state changed, finished. */
export function webhookEventsFor(t: Pick<WebhookTransition, 'fromState' | 'toState' | 'status'>): WebhookEvent[] {
  const events: WebhookEvent[] = [];
  if (t.fromState === null) events.push('instance.started');
  else if (t.fromState !== t.toState) events.push('instance.state_changed');
  if (t.status !== 'active') events.push('instance.finished');
  return events;
}

type WebhookRow = typeof webhooks.$inferSelect;

/**
 * The webhook outbox rows a transition writes in its own transaction (recordTransition inserts
 * them with its other rows): a delivery exists exactly when the transition committed. Delivery
 * (signing, retries) happens after commit, in lib/webhooks. The payload names the instance and
 * its state only — no form data leaves the system this way.
 */
export function webhookDeliveryRows(hooks: WebhookRow[], t: WebhookTransition): Array<typeof webhookDeliveries.$inferInsert> {
  const events = webhookEventsFor(t);
  if (events.length === 0) return [];
  return hooks
    .filter((h) => h.active && (h.processId === null || h.processId === t.processId))
    .flatMap((h) =>
      events
        .filter((e) => h.events.includes(e))
        .map((event) => ({
          webhookId: h.id,
          event,
          payload: {
            event,
            occurredAt: t.now.toISOString(),
            instance: { id: t.instanceId, processId: t.processId, processVersion: t.processVersion, state: t.toState, status: t.status, revision: t.revision },
            transition: { type: t.eventType, from: t.fromState, to: t.toState },
          },
          nextAttemptAt: t.now,
          createdAt: t.now,
        })),
    );
}

import type { Queryable } from '@/db/client';
import { enqueueOutbox } from '@/db/outbox';
import type { WebhookEvent } from '@/db/schema';
import type { EffectOf } from './effects';

/** Which webhook events a transition raises: started, state changed, finished. */
export function webhookEventsFor(t: { fromState: string | null; toState: string; status: string }): WebhookEvent[] {
  const events: WebhookEvent[] = [];
  if (t.fromState === null) events.push('instance.started');
  else if (t.fromState !== t.toState) events.push('instance.state_changed');
  if (t.status !== 'active') events.push('instance.finished');
  return events;
}

type InstanceEventEffect = EffectOf<'instanceEvent'>;

/** What an 'instance-event' outbox row carries: the instance and its state only, never form data. */
export interface InstanceEventPayload {
  events: InstanceEventEffect['events'];
  occurredAt: string;
  instance: InstanceEventEffect['instance'];
  transition: InstanceEventEffect['transition'];
}

/**
 * Writes a commit's instance events in its transaction, so a delivery exists exactly when the
 * transition committed: one 'instance-event' outbox row per transition (contract 2), keyed by
 * instance and revision; the dispatcher fans it out to the subscribed webhooks after commit
 * (lib/outbox/handlers/instance-event).
 */
export function writeInstanceEvents(q: Queryable, effects: InstanceEventEffect[]): Array<Promise<unknown>> {
  if (effects.length === 0) return [];
  return [
    enqueueOutbox(
      q,
      effects.map((e) => ({
        kind: 'instance-event',
        key: `instance-event:${e.instance.id}:${e.instance.revision}`,
        payload: { events: e.events, occurredAt: e.at.toISOString(), instance: e.instance, transition: e.transition } satisfies InstanceEventPayload,
        instanceId: e.instance.id,
        createdAt: e.at,
      })),
    ),
  ];
}

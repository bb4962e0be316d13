import type { Queryable } from '@/db/client';
import { enqueueOutbox } from '@/db/outbox';
import type { EffectOf } from './effects';

/**
 * Writes hand-off jobs for external systems (dorm repair → the maintenance system) in the
 * transition's transaction, as 'job' outbox rows (contract 2), keyed by hook, instance, revision
 * and state; delivered after commit (lib/outbox/handlers/job). The row id is the job id the
 * external system quotes in its callback.
 */
export function writeHandOffs(q: Queryable, effects: Array<EffectOf<'handOff'>>): Array<Promise<unknown>> {
  if (effects.length === 0) return [];
  return [
    enqueueOutbox(
      q,
      effects.map((e) => ({
        kind: 'job',
        key: `job:${e.hook}:${e.instanceId}:${e.revision}:${String(e.payload.state ?? '')}`,
        payload: { hook: e.hook, ...e.payload },
        instanceId: e.instanceId,
        createdAt: e.at,
      })),
    ),
  ];
}

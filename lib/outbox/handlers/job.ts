import { fetcherFor, type Fetcher } from '../../net';
import { postSigned } from '../post-signed';
import type { OutboxHandler } from '../types';

export interface JobTarget {
  url: string;
  secret: string;
}

/** A 'job' row: a state's hand-off to an external system (StateMeta.webhook), e.g. a dorm repair. */
export interface JobPayload {
  hook: string;
  processId: string;
  instanceId: string;
  state: string;
  form: unknown;
}

/**
 * Hands a job to the external system configured for its hook. The row id is the job id the
 * system quotes back in its signed callback (lib/integrations/complete-dorm-repair-job). A hook
 * with no target configured is not sent: the job waits (retried with backoff) until one is.
 */
export function jobHandler(targets: Record<string, JobTarget | undefined>, fetcher: Fetcher = fetcherFor('job')): OutboxHandler {
  return {
    kind: 'job',
    async deliver(row) {
      const p = row.payload as JobPayload;
      const target = targets[p.hook];
      if (!target) return { outcome: 'retry', error: `no target configured for ${p.hook}` };
      const body = JSON.stringify({ jobId: row.id, createdAt: row.createdAt.toISOString(), ...p });
      return postSigned(fetcher, target, body, { idempotencyKey: row.key });
    },
  };
}

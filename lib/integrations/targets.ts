import { env } from '../env';
import type { JobTarget } from '../outbox/handlers/job';

/** The configured target of every hook the workflows raise (StateMeta.webhook). */
export function jobTargets(): Record<string, JobTarget | undefined> {
  const { url, secret } = env().dormRepairWebhook;
  return { 'dorm-repair': url && secret ? { url, secret } : undefined };
}

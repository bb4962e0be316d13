import { env } from '../env';
import type { WebhookTarget } from './deliver-webhook';

/** The configured target of every hook the workflows raise (StateMeta.webhook). */
export function webhookTargets(): Record<string, WebhookTarget | undefined> {
  const { url, secret } = env().dormRepairWebhook;
  return { 'dorm-repair': url && secret ? { url, secret } : undefined };
}

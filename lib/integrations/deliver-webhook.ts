import { fetcherFor, type Fetcher } from '../net';
import { signedHeaders } from './signature';

export interface WebhookTarget {
  url: string;
  secret: string;
}

export interface OutboxRowToSend {
  id: string;
  hook: string;
  payload: Record<string, unknown>;
  createdAt: Date;
}

export type DeliveryResult = { ok: true } | { ok: false; error: string };

/**
 * Sends one outbox row: a signed JSON POST. Kept apart from the polling so another queue
 * (pg-boss) can call it unchanged. The row id is the job id the receiver quotes back.
 */
export async function deliverWebhook(
  row: OutboxRowToSend,
  target: WebhookTarget,
  fetchImpl: Fetcher = fetcherFor('job'),
): Promise<DeliveryResult> {
  const body = JSON.stringify({ jobId: row.id, hook: row.hook, createdAt: row.createdAt.toISOString(), ...row.payload });
  try {
    const response = await fetchImpl(target.url, {
      method: 'POST',
      headers: { 'content-type': 'application/json', ...signedHeaders(target.secret, body) },
      body,
    });
    return response.ok ? { ok: true } : { ok: false, error: `HTTP ${response.status}` };
  } catch (error) {
    return { ok: false, error: error instanceof Error ? error.message : String(error) };
  }
}

import { isOutboundError, type Fetcher } from '../net';
import { signedHeaders } from '../integrations/signature';
import type { Outcome } from './types';

/**
 * The one way a delivery is POSTed to a receiver (webhooks, jobs for external systems): JSON,
 * signed with the receiver's secret (`x-zijing-timestamp` + `x-zijing-signature: sha256=…`, the
 * one format, verified by lib/integrations/signature), carrying the row's idempotency key as
 * `Idempotency-Key` so a receiver can drop the copy an at-least-once retry may bring.
 * A destination the outgoing-request guard refuses fails at once with the guard's reason (safe to
 * show: it names no address); other faults are retried.
 */
export async function postSigned(
  fetcher: Fetcher,
  to: { url: string; secret: string },
  body: string,
  o: { idempotencyKey: string; headers?: Record<string, string> },
): Promise<Outcome> {
  try {
    const response = await fetcher(to.url, {
      method: 'POST',
      headers: {
        'content-type': 'application/json',
        'user-agent': 'zijing-estation/1',
        'idempotency-key': o.idempotencyKey,
        ...o.headers,
        // Signed at the wall clock's time: the receiver checks freshness against its own.
        ...signedHeaders(to.secret, body),
      },
      body,
    });
    if (response.ok) return { outcome: 'sent' };
    return { outcome: 'retry', error: `HTTP ${response.status}` };
  } catch (error) {
    if (isOutboundError(error)) return error.permanent ? { outcome: 'failed', error: error.message } : { outcome: 'retry', error: error.message };
    return { outcome: 'retry', error: error instanceof Error ? error.message.slice(0, 300) : 'request failed' };
  }
}

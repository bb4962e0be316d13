import { createHmac, timingSafeEqual } from 'node:crypto';

export const TIMESTAMP_HEADER = 'x-zijing-timestamp';
export const SIGNATURE_HEADER = 'x-zijing-signature';
/** Callbacks older or newer than this are refused, so a captured request cannot be replayed later. */
export const MAX_SKEW_SECONDS = 300;

/** HMAC-SHA256 over "<unix seconds>.<raw body>", hex, prefixed 'sha256='. */
export function sign(secret: string, timestamp: string, body: string): string {
  return `sha256=${createHmac('sha256', secret).update(`${timestamp}.${body}`).digest('hex')}`;
}

export function signedHeaders(secret: string, body: string, at = new Date()): Record<string, string> {
  const timestamp = String(Math.floor(at.getTime() / 1000));
  return { [TIMESTAMP_HEADER]: timestamp, [SIGNATURE_HEADER]: sign(secret, timestamp, body) };
}

/** Whether a request's timestamp is fresh and its signature matches (constant-time compare). */
export function verifySignature(
  secret: string,
  timestamp: string | null,
  signature: string | null,
  body: string,
  at = new Date(),
): boolean {
  if (!timestamp || !signature || !/^\d{1,12}$/.test(timestamp)) return false;
  if (Math.abs(at.getTime() / 1000 - Number(timestamp)) > MAX_SKEW_SECONDS) return false;
  const expected = Buffer.from(sign(secret, timestamp, body));
  const given = Buffer.from(signature);
  return expected.length === given.length && timingSafeEqual(expected, given);
}

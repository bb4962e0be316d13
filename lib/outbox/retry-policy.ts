/**
 * The one claim/lease/backoff policy of the outbox, for every kind: a claimed row is held for
 * `leaseMs` (longer than any handler's timeout), a transient failure waits base, 2·base, 4·base …
 * up to `maxMs`, and after `maxAttempts` attempts the row fails for an operator to retry.
 */
export interface RetryPolicy {
  baseMs: number;
  maxMs: number;
  maxAttempts: number;
  leaseMs: number;
}

export const LEASE_MS = 60_000;

/** Exponential backoff with a cap: base, 2·base, 4·base, … ≤ max. */
export function retryDelayMs(attempts: number, p: Pick<RetryPolicy, 'baseMs' | 'maxMs'>): number {
  return Math.min(p.maxMs, p.baseMs * 2 ** Math.max(0, attempts - 1));
}

/** From the environment's NOTIFY_RETRY_* settings (they govern every kind of delivery). */
export function policyFrom(cfg: { retryBaseMs: number; retryMaxMs: number; maxAttempts: number }): RetryPolicy {
  return { baseMs: cfg.retryBaseMs, maxMs: cfg.retryMaxMs, maxAttempts: cfg.maxAttempts, leaseMs: LEASE_MS };
}

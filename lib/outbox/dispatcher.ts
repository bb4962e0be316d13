import type { Db } from '@/db/client';
import { claimDue, recordOutcome } from './claim';
import { LEASE_MS, type RetryPolicy } from './retry-policy';
import type { Outcome, OutboxHandler, OutboxRow } from './types';

/**
 * The one dispatcher: handlers registered per kind, one claim/lease/backoff policy. The queue
 * that drives it (pg-boss on PostgreSQL, the poller on PGlite) only decides when to look.
 */
export interface Dispatcher {
  db: Db;
  policy: RetryPolicy;
  now: () => Promise<Date>;
  handlers: ReadonlyMap<string, OutboxHandler>;
  /** The kinds this server delivers; rows of other kinds wait (e.g. a job with no target configured). */
  kinds: readonly string[];
}

export function createDispatcher(
  db: Db,
  o: { policy: Omit<RetryPolicy, 'leaseMs'> & { leaseMs?: number }; now: () => Promise<Date>; handlers: OutboxHandler[] },
): Dispatcher {
  const handlers = new Map<string, OutboxHandler>();
  for (const h of o.handlers) {
    if (handlers.has(h.kind)) throw new Error(`outbox: two handlers for kind ${h.kind}`);
    handlers.set(h.kind, h);
  }
  return { db, policy: { ...o.policy, leaseMs: o.policy.leaseMs ?? LEASE_MS }, now: o.now, handlers, kinds: [...handlers.keys()] };
}

/** Sends one claimed row through its handler and records the outcome; a handler's exception is a retry. */
export async function deliverClaimed(d: Dispatcher, row: OutboxRow, now: Date): Promise<OutboxRow> {
  const handler = d.handlers.get(row.kind);
  let result: Outcome;
  try {
    result = handler ? await handler.deliver(row, { db: d.db, now }) : { outcome: 'retry', error: `no handler for ${row.kind}` };
  } catch (error) {
    result = { outcome: 'retry', error: `internal: ${(error as Error).message}` };
  }
  return recordOutcome(d.db, row, result, now, d.policy);
}

const BATCH = 50;

/**
 * Claims and delivers the rows due when it starts, including the rows a fan-out writes meanwhile
 * (a message's channel deliveries, an instance event's webhooks: due at once), until none is left.
 * A failed attempt's retry is due later, so a dead receiver is not hammered within one call; each
 * batch's lease is taken at its own time, however long the call runs.
 */
export async function dispatchDue(d: Dispatcher): Promise<number> {
  const dueBy = await d.now();
  let handled = 0;
  for (;;) {
    const now = await d.now();
    const rows = await claimDue(d.db, now, d.kinds, BATCH, d.policy.leaseMs, dueBy);
    for (const row of rows) await deliverClaimed(d, row, now);
    handled += rows.length;
    if (rows.length === 0) return handled;
  }
}

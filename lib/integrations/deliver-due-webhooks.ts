import { and, asc, eq, inArray, lte } from 'drizzle-orm';
import type { Db } from '@/db/client';
import { integrationOutbox } from '@/db/schema';
import type { Fetcher } from '../net';
import { deliverWebhook, type WebhookTarget } from './deliver-webhook';

export const MAX_ATTEMPTS = 8;
/** While one server sends a row, others leave it alone for this long. */
const LEASE_MS = 60_000;

/** 30 s, 1 min, 2 min, … capped at 1 h. */
export function backoffMs(attempts: number): number {
  return Math.min(30_000 * 2 ** (attempts - 1), 3_600_000);
}

/**
 * Delivers due outbox rows of the hooks that have a target. Each row is claimed in a short
 * transaction (SKIP LOCKED + a lease), sent outside it, then marked delivered, rescheduled
 * with backoff, or failed after MAX_ATTEMPTS. Returns how many were delivered.
 */
export async function deliverDueWebhooks(
  db: Db,
  now: Date,
  targets: Record<string, WebhookTarget | undefined>,
  fetchImpl?: Fetcher,
  limit = 50,
): Promise<number> {
  let delivered = 0;
  // A hook without a configured target waits in the outbox until one is configured.
  const hooks = Object.keys(targets).filter((h) => targets[h]);
  if (hooks.length === 0) return 0;
  for (let i = 0; i < limit; i++) {
    const row = await db.transaction(async (tx) => {
      const [due] = await tx
        .select()
        .from(integrationOutbox)
        .where(and(eq(integrationOutbox.status, 'pending'), lte(integrationOutbox.nextAttemptAt, now), inArray(integrationOutbox.hook, hooks)))
        .orderBy(asc(integrationOutbox.nextAttemptAt))
        .limit(1)
        .for('update', { skipLocked: true });
      if (!due) return undefined;
      await tx
        .update(integrationOutbox)
        .set({ nextAttemptAt: new Date(now.getTime() + LEASE_MS) })
        .where(eq(integrationOutbox.id, due.id));
      return due;
    });
    if (!row) break;
    const result = await deliverWebhook(row, targets[row.hook]!, fetchImpl);
    const attempts = row.attempts + 1;
    if (result.ok) {
      delivered++;
      await db
        .update(integrationOutbox)
        .set({ status: 'delivered', attempts, deliveredAt: new Date(), lastError: null })
        .where(eq(integrationOutbox.id, row.id));
    } else {
      await db
        .update(integrationOutbox)
        .set({
          status: attempts >= MAX_ATTEMPTS ? 'failed' : 'pending',
          attempts,
          lastError: result.error.slice(0, 500),
          nextAttemptAt: new Date(now.getTime() + backoffMs(attempts)),
        })
        .where(eq(integrationOutbox.id, row.id));
    }
  }
  return delivered;
}

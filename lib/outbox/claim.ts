import { and, asc, eq, inArray, isNull, lt, lte, or, sql } from 'drizzle-orm';
import type { Db } from '@/db/client';
import { outbox } from '@/db/schema';
import type { Outcome, OutboxRow } from './types';
import { retryDelayMs, type RetryPolicy } from './retry-policy';

/** Due by `dueBy`, not held by a live claim at `now`, of a kind this server has a handler for. */
const claimable = (now: Date, kinds: readonly string[], dueBy = now) =>
  and(
    eq(outbox.status, 'pending'),
    lte(outbox.notBefore, dueBy),
    inArray(outbox.kind, [...kinds]),
    or(isNull(outbox.lockedUntil), lt(outbox.lockedUntil, now)),
  );

/**
 * Claims up to `limit` due rows: FOR UPDATE SKIP LOCKED, so several servers never claim the same
 * row, and a lease, so a crashed server's claim simply expires and another takes the row over.
 * The attempt is counted at the claim: a crash mid-send still spends one.
 */
export async function claimDue(
  db: Db,
  now: Date,
  kinds: readonly string[],
  limit: number,
  leaseMs: number,
  dueBy: Date = now,
): Promise<OutboxRow[]> {
  if (kinds.length === 0) return [];
  const due = db
    .select({ id: outbox.id })
    .from(outbox)
    .where(claimable(now, kinds, dueBy))
    .orderBy(asc(outbox.notBefore))
    .limit(limit)
    .for('update', { skipLocked: true });
  return db
    .update(outbox)
    .set({ lockedUntil: new Date(now.getTime() + leaseMs), attempts: sql`${outbox.attempts} + 1` })
    .where(inArray(outbox.id, due))
    .returning();
}

/** Claims one row by id (a pg-boss job names it), or null when it is not due or someone holds it. */
export async function claimOne(db: Db, id: string, now: Date, kinds: readonly string[], leaseMs: number): Promise<OutboxRow | null> {
  const [row] = await db
    .update(outbox)
    .set({ lockedUntil: new Date(now.getTime() + leaseMs), attempts: sql`${outbox.attempts} + 1` })
    .where(and(eq(outbox.id, id), claimable(now, kinds)))
    .returning();
  return row ?? null;
}

/** The condition that the row is still held by this claim (a lost lease writes nothing). */
export const heldBy = (row: Pick<OutboxRow, 'id' | 'lockedUntil'>) => and(eq(outbox.id, row.id), eq(outbox.lockedUntil, row.lockedUntil!));

/** Records an attempt's outcome on the claimed row; a transient failure is rescheduled with backoff. */
export async function recordOutcome(db: Db, row: OutboxRow, result: Outcome, now: Date, policy: RetryPolicy): Promise<OutboxRow> {
  let set: Partial<OutboxRow>;
  switch (result.outcome) {
    case 'sent':
      set = { status: 'sent', sentAt: now, lockedUntil: null, lastError: null, note: result.note ?? null };
      break;
    case 'skipped':
      set = { status: 'skipped', lockedUntil: null, note: result.note };
      break;
    case 'failed':
      set = { status: 'failed', lockedUntil: null, lastError: result.error.slice(0, 500) };
      break;
    case 'retry': {
      const giveUp = row.attempts >= policy.maxAttempts;
      set = {
        status: giveUp ? 'failed' : 'pending',
        lockedUntil: null,
        lastError: result.error.slice(0, 500),
        notBefore: new Date(now.getTime() + retryDelayMs(row.attempts, policy)),
      };
    }
  }
  const [updated] = await db.update(outbox).set(set).where(heldBy(row)).returning();
  return updated ?? row;
}

import type { Queryable } from './client';
import { outbox } from './schema/outbox';

/** One effect that leaves the system after commit (contract 2 in /work/notes/CONTRACTS.md). */
export interface OutboxInsert {
  /** Which handler delivers it: 'message', 'email', 'wecom', 'webpush', 'webhook', 'instance-event', 'job' … */
  kind: string;
  /** Idempotency key, unique: enqueueing the same key again is a no-op; receivers get it (webhooks: `Idempotency-Key`). */
  key: string;
  /** JSON, what the handler needs; no secrets. */
  payload: unknown;
  instanceId?: string | null;
  /** The person a channel delivery goes to (digests, the operations page). */
  userId?: string | null;
  /** The in-app message a channel delivery carries. */
  messageId?: string | null;
  /** Quiet hours, digests, a later hand-off; default: due at once (at createdAt when given). */
  notBefore?: Date;
  /** When the effect was planned (the engine's clock); default: the database's now. */
  createdAt?: Date;
}

export interface Enqueued {
  id: string;
  kind: string;
  notBefore: Date;
}

/** Bound parameters per statement stay far below PostgreSQL's 65,535. */
const CHUNK = 2_000;

type Listener = (rows: Enqueued[]) => void;
const listeners = new Set<Listener>();

/**
 * Lets the dispatcher hear of new rows in this process, so a delivery need not wait for the next
 * poll. Told after the insert, before the caller commits: a listener must only schedule a look
 * (the rows become visible with the commit), never assume them visible. Returns the unsubscribe.
 */
export function onOutboxEnqueued(listener: Listener): () => void {
  listeners.add(listener);
  return () => listeners.delete(listener);
}

/**
 * Writes outbox rows in the caller's transaction, so an effect exists exactly when the change
 * that causes it commits. A key already present is left alone (its row is not returned).
 */
export async function enqueueOutbox(q: Queryable, rows: readonly OutboxInsert[]): Promise<Enqueued[]> {
  const written: Enqueued[] = [];
  for (let i = 0; i < rows.length; i += CHUNK) {
    const values = rows.slice(i, i + CHUNK).map((r) => ({
      kind: r.kind,
      key: r.key,
      payload: r.payload ?? {},
      instanceId: r.instanceId ?? null,
      userId: r.userId ?? null,
      messageId: r.messageId ?? null,
      // Due at once by the planner's clock when it gave one (the engine's, which tests may move).
      ...(r.notBefore || r.createdAt ? { notBefore: r.notBefore ?? r.createdAt } : {}),
      ...(r.createdAt ? { createdAt: r.createdAt } : {}),
    }));
    written.push(
      ...(await q
        .insert(outbox)
        .values(values)
        .onConflictDoNothing({ target: outbox.key })
        .returning({ id: outbox.id, kind: outbox.kind, notBefore: outbox.notBefore })),
    );
  }
  if (written.length > 0) for (const listener of listeners) listener(written);
  return written;
}

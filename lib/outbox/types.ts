import type { Db } from '@/db/client';
import type { outbox } from '@/db/schema';

export type OutboxRow = typeof outbox.$inferSelect;

/**
 * What one attempt at a row came to.
 * sent: done (note: a partial failure worth showing, e.g. WeCom `invaliduser`);
 * retry: a transient fault, try again after the backoff; failed: retrying cannot help (shown on
 * the failed-deliveries page with its reason); skipped: nothing to send to (channel off, no
 * subscription, recipient inactive, webhook removed).
 */
export type Outcome =
  | { outcome: 'sent'; note?: string }
  | { outcome: 'retry'; error: string }
  | { outcome: 'failed'; error: string }
  | { outcome: 'skipped'; note: string };

export interface DeliverContext {
  db: Db;
  /** The dispatcher's clock (the engine's, which tests may move). */
  now: Date;
}

/** Delivers the rows of one kind. Registered with the dispatcher; never throws for a receiver's fault. */
export interface OutboxHandler {
  kind: string;
  deliver(row: OutboxRow, ctx: DeliverContext): Promise<Outcome>;
}

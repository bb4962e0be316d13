import { sql } from 'drizzle-orm';
import { index, integer, jsonb, pgTable, text, timestamp, uniqueIndex, uuid } from 'drizzle-orm/pg-core';

/**
 * pending: waits for its time (not_before) and a worker; sent: done (for a job: handed over);
 * failed: retrying cannot help or the attempt budget is spent — shown on the failed-deliveries
 * page with its reason; skipped: nothing to send to (channel off, no subscription, recipient
 * inactive); digested: carried by another row's digest (its id is in `note`).
 */
export const OUTBOX_STATUSES = ['pending', 'sent', 'failed', 'skipped', 'digested'] as const;
export type OutboxStatus = (typeof OUTBOX_STATUSES)[number];

/**
 * The one outbox: everything that leaves the system after a commit — an in-app message's fan-out
 * to e-mail / WeChat Work / Web Push, those channel deliveries themselves, webhooks, hand-off jobs
 * for external systems. Rows are written in the transaction that causes them (db/outbox.ts) and
 * delivered after commit by the dispatcher in lib/outbox, at least once: `key` is the idempotency
 * key receivers get, and unique, so planning the same effect twice writes one row.
 *
 * No foreign keys: the row is a delivery log that must outlive nothing and block nothing, and the
 * engine writes it in the same batch as the rows it names.
 */
export const outbox = pgTable(
  'outbox',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    /** Which handler delivers it: 'message', 'email', 'wecom', 'webpush', 'webhook', 'instance-event', 'job' … */
    kind: text('kind').notNull(),
    key: text('key').notNull(),
    /** What the handler needs, as JSON; never a secret in clear (addressed mail is sealed). */
    payload: jsonb('payload').notNull(),
    instanceId: uuid('instance_id'),
    /** The person a channel delivery goes to: digests group by it, the operations page names them. */
    userId: uuid('user_id'),
    /** The in-app message a channel delivery carries (the notice page shows where it arrived). */
    messageId: uuid('message_id'),
    status: text('status', { enum: OUTBOX_STATUSES }).notNull().default('pending'),
    attempts: integer('attempts').notNull().default(0),
    /** Not before: quiet hours, digests and retry backoff move it forward. */
    notBefore: timestamp('not_before', { withTimezone: true }).notNull().defaultNow(),
    /** Held by one worker until then; a crashed worker's claim simply expires. */
    lockedUntil: timestamp('locked_until', { withTimezone: true }),
    /** Why the last attempt failed, in words an administrator can act on. */
    lastError: text('last_error'),
    /** Why a row was skipped, or the partial failure of a sent one (e.g. WeCom invaliduser). */
    note: text('note'),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    sentAt: timestamp('sent_at', { withTimezone: true }),
    /** A hand-off job the external system reported done through its signed callback. */
    completedAt: timestamp('completed_at', { withTimezone: true }),
  },
  (t) => [
    uniqueIndex('outbox_key_uq').on(t.key),
    index('outbox_due_idx').on(t.notBefore).where(sql`${t.status} = 'pending'`),
    index('outbox_status_idx').on(t.status, t.kind, t.createdAt),
    index('outbox_instance_idx').on(t.instanceId),
    index('outbox_message_idx').on(t.messageId),
    index('outbox_user_idx').on(t.userId, t.kind, t.status),
  ],
);

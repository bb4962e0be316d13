import { integer, jsonb, pgTable, primaryKey, text, timestamp, uuid } from 'drizzle-orm/pg-core';
import { users } from './org';

/**
 * The first result of a POST sent with an `Idempotency-Key`, per user: a retry of the same
 * request gets this response back instead of applying the request again.
 */
export const idempotencyKeys = pgTable(
  'idempotency_keys',
  {
    userId: uuid('user_id')
      .notNull()
      .references(() => users.id),
    key: text('key').notNull(),
    /** sha256 of method, path and body: the same key on a different request is refused. */
    requestHash: text('request_hash').notNull(),
    /** null while the first request is still running. */
    status: integer('status'),
    body: jsonb('body'),
    headers: jsonb('headers').$type<Record<string, string>>(),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull(),
  },
  (t) => [primaryKey({ columns: [t.userId, t.key] })],
);

import { index, integer, jsonb, pgTable, text, timestamp, uuid } from 'drizzle-orm/pg-core';
import { processInstances } from './instances';
import { users } from './org';

/**
 * The in-app message center, and the outbox other channels deliver from:
 * rows are written in the transaction of the transition that causes them.
 */
export const messages = pgTable(
  'messages',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    userId: uuid('user_id')
      .notNull()
      .references(() => users.id),
    kind: text('kind').notNull(),
    /** Message key and parameters, rendered in the reader's language. */
    params: jsonb('params').$type<Record<string, string>>().notNull(),
    link: text('link'),
    instanceId: uuid('instance_id').references(() => processInstances.id),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull(),
    readAt: timestamp('read_at', { withTimezone: true }),
  },
  (t) => [
    index('messages_user_idx').on(t.userId, t.createdAt),
    // Delivery planning looks for recent messages not yet planned (lib/notify).
    index('messages_created_idx').on(t.createdAt),
  ],
);

/** Fixed-window counters shared by every app process (login throttling, public lookups). */
export const rateLimits = pgTable('rate_limits', {
  key: text('key').primaryKey(),
  count: integer('count').notNull(),
  windowStart: timestamp('window_start', { withTimezone: true }).notNull(),
});

/** Installation-wide values generated once and shared by every app process (e.g. the auth secret). */
export const settings = pgTable('settings', {
  key: text('key').primaryKey(),
  value: text('value').notNull(),
});

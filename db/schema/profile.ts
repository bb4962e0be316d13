import { pgTable, primaryKey, text, timestamp, uuid } from 'drizzle-orm/pg-core';
import { users } from './org';

/**
 * 一表通 "上次填写": a profile fact the person corrected on a form (a new phone number), offered
 * on their next form instead of the record's value. Only facts a person may change are kept here;
 * 学号, name and college always come from the record.
 */
export const rememberedFacts = pgTable(
  'remembered_facts',
  {
    userId: uuid('user_id')
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    fact: text('fact').notNull(),
    value: text('value').notNull(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull(),
  },
  (t) => [primaryKey({ columns: [t.userId, t.fact] })],
);

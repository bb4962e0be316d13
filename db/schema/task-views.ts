import { jsonb, pgTable, timestamp, uuid } from 'drizzle-orm/pg-core';
import { users } from './org';

/**
 * 待办 / 已办 / 我发起的 / 抄送我: each person's filters, kept on the server so they follow them
 * from phone to desktop. One row per person; `filters` holds one object per tab, validated by
 * lib/instances/task-filters.ts whenever it is read or written (a stale shape is ignored).
 */
export const taskViewPrefs = pgTable('task_view_prefs', {
  userId: uuid('user_id')
    .primaryKey()
    .references(() => users.id),
  filters: jsonb('filters').$type<Record<string, unknown>>().notNull(),
  updatedAt: timestamp('updated_at', { withTimezone: true }).notNull(),
});

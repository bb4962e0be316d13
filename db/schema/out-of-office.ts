import { date, index, pgTable, text, timestamp, uuid } from 'drizzle-orm/pg-core';
import { users } from './org';

/**
 * 代理 (out of office): while a person is away (startsOn..endsOn, China dates, inclusive) the tasks
 * that would come to them go to their deputy (workflows/engine/deputies.ts). One row per person:
 * setting again replaces it; it needs no clean-up, it simply stops applying after endsOn.
 */
export const outOfOffice = pgTable(
  'out_of_office',
  {
    userId: uuid('user_id')
      .primaryKey()
      .references(() => users.id, { onDelete: 'cascade' }),
    deputyId: uuid('deputy_id')
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    startsOn: date('starts_on', { mode: 'string' }).notNull(),
    endsOn: date('ends_on', { mode: 'string' }).notNull(),
    reason: text('reason'),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull(),
  },
  (t) => [index('out_of_office_deputy_idx').on(t.deputyId), index('out_of_office_ends_idx').on(t.endsOn)],
);

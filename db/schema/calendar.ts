import { date, pgTable, text, timestamp, uuid } from 'drizzle-orm/pg-core';

/**
 * Exceptions to the Monday–Friday week on the university calendar: public holidays that fall
 * on weekdays, and 调休 make-up workdays that fall on weekends. Dates are China Standard Time.
 */
export const calendarDays = pgTable('calendar_days', {
  day: date('day', { mode: 'string' }).primaryKey(),
  kind: text('kind', { enum: ['holiday', 'workday'] }).notNull(),
  nameZh: text('name_zh').notNull(),
  nameEn: text('name_en').notNull(),
  updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
});

/** Terms of the academic year (学期), shown on 校历 and used by processes with term windows. */
export const calendarTerms = pgTable('calendar_terms', {
  id: uuid('id').primaryKey().defaultRandom(),
  nameZh: text('name_zh').notNull(),
  nameEn: text('name_en').notNull(),
  startsOn: date('starts_on', { mode: 'string' }).notNull(),
  endsOn: date('ends_on', { mode: 'string' }).notNull(),
});

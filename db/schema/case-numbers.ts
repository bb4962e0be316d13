import { date, integer, pgTable, primaryKey, text } from 'drizzle-orm/pg-core';

/**
 * 流水号 (contract 6): process_instances.case_no is filled by a BEFORE INSERT trigger
 * (migration 0004) from these two tables, so every writer of instances gets one without knowing.
 * Prefixes are declared by each definition (casePrefix) and synced here at start (lib/instances/
 * case-prefixes.ts); a process without a row gets the initials of its id.
 */
export const processCasePrefixes = pgTable('process_case_prefixes', {
  processId: text('process_id').primaryKey(),
  prefix: text('prefix').notNull(),
});

/** The last number handed out per prefix and day (China time); the trigger's upsert locks the row. */
export const caseCounters = pgTable(
  'case_counters',
  {
    prefix: text('prefix').notNull(),
    day: date('day').notNull(),
    last: integer('last').notNull(),
  },
  (t) => [primaryKey({ columns: [t.prefix, t.day] })],
);

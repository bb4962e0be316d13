import { bigint, boolean, date, index, integer, pgTable, primaryKey, smallint, text } from 'drizzle-orm/pg-core';

/**
 * Monitoring rollups (流程监控 at 1 M instances): counts and duration histograms per day and per
 * month, so dashboards and heatmaps read thousands of rows instead of millions.
 *
 * Database triggers (db/migrations/0002_monitor_rollups.sql) append signed day rows to
 * `monitor_rollup_delta` in the same transaction as the write they describe — the numbers are
 * exact the moment a transition commits, whoever wrote it (engine, admin operation, import).
 * Appending never waits on a lock another transaction holds, unlike updating a counter row.
 * The timer runner folds the deltas into `monitor_rollup` as day and month rows
 * (lib/admin/stats/compact-rollup.ts); readers sum both, so folding is an optimisation,
 * never a condition for correct figures.
 *
 * metric   key                     bucket
 * started  instance status         0
 * hour     hour of day started     0
 * handling ''                      histogram bucket of completed_at − created_at
 * step     task state              histogram bucket of the task's completed_at − created_at
 * stay     statechart state        histogram bucket of the time spent in the state
 *
 * `day` is the day (grain 'd') or first day of the month (grain 'm') in China time: of the
 * instance's start for started/hour/handling/step, of entering the state for stay.
 * Buckets are quarter-octaves (lib/admin/stats/histogram.ts): ±9 % at worst, typically ±2 %.
 */
const rollupColumns = {
  metric: text('metric').notNull(),
  grain: text('grain').notNull(),
  day: date('day').notNull(),
  processId: text('process_id').notNull(),
  /** The definition version the instance ran on; 0 where the figure is not per version (step). */
  processVersion: integer('process_version').notNull(),
  /** Applicant's org unit, '' when there is none (kept non-null for the primary key). */
  applicantOrgId: text('applicant_org_id').notNull(),
  key: text('key').notNull(),
  bucket: smallint('bucket').notNull(),
  n: bigint('n', { mode: 'number' }).notNull(),
  /** Counted from generated demo history (process_instances.sample): left out unless asked for. */
  sample: boolean('sample').notNull().default(false),
};

export const monitorRollup = pgTable('monitor_rollup', rollupColumns, (t) => [
  primaryKey({ name: 'monitor_rollup_pk', columns: [t.metric, t.grain, t.day, t.processId, t.processVersion, t.applicantOrgId, t.key, t.bucket, t.sample] }),
]);

export const monitorRollupDelta = pgTable('monitor_rollup_delta', rollupColumns, (t) => [
  index('monitor_rollup_delta_metric_day_idx').on(t.metric, t.day),
]);

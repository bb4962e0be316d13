import { sql, type SQL } from 'drizzle-orm';
import type { Period } from '../period';

/** Rollup metrics (db/schema/monitor-rollup.ts). */
export type RollupMetric = 'started' | 'hour' | 'handling' | 'step' | 'stay';

/** The columns readers see (monitor_rollup and monitor_rollup_delta share them). */
const COLUMNS = sql.raw('grain, day, process_id, process_version, applicant_org_id, key, bucket, n, sample');

/**
 * The rollup rows as readers see them: the folded table plus the deltas not folded yet, so a
 * figure is exact the moment the transition that changed it commits.
 * Column names match process_instances (process_id, applicant_org_id), so the admin scope
 * condition (instanceScopeSql) applies unchanged to the alias.
 */
export function rollupRows(alias: string, metric: RollupMetric, period: Period, opts: { dailyOnly?: boolean } = {}): SQL {
  const days = rollupDays(period, opts.dailyOnly ?? false);
  // Deltas are day rows only (the fold makes the month rows): all the period's days count.
  return sql`(select ${COLUMNS} from monitor_rollup where metric = ${metric} and (${days})
    union all
    select ${COLUMNS} from monitor_rollup_delta
    where metric = ${metric} and day >= ${period.fromText}::date and day <= ${period.toText}::date) ${sql.raw(alias)}`;
}

/** All of a metric's rows since the beginning: month rows of the folded table plus the deltas. */
export function rollupRowsAllTime(alias: string, metric: RollupMetric): SQL {
  return sql`(select ${COLUMNS} from monitor_rollup where metric = ${metric} and grain = 'm'
    union all
    select ${COLUMNS} from monitor_rollup_delta where metric = ${metric}) ${sql.raw(alias)}`;
}

const firstOfMonth = (d: Date) => new Date(Date.UTC(d.getUTCFullYear(), d.getUTCMonth(), 1));
const addMonths = (d: Date, n: number) => new Date(Date.UTC(d.getUTCFullYear(), d.getUTCMonth() + n, 1));
const addDays = (d: Date, n: number) => new Date(d.getTime() + n * 86_400_000);
const text = (d: Date) => d.toISOString().slice(0, 10);

/**
 * Which rows cover the period's days exactly once: month rows for the whole months inside it,
 * day rows for the days before the first and after the last whole month. A year then reads
 * 12 month rows and at most ~60 day rows per combination instead of 365.
 */
export function rollupDays(period: Period, dailyOnly: boolean): SQL {
  const from = new Date(`${period.fromText}T00:00:00Z`);
  const to = new Date(`${period.toText}T00:00:00Z`); // inclusive
  const daily = (a: Date, b: Date) => sql`(grain = 'd' and day >= ${text(a)}::date and day <= ${text(b)}::date)`;
  if (dailyOnly) return daily(from, to);
  const firstWhole = from.getUTCDate() === 1 ? from : addMonths(from, 1);
  const afterTo = addDays(to, 1);
  // The month after the last whole month: a whole month ends on the day before it.
  const afterLastWhole = afterTo.getUTCDate() === 1 ? afterTo : firstOfMonth(to);
  if (firstWhole.getTime() >= afterLastWhole.getTime()) return daily(from, to);
  const parts = [sql`(grain = 'm' and day >= ${text(firstWhole)}::date and day < ${text(afterLastWhole)}::date)`];
  if (from.getTime() < firstWhole.getTime()) parts.push(daily(from, addDays(firstWhole, -1)));
  if (afterLastWhole.getTime() <= to.getTime()) parts.push(daily(afterLastWhole, to));
  return sql.join(parts, sql` or `);
}

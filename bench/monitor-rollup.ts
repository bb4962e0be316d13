import { sql, type SQL } from 'drizzle-orm';
import type { Db } from '@/db/client';
import type { Period } from '@/lib/admin/period';

/**
 * The rollup alternative measured by the bench: a daily rollup of instance counts per
 * process × college × status × hour, and a table of completed state stays (one row per stay,
 * duration precomputed). Both are refreshed (here: built) from the live tables.
 */
export async function createRollups(db: Db): Promise<void> {
  await db.execute(sql`drop materialized view if exists monitor_daily`);
  await db.execute(sql`
    create materialized view monitor_daily as
    select (created_at at time zone 'Asia/Shanghai')::date as day,
      extract(hour from created_at at time zone 'Asia/Shanghai')::int as hour,
      process_id, applicant_org_id, status, count(*)::int as n
    from process_instances group by 1, 2, 3, 4, 5`);
  await db.execute(sql`create index on monitor_daily (day)`);
  await db.execute(sql`drop materialized view if exists monitor_stays`);
  await db.execute(sql`
    create materialized view monitor_stays as
    select i.process_id, i.process_version, c.to_state as state, c.at as entered_at,
      extract(epoch from c.left_at - c.at)::float8 as seconds
    from (
      select instance_id, to_state, at, lead(at) over (partition by instance_id order by seq) as left_at
      from instance_events where from_state is distinct from to_state
    ) c join process_instances i on i.id = c.instance_id
    where c.left_at is not null`);
  await db.execute(sql`create index on monitor_stays (process_id, process_version, entered_at)`);
  await db.execute(sql`analyze monitor_daily`);
  await db.execute(sql`analyze monitor_stays`);
}

export function rollupQueries(year: Period, month: Period): Array<[string, SQL]> {
  const y = sql`day >= ${year.fromText}::date and day <= ${year.toText}::date`;
  return [
    ['rollup started-by-day', sql`select day, sum(n) from monitor_daily where ${y} group by 1 order by 1`],
    ['rollup by-department × status', sql`select applicant_org_id, status, sum(n) from monitor_daily where ${y} group by 1, 2`],
    ['rollup busiest-hours', sql`select hour, sum(n) from monitor_daily where ${y} group by 1`],
    [
      'rollup heatmap stays fitness v1, first month',
      sql`select state, count(*), percentile_cont(0.5) within group (order by seconds), percentile_cont(0.9) within group (order by seconds)
          from monitor_stays where process_id = 'fitness-test-exemption' and process_version = 1
            and entered_at >= ${month.from.toISOString()}::timestamptz and entered_at < ${month.to.toISOString()}::timestamptz group by 1`,
    ],
    [
      'rollup heatmap stays fitness v1, 9 months',
      sql`select state, count(*), percentile_cont(0.5) within group (order by seconds), percentile_cont(0.9) within group (order by seconds)
          from monitor_stays where process_id = 'fitness-test-exemption' and process_version = 1
            and entered_at >= ${year.from.toISOString()}::timestamptz and entered_at < ${year.to.toISOString()}::timestamptz group by 1`,
    ],
  ];
}

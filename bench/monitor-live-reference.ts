import { sql, type SQL } from 'drizzle-orm';
import type { Period } from '@/lib/admin/period';

/**
 * The monitoring queries as they were before the rollup: scans of the live tables, timed
 * beside the rollup-backed app code so the bench prints what the rollup buys.
 */
export function liveReferenceQueries(year: Period): Array<[string, SQL]> {
  const inYear = sql`i.created_at >= ${year.from.toISOString()}::timestamptz and i.created_at < ${year.to.toISOString()}::timestamptz`;
  return [
    [
      'live scan: started-by-day (9 months)',
      sql`select to_char(i.created_at at time zone 'Asia/Shanghai', 'YYYY-MM-DD'), count(*), count(*) filter (where i.status = 'active')
          from process_instances i where ${inYear} group by 1 order by 1`,
    ],
    [
      'live scan: step-time (9 months)',
      sql`select i.process_id, t.state, count(*), percentile_cont(0.5) within group (order by extract(epoch from t.completed_at - t.created_at))
          from tasks t join process_instances i on i.id = t.instance_id where ${inYear} and t.status = 'done' group by 1, 2`,
    ],
    [
      'live scan: heatmap stays fitness v1 (9 months)',
      sql`with changes as (
            select e.instance_id, e.to_state, e.at, lead(e.at) over (partition by e.instance_id order by e.seq) as left_at
            from instance_events e join process_instances i on i.id = e.instance_id
            where i.process_id = 'fitness-test-exemption' and i.process_version = 1
              and e.at >= ${year.from.toISOString()}::timestamptz and e.from_state is distinct from e.to_state)
          select s.state, count(*), percentile_cont(0.5) within group (order by extract(epoch from left_at - at))
          from changes c, unnest(string_to_array(c.to_state, ',')) as s(state)
          where c.left_at is not null and c.at < ${year.to.toISOString()}::timestamptz group by 1`,
    ],
  ];
}

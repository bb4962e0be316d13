import { sql } from 'drizzle-orm';
import type { Db } from '@/db/client';
import type { AdminScope } from '../../authz-admin';
import { queryRows } from '../rows';
import { instanceWhere, type StatsFilters } from './filters';

export const STATS_TABLES = [
  'started-by-day',
  'started-by-month',
  'started-by-term',
  'by-department',
  'by-process',
  'handling-time',
  'step-time',
  'overdue-by-department',
  'busiest-hours',
] as const;
export type StatsTableId = (typeof STATS_TABLES)[number];

export interface StatsTable {
  id: StatsTableId;
  /** i18n keys under admin.col.* */
  columns: string[];
  rows: Array<Array<string | number | null>>;
}

/** Dates are bucketed in China time: a day on campus starts at midnight Beijing time. */
const LOCAL = sql`'Asia/Shanghai'`;
const hours = (expr: string) => sql.raw(`round((${expr})::numeric / 3600, 1)::float8`);

/**
 * 学期: autumn term runs September–January, spring term February–August,
 * named by academic year (2026-2027-1 = autumn 2026, 2026-2027-2 = spring 2027).
 */
const TERM = sql`case
  when extract(month from i.created_at at time zone ${LOCAL}) >= 9
    then extract(year from i.created_at at time zone ${LOCAL})::int || '-' || (extract(year from i.created_at at time zone ${LOCAL})::int + 1) || '-1'
  when extract(month from i.created_at at time zone ${LOCAL}) = 1
    then (extract(year from i.created_at at time zone ${LOCAL})::int - 1) || '-' || extract(year from i.created_at at time zone ${LOCAL})::int || '-1'
  else (extract(year from i.created_at at time zone ${LOCAL})::int - 1) || '-' || extract(year from i.created_at at time zone ${LOCAL})::int || '-2'
end`;

type Row = { [k: string]: string | number | null };

const cols = (x: Row, ...keys: string[]) => keys.map((k) => x[k] ?? null);

async function rows(db: Db, q: ReturnType<typeof sql>): Promise<Row[]> {
  return queryRows<Row>(db, q);
}

const STATUS_COLUMNS = sql`count(*)::int as total,
  count(*) filter (where i.status = 'active')::int as running,
  count(*) filter (where i.status = 'completed')::int as completed,
  count(*) filter (where i.status = 'rejected')::int as rejected,
  count(*) filter (where i.status in ('withdrawn', 'cancelled'))::int as withdrawn`;

/** One dashboard table, computed live from the instances, tasks and event log. */
export async function statsTable(db: Db, scope: AdminScope, id: StatsTableId, f: StatsFilters, now: Date): Promise<StatsTable> {
  const where = instanceWhere(scope, f);
  const bucket = (expr: ReturnType<typeof sql>, columns: string[]) =>
    rows(db, sql`select ${expr} as bucket, ${STATUS_COLUMNS} from process_instances i where ${where} group by 1 order by 1`).then((r) => ({
      id,
      columns,
      rows: r.map((x) => cols(x, 'bucket', 'total', 'running', 'completed', 'rejected', 'withdrawn')),
    }));
  const statusCols = ['total', 'running', 'completed', 'rejected', 'withdrawn'];
  switch (id) {
    case 'started-by-day':
      return bucket(sql`to_char(i.created_at at time zone ${LOCAL}, 'YYYY-MM-DD')`, ['day', ...statusCols]);
    case 'started-by-month':
      return bucket(sql`to_char(i.created_at at time zone ${LOCAL}, 'YYYY-MM')`, ['month', ...statusCols]);
    case 'started-by-term':
      return bucket(TERM, ['term', ...statusCols]);
    case 'by-department':
      return bucket(sql`coalesce(i.applicant_org_id, '-')`, ['department', ...statusCols]);
    case 'by-process':
      return bucket(sql`i.process_id`, ['process', ...statusCols]);
    case 'handling-time': {
      const r = await rows(
        db,
        sql`select i.process_id, count(*)::int as n,
              ${hours('percentile_cont(0.5) within group (order by extract(epoch from i.completed_at - i.created_at))')} as median,
              ${hours('percentile_cont(0.9) within group (order by extract(epoch from i.completed_at - i.created_at))')} as p90
            from process_instances i where ${where} and i.completed_at is not null group by 1 order by 1`,
      );
      return { id, columns: ['process', 'finished', 'medianHours', 'p90Hours'], rows: r.map((x) => cols(x, 'process_id', 'n', 'median', 'p90')) };
    }
    case 'step-time': {
      const r = await rows(
        db,
        sql`select i.process_id, t.state, count(*)::int as n,
              ${hours('percentile_cont(0.5) within group (order by extract(epoch from t.completed_at - t.created_at))')} as median,
              ${hours('percentile_cont(0.9) within group (order by extract(epoch from t.completed_at - t.created_at))')} as p90
            from tasks t join process_instances i on i.id = t.instance_id
            where ${where} and t.status = 'done' group by 1, 2 order by 1, 2`,
      );
      return { id, columns: ['process', 'step', 'handled', 'medianHours', 'p90Hours'], rows: r.map((x) => cols(x, 'process_id', 'state', 'n', 'median', 'p90')) };
    }
    case 'overdue-by-department': {
      // Overdue now, whenever the instance started: the period does not hide a late task.
      const open = instanceWhere(scope, f, { period: false });
      const r = await rows(
        db,
        sql`select coalesce(t.org_unit_id, '-') as unit, count(*)::int as n,
              round((max(extract(epoch from ${now.toISOString()}::timestamptz - t.due_at)))::numeric / 3600, 1)::float8 as worst
            from tasks t join process_instances i on i.id = t.instance_id
            where ${open} and t.status = 'open' and t.due_at < ${now.toISOString()}::timestamptz
            group by 1 order by 2 desc, 1`,
      );
      return { id, columns: ['department', 'overdue', 'worstHoursLate'], rows: r.map((x) => cols(x, 'unit', 'n', 'worst')) };
    }
    case 'busiest-hours': {
      const r = await rows(
        db,
        sql`select extract(hour from i.created_at at time zone ${LOCAL})::int as h, count(*)::int as n
            from process_instances i where ${where} group by 1 order by 1`,
      );
      const byHour = new Map(r.map((x) => [Number(x.h), Number(x.n)]));
      return { id, columns: ['hour', 'started'], rows: Array.from({ length: 24 }, (_, h) => [`${String(h).padStart(2, '0')}:00`, byHour.get(h) ?? 0]) };
    }
  }
}

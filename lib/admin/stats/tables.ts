import { sql } from 'drizzle-orm';
import type { Db } from '@/db/client';
import type { AdminScope } from '../../policy';
import { queryRows } from '../rows';
import { scopeWhere, type StatsFilters } from './filters';
import { summarizeDurations } from './histogram';
import { rollupRows } from './rollup-source';
import { satisfactionByDepartment } from './satisfaction';
import { cstDate, loadWorkingCalendar, workingDaysBetween } from '@/workflows/engine/calendar';

/** Overdue tasks without a department are grouped under their role: 'role:applicant'. */
export const ROLE_PREFIX = 'role:';

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
  'urges-by-step',
  'satisfaction-by-department',
] as const;
export type StatsTableId = (typeof STATS_TABLES)[number];

export interface StatsTable {
  id: StatsTableId;
  /** i18n keys under admin.col.* */
  columns: string[];
  rows: Array<Array<string | number | null>>;
}

/**
 * 学期: autumn term runs September–January, spring term February–August,
 * named by academic year (2026-2027-1 = autumn 2026, 2026-2027-2 = spring 2027).
 * Terms are whole months, so month rows of the rollup map onto them exactly.
 */
const TERM = sql`case
  when extract(month from r.day) >= 9 then extract(year from r.day)::int || '-' || (extract(year from r.day)::int + 1) || '-1'
  when extract(month from r.day) = 1 then (extract(year from r.day)::int - 1) || '-' || extract(year from r.day)::int || '-1'
  else (extract(year from r.day)::int - 1) || '-' || extract(year from r.day)::int || '-2'
end`;

type Row = { [k: string]: string | number | null };

const cols = (x: Row, ...keys: string[]) => keys.map((k) => x[k] ?? null);

async function rows(db: Db, q: ReturnType<typeof sql>): Promise<Row[]> {
  return queryRows<Row>(db, q);
}

const STATUS_COLUMNS = sql`sum(r.n)::int as total,
  coalesce(sum(r.n) filter (where r.key = 'active'), 0)::int as running,
  coalesce(sum(r.n) filter (where r.key = 'completed'), 0)::int as completed,
  coalesce(sum(r.n) filter (where r.key = 'rejected'), 0)::int as rejected,
  coalesce(sum(r.n) filter (where r.key in ('withdrawn', 'cancelled')), 0)::int as withdrawn`;

/** Seconds → hours with one decimal, as the tables show them. */
const hours = (seconds: number | null) => (seconds === null ? null : Math.round((seconds / 3600) * 10) / 10);

/** Histograms grouped by the given columns → one row per group (in query order): count, median, p90. */
function percentileRows(r: Row[], groupBy: string[]): Array<Array<string | number | null>> {
  const keys = new Map<string, Array<string | number | null>>();
  const summaries = summarizeDurations(r as Array<Row & { bucket: number; n: number }>, (x) => {
    const key = cols(x, ...groupBy);
    const id = JSON.stringify(key);
    keys.set(id, key);
    return id;
  });
  return [...summaries].map(([id, d]) => [...keys.get(id)!, d.count, hours(d.medianSeconds), hours(d.p90Seconds)]);
}

/**
 * One dashboard table. Counts and durations come from the monitoring rollup (exact counts,
 * durations from histograms); overdue tasks are read live from their partial index.
 */
export async function statsTable(db: Db, scope: AdminScope, id: StatsTableId, f: StatsFilters, now: Date): Promise<StatsTable> {
  const where = scopeWhere(scope, f, 'r');
  const bucket = (expr: ReturnType<typeof sql>, columns: string[], dailyOnly = false) =>
    rows(
      db,
      sql`select ${expr} as bucket, ${STATUS_COLUMNS} from ${rollupRows('r', 'started', f.period, { dailyOnly })}
          where ${where} group by 1 having sum(r.n) <> 0 order by 1`,
    ).then((r) => ({
      id,
      columns,
      rows: r.map((x) => cols(x, 'bucket', 'total', 'running', 'completed', 'rejected', 'withdrawn')),
    }));
  const statusCols = ['total', 'running', 'completed', 'rejected', 'withdrawn'];
  switch (id) {
    case 'started-by-day':
      return bucket(sql`to_char(r.day, 'YYYY-MM-DD')`, ['day', ...statusCols], true);
    case 'started-by-month':
      return bucket(sql`to_char(r.day, 'YYYY-MM')`, ['month', ...statusCols]);
    case 'started-by-term':
      return bucket(TERM, ['term', ...statusCols]);
    case 'by-department':
      return bucket(sql`coalesce(nullif(r.applicant_org_id, ''), '-')`, ['department', ...statusCols]);
    case 'by-process':
      return bucket(sql`r.process_id`, ['process', ...statusCols]);
    case 'handling-time': {
      const r = await rows(
        db,
        sql`select r.process_id, r.bucket, sum(r.n)::int as n from ${rollupRows('r', 'handling', f.period)}
            where ${where} group by 1, 2 order by 1`,
      );
      return { id, columns: ['process', 'finished', 'medianHours', 'p90Hours'], rows: percentileRows(r, ['process_id']) };
    }
    case 'step-time': {
      const r = await rows(
        db,
        sql`select r.process_id, r.key as state, r.bucket, sum(r.n)::int as n from ${rollupRows('r', 'step', f.period)}
            where ${where} group by 1, 2, 3 order by 1, 2`,
      );
      return { id, columns: ['process', 'step', 'handled', 'medianHours', 'p90Hours'], rows: percentileRows(r, ['process_id', 'state']) };
    }
    case 'overdue-by-department': {
      // Overdue now, whenever the instance started: the period does not hide a late task. By the
      // department that must act; a task offered by role alone (申请人, 校领导) is listed by its role.
      // Open tasks belong to running instances; both sides are read from partial indexes alone,
      // and the instances only when a scope or filter needs them.
      const needsInstance = scope.kind !== 'all' || f.department !== undefined || f.process !== undefined;
      const open = needsInstance
        ? sql`tasks t join process_instances i on i.id = t.instance_id and i.status = 'active' and ${scopeWhere(scope, f, 'i')}`
        : sql`tasks t`;
      // Sample tasks out by the few sample instances' ids (a partial index), not a join per task.
      const samples = f.samples ? sql`true` : sql`t.instance_id not in (select s.id from process_instances s where s.sample)`;
      const r = await rows(
        db,
        sql`select coalesce(t.org_unit_id, ${ROLE_PREFIX} || t.role) as unit, count(*)::int as n, min(t.due_at) as oldest
            from ${open}
            where t.status = 'open' and t.due_at < ${now.toISOString()}::timestamptz and ${samples}
            group by 1 order by 2 desc, 1`,
      );
      // Working days late by the university calendar (holidays, 调休), as time limits are set.
      const calendar = await loadWorkingCalendar(db);
      const today = cstDate(now);
      const late = (due: unknown) => Math.max(0, workingDaysBetween(calendar, cstDate(new Date(String(due))), today) - 1);
      return { id, columns: ['department', 'overdue', 'worstWorkingDaysLate'], rows: r.map((x) => [x.unit ?? null, x.n ?? 0, late(x.oldest)]) };
    }
    case 'urges-by-step': {
      // 催办 per step, read live from the tasks (urge_count, urged_at; the rollup has no urges):
      // steps whose last urge fell in the period, most urged first; 'waiting' are still open.
      const r = await rows(
        db,
        sql`select i.process_id, t.state, sum(t.urge_count)::int as urges, count(*)::int as tasks,
                   (count(*) filter (where t.status = 'open'))::int as waiting
            from tasks t join process_instances i on i.id = t.instance_id
            where t.urge_count > 0 and t.urged_at >= ${f.period.from.toISOString()}::timestamptz
              and t.urged_at < ${f.period.to.toISOString()}::timestamptz and ${scopeWhere(scope, f, 'i')}
            group by 1, 2 order by 3 desc, 1, 2`,
      );
      return { id, columns: ['process', 'step', 'urges', 'urgedTasks', 'stillWaiting'], rows: r.map((x) => cols(x, 'process_id', 'state', 'urges', 'tasks', 'waiting')) };
    }
    case 'satisfaction-by-department':
      return {
        id,
        columns: ['department', 'rated', 'verySatisfied', 'satisfied', 'fairlySatisfied', 'dissatisfied', 'veryDissatisfied'],
        rows: await satisfactionByDepartment(db, scope, f),
      };
    case 'busiest-hours': {
      const r = await rows(db, sql`select r.key as h, sum(r.n)::int as n from ${rollupRows('r', 'hour', f.period)} where ${where} group by 1`);
      const byHour = new Map(r.map((x) => [Number(x.h), Number(x.n)]));
      return { id, columns: ['hour', 'started'], rows: Array.from({ length: 24 }, (_, h) => [`${String(h).padStart(2, '0')}:00`, byHour.get(h) ?? 0]) };
    }
  }
}

import { sql, type SQL } from 'drizzle-orm';
import { z } from 'zod';
import { AppError } from '@/workflows/engine/errors';
import { instanceScopeSql, scopeAllowsDepartment, type AdminScope } from '../../authz-admin';
import { parsePeriod, type Period } from '../period';

export interface StatsFilters {
  period: Period;
  department?: string;
  process?: string;
}

const ident = z.string().regex(/^[a-z0-9-]{1,80}$/, '参数无效');

/** Period, department and process filters from query parameters; a leader may only pick their own units. */
export function parseStatsFilters(scope: AdminScope, params: URLSearchParams | Record<string, string | undefined>, now: Date): StatsFilters {
  const get = (k: string) => (params instanceof URLSearchParams ? params.get(k) : params[k]) || undefined;
  const period = parsePeriod({ from: get('from'), to: get('to') }, now);
  const department = get('department');
  const process = get('process');
  for (const [name, value] of [['department', department], ['process', process]] as const) {
    if (value !== undefined && !ident.safeParse(value).success) {
      throw new AppError('INVALID_INPUT', `${name}=${value}`, { zh: `筛选条件无效：${value}`, en: `Invalid filter: ${value}` });
    }
  }
  if (department && !scopeAllowsDepartment(scope, department)) {
    throw new AppError('FORBIDDEN', `department ${department} outside scope`, { zh: '只能查看本部门的统计', en: "You may only see your own department's statistics" });
  }
  return { period, department, process };
}

/** WHERE on process_instances i: scope, start date within the period, department, process. */
export function instanceWhere(scope: AdminScope, f: StatsFilters, opts: { period?: boolean } = {}): SQL {
  const dateColumn = sql`i.created_at`;
  const inPeriod = opts.period ?? true;
  return sql.join(
    [
      instanceScopeSql(scope),
      inPeriod ? sql`${dateColumn} >= ${f.period.from.toISOString()}::timestamptz` : undefined,
      inPeriod ? sql`${dateColumn} < ${f.period.to.toISOString()}::timestamptz` : undefined,
      f.department ? sql`i.applicant_org_id = ${f.department}` : undefined,
      f.process ? sql`i.process_id = ${f.process}` : undefined,
    ].filter((c): c is SQL => c !== undefined),
    sql` and `,
  );
}

/** The same filters on monitoring rollup rows r (the period is chosen by rollupRows). */
export function rollupWhere(scope: AdminScope, f: StatsFilters): SQL {
  return sql.join(
    [
      instanceScopeSql(scope, 'r'),
      f.department ? sql`r.applicant_org_id = ${f.department}` : undefined,
      f.process ? sql`r.process_id = ${f.process}` : undefined,
    ].filter((c): c is SQL => c !== undefined),
    sql` and `,
  );
}

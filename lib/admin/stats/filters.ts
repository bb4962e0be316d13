import { sql, type SQL } from 'drizzle-orm';
import { z } from 'zod';
import { AppError } from '@/workflows/engine/errors';
import { instanceScopeSql, scopeAllowsDepartment, type AdminScope } from '../../policy';
import { parsePeriod, type Period } from '../period';

export interface StatsFilters {
  period: Period;
  department?: string;
  process?: string;
  /** Count the generated demo history (【示例】) too. */
  samples: boolean;
}

const ident = z.string().regex(/^[a-z0-9-]{1,80}$/, '参数无效');

/**
 * Period, department, process and sample filters from query parameters; a leader may only pick
 * their own units. Sample history counts only when asked for (samples=include), or by default
 * where the caller says so (demo mode).
 */
export function parseStatsFilters(scope: AdminScope, params: URLSearchParams | Record<string, string | undefined>, now: Date, samplesByDefault = false): StatsFilters {
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
  const asked = get('samples');
  const samples = asked === 'include' ? true : asked === 'exclude' ? false : samplesByDefault;
  return { period, department, process, samples };
}

/**
 * WHERE for the scope and the department, process and sample filters, on `alias` — process_instances
 * (i) or monitoring rollup rows (r), which share the column names. The period is not in it:
 * rollup readers choose day and month rows by it (rollup-source.ts), and overdue tasks ignore it.
 */
export function scopeWhere(scope: AdminScope, f: StatsFilters, alias: 'i' | 'r'): SQL {
  const column = (name: string) => sql.raw(`${alias}.${name}`);
  return sql.join(
    [
      instanceScopeSql(scope, alias),
      f.department ? sql`${column('applicant_org_id')} = ${f.department}` : undefined,
      f.process ? sql`${column('process_id')} = ${f.process}` : undefined,
      f.samples ? undefined : sql`not ${column('sample')}`,
    ].filter((c): c is SQL => c !== undefined),
    sql` and `,
  );
}

import type { CatalogStatus } from '@/db/schema';

export interface DepartmentStat {
  departmentId: string;
  online: number;
  newThisMonth: number;
  testing: number;
  building: number;
}

export const STAT_KEYS = ['online', 'newThisMonth', 'testing', 'building'] as const;
export type StatKey = (typeof STAT_KEYS)[number];

/**
 * 各单位上网办流程情况统计, computed from the catalog as it is now: per department the services
 * online, those that went online this calendar month (in the given time zone offset), 在测, 在建.
 */
export function departmentStats(
  departments: Array<{ id: string }>,
  services: Array<{ departmentId: string; status: CatalogStatus; onlineAt: Date | null }>,
  now: Date,
  utcOffsetMinutes = 8 * 60,
): { rows: DepartmentStat[]; totals: Omit<DepartmentStat, 'departmentId'> } {
  const local = new Date(now.getTime() + utcOffsetMinutes * 60_000);
  const monthStart = Date.UTC(local.getUTCFullYear(), local.getUTCMonth(), 1) - utcOffsetMinutes * 60_000;
  const byDept = new Map<string, DepartmentStat>(
    departments.map((d) => [d.id, { departmentId: d.id, online: 0, newThisMonth: 0, testing: 0, building: 0 }]),
  );
  for (const s of services) {
    const row = byDept.get(s.departmentId);
    if (!row) continue;
    if (s.status === 'online') {
      row.online++;
      if (s.onlineAt && s.onlineAt.getTime() >= monthStart) row.newThisMonth++;
    } else if (s.status === 'testing') row.testing++;
    else if (s.status === 'building') row.building++;
  }
  const rows = [...byDept.values()];
  const totals = { online: 0, newThisMonth: 0, testing: 0, building: 0 };
  for (const r of rows) for (const k of STAT_KEYS) totals[k] += r[k];
  return { rows, totals };
}

/** Sorted copy; ties keep the departments' own order. */
export function sortStats(rows: DepartmentStat[], key: StatKey | 'department', dir: 'asc' | 'desc'): DepartmentStat[] {
  if (key === 'department') return dir === 'asc' ? rows : [...rows].reverse();
  const sign = dir === 'asc' ? 1 : -1;
  return rows.map((r, i) => ({ r, i })).sort((a, b) => sign * (a.r[key] - b.r[key]) || a.i - b.i).map((x) => x.r);
}

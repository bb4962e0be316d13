import { sql } from 'drizzle-orm';
import type { Db } from '@/db/client';
import type { AdminScope } from '../../policy';
import { queryRows } from '../rows';
import { scopeWhere, type StatsFilters } from './filters';
import { satisfactionLevel } from '@/workflows/labels/satisfaction';
import { getDefinition } from '@/workflows/registry';

/** The events that carry a 好差评: a repair's confirmation, a 校长信箱 writer's rating. */
const RATING_EVENTS = ['confirm', 'rate'];

type Row = { process_id: string; process_version: number; rating: unknown; assigned: unknown };

/**
 * 好差评 per responsible department in the period, by level (非常满意 … 非常不满意, GB/T 39734):
 * a letter's rating counts for every department that answered it, a repair's for the department
 * that owns the process. Each rating given counts, a second one after a reopened case too.
 * Rows: department, rated, then the count at level 5, 4, 3, 2, 1; most rated first.
 */
export async function satisfactionByDepartment(db: Db, scope: AdminScope, f: StatsFilters): Promise<Array<Array<string | number>>> {
  const rows = await queryRows<Row>(
    db,
    sql`select i.process_id, i.process_version, e.payload->'form'->'rating' as rating, i.snapshot->'context'->'assignments' as assigned
        from instance_events e join process_instances i on i.id = e.instance_id
        where e.type in (${sql.join(RATING_EVENTS.map((x) => sql`${x}`), sql`, `)})
          and e.at >= ${f.period.from.toISOString()}::timestamptz and e.at < ${f.period.to.toISOString()}::timestamptz
          and ${scopeWhere(scope, f, 'i')}`,
  );
  const counts = new Map<string, number[]>();
  for (const r of rows) {
    const level = satisfactionLevel(r.rating);
    if (!level) continue;
    const departments = Array.isArray(r.assigned)
      ? [...new Set((r.assigned as Array<{ orgUnitId?: string }>).flatMap((a) => (a.orgUnitId ? [a.orgUnitId] : [])))]
      : [getDefinition(r.process_id, Number(r.process_version)).ownerOrgUnitId];
    for (const d of departments) {
      const c = counts.get(d) ?? [0, 0, 0, 0, 0];
      c[5 - level]!++;
      counts.set(d, c);
    }
  }
  return [...counts]
    .map(([d, c]) => [d, c.reduce((a, b) => a + b, 0), ...c])
    .sort((a, b) => Number(b[1]) - Number(a[1]) || String(a[0]).localeCompare(String(b[0])));
}

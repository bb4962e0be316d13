import { sql } from 'drizzle-orm';
import type { Db } from '@/db/client';
import type { AdminScope } from '../policy';
import { instanceScopeSql, processesOwnedBy } from '../policy';
import { allDefinitions } from '@/workflows/registry';
import type { Label } from '@/workflows/engine/types';
import { queryRows } from './rows';
import { rollupRowsAllTime } from './stats/rollup-source';

export interface DefinitionVersionRow {
  id: string;
  version: number;
  title: Label;
  ownerOrgUnitId: string;
  /** The newest registered version is current; older ones only finish their instances. */
  status: 'current' | 'superseded';
  running: number;
  finished: number;
}

/**
 * Every process with every version and its running / finished instance counts (within the
 * scope), from the monitoring rollup's instance counts — a few hundred month rows, not a
 * count over every instance ever started.
 */
export async function listDefinitions(db: Db, scope: AdminScope): Promise<DefinitionVersionRow[]> {
  const counts = await queryRows<{ process_id: string; process_version: number; running: number; finished: number }>(
    db,
    sql`select r.process_id, r.process_version,
          coalesce(sum(r.n) filter (where r.key = 'active'), 0)::int as running,
          coalesce(sum(r.n) filter (where r.key <> 'active'), 0)::int as finished
        from ${rollupRowsAllTime('r', 'started')} where ${instanceScopeSql(scope, 'r')}
        group by r.process_id, r.process_version`,
  );
  const byKey = new Map(counts.map((c) => [`${c.process_id}@${c.process_version}`, c]));
  const newest = new Map<string, number>();
  for (const d of allDefinitions()) newest.set(d.id, Math.max(newest.get(d.id) ?? 0, d.version));
  const owned = scope.kind === 'all' ? null : new Set(processesOwnedBy(scope.orgUnitIds));
  return allDefinitions()
    .map((d) => {
      const c = byKey.get(`${d.id}@${d.version}`);
      return {
        id: d.id,
        version: d.version,
        title: d.title,
        ownerOrgUnitId: d.ownerOrgUnitId,
        status: newest.get(d.id) === d.version ? ('current' as const) : ('superseded' as const),
        running: c?.running ?? 0,
        finished: c?.finished ?? 0,
      };
    })
    // A department leader sees their own processes, and others only where their people apply.
    .filter((r) => !owned || owned.has(r.id) || r.running + r.finished > 0)
    .sort((a, b) => a.id.localeCompare(b.id) || b.version - a.version);
}

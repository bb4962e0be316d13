import { sql } from 'drizzle-orm';
import type { Db } from '@/db/client';
import { instanceScopeSql, type AdminScope } from '../authz-admin';
import type { Period } from './period';
import { queryRows } from './rows';

export interface StateHeat {
  state: string;
  /** Active instances whose current state includes this one. */
  now: number;
  /** Stays in the state that began in the period and have ended. */
  stays: number;
  medianSeconds: number | null;
  p90Seconds: number | null;
}

/**
 * Per state of one definition version: instances there now, and the median / p90 time spent
 * there, computed from the event log (a stay runs from the event entering a state to the next
 * event that changes the state).
 */
export async function stateHeatmap(db: Db, scope: AdminScope, processId: string, version: number, period: Period): Promise<StateHeat[]> {
  const scoped = instanceScopeSql(scope);
  const [now, durations] = await Promise.all([
    queryRows<{ state: string; n: number }>(
      db,
      sql`select s.state, count(*)::int as n
          from process_instances i, unnest(string_to_array(i.state, ',')) as s(state)
          where i.process_id = ${processId} and i.process_version = ${version} and i.status = 'active' and ${scoped}
          group by s.state`,
    ),
    queryRows<{ state: string; stays: number; median: number | null; p90: number | null }>(
      db,
      sql`with changes as (
            select e.instance_id, e.to_state, e.at,
              lead(e.at) over (partition by e.instance_id order by e.seq) as left_at
            from instance_events e join process_instances i on i.id = e.instance_id
            where i.process_id = ${processId} and i.process_version = ${version} and ${scoped}
              and e.at >= ${period.from.toISOString()}::timestamptz
              and e.from_state is distinct from e.to_state
          )
          select s.state, count(*)::int as stays,
            percentile_cont(0.5) within group (order by extract(epoch from left_at - at))::float8 as median,
            percentile_cont(0.9) within group (order by extract(epoch from left_at - at))::float8 as p90
          from changes c, unnest(string_to_array(c.to_state, ',')) as s(state)
          where c.left_at is not null and c.at < ${period.to.toISOString()}::timestamptz
          group by s.state`,
    ),
  ]);
  const out = new Map<string, StateHeat>();
  const get = (state: string) => {
    let h = out.get(state);
    if (!h) out.set(state, (h = { state, now: 0, stays: 0, medianSeconds: null, p90Seconds: null }));
    return h;
  };
  for (const r of now) get(r.state).now = r.n;
  for (const r of durations) Object.assign(get(r.state), { stays: r.stays, medianSeconds: r.median, p90Seconds: r.p90 });
  return [...out.values()];
}

/** 90 s → "2 分", 3 h → "3.0 时", 5 d → "5.0 天" (zh) or m/h/d (en). */
export function formatDuration(seconds: number | null, locale: 'zh' | 'en'): string {
  if (seconds === null) return '—';
  const u = locale === 'zh' ? { m: '分', h: '时', d: '天' } : { m: 'm', h: 'h', d: 'd' };
  if (seconds < 3600) return `${Math.round(seconds / 60)}${u.m}`;
  if (seconds < 86400) return `${(seconds / 3600).toFixed(1)}${u.h}`;
  return `${(seconds / 86400).toFixed(1)}${u.d}`;
}

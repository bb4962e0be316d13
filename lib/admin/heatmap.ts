import { sql } from 'drizzle-orm';
import type { Db } from '@/db/client';
import { instanceScopeSql, type AdminScope } from '../policy';
import type { Period } from './period';
import { queryRows } from './rows';
import { summarizeDurations } from './stats/histogram';
import { rollupRows } from './stats/rollup-source';

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
 * Per state of one definition version: instances there now (live, from the partial index of
 * running instances), and the median / p90 time spent there by stays entered in the period
 * (from the monitoring rollup's histograms: a stay runs from the event entering a state to
 * the next event that changes the state, and counts under the version it ran on).
 */
export async function stateHeatmap(db: Db, scope: AdminScope, processId: string, version: number, period: Period, samples = false): Promise<StateHeat[]> {
  // Generated demo history (【示例】) counts only when the admin asks for it.
  const real = (alias: 'i' | 'r') => (samples ? sql`true` : sql`not ${sql.raw(alias)}.sample`);
  const [now, stays] = await Promise.all([
    queryRows<{ state: string; n: number }>(
      db,
      sql`select s.state, count(*)::int as n
          from process_instances i, unnest(string_to_array(i.state, ',')) as s(state)
          where i.process_id = ${processId} and i.process_version = ${version} and i.status = 'active' and ${instanceScopeSql(scope)} and ${real('i')}
          group by s.state`,
    ),
    queryRows<{ state: string; bucket: number; n: number }>(
      db,
      sql`select r.key as state, r.bucket, sum(r.n)::int as n from ${rollupRows('r', 'stay', period)}
          where r.process_id = ${processId} and r.process_version = ${version} and ${instanceScopeSql(scope, 'r')} and ${real('r')}
          group by 1, 2`,
    ),
  ]);
  const out = new Map<string, StateHeat>();
  const get = (state: string) => {
    let h = out.get(state);
    if (!h) out.set(state, (h = { state, now: 0, stays: 0, medianSeconds: null, p90Seconds: null }));
    return h;
  };
  for (const r of now) get(r.state).now = r.n;
  for (const [state, d] of summarizeDurations(stays, (r) => r.state)) {
    Object.assign(get(state), { stays: d.count, medianSeconds: d.medianSeconds, p90Seconds: d.p90Seconds });
  }
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

import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { and, eq, sql } from 'drizzle-orm';
import { processInstances } from '@/db/schema';
import { loadDemoHistory } from '@/lib/admin/demo/load-demo-history';
import { stateHeatmap } from '@/lib/admin/heatmap';
import { listDefinitions } from '@/lib/admin/list-definitions';
import type { AdminScope } from '@/lib/policy';
import { cancelInstanceAsAdmin } from '@/lib/admin/operations';
import { parsePeriod, type Period } from '@/lib/admin/period';
import { queryRows } from '@/lib/admin/rows';
import { compactMonitorRollup } from '@/lib/admin/stats/compact-rollup';
import { parseStatsFilters, type StatsFilters } from '@/lib/admin/stats/filters';
import { statsTable } from '@/lib/admin/stats/tables';
import { loadActor, type SessionUser } from '@/lib/auth/load-actor';
import { applyEvent } from '@/workflows/engine/apply-event';
import { startFitnessDeferral } from './helpers/process-fixtures';
import { createTestDatabase, type TestDatabase } from './helpers/test-db';

/**
 * The monitoring rollup (db/migrations/0002_monitor_rollups.sql) is kept by triggers in the
 * transaction of every write. These tests hold it to the live tables: what the triggers wrote
 * equals a rebuild from scratch, folding changes nothing, and every dashboard figure equals
 * the same figure counted on process_instances / tasks / instance_events directly.
 */
let t: TestDatabase;
const a: Record<string, SessionUser> = {};
const now = () => new Date();
// Figures here count the demo history too (samples: true): they are held to the live tables, which hold both.
const scope = { kind: 'all' } as const;

const apply = (who: SessionUser) => startFitnessDeferral(t.db, who, now());

/**
 * Every rollup figure as readers see it, as sorted text lines (zero sums dropped): folded rows,
 * plus each unfolded delta (a day row) counted on its day and in its month.
 */
async function rollupContents(): Promise<string[]> {
  const cols = sql.raw('metric, process_id, process_version, applicant_org_id, key, bucket, sample, n');
  const r = await queryRows<{ line: string }>(
    t.db,
    sql`select concat_ws('|', metric, grain, day, process_id, process_version, applicant_org_id, key, bucket, sample, sum(n)) as line
        from (select grain, day, ${cols} from monitor_rollup
              union all select 'd', day, ${cols} from monitor_rollup_delta
              union all select 'm', date_trunc('month', day)::date, ${cols} from monitor_rollup_delta) x
        group by metric, grain, day, process_id, process_version, applicant_org_id, key, bucket, sample
        having sum(n) <> 0 order by 1`,
  );
  return r.map((x) => x.line);
}

const deltaRows = async () => (await queryRows<{ n: number }>(t.db, sql`select count(*)::int as n from monitor_rollup_delta`))[0]!.n;

before(async () => {
  t = await createTestDatabase();
  for (const name of ['student', 'counselor', 'admin']) a[name] = (await loadActor(t.db, { username: name }))!;
  await loadDemoHistory(t.db, now(), 400, 270);
  // Live traffic on top of the history: starts, approvals through two steps, a cancel.
  for (let i = 0; i < 6; i++) {
    const id = await apply(a.student!);
    if (i < 4) await applyEvent(t.db, { instanceId: id, actor: a.counselor!, type: 'approve', now: now() });
    if (i === 5) await cancelInstanceAsAdmin(t.db, a.admin!, id, { reason: '重复申请' }, now());
  }
});
after(() => t.close());

describe('monitoring rollup kept by triggers', () => {
  test('equals a rebuild from the live tables, before and after folding', async () => {
    const kept = await rollupContents();
    assert.ok(kept.length > 100, `rollup has ${kept.length} figures`);
    assert.ok((await deltaRows()) > 0, 'writes left deltas to fold');
    const folded = await compactMonitorRollup(t.db);
    assert.ok(folded > 0);
    assert.equal(await deltaRows(), 0);
    assert.deepEqual(await rollupContents(), kept, 'folding changed a figure');
    await t.db.execute(sql`select monitor_rollup_rebuild()`);
    assert.deepEqual(await rollupContents(), kept, 'the triggers disagree with a rebuild');
  });

  test('folding while transitions commit loses and doubles nothing', async () => {
    const ids = await Promise.all(Array.from({ length: 8 }, () => apply(a.student!)));
    const folds: Array<Promise<number>> = [];
    await Promise.all(
      ids.map(async (id, i) => {
        folds.push(compactMonitorRollup(t.db));
        await applyEvent(t.db, { instanceId: id, actor: a.counselor!, type: i % 3 ? 'approve' : 'reject', comment: '材料不全', now: now() });
      }),
    );
    await Promise.all(folds);
    const kept = await rollupContents();
    await t.db.execute(sql`select monitor_rollup_rebuild()`);
    assert.deepEqual(await rollupContents(), kept);
  });
});

/** Reference figures, counted on the live tables the way the dashboards were before rollups. */
async function liveByProcess(f: StatsFilters) {
  return queryRows<{ process_id: string; total: number; running: number; completed: number; rejected: number; withdrawn: number }>(
    t.db,
    sql`select process_id, count(*)::int as total, count(*) filter (where status = 'active')::int as running,
          count(*) filter (where status = 'completed')::int as completed, count(*) filter (where status = 'rejected')::int as rejected,
          count(*) filter (where status in ('withdrawn', 'cancelled'))::int as withdrawn
        from process_instances
        where created_at >= ${f.period.from.toISOString()}::timestamptz and created_at < ${f.period.to.toISOString()}::timestamptz
          and (${f.department ?? null}::text is null or applicant_org_id = ${f.department ?? null})
        group by 1 order by 1`,
  );
}

async function liveStays(period: Period) {
  return queryRows<{ state: string; stays: number; median: number }>(
    t.db,
    sql`with changes as (
          select e.instance_id, e.to_state, e.at, lead(e.at) over (partition by e.instance_id order by e.seq) as left_at
          from instance_events e join process_instances i on i.id = e.instance_id
          where i.process_id = 'fitness-test-exemption' and i.process_version = 1 and e.from_state is distinct from e.to_state
        )
        select s.state, count(*)::int as stays, percentile_cont(0.5) within group (order by extract(epoch from left_at - at))::float8 as median
        from changes c, unnest(string_to_array(c.to_state, ',')) as s(state)
        where c.left_at is not null and c.at >= ${period.from.toISOString()}::timestamptz and c.at < ${period.to.toISOString()}::timestamptz
        group by 1`,
  );
}

describe('dashboard figures from the rollup equal the live tables', () => {
  // A year, a period cut mid-month at both ends (day rows + month rows), one department.
  const periods = () => {
    const today = now();
    const ago = (days: number) => new Date(today.getTime() - days * 86_400_000).toISOString().slice(0, 10);
    // Whole months only: three calendar months ending with last month.
    const monthStart = (back: number) => new Date(Date.UTC(today.getUTCFullYear(), today.getUTCMonth() - back, 1));
    const wholeMonths = { from: monthStart(3).toISOString().slice(0, 10), to: new Date(monthStart(0).getTime() - 86_400_000).toISOString().slice(0, 10) };
    return [{}, { from: ago(200), to: ago(17) }, { from: ago(40), to: ago(3) }, wholeMonths, { department: 'engineering' }];
  };

  test('counts by process, department, month, term and day', async () => {
    await compactMonitorRollup(t.db);
    await apply(a.student!); // an unfolded delta must count as well
    for (const params of periods()) {
      const f = parseStatsFilters(scope, params, now(), true);
      const live = await liveByProcess(f);
      const byProcess = await statsTable(t.db, scope, 'by-process', f, now());
      assert.deepEqual(
        byProcess.rows,
        live.map((r) => [r.process_id, r.total, r.running, r.completed, r.rejected, r.withdrawn]),
        JSON.stringify(params),
      );
      const total = live.reduce((n, r) => n + r.total, 0);
      for (const id of ['started-by-day', 'started-by-month', 'started-by-term', 'by-department'] as const) {
        const table = await statsTable(t.db, scope, id, f, now());
        assert.equal(table.rows.reduce((n, r) => n + Number(r[1]), 0), total, `${id} ${JSON.stringify(params)}`);
      }
      const hours = await statsTable(t.db, scope, 'busiest-hours', f, now());
      assert.equal(hours.rows.reduce((n, r) => n + Number(r[1]), 0), total);
    }
  });

  test('handling and step times: exact counts, medians within a histogram bucket of the exact ones', async () => {
    const f = parseStatsFilters(scope, {}, now(), true);
    const table = await statsTable(t.db, scope, 'handling-time', f, now());
    const exact = await queryRows<{ process_id: string; n: number; median: number }>(
      t.db,
      sql`select process_id, count(*)::int as n, percentile_cont(0.5) within group (order by extract(epoch from completed_at - created_at))::float8 / 3600 as median
          from process_instances where completed_at is not null and created_at >= ${f.period.from.toISOString()}::timestamptz group by 1 order by 1`,
    );
    assert.deepEqual(table.rows.map((r) => [r[0], r[1]]), exact.map((r) => [r.process_id, r.n]));
    for (const [i, r] of exact.entries()) assert.ok(Math.abs(Number(table.rows[i]![2]) - r.median) <= r.median * 0.19 + 0.05, `${r.process_id}: ${table.rows[i]![2]} h vs ${r.median} h`);
    const steps = await statsTable(t.db, scope, 'step-time', f, now());
    const [done] = await queryRows<{ n: number }>(
      t.db,
      sql`select count(*)::int as n from tasks t join process_instances i on i.id = t.instance_id
          where t.status = 'done' and i.created_at >= ${f.period.from.toISOString()}::timestamptz`,
    );
    assert.equal(steps.rows.reduce((n, r) => n + Number(r[2]), 0), done!.n);
  });

  test('heatmap stays per state: exact counts, medians within a bucket; a cut period counts only its stays', async () => {
    for (const period of [parsePeriod({}, now()), parsePeriod({ from: new Date(Date.now() - 45 * 86_400_000).toISOString().slice(0, 10) }, now())]) {
      const heat = await stateHeatmap(t.db, scope, 'fitness-test-exemption', 1, period, true);
      const live = await liveStays(period);
      assert.ok(live.length > 0);
      for (const l of live) {
        const h = heat.find((x) => x.state === l.state)!;
        assert.equal(h.stays, l.stays, l.state);
        assert.ok(Math.abs(h.medianSeconds! - l.median) <= l.median * 0.19 + 1, `${l.state}: ${h.medianSeconds} s vs ${l.median} s`);
      }
    }
  });

  test('the definitions list counts running and finished instances of every version', async () => {
    const listed = await listDefinitions(t.db, scope);
    const live = await queryRows<{ p: string; v: number; running: number; finished: number }>(
      t.db,
      sql`select process_id as p, process_version as v, count(*) filter (where status = 'active')::int as running,
            count(*) filter (where status <> 'active')::int as finished from process_instances group by 1, 2`,
    );
    assert.ok(live.length > 3);
    for (const l of live) {
      const row = listed.find((d) => d.id === l.p && d.version === l.v)!;
      assert.deepEqual([row.running, row.finished], [l.running, l.finished], `${l.p} v${l.v}`);
    }
  });

  test('overdue tasks by department: every open task past its due time, in and out of a scope', async () => {
    const later = new Date(Date.now() + 400 * 86_400_000); // everything open is overdue by then
    const count = (orgs: string[] | null) =>
      queryRows<{ n: number }>(
        t.db,
        sql`select count(*)::int as n from tasks t join process_instances i on i.id = t.instance_id
            where t.status = 'open' and t.due_at < ${later.toISOString()}::timestamptz
              and ${orgs === null ? sql`true` : sql`i.applicant_org_id in (${sql.join(orgs.map((o) => sql`${o}`), sql`, `)})`}`,
      ).then((r) => r[0]!.n);
    const all = await statsTable(t.db, scope, 'overdue-by-department', parseStatsFilters(scope, {}, later, true), later);
    const total = await count(null);
    assert.ok(total > 0);
    assert.equal(all.rows.reduce((n, r) => n + Number(r[1]), 0), total);
    const leader: AdminScope = { kind: 'departments', orgUnitIds: ['engineering'] };
    const mine = await statsTable(t.db, leader, 'overdue-by-department', parseStatsFilters(leader, {}, later, true), later);
    assert.equal(mine.rows.reduce((n, r) => n + Number(r[1]), 0), await count(['engineering']));
  });

  test("a leader's figures are their department's only", async () => {
    const leader: AdminScope = { kind: 'departments', orgUnitIds: ['engineering'] };
    const f = parseStatsFilters(leader, {}, now(), true);
    const mine = await statsTable(t.db, leader, 'by-department', f, now());
    assert.ok(mine.rows.length > 0);
    // engineering owns no process, so only its own applicants' instances count.
    assert.deepEqual(mine.rows.map((r) => r[0]), ['engineering']);
    const [direct] = await t.db
      .select({ n: sql<number>`count(*)::int` })
      .from(processInstances)
      .where(and(eq(processInstances.applicantOrgId, 'engineering'), sql`created_at >= ${f.period.from.toISOString()}::timestamptz`));
    assert.equal(mine.rows[0]![1], direct!.n);
  });
});

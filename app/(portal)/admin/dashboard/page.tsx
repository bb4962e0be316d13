import Link from 'next/link';
import { adminPageContext } from '@/lib/admin/admin-context';
import { hasSampleHistory } from '@/lib/admin/demo/load-demo-history';
import { env } from '@/lib/env';
import { listOrgUnits } from '@/lib/admin/people/manage-org-units';
import { parseStatsFilters, type StatsFilters } from '@/lib/admin/stats/filters';
import { columnHeader } from '@/lib/admin/stats/export-table';
import { labelRows } from '@/lib/admin/stats/label-rows';
import { STATS_TABLES, statsTable, type StatsTable, type StatsTableId } from '@/lib/admin/stats/tables';
import { isAppError } from '@/lib/errors';
import { getLabeler, SATISFACTION_LEVELS } from '@/lib/labels';
import { BarChart } from '../_components/bar-chart';
import { ColumnChart } from '../_components/charts/column-chart';
import { RangeBars } from '../_components/charts/range-bars';
import { StackedBars, type Part } from '../_components/charts/stacked-bars';
import { ProcessSelect } from '../_components/process-select';
import { SampleBanner, SamplesField } from '../_components/sample-banner';
import { StatsSection } from '../_components/stats-section';

type Query = { from?: string; to?: string; department?: string; process?: string; grain?: string; samples?: string };
type Grain = 'day' | 'month' | 'term';
const GRAIN_TABLE: Record<Grain, StatsTableId> = { day: 'started-by-day', month: 'started-by-month', term: 'started-by-term' };
/** Rows a bar chart shows before the rest is summed into one "其他" row (the table has them all). */
const TOP = 10;

/** 监控统计: pictures first, each with its numbers under 数据表 and as CSV; fits a laptop screen. */
export default async function DashboardPage({ searchParams }: { searchParams: Promise<Query> }) {
  const query = await searchParams;
  const { t, scope, db, locale, now } = await adminPageContext();
  let filters: StatsFilters;
  let error: string | null = null;
  // The demo history counts by default only in demo mode; elsewhere only when asked for.
  const samplesByDefault = env().demoHistory;
  try {
    filters = parseStatsFilters(scope, query, now, samplesByDefault);
  } catch (e) {
    if (!isAppError(e)) throw e;
    error = e.userMessage?.[locale] ?? t(`errors.${e.code}`);
    filters = parseStatsFilters(scope, {}, now, samplesByDefault);
  }
  const grain: Grain = query.grain === 'day' || query.grain === 'term' ? query.grain : 'month';
  const ids = STATS_TABLES.filter((id) => !id.startsWith('started-by-') || id === GRAIN_TABLE[grain] || id === 'started-by-month');
  const [L, units, sampled, ...loaded] = await Promise.all([getLabeler(db, locale), listOrgUnits(db), hasSampleHistory(db), ...ids.map((id) => statsTable(db, scope, id, filters, now))]);
  const tables = new Map(loaded.map((x) => [x.id, x]));
  const table = (id: StatsTableId) => tables.get(id)!;
  const visibleUnits = scope.kind === 'all' ? units : units.filter((u) => scope.orgUnitIds.includes(u.id));
  const params = {
    from: filters.period.fromText,
    to: filters.period.toText,
    ...(filters.department ? { department: filters.department } : {}),
    ...(filters.process ? { process: filters.process } : {}),
    samples: filters.samples ? 'include' : 'exclude',
  };
  const qs = new URLSearchParams(params).toString();
  const section = (x: StatsTable) => ({
    id: x.id,
    header: columnHeader(locale, x.columns),
    rows: labelRows(x, L),
    csvHref: `/api/v1/admin/stats/${x.id}?${qs}&format=csv`,
    labels: { table: t('admin.dashboard.table'), csv: t('admin.dashboard.csv'), empty: t('admin.dashboard.empty') },
    empty: x.rows.length === 0,
  });

  const byMonth = table('started-by-month');
  const total = byMonth.rows.reduce((n, r) => n + Number(r[1]), 0);
  const top = [...byMonth.rows].sort((a, b) => Number(b[1]) - Number(a[1]))[0];

  const started = table(GRAIN_TABLE[grain]);
  const statusParts: Part[] = [
    { name: t('admin.col.running'), colour: '#2563eb' },
    { name: t('admin.col.completed'), colour: '#16a34a' },
    { name: t('admin.col.rejected'), colour: '#dc2626' },
    { name: t('admin.col.withdrawn'), colour: '#9ca3af' },
  ];
  // Departments and processes: the largest first, the rest summed into one row.
  const stacked = (x: StatsTable) => {
    const rows = labelRows(x, L).map((r) => ({ label: String(r[0]), values: [2, 3, 4, 5].map((i) => Number(r[i] ?? 0)) }));
    rows.sort((a, b) => b.values.reduce((p, q) => p + q, 0) - a.values.reduce((p, q) => p + q, 0));
    if (rows.length <= TOP + 1) return rows;
    const rest = rows.slice(TOP);
    return [...rows.slice(0, TOP), { label: t('admin.dashboard.others', { n: rest.length }), values: [0, 1, 2, 3].map((i) => rest.reduce((n, r) => n + r.values[i]!, 0)) }];
  };
  // Durations in hours, or in days when the longest P90 is over two days.
  const durations = (rows: Array<{ label: string; sub?: string; median: number; p90: number }>) => {
    const days = Math.max(0, ...rows.map((r) => r.p90)) > 48;
    const scale = (h: number) => Math.round((days ? h / 24 : h) * 10) / 10;
    return { rows: rows.map((r) => ({ ...r, median: scale(r.median), p90: scale(r.p90) })), unit: t(days ? 'admin.dashboard.unitDays' : 'admin.dashboard.unitHours') };
  };
  const steps = table('step-time');
  const stepRows = labelRows(steps, L)
    .map((r) => ({ label: String(r[1]), sub: String(r[0]), median: Number(r[3] ?? 0), p90: Number(r[4] ?? 0) }))
    .sort((a, b) => b.p90 - a.p90)
    .slice(0, TOP);
  const stepChart = durations(stepRows);
  const handling = durations(labelRows(table('handling-time'), L).map((r) => ({ label: String(r[0]), median: Number(r[2] ?? 0), p90: Number(r[3] ?? 0) })));
  const overdue = table('overdue-by-department');
  const overdueRows = labelRows(overdue, L).map((r) => ({ label: String(r[0]), value: Number(r[1]), note: t('admin.dashboard.worstLate', { n: Number(r[2]) }) }));
  const hours = table('busiest-hours');
  const urges = table('urges-by-step');
  const urgeRows = labelRows(urges, L)
    .slice(0, TOP)
    .map((r) => ({ label: `${String(r[0])} · ${String(r[1])}`, value: Number(r[2]), note: t('admin.dashboard.urgedWaiting', { tasks: Number(r[3]), waiting: Number(r[4]) }) }));
  const satisfaction = table('satisfaction-by-department');
  // 好差评 from 非常满意 (green) to 非常不满意 (red), in the scale's own words.
  const levelParts: Part[] = ([5, 4, 3, 2, 1] as const).map((n, i) => ({
    name: SATISFACTION_LEVELS[n][locale],
    colour: ['#15803d', '#4ade80', '#facc15', '#f97316', '#b91c1c'][i]!,
  }));
  const satisfactionRows = labelRows(satisfaction, L)
    .slice(0, TOP)
    .map((r) => ({ label: String(r[0]), values: [2, 3, 4, 5, 6].map((i) => Number(r[i] ?? 0)) }));
  const grainLink = (g: Grain) => `/admin/dashboard?${new URLSearchParams({ ...params, grain: g }).toString()}`;
  const durationLabels = { medianName: t('admin.dashboard.median'), p90Name: t('admin.dashboard.p90') };

  return (
    <>
      <h1>{t('admin.dashboard.title')}</h1>
      <SampleBanner db={db} t={t} />
      <form className="card filters" method="get" aria-label={t('admin.dashboard.filters')}>
        <div className="field">
          <label htmlFor="from">{t('admin.diagram.from')}</label>
          <input id="from" name="from" type="date" defaultValue={filters.period.fromText} />
        </div>
        <div className="field">
          <label htmlFor="to">{t('admin.diagram.to')}</label>
          <input id="to" name="to" type="date" defaultValue={filters.period.toText} />
        </div>
        <div className="field">
          <label htmlFor="department">{t('admin.dashboard.department')}</label>
          <select id="department" name="department" defaultValue={filters.department ?? ''}>
            <option value="">{t('admin.dashboard.all')}</option>
            {visibleUnits.map((u) => (
              <option key={u.id} value={u.id}>
                {L.org(u.id)}
              </option>
            ))}
          </select>
        </div>
        <ProcessSelect label={t('admin.dashboard.process')} anyLabel={t('admin.dashboard.all')} value={filters.process} locale={locale} />
        {sampled && <SamplesField t={t} included={filters.samples} />}
        <input type="hidden" name="grain" value={grain} />
        <button className="btn" type="submit">
          {t('admin.dashboard.apply')}
        </button>
      </form>
      {error && (
        <div className="alert error" role="alert">
          {error}
        </div>
      )}
      {top && total > 0 && (
        <p className="card" data-testid="headline">
          {t('admin.dashboard.headline', { total, top: String(top[0]), topCount: Number(top[1]), share: ((Number(top[1]) / total) * 100).toFixed(1) })}
        </p>
      )}
      <p className="hint">{t('admin.dashboard.precision')}</p>

      <StatsSection {...section(started)} title={t('admin.dashboard.started')}>
        <nav className="grain-switch" aria-label={t('admin.dashboard.grain')}>
          {(['day', 'month', 'term'] as const).map((g) => (
            <Link key={g} href={grainLink(g)} aria-current={g === grain ? 'page' : undefined} className={g === grain ? 'chip ok' : 'chip'}>
              {t(g === 'day' ? 'admin.dashboard.grainDay' : g === 'month' ? 'admin.dashboard.grainMonth' : 'admin.dashboard.grainTerm')}
            </Link>
          ))}
        </nav>
        <ColumnChart title={t(`admin.table.${started.id}`)} labels={started.rows.map((r) => String(r[0]))} values={started.rows.map((r) => Number(r[1]))} />
      </StatsSection>

      <div className="stats-pair">
        <StatsSection {...section(table('by-department'))} title={t('admin.dashboard.byDepartment')}>
          <StackedBars title={t('admin.dashboard.byDepartment')} rows={stacked(table('by-department'))} parts={statusParts} />
        </StatsSection>
        <StatsSection {...section(table('by-process'))} title={t('admin.dashboard.byProcess')}>
          <StackedBars title={t('admin.dashboard.byProcess')} rows={stacked(table('by-process'))} parts={statusParts} />
        </StatsSection>
      </div>

      <div className="stats-pair">
        <StatsSection {...section(steps)} title={t('admin.dashboard.stepTime')}>
          <p className="hint">{t('admin.dashboard.topSteps', { n: stepRows.length })}</p>
          <RangeBars title={t('admin.dashboard.stepTime')} rows={stepChart.rows} unit={stepChart.unit} {...durationLabels} />
        </StatsSection>
        <StatsSection {...section(table('handling-time'))} title={t('admin.dashboard.handlingTime')}>
          <RangeBars title={t('admin.dashboard.handlingTime')} rows={handling.rows} unit={handling.unit} {...durationLabels} />
        </StatsSection>
      </div>

      <div className="stats-pair">
        <StatsSection {...section(overdue)} title={t('admin.dashboard.overdue')} empty={false}>
          {overdueRows.length === 0 ? <p>{t('admin.dashboard.noOverdue')}</p> : <BarChart title={t('admin.dashboard.overdue')} rows={overdueRows} colour="#dc2626" />}
        </StatsSection>
        <StatsSection {...section(hours)} title={t('admin.dashboard.hours')}>
          <ColumnChart title={t('admin.dashboard.hours')} labels={hours.rows.map((r) => String(r[0]))} values={hours.rows.map((r) => Number(r[1]))} colour="#7c3aed" compact />
        </StatsSection>
      </div>

      <StatsSection {...section(satisfaction)} title={t('admin.dashboard.satisfaction')} empty={false}>
        {satisfactionRows.length === 0 ? (
          <p>{t('admin.dashboard.noRatings')}</p>
        ) : (
          <StackedBars title={t('admin.dashboard.satisfaction')} rows={satisfactionRows} parts={levelParts} />
        )}
      </StatsSection>

      <StatsSection {...section(urges)} title={t('admin.dashboard.urges')} empty={false}>
        {urgeRows.length === 0 ? <p>{t('admin.dashboard.noUrges')}</p> : <BarChart title={t('admin.dashboard.urges')} rows={urgeRows} colour="#b45309" />}
      </StatsSection>
    </>
  );
}

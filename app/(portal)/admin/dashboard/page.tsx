import { asc } from 'drizzle-orm';
import { orgUnits } from '@/db/schema';
import { adminPageContext } from '@/lib/admin/admin-context';
import { parseStatsFilters, type StatsFilters } from '@/lib/admin/stats/filters';
import { columnHeader } from '@/lib/admin/stats/export-table';
import { STATS_TABLES, statsTable, type StatsTable, type StatsTableId } from '@/lib/admin/stats/tables';
import { isAppError } from '@/lib/errors';
import { pick } from '@/lib/i18n/translate';
import { currentDefinitions } from '@/workflows/registry';
import { BarChart } from '../_components/bar-chart';
import { ProcessSelect } from '../_components/process-select';
import { SampleBanner } from '../_components/sample-banner';

const chartRows = (table: StatsTable) => (table.id === 'started-by-day' ? table.rows.slice(-60) : table.rows);

type Query = { from?: string; to?: string; department?: string; process?: string };

/** Which column each table charts. */
const CHART_COLUMN: Record<StatsTableId, string> = {
  'started-by-day': 'total',
  'started-by-month': 'total',
  'started-by-term': 'total',
  'by-department': 'total',
  'by-process': 'total',
  'handling-time': 'medianHours',
  'step-time': 'medianHours',
  'overdue-by-department': 'overdue',
  'busiest-hours': 'started',
};

/** 监控统计: started per day/month/term, by department and process, handling times, overdue, busy hours. */
export default async function DashboardPage({ searchParams }: { searchParams: Promise<Query> }) {
  const query = await searchParams;
  const { t, scope, db, locale, now } = await adminPageContext();
  let filters: StatsFilters;
  let error: string | null = null;
  try {
    filters = parseStatsFilters(scope, query, now);
  } catch (e) {
    if (!isAppError(e)) throw e;
    error = e.userMessage?.[locale] ?? t(`errors.${e.code}`);
    filters = parseStatsFilters(scope, {}, now);
  }
  const tables = await Promise.all(STATS_TABLES.map((id) => statsTable(db, scope, id, filters, now)));
  const units = await db.select().from(orgUnits).orderBy(asc(orgUnits.sort));
  const unitName = new Map(units.map((u) => [u.id, locale === 'zh' ? u.nameZh : u.nameEn]));
  const visibleUnits = scope.kind === 'all' ? units : units.filter((u) => scope.orgUnitIds.includes(u.id));
  const processName = new Map(currentDefinitions().map((d) => [d.id, pick(d.title, locale)]));
  const qs = new URLSearchParams({ from: filters.period.fromText, to: filters.period.toText, ...(filters.department ? { department: filters.department } : {}), ...(filters.process ? { process: filters.process } : {}) });

  const byMonth = tables.find((x) => x.id === 'started-by-month')!;
  const total = byMonth.rows.reduce((n, r) => n + Number(r[1]), 0);
  const top = [...byMonth.rows].sort((a, b) => Number(b[1]) - Number(a[1]))[0];

  const display = (table: StatsTable, col: number, v: string | number | null) => {
    const c = table.columns[col];
    if (c === 'department' && typeof v === 'string') return unitName.get(v) ?? v;
    if (c === 'process' && typeof v === 'string') return processName.get(v) ?? v;
    return v ?? '—';
  };

  return (
    <>
      <h1>{t('admin.dashboard.title')}</h1>
      <SampleBanner db={db} t={t} />
      <p className="hint">{t('admin.dashboard.precision')}</p>
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
                {locale === 'zh' ? u.nameZh : u.nameEn}
              </option>
            ))}
          </select>
        </div>
        <ProcessSelect label={t('admin.dashboard.process')} anyLabel={t('admin.dashboard.all')} value={filters.process} locale={locale} />
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
      {tables.map((table) => {
        const header = columnHeader(locale, table.columns);
        const chartCol = table.columns.indexOf(CHART_COLUMN[table.id]);
        const labelOf = (r: StatsTable['rows'][number]) =>
          table.id === 'step-time' ? `${String(r[1])}` : String(display(table, 0, r[0] ?? null));
        return (
          <section key={table.id} className="card" aria-labelledby={`t-${table.id}`} data-testid={`stats-${table.id}`}>
            <h2 id={`t-${table.id}`}>{t(`admin.table.${table.id}`)}</h2>
            <p>
              <a className="btn secondary" href={`/api/v1/admin/stats/${table.id}?${qs.toString()}&format=csv`} download>
                {t('admin.dashboard.csv')}
              </a>
            </p>
            {table.rows.length === 0 ? (
              <p>{t('admin.dashboard.empty')}</p>
            ) : (
              <div className="stats-grid">
                {/* A year of days is too many bars: the chart shows the latest 60, the table all. */}
                <BarChart title={t(`admin.table.${table.id}`)} labels={chartRows(table).map(labelOf)} values={chartRows(table).map((r) => Number(r[chartCol] ?? 0))} />
                {/* Scrolls sideways on phones: focusable so keyboard users can scroll it too. */}
                <div className="table-wrap" tabIndex={0} role="region" aria-label={t(`admin.table.${table.id}`)}>
                  <table className="data">
                    <thead>
                      <tr>
                        {header.map((h, i) => (
                          <th key={h} scope="col" className={i > 0 && table.id !== 'step-time' ? 'num' : i > 1 ? 'num' : undefined}>
                            {h}
                          </th>
                        ))}
                      </tr>
                    </thead>
                    <tbody>
                      {table.rows.map((r, i) => (
                        <tr key={i}>
                          {r.map((v, j) => (
                            <td key={j} className={typeof v === 'number' ? 'num' : undefined}>
                              {display(table, j, v)}
                            </td>
                          ))}
                        </tr>
                      ))}
                    </tbody>
                  </table>
                </div>
              </div>
            )}
          </section>
        );
      })}
    </>
  );
}

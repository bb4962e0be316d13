import Link from 'next/link';
import { requireUserPage } from '@/lib/auth/current-user';
import { listDepartments, loadCatalog } from '@/lib/catalog/queries';
import { departmentStats, sortStats, STAT_KEYS, type DepartmentStat, type StatKey } from '@/lib/catalog/stats';
import { now } from '@/lib/clock';
import { getDb } from '@/lib/db';
import { getTranslator } from '@/lib/i18n/server';
import type { MessageKey } from '@/lib/i18n/translate';
import { StatsChart } from './stats-chart';
import '../../portal.css';

type SortKey = StatKey | 'department';
const LABEL: Record<StatKey, MessageKey> = {
  online: 'portal.online',
  newThisMonth: 'portal.newThisMonth',
  testing: 'portal.testing',
  building: 'portal.building',
};

/** 各单位上网办流程情况统计: the seed's table, computed live from the catalog, sortable without JavaScript. */
export default async function StatsPage({ searchParams }: { searchParams: Promise<{ sort?: string; dir?: string }> }) {
  await requireUserPage();
  const { t, locale } = await getTranslator();
  const db = await getDb();
  const sp = await searchParams;
  const sort: SortKey = (STAT_KEYS as readonly string[]).includes(sp.sort ?? '') ? (sp.sort as StatKey) : 'department';
  const dir = sp.dir === 'desc' ? 'desc' : sp.dir === 'asc' ? 'asc' : sort === 'department' ? 'asc' : 'desc';
  const [departments, catalog] = await Promise.all([listDepartments(db), loadCatalog(db)]);
  const { rows, totals } = departmentStats(departments, catalog, await now(db));
  const sorted = sortStats(rows, sort, dir);
  const name = new Map(departments.map((d) => [d.id, locale === 'zh' ? d.nameZh : d.nameEn]));
  const sampleCount = catalog.filter((s) => s.isSample).length;
  const sortHref = (key: SortKey) => {
    const nextDir = sort === key ? (dir === 'asc' ? 'desc' : 'asc') : key === 'department' ? 'asc' : 'desc';
    return `/services/stats?sort=${key}&dir=${nextDir}`;
  };
  const ariaSort = (key: SortKey) => (sort === key ? (dir === 'asc' ? 'ascending' : 'descending') : undefined);
  const columns: Array<{ key: SortKey; label: string }> = [
    { key: 'department', label: t('portal.department') },
    ...STAT_KEYS.map((k) => ({ key: k, label: t(LABEL[k]) })),
  ];
  const cells = (r: DepartmentStat) => STAT_KEYS.map((k) => <td key={k}>{r[k]}</td>);
  return (
    <>
      <h1>{t('portal.statsTitle')}</h1>
      <p className="muted">{t('portal.statsLive')}</p>
      {sampleCount > 0 ? <p className="alert info">{t('portal.sampleNote')}</p> : null}
      <section className="card stats-wide">
        <table className="stats-table" data-testid="stats-table">
          <caption className="sr-only">{t('portal.statsTitle')}</caption>
          <thead>
            <tr>
              {columns.map((c) => (
                <th key={c.key} scope="col" aria-sort={ariaSort(c.key)}>
                  <Link href={sortHref(c.key)}>
                    {c.label}
                    {sort === c.key ? (dir === 'asc' ? ' ▲' : ' ▼') : ''}
                  </Link>
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {sorted.map((r) => (
              <tr key={r.departmentId} data-dept={r.departmentId}>
                <th scope="row">{name.get(r.departmentId)}</th>
                {cells(r)}
              </tr>
            ))}
          </tbody>
          <tfoot>
            <tr data-dept="total">
              <th scope="row">{t('portal.total')}</th>
              {STAT_KEYS.map((k) => (
                <td key={k}>{totals[k]}</td>
              ))}
            </tr>
          </tfoot>
        </table>
      </section>
      <section className="card stats-list">
        <nav className="sort-links" aria-label={t('portal.sort')}>
          {columns.map((c) => (
            <Link key={c.key} href={sortHref(c.key)} aria-current={sort === c.key ? 'true' : undefined}>
              {c.label}
              {sort === c.key ? (dir === 'asc' ? ' ▲' : ' ▼') : ''}
            </Link>
          ))}
        </nav>
        <ul className="list" data-testid="stats-list">
          {[...sorted.map((r) => ({ id: r.departmentId, label: name.get(r.departmentId) ?? '', r })), { id: 'total', label: t('portal.total'), r: { departmentId: 'total', ...totals } }].map(
            ({ id, label, r }) => (
              <li key={id} data-dept={id}>
                <strong>{label}</strong>
                <dl>
                  {STAT_KEYS.map((k) => (
                    <div key={k}>
                      <dt>{t(LABEL[k])}</dt>
                      <dd data-stat={k}>{r[k]}</dd>
                    </div>
                  ))}
                </dl>
              </li>
            ),
          )}
        </ul>
      </section>
      <section className="card" aria-labelledby="chart-title">
        <h2 id="chart-title">{t('portal.chartTitle')}</h2>
        <StatsChart
          rows={sorted.map((r) => ({ label: name.get(r.departmentId) ?? '', online: r.online, pending: r.testing + r.building }))}
          title={t('portal.chartTitle')}
          legend={[t('portal.online'), `${t('portal.testing')} + ${t('portal.building')}`]}
        />
      </section>
    </>
  );
}

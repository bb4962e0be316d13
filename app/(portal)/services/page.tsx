import Link from 'next/link';
import { AUDIENCES, BUILD_MODES, CHANNELS } from '@/db/schema';
import { getCurrentUser } from '@/lib/auth/current-user';
import { audiencesOf, startableProcess } from '@/lib/catalog/access';
import { applyFilters, parseFilters, type CatalogFilters } from '@/lib/catalog/filter-catalog';
import { AUDIENCE_LABELS, BUILD_MODE_LABELS, CHANNEL_LABELS } from '@/lib/catalog/labels';
import { listDepartments, visibleCatalog } from '@/lib/catalog/queries';
import { MAX_QUERY } from '@/lib/catalog/search';
import { THEMES } from '@/lib/catalog/themes';
import { getDb } from '@/lib/db';
import { getTranslator } from '@/lib/i18n/server';
import { pick } from '@/lib/i18n/translate';
import { ServiceItem } from './service-item';
import '../portal.css';

const PAGE_SIZE = 30;

function href(f: CatalogFilters, change: Partial<CatalogFilters>): string {
  const next = { ...f, page: 1, ...change };
  const params = new URLSearchParams();
  for (const [k, v] of Object.entries(next)) if (v && !(k === 'page' && v === 1)) params.set(k, v === true ? '1' : String(v));
  const qs = params.toString();
  return qs ? `/services?${qs}` : '/services';
}

export default async function ServicesPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  // Visitors browse the catalog too (办事指南); they see every audience's services and start none.
  const user = await getCurrentUser();
  const { t, locale } = await getTranslator();
  const db = await getDb();
  const [all, departments] = await Promise.all([visibleCatalog(db, user), listDepartments(db)]);
  const { filters, ignored, truncated } = parseFilters(await searchParams, new Set(departments.map((d) => d.id)));
  const mine = user ? audiencesOf(user) : undefined;
  const found = applyFilters(all, filters, mine);
  const others = mine && !filters.all && !filters.audience ? applyFilters(all, { ...filters, all: true }).length - found.length : 0;
  const pages = Math.max(1, Math.ceil(found.length / PAGE_SIZE));
  const page = Math.min(filters.page, pages);
  const shown = found.slice((page - 1) * PAGE_SIZE, page * PAGE_SIZE);
  const deptName = new Map(departments.map((d) => [d.id, locale === 'zh' ? d.nameZh : d.nameEn]));
  const hasSample = all.some((s) => s.isSample);
  return (
    <>
      <h1>{t('services.title')}</h1>
      <form role="search" action="/services" className="search-bar">
        <label htmlFor="catalog-q" className="sr-only">
          {t('portal.searchLabel')}
        </label>
        <input id="catalog-q" type="search" name="q" defaultValue={filters.q} placeholder={t('portal.searchPlaceholder')} maxLength={1000} />
        {filters.theme ? <input type="hidden" name="theme" value={filters.theme} /> : null}
        {filters.all ? <input type="hidden" name="all" value="1" /> : null}
        <button className="btn" type="submit">
          {t('portal.search')}
        </button>
      </form>
      {mine ? (
        <nav className="scope-tabs" aria-label={t('portal.audience')}>
          <Link href={href(filters, { all: false })} aria-current={!filters.all ? 'page' : undefined}>
            {t('applicant.forMe')}
          </Link>
          <Link href={href(filters, { all: true })} aria-current={filters.all ? 'page' : undefined}>
            {t('applicant.everyone')}
          </Link>
        </nav>
      ) : null}
      <nav className="theme-links" aria-label={t('portal.theme')}>
        <Link href={href(filters, { theme: undefined })} aria-current={!filters.theme ? 'true' : undefined}>
          {t('portal.allThemes')}
        </Link>
        {THEMES.map((theme) => (
          <Link key={theme.id} href={href(filters, { theme: theme.id })} aria-current={filters.theme === theme.id ? 'true' : undefined}>
            {pick(theme, locale)}
          </Link>
        ))}
      </nav>
      <details className="card">
        <summary>{t('portal.filter')}</summary>
        <form action="/services" className="filters">
          <input type="hidden" name="q" value={filters.q} />
          {filters.theme ? <input type="hidden" name="theme" value={filters.theme} /> : null}
          {filters.all ? <input type="hidden" name="all" value="1" /> : null}
          <label>
            {t('portal.department')}
            <select name="department" defaultValue={filters.department ?? ''}>
              <option value="">{t('portal.allDepartments')}</option>
              {departments.map((d) => (
                <option key={d.id} value={d.id}>
                  {deptName.get(d.id)}
                </option>
              ))}
            </select>
          </label>
          <label>
            {t('portal.audience')}
            <select name="audience" defaultValue={filters.audience ?? ''}>
              <option value="">{t('portal.allAudiences')}</option>
              {AUDIENCES.map((a) => (
                <option key={a} value={a}>
                  {pick(AUDIENCE_LABELS[a], locale)}
                </option>
              ))}
            </select>
          </label>
          <label>
            {t('portal.channel')}
            <select name="channel" defaultValue={filters.channel ?? ''}>
              <option value="">{t('portal.allChannels')}</option>
              {CHANNELS.map((c) => (
                <option key={c} value={c}>
                  {pick(CHANNEL_LABELS[c], locale)}
                </option>
              ))}
            </select>
          </label>
          <label>
            {t('portal.buildMode')}
            <select name="mode" defaultValue={filters.mode ?? ''}>
              <option value="">{t('portal.allModes')}</option>
              {BUILD_MODES.map((m) => (
                <option key={m} value={m}>
                  {pick(BUILD_MODE_LABELS[m], locale)}
                </option>
              ))}
            </select>
          </label>
          <div className="actions">
            <button className="btn" type="submit">
              {t('portal.filter')}
            </button>
            <Link className="btn secondary" href="/services">
              {t('portal.clear')}
            </Link>
          </div>
        </form>
      </details>
      <div className="links-row">
        <span aria-live="polite">{t('portal.resultCount', { count: found.length })}</span>
        {user ? <Link href="/services/stats">{t('portal.stats')}</Link> : null}
      </div>
      {others > 0 ? (
        <p className="muted">
          <Link href={href(filters, { all: true })}>{t('applicant.othersHidden', { count: others })}</Link>
        </p>
      ) : null}
      {ignored ? <p className="alert info">{t('portal.unknownFilter')}</p> : null}
      {truncated ? <p className="alert info">{t('portal.queryTooLong', { max: MAX_QUERY })}</p> : null}
      {hasSample ? <p className="alert info">{t('portal.sampleNote')}</p> : null}
      <section className="card">
        {shown.length === 0 ? (
          <p className="empty">{t('portal.noResults')}</p>
        ) : (
          <ul className="list" data-testid="service-list">
            {shown.map((s) => (
              <ServiceItem
                key={s.id}
                service={s}
                department={deptName.get(s.departmentId) ?? ''}
                t={t}
                locale={locale}
                startable={startableProcess(s, user) !== null}
              />
            ))}
          </ul>
        )}
        {pages > 1 ? (
          <nav className="pager" aria-label={t('portal.page', { page, pages })}>
            {page > 1 ? <Link href={href(filters, { page: page - 1 })}>{t('portal.prev')}</Link> : <span />}
            <span>{t('portal.page', { page, pages })}</span>
            {page < pages ? <Link href={href(filters, { page: page + 1 })}>{t('portal.next')}</Link> : <span />}
          </nav>
        ) : null}
      </section>
    </>
  );
}

import Link from 'next/link';
import { CATALOG_STATUSES, type CatalogStatus } from '@/db/schema';
import { STATUS_LABELS } from '@/lib/catalog/labels';
import { listDepartments, loadCatalog } from '@/lib/catalog/queries';
import { searchDocs } from '@/lib/catalog/search';
import { getDb } from '@/lib/db';
import { getTranslator } from '@/lib/i18n/server';
import { pick } from '@/lib/i18n/translate';
import { requireCatalogAdmin } from './require-catalog-admin';
import '../../portal.css';

/** The whole catalog for process admins, every status, with search and a status filter. */
export default async function CatalogAdminPage({ searchParams }: { searchParams: Promise<{ q?: string; status?: string }> }) {
  await requireCatalogAdmin();
  const { t, locale } = await getTranslator();
  const db = await getDb();
  const sp = await searchParams;
  const status = (CATALOG_STATUSES as readonly string[]).includes(sp.status ?? '') ? (sp.status as CatalogStatus) : undefined;
  const q = (sp.q ?? '').slice(0, 1000);
  const [catalog, departments] = await Promise.all([loadCatalog(db), listDepartments(db)]);
  const dept = new Map(departments.map((d) => [d.id, locale === 'zh' ? d.nameZh : d.nameEn]));
  const filtered = catalog.filter((s) => !status || s.status === status);
  const rows = q.trim() ? searchDocs(filtered.map((s) => ({ name: s.nameZh, nameEn: s.nameEn, keywords: s.keywords, s })), q).map((d) => d.s) : filtered;
  const count = (st: CatalogStatus) => catalog.filter((s) => s.status === st).length;
  return (
    <>
      <h1>{t('portal.adminTitle')}</h1>
      <div className="links-row">
        <Link className="btn" href="/admin/catalog/new">
          {t('portal.newService')}
        </Link>
        <Link href="/admin/catalog/import">{t('portal.importCsv')}</Link>
        <a href="/admin/catalog/export" download>
          {t('portal.exportCsv')}
        </a>
        <Link href="/services/stats">{t('portal.stats')}</Link>
      </div>
      <nav className="theme-links" aria-label={t('portal.status')}>
        <Link href="/admin/catalog" aria-current={!status ? 'true' : undefined}>
          {t('portal.all')} ({catalog.length})
        </Link>
        {CATALOG_STATUSES.map((s) => (
          <Link key={s} href={`/admin/catalog?status=${s}`} aria-current={status === s ? 'true' : undefined}>
            {pick(STATUS_LABELS[s], locale)} ({count(s)})
          </Link>
        ))}
      </nav>
      <form role="search" action="/admin/catalog" className="search-bar">
        <label htmlFor="admin-q" className="sr-only">
          {t('portal.searchLabel')}
        </label>
        <input id="admin-q" type="search" name="q" defaultValue={q} placeholder={t('portal.searchPlaceholder')} />
        {status ? <input type="hidden" name="status" value={status} /> : null}
        <button className="btn" type="submit">
          {t('portal.search')}
        </button>
      </form>
      <section className="card">
        <ul className="list" data-testid="admin-service-list">
          {rows.map((s) => (
            <li key={s.id}>
              <Link className="list-link" href={`/admin/catalog/${s.id}`}>
                <span className="grow">
                  <span className="title">{locale === 'zh' ? s.nameZh : s.nameEn}</span>
                  <span className="sub">
                    <span translate="no">{s.code}</span> · {dept.get(s.departmentId)}
                  </span>
                </span>
                <span className={`chip ${s.status === 'online' ? 'ok' : 'warn'}`}>{pick(STATUS_LABELS[s.status], locale)}</span>
                {s.isSample ? <span className="chip sample">{t('portal.sample')}</span> : null}
              </Link>
            </li>
          ))}
        </ul>
      </section>
    </>
  );
}

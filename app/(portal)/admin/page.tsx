import Link from 'next/link';
import { adminPageContext } from '@/lib/admin/admin-context';
import { listDefinitions } from '@/lib/admin/list-definitions';
import { SampleBanner } from './_components/sample-banner';

/** The admin index: what there is to monitor and administer, and where it lives. */
export default async function AdminIndexPage() {
  const { t, scope, db } = await adminPageContext();
  const defs = await listDefinitions(db, scope);
  const running = defs.reduce((n, d) => n + d.running, 0);
  const finished = defs.reduce((n, d) => n + d.finished, 0);
  const links: Array<{ href: string; title: string; sub: string; operatorOnly?: boolean }> = [
    { href: '/admin/processes', title: t('admin.nav.processes'), sub: t('admin.index.processes') },
    { href: '/admin/instances', title: t('admin.nav.instances'), sub: t('admin.index.instances') },
    { href: '/admin/dashboard', title: t('admin.nav.dashboard'), sub: t('admin.index.dashboard') },
    { href: '/admin/migrations', title: t('admin.nav.migrations'), sub: t('admin.index.migrations'), operatorOnly: true },
    { href: '/admin/operations', title: t('admin.nav.operations'), sub: t('admin.index.operations'), operatorOnly: true },
    { href: '/admin/people', title: t('admin.nav.people'), sub: t('admin.index.people'), operatorOnly: true },
    { href: '/admin/org-units', title: t('admin.nav.orgUnits'), sub: t('admin.index.orgUnits'), operatorOnly: true },
    { href: '/admin/catalog', title: t('admin.nav.catalog'), sub: t('admin.index.catalog'), operatorOnly: true },
    { href: '/admin/calendar', title: t('admin.nav.calendar'), sub: t('admin.index.calendar'), operatorOnly: true },
  ];
  return (
    <>
      <h1>{t('admin.title')}</h1>
      <SampleBanner db={db} t={t} />
      <p>{t('admin.index.intro')}</p>
      <p className="chip">{scope.kind === 'all' ? t('admin.scopeAll') : t('admin.scopeDept', { units: scope.orgUnitIds.join('、') })}</p>
      <p data-testid="admin-totals">
        {t('admin.index.running')} {running} · {t('admin.index.finished')} {finished}
      </p>
      <div className="index-links">
        {links
          .filter((l) => !l.operatorOnly || scope.kind === 'all')
          .map((l) => (
            <Link key={l.href} href={l.href}>
              <strong>{l.title}</strong>
              <span>{l.sub}</span>
            </Link>
          ))}
      </div>
    </>
  );
}

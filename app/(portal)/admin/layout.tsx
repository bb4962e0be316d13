import type { ReactNode } from 'react';
import { adminPageContext } from '@/lib/admin/admin-context';
import { AdminNav } from './_components/admin-nav';
import './admin.css';

/** Every admin page: 403 for anyone without an admin scope, then the admin sub-navigation. */
export default async function AdminLayout({ children }: { children: ReactNode }) {
  const { t, scope } = await adminPageContext();
  const items = [
    { href: '/admin', label: t('admin.nav.index') },
    { href: '/admin/processes', label: t('admin.nav.processes') },
    { href: '/admin/instances', label: t('admin.nav.instances') },
    { href: '/admin/dashboard', label: t('admin.nav.dashboard') },
    ...(scope.kind === 'all'
      ? [
          { href: '/admin/migrations', label: t('admin.nav.migrations') },
          { href: '/admin/operations', label: t('admin.nav.operations') },
          { href: '/admin/people', label: t('admin.nav.people') },
          { href: '/admin/org-units', label: t('admin.nav.orgUnits') },
          { href: '/admin/import', label: t('admin.nav.importCsv') },
          // The other features' admin pages, so an admin finds everything from one menu.
          { href: '/admin/catalog', label: t('portal.adminTitle') },
          { href: '/admin/calendar', label: t('processes.calendar.title') },
          { href: '/admin/notifications', label: t('notify.admin.title') },
          { href: '/admin/integrations', label: t('integrations.admin.title') },
        ]
      : []),
  ];
  return (
    <>
      <AdminNav items={items} label={t('admin.title')} />
      {children}
    </>
  );
}

import Link from 'next/link';
import type { ReactNode } from 'react';
import { requireUserPage } from '@/lib/auth/current-user';
import { adminScope } from '@/lib/authz-admin';
import { getDb } from '@/lib/db';
import { getTranslator } from '@/lib/i18n/server';
import { pendingTaskCount } from '@/lib/instances/pending-count';
import { countUnread } from '@/lib/messages/list-messages';
import { LanguageSwitch } from '../_components/language-switch';
import { NavLinks, type NavItem } from '../_components/nav-links';

/** The signed-in portal: header, sidebar on desktops, bottom tab bar on phones. */
export default async function PortalLayout({ children }: { children: ReactNode }) {
  const user = await requireUserPage();
  const { t, locale } = await getTranslator();
  const db = await getDb();
  const [pending, unread] = await Promise.all([pendingTaskCount(), countUnread(db, user)]);
  const tabs: NavItem[] = [
    { href: '/', label: t('nav.home'), icon: 'home' },
    { href: '/services', label: t('nav.services'), icon: 'services' },
    { href: '/tasks', label: t('nav.tasks'), icon: 'tasks', badge: pending },
    { href: '/messages', label: t('nav.messages'), icon: 'messages', badge: unread },
    { href: '/me', label: t('nav.me'), icon: 'me' },
  ];
  const side: NavItem[] = [...tabs.slice(0, 3), { href: '/applications', label: t('nav.applications'), icon: 'applications' }, ...tabs.slice(3)];
  if (adminScope(user)) side.push({ href: '/admin', label: t('nav.admin'), icon: 'services' });
  return (
    <>
      <a className="skip-link" href="#main">
        {t('app.skipToContent')}
      </a>
      <header className="topbar">
        <Link href="/" className="brand">
          <span>{t('app.name')}</span>
          <small>{t('app.tagline')}</small>
        </Link>
        <span className="spacer" />
        <span className="user">{user.name}</span>
        <LanguageSwitch target={locale === 'zh' ? 'en' : 'zh'} label={t('app.language')} />
      </header>
      <div className="layout">
        <NavLinks items={side} className="sidebar" label={t('nav.main')} />
        <main id="main">{children}</main>
      </div>
      <NavLinks items={tabs} className="tabbar" label={t('nav.main')} />
    </>
  );
}

import Link from 'next/link';
import type { ReactNode } from 'react';
import { getCurrentUser } from '@/lib/auth/current-user';
import { can } from '@/lib/policy';
import { getTranslator } from '@/lib/i18n/server';
import type { Locale, Translator } from '@/lib/i18n/translate';
import { badgeCounts } from '@/lib/instances/pending-count';
import { LanguageSwitch } from '../_components/language-switch';
import { NavLinks, type NavItem } from '../_components/nav-links';
import './applicant.css';

/**
 * The portal: header, sidebar on desktops, bottom tab bar on phones. A visitor without an account
 * gets the same shell with the public pages (首页, 办事指南, 校长信箱) and 登录; every other page
 * sends them to the login page itself (requireUserPage).
 */
export default async function PortalLayout({ children }: { children: ReactNode }) {
  const user = await getCurrentUser();
  const { t, locale } = await getTranslator();
  if (!user) return <VisitorShell t={t} locale={locale}>{children}</VisitorShell>;
  const { pending, unread } = await badgeCounts();
  const tabs: NavItem[] = [
    { href: '/', label: t('nav.home'), icon: 'home' },
    { href: '/services', label: t('nav.services'), icon: 'services' },
    { href: '/tasks', label: t('nav.tasks'), icon: 'tasks', badge: pending },
    { href: '/messages', label: t('nav.messages'), icon: 'messages', badge: unread },
    { href: '/me', label: t('nav.me'), icon: 'me' },
  ];
  const side: NavItem[] = [...tabs.slice(0, 3), { href: '/applications', label: t('nav.applications'), icon: 'applications' }, ...tabs.slice(3)];
  if (can(user, 'admin.monitor')) side.push({ href: '/admin', label: t('nav.admin'), icon: 'services' });
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

function VisitorShell({ children, t, locale }: { children: ReactNode; t: Translator; locale: Locale }) {
  const items: NavItem[] = [
    { href: '/', label: t('nav.home'), icon: 'home' },
    { href: '/services', label: t('applicant.guides'), icon: 'services' },
    { href: '/mailbox', label: t('applicant.mailbox'), icon: 'messages' },
    { href: '/login', label: t('applicant.login'), icon: 'me' },
  ];
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
        <Link className="topbar-login" href="/login">
          {t('applicant.login')}
        </Link>
        <LanguageSwitch target={locale === 'zh' ? 'en' : 'zh'} label={t('app.language')} />
      </header>
      <div className="layout">
        <NavLinks items={items} className="sidebar" label={t('applicant.visitorNav')} />
        <main id="main">{children}</main>
      </div>
      <NavLinks items={items} className="tabbar" label={t('applicant.visitorNav')} />
    </>
  );
}

import type { Metadata } from 'next';
import Link from 'next/link';
import type { ReactNode } from 'react';
import { getTranslator } from '@/lib/i18n/server';
import { LanguageSwitch } from '../_components/language-switch';
import './mailbox.css';

export const metadata: Metadata = { referrer: 'no-referrer' };

/** Public pages of 校长信箱: no login, no portal shell; the header links the three entry points. */
export default async function MailboxLayout({ children }: { children: ReactNode }) {
  const { t, locale } = await getTranslator();
  return (
    <>
      <a className="skip-link" href="#main">
        {t('app.skipToContent')}
      </a>
      <header className="topbar">
        <Link href="/mailbox" className="brand">
          <span>{t('mailbox.title')}</span>
          <small>{t('app.name')}</small>
        </Link>
        <span className="spacer" />
        <LanguageSwitch target={locale === 'zh' ? 'en' : 'zh'} label={t('app.language')} />
      </header>
      <main id="main" className="mb-main">
        <nav className="mb-nav" aria-label={t('mailbox.title')}>
          <Link href="/">{t('nav.home')}</Link>
          <Link href="/mailbox/write">{t('mailbox.write')}</Link>
          <Link href="/mailbox/track">{t('mailbox.track')}</Link>
          <Link href="/mailbox/replies">{t('mailbox.publicReplies')}</Link>
        </nav>
        {children}
      </main>
    </>
  );
}

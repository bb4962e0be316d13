import type { Metadata } from 'next';
import Link from 'next/link';
import type { ReactNode } from 'react';
import { getTranslator } from '@/lib/i18n/server';
import { LanguageSwitch } from '../_components/language-switch';
import './verify.css';

// The fingerprint is in the address: it goes to no other site, and the page is not for search engines.
export const metadata: Metadata = { referrer: 'no-referrer', robots: { index: false, follow: false } };

/** The public verification of approval records: no login, no portal shell. */
export default async function VerifyLayout({ children }: { children: ReactNode }) {
  const { t, locale } = await getTranslator();
  return (
    <>
      <a className="skip-link" href="#main">
        {t('app.skipToContent')}
      </a>
      <header className="topbar">
        <Link href="/" className="brand">
          <span>{t('app.name')}</span>
          <small>{t('record.pageTitle')}</small>
        </Link>
        <span className="spacer" />
        <LanguageSwitch target={locale === 'zh' ? 'en' : 'zh'} label={t('app.language')} />
      </header>
      <main id="main" className="verify-main">
        {children}
      </main>
    </>
  );
}

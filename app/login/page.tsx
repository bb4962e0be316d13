import type { Metadata } from 'next';
import Link from 'next/link';
import { redirect } from 'next/navigation';
import { getCurrentUser } from '@/lib/auth/current-user';
import { env } from '@/lib/env';
import { getTranslator } from '@/lib/i18n/server';
import { LanguageSwitch } from '../_components/language-switch';
import { LoginForm } from './login-form';
import { SsoButtons, type SsoButton } from './sso-buttons';
import { safeCallback } from '@/lib/auth/sso/safe-callback';

export async function generateMetadata(): Promise<Metadata> {
  const { t } = await getTranslator();
  return { title: t('nav.login') };
}

export default async function LoginPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const params = await searchParams;
  const callbackUrl = safeCallback(params.callbackUrl);
  if (await getCurrentUser()) redirect(callbackUrl);
  const { t, locale } = await getTranslator();
  const { sso } = env();
  const ssoButtons: SsoButton[] = [
    ...(sso.oidc ? [{ id: 'oidc' as const, label: sso.oidc.name }] : []),
    ...(sso.cas ? [{ id: 'cas' as const, label: sso.cas.name, href: `/api/sso/cas/start?callbackUrl=${encodeURIComponent(callbackUrl)}` }] : []),
    ...(sso.wecom
      ? [{ id: 'wecom' as const, label: t('integrations.sso.wecom'), href: `/api/sso/wecom/start?callbackUrl=${encodeURIComponent(callbackUrl)}` }]
      : []),
  ];
  return (
    <main className="login-wrap" id="main">
      <div style={{ display: 'flex', justifyContent: 'flex-end' }}>
        <div style={{ background: 'var(--brand)', borderRadius: 10, padding: 4 }}>
          <LanguageSwitch target={locale === 'zh' ? 'en' : 'zh'} label={t('app.language')} />
        </div>
      </div>
      <div className="login-hero">
        <div className="logo">{t('app.name')}</div>
        <div className="muted">{t('app.tagline')}</div>
      </div>
      <div className="card">
        <h1>{t('auth.title')}</h1>
        {params.error && ssoButtons.length > 0 ? (
          <div className="alert error" role="alert">
            {t('integrations.sso.failed')}
          </div>
        ) : null}
        {env().demoLogin ? (
          <>
            <LoginForm
              callbackUrl={callbackUrl}
              labels={{
                username: t('auth.username'),
                password: t('auth.password'),
                submit: t('auth.submit'),
                submitting: t('auth.submitting'),
                failed: t('auth.failed'),
                throttled: t('auth.throttled'),
                network: t('errors.network'),
              }}
            />
            <p className="muted">{t('auth.demoHint')}</p>
          </>
        ) : ssoButtons.length === 0 ? (
          <p>{t('auth.demoDisabled')}</p>
        ) : null}
        {ssoButtons.length > 0 ? (
          <>
            {env().demoLogin ? <p className="muted">{t('integrations.sso.or')}</p> : null}
            <SsoButtons buttons={ssoButtons} callbackUrl={callbackUrl} />
          </>
        ) : null}
      </div>
      <nav className="card login-public" aria-labelledby="login-public">
        <h2 id="login-public">{t('applicant.withoutLogin')}</h2>
        <ul className="list">
          <li>
            <Link className="list-link" href="/services">
              {t('applicant.browseCatalog')}
            </Link>
          </li>
          <li>
            <Link className="list-link" href="/mailbox/write">
              {t('applicant.writeLetter')}
            </Link>
          </li>
          <li>
            <Link className="list-link" href="/mailbox/track">
              {t('applicant.trackLetter')}
            </Link>
          </li>
          <li>
            <Link className="list-link" href="/mailbox/replies">
              {t('applicant.publicReplies')}
            </Link>
          </li>
        </ul>
      </nav>
    </main>
  );
}

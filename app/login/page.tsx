import type { Metadata } from 'next';
import { redirect } from 'next/navigation';
import { getCurrentUser } from '@/lib/auth/current-user';
import { env } from '@/lib/env';
import { getTranslator } from '@/lib/i18n/server';
import { LanguageSwitch } from '../_components/language-switch';
import { LoginForm } from './login-form';

export async function generateMetadata(): Promise<Metadata> {
  const { t } = await getTranslator();
  return { title: t('nav.login') };
}

/** Only same-site paths may follow a login (no open redirect). */
function safeCallback(value: string | string[] | undefined): string {
  const v = typeof value === 'string' ? value : '/';
  return v.startsWith('/') && !v.startsWith('//') && !v.startsWith('/\\') ? v : '/';
}

export default async function LoginPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const params = await searchParams;
  const callbackUrl = safeCallback(params.callbackUrl);
  if (await getCurrentUser()) redirect(callbackUrl);
  const { t, locale } = await getTranslator();
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
        ) : (
          <p>{t('auth.demoDisabled')}</p>
        )}
      </div>
    </main>
  );
}

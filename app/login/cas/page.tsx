import { getTranslator } from '@/lib/i18n/server';
import { safeCallback } from '@/lib/auth/sso/safe-callback';
import { SsoComplete } from '../sso-complete';

/** CAS sends the browser back here with ?ticket=ST-…; the ticket is validated server-side. */
export default async function CasReturnPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const params = await searchParams;
  const { t } = await getTranslator();
  const ticket = typeof params.ticket === 'string' ? params.ticket : '';
  const callbackUrl = safeCallback(params.callbackUrl);
  return (
    <main className="login-wrap" id="main">
      <div className="card">
        <h1>{t('auth.title')}</h1>
        <SsoComplete
          provider="cas"
          proof={{ ticket, callbackUrl }}
          callbackUrl={callbackUrl}
          labels={{ signingIn: t('integrations.sso.signingIn'), failed: t('integrations.sso.failed'), back: t('integrations.sso.back') }}
        />
      </div>
    </main>
  );
}

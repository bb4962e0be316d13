import { cookies } from 'next/headers';
import { CAS_STATE_COOKIE } from '@/lib/auth/sso/cas';
import { getTranslator } from '@/lib/i18n/server';
import { safeCallback } from '@/lib/auth/sso/safe-callback';
import { SsoComplete } from '../sso-complete';

/** CAS sends the browser back here with ?ticket=ST-…&state=…; the state must match our cookie, the ticket is validated server-side. */
export default async function CasReturnPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const params = await searchParams;
  const { t } = await getTranslator();
  const ticket = typeof params.ticket === 'string' ? params.ticket : '';
  const state = typeof params.state === 'string' ? params.state : '';
  const expected = (await cookies()).get(CAS_STATE_COOKIE)?.value;
  const callbackUrl = safeCallback(params.callbackUrl);
  const labels = { signingIn: t('integrations.sso.signingIn'), failed: t('integrations.sso.failed'), back: t('integrations.sso.back') };
  return (
    <main className="login-wrap" id="main">
      <div className="card">
        <h1>{t('auth.title')}</h1>
        {expected && state === expected && ticket ? (
          <SsoComplete provider="cas" proof={{ ticket, callbackUrl, state }} callbackUrl={callbackUrl} labels={labels} />
        ) : (
          <div className="alert error" role="alert">
            {t('integrations.sso.casStateMismatch')}
          </div>
        )}
      </div>
    </main>
  );
}

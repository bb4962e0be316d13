import { cookies } from 'next/headers';
import { WECOM_STATE_COOKIE } from '@/lib/auth/sso/wecom-state';
import { getTranslator } from '@/lib/i18n/server';
import { safeCallback } from '@/lib/auth/sso/safe-callback';
import { SsoComplete } from '../sso-complete';

/** WeChat Work sends the browser back here with ?code=…&state=…; the state must match our cookie. */
export default async function WecomReturnPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const params = await searchParams;
  const { t } = await getTranslator();
  const expected = (await cookies()).get(WECOM_STATE_COOKIE)?.value;
  const [state, callback] = (typeof params.state === 'string' ? params.state : '').split('.');
  const code = typeof params.code === 'string' ? params.code : '';
  const callbackUrl = safeCallback(callback ? decodeURIComponent(Buffer.from(callback, 'base64url').toString()) : '/');
  const labels = { signingIn: t('integrations.sso.signingIn'), failed: t('integrations.sso.failed'), back: t('integrations.sso.back') };
  return (
    <main className="login-wrap" id="main">
      <div className="card">
        <h1>{t('auth.title')}</h1>
        {expected && state === expected && code ? (
          <SsoComplete provider="wecom" proof={{ code }} callbackUrl={callbackUrl} labels={labels} />
        ) : (
          <div className="alert error" role="alert">
            {t('integrations.sso.stateMismatch')}
          </div>
        )}
      </div>
    </main>
  );
}

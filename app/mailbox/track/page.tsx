import type { Metadata } from 'next';
import { getTranslator } from '@/lib/i18n/server';
import { trackErrorKey } from '../track-errors';

export const metadata: Metadata = { robots: { index: false, follow: false }, referrer: 'no-referrer' };

/** Query-code lookup: a plain form (works without JavaScript) posting to the lookup API. */
export default async function LookupPage({ searchParams }: { searchParams: Promise<{ error?: string }> }) {
  const { t } = await getTranslator();
  const { error } = await searchParams;
  return (
    <>
      <h1>{t('mailbox.lookupTitle')}</h1>
      <form className="card" method="post" action="/api/v1/mailbox/lookup">
        {error ? (
          <p className="alert error" role="alert">
            {t(trackErrorKey(error))}
          </p>
        ) : null}
        <div className="field">
          <label htmlFor="code">{t('mailbox.queryCode')}</label>
          <input id="code" name="code" type="text" maxLength={20} required autoComplete="off" autoCapitalize="characters" spellCheck={false} />
        </div>
        <div className="field">
          <label htmlFor="contact">{t('mailbox.lookupContact')}</label>
          <input id="contact" name="contact" type="text" maxLength={100} autoComplete="off" />
        </div>
        <button className="btn block" type="submit">
          {t('mailbox.lookupSubmit')}
        </button>
      </form>
    </>
  );
}

import Link from 'next/link';
import type { Translator } from '@/lib/i18n/translate';

/** 首页 for a visitor without an account: the public things first, then how to sign in. */
export function VisitorHome({ t }: { t: Translator }) {
  return (
    <>
      <h1>{t('applicant.visitorWelcome')}</h1>
      <p>{t('applicant.visitorIntro')}</p>
      <form role="search" action="/services" className="search-bar">
        <label htmlFor="visitor-q" className="sr-only">
          {t('portal.searchLabel')}
        </label>
        <input id="visitor-q" type="search" name="q" placeholder={t('portal.searchPlaceholder')} maxLength={1000} />
        <button className="btn" type="submit">
          {t('portal.search')}
        </button>
      </form>
      <div className="grid grid-2">
        <section className="card" aria-labelledby="visitor-guides">
          <h2 id="visitor-guides">{t('applicant.guides')}</h2>
          <Link className="btn block" href="/services">
            {t('applicant.browseCatalog')}
          </Link>
        </section>
        <section className="card" aria-labelledby="visitor-mailbox">
          <h2 id="visitor-mailbox">{t('applicant.mailbox')}</h2>
          <div className="visitor-links">
            <Link className="btn block" href="/mailbox/write">
              {t('applicant.writeLetter')}
            </Link>
            <Link className="btn secondary block" href="/mailbox/track">
              {t('applicant.trackLetter')}
            </Link>
            <Link className="btn secondary block" href="/mailbox/replies">
              {t('applicant.publicReplies')}
            </Link>
          </div>
        </section>
      </div>
      <section className="card" aria-labelledby="visitor-login">
        <h2 id="visitor-login">{t('applicant.login')}</h2>
        <Link className="btn secondary block" href="/login">
          {t('applicant.loginToApply')}
        </Link>
      </section>
    </>
  );
}

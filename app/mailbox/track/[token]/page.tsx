import type { Metadata } from 'next';
import { cookies, headers } from 'next/headers';
import { notFound } from 'next/navigation';
import { now } from '@/lib/clock';
import { getDb } from '@/lib/db';
import { isAppError } from '@/lib/errors';
import { formatDateTime } from '@/lib/i18n/format';
import { getTranslator } from '@/lib/i18n/server';
import { pick } from '@/lib/i18n/translate';
import { trackingPath } from '@/lib/mailbox/capability';
import { CODE_SESSION_COOKIE, FLASH_COOKIE, SESSION_TOKEN } from '@/lib/mailbox/code-session';
import { showText } from '@/lib/mailbox/display';
import { openLetter } from '@/lib/mailbox/find-letter';
import { publicOrigin } from '@/lib/mailbox/http';
import { rateLimitAddress } from '@/lib/client-ip';
import { qrSvg } from '@/lib/mailbox/qr';
import { trackLetter, type TrackView } from '@/lib/mailbox/track-view';
import { trackErrorKey } from '../../track-errors';

export const metadata: Metadata = { robots: { index: false, follow: false }, referrer: 'no-referrer', title: '来信办理进度' };

type T = Awaited<ReturnType<typeof getTranslator>>['t'];
type Locale = Awaited<ReturnType<typeof getTranslator>>['locale'];

function Progress({ view, t, locale }: { view: Omit<TrackView, 'mergedInto' | 'content' | 'subject' | 'attachments'>; t: T; locale: Locale }) {
  return (
    <>
      <section className="card" aria-labelledby="steps-title" id="steps">
        <h2 id="steps-title">{t('mailbox.steps')}</h2>
        <ol className="timeline" data-testid="track-steps">
          {view.steps.map((s, i) => (
            <li key={i}>
              <strong>{pick(s.label, locale)}</strong>
              {s.detail ? <span>：{showText(pick(s.detail, locale))}</span> : null}
              <div className="when">
                <time dateTime={s.at}>{formatDateTime(s.at, locale)}</time>
              </div>
            </li>
          ))}
        </ol>
      </section>
      {view.replies.length > 0 ? (
        <section className="card" data-testid="track-replies">
          <h2>{t('mailbox.reply')}</h2>
          {view.replies.map((r, i) => (
            <article key={i} style={{ marginBottom: 12 }}>
              <h3>
                {t('mailbox.replyRound', { round: r.round })} · {pick(r.department, locale)}
              </h3>
              <p className="mb-text">{showText(r.text)}</p>
            </article>
          ))}
        </section>
      ) : null}
    </>
  );
}

/**
 * The writer's tracking page: server-rendered, no client component; its forms post to the API.
 * Reading it changes nothing (a miss is counted for the rate limit, nothing else).
 */
export default async function TrackPage({
  params,
  searchParams,
}: {
  params: Promise<{ token: string }>;
  searchParams: Promise<{ error?: string }>;
}) {
  const [{ token }, { error }, jar, h] = await Promise.all([params, searchParams, cookies(), headers()]);
  const { t, locale } = await getTranslator();
  const db = await getDb();
  const at = await now(db);
  let view: TrackView;
  try {
    const letter = await openLetter(db, { token, sessionCookie: jar.get(CODE_SESSION_COOKIE)?.value, ip: rateLimitAddress(h), now: at });
    view = await trackLetter(db, letter.instanceId);
  } catch (e) {
    if (isAppError(e) && e.code === 'RATE_LIMITED') {
      return (
        <p className="alert error" role="alert">
          {t('mailbox.errors.RATE_LIMITED')}
        </p>
      );
    }
    if (isAppError(e) && e.code === 'NOT_FOUND') notFound();
    throw e;
  }
  const newCode = jar.get(FLASH_COOKIE)?.value;
  const base = `/api/v1/mailbox/track/${token}`;
  // The QR code is a capability link the writer keeps: from PUBLIC_URL, never the request's Host.
  const ownUrl = token === SESSION_TOKEN ? null : `${publicOrigin()}${trackingPath(token)}`;
  const shown = view.mergedInto ?? view;
  return (
    <>
      <h1>{t('mailbox.trackTitle')}</h1>
      {newCode ? <p className="alert ok">{t('mailbox.newCode', { code: newCode })}</p> : null}
      {error ? (
        <p className="alert error" role="alert">
          {t(trackErrorKey(error))}
        </p>
      ) : null}
      <section className="card">
        <dl className="facts">
          <dt>{t('mailbox.status')}</dt>
          <dd>
            <span className="chip" data-testid="track-stage">
              {t(`mailbox.stages.${view.stage}`)}
            </span>
          </dd>
          <dt>{t('mailbox.received')}</dt>
          <dd>{formatDateTime(view.createdAt, locale)}</dd>
          {shown.deadline ? (
            <>
              <dt>{t('mailbox.deadline')}</dt>
              <dd>{formatDateTime(shown.deadline, locale)}</dd>
            </>
          ) : null}
          <dt>{t('mailbox.category')}</dt>
          <dd>{t(`mailbox.categories.${view.category as 'other'}`)}</dd>
          <dt>{t('mailbox.subject')}</dt>
          <dd>{showText(view.subject)}</dd>
        </dl>
      </section>
      {view.mergedInto ? <p className="alert info">{t('mailbox.mergedNote')}</p> : null}
      <Progress view={shown} t={t} locale={locale} />
      {view.followUp ? (
        <section className="card">
          <h2>{t('mailbox.followUpAsked')}</h2>
          <p className="mb-text">{showText(view.followUp)}</p>
        </section>
      ) : null}
      {view.rating ? (
        <p className="alert info" data-testid="track-rating">
          {t('mailbox.rated', { rating: pick(view.rating.label, locale) })}
        </p>
      ) : null}
      {view.canRate ? (
        <form className="card" method="post" action={`${base}/rate`}>
          <fieldset className="field">
            <legend>{t('mailbox.rateTitle')}</legend>
            {view.ratingChoices.map((r) => (
              <label key={r.value} className="choice">
                <input type="radio" name="rating" value={r.value} required />
                <span>{pick(r.label, locale)}</span>
              </label>
            ))}
          </fieldset>
          <div className="field">
            <label htmlFor="rate-comment">{t('mailbox.rateComment')}</label>
            <textarea id="rate-comment" name="comment" maxLength={1000} rows={3} />
          </div>
          <button className="btn" type="submit">
            {t('mailbox.rateSubmit')}
          </button>
        </form>
      ) : null}
      {view.canFollowUp ? (
        <form className="card" method="post" action={`${base}/follow-up`}>
          <h2>{t('mailbox.followUpTitle')}</h2>
          <div className="field">
            <label htmlFor="question">{t('mailbox.followUpQuestion')}</label>
            <textarea id="question" name="question" maxLength={2000} rows={3} required />
          </div>
          <button className="btn secondary" type="submit">
            {t('mailbox.followUpSubmit')}
          </button>
        </form>
      ) : null}
      <details className="card">
        <summary>{t('mailbox.yourLetter')}</summary>
        <p className="mb-text mb-long" data-testid="track-content">
          {showText(view.content)}
        </p>
      </details>
      {view.attachments.length > 0 ? (
        <section className="card">
          <h2>{t('mailbox.attachments')}</h2>
          <ul className="mb-files" data-testid="track-attachments">
            {view.attachments.map((a) => (
              <li key={a.id} className="file-row">
                {/* Served through the link itself: nobody without it can open the file. */}
                <a className="grow" href={`${base}/attachments/${a.id}`} target="_blank" rel="noreferrer">
                  {showText(a.filename)}
                </a>
                <span className="muted">{Math.max(1, Math.ceil(a.size / 1024))} KB</span>
              </li>
            ))}
          </ul>
        </section>
      ) : null}
      {ownUrl ? (
        <details className="card">
          <summary>{t('mailbox.qr')}</summary>
          <div className="mb-qr" role="img" aria-label={t('mailbox.qr')} dangerouslySetInnerHTML={{ __html: await qrSvg(ownUrl) }} />
        </details>
      ) : null}
      <form className="card" method="post" action={`${base}/reissue`}>
        <h2>{t('mailbox.reissueTitle')}</h2>
        <p className="muted">{t('mailbox.reissueHint')}</p>
        <button className="btn danger" type="submit">
          {t('mailbox.reissueSubmit')}
        </button>
      </form>
    </>
  );
}

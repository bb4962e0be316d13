import type { Metadata } from 'next';
import { notFound } from 'next/navigation';
import { requireUserPage } from '@/lib/auth/current-user';
import { now } from '@/lib/clock';
import { getDb } from '@/lib/db';
import { isAppError } from '@/lib/errors';
import { formatDateTime } from '@/lib/i18n/format';
import { getTranslator } from '@/lib/i18n/server';
import { getNotice, markNoticeRead, noticeRecipientsStatus } from '@/lib/notify/notices/read-notice';
import { acknowledgeNoticeAction } from '../actions';
import '../../../_styles/notify.css';

export async function generateMetadata(): Promise<Metadata> {
  const { t } = await getTranslator();
  return { title: t('notify.notices.title') };
}

/** A notice: its recipient reads (and acknowledges) it; its author sees who got, read and acknowledged it. */
export default async function NoticePage({
  params,
  searchParams,
}: {
  params: Promise<{ id: string }>;
  searchParams: Promise<Record<string, string | undefined>>;
}) {
  const user = await requireUserPage();
  const { id } = await params;
  const sp = await searchParams;
  const { t, locale } = await getTranslator();
  const db = await getDb();
  let found;
  try {
    found = await getNotice(db, user, id);
  } catch (error) {
    if (isAppError(error) && error.code === 'NOT_FOUND') notFound();
    throw error;
  }
  const { notice, recipient, isAuthor, attachment } = found;
  if (recipient && !recipient.acknowledgedAt) await markNoticeRead(db, user, recipient, await now(db));
  const stats = isAuthor ? await noticeRecipientsStatus(db, notice) : null;
  const yes = t('notify.notices.yes');
  return (
    <>
      {sp.sent ? (
        <div className="alert ok" role="status" data-testid="notice-sent">
          {t('notify.notices.sent', { count: sp.sent })}
          {sp.unknown ? <div>{t('notify.notices.unknown', { count: sp.unknownCount ?? '', ids: sp.unknown.split(',').join('、') })}</div> : null}
        </div>
      ) : null}
      <h1>{notice.title}</h1>
      <p className="muted">{formatDateTime(notice.createdAt.toISOString(), locale)}</p>
      <section className="card">
        <p style={{ whiteSpace: 'pre-wrap' }}>{notice.body}</p>
        {attachment ? (
          <p>
            <a href={`/api/v1/notices/${notice.id}/attachment`}>{attachment.filename}</a>
          </p>
        ) : null}
        {recipient && notice.requiresAck ? (
          recipient.acknowledgedAt ? (
            <div className="alert ok" role="status">
              {t('notify.notices.ackDone')}
            </div>
          ) : (
            <form action={acknowledgeNoticeAction}>
              <input type="hidden" name="id" value={notice.id} />
              <button className="btn" type="submit">
                {t('notify.notices.ack')}
              </button>
            </form>
          )
        ) : null}
      </section>
      {stats ? (
        <section className="card notify-scroll" aria-labelledby="notice-stats">
          <h2 id="notice-stats">
            {t('notify.notices.recipients')} {notice.recipientCount} · {t('notify.notices.delivered')} {stats.delivered} ·{' '}
            {t('notify.notices.read')} {stats.read}
            {notice.requiresAck ? ` · ${t('notify.notices.acknowledged')} ${stats.acknowledged}` : ''}
          </h2>
          <table className="notify-table" data-testid="notice-recipients">
            <thead>
              <tr>
                <th scope="col">{t('notify.admin.recipient')}</th>
                <th scope="col">{t('notify.notices.delivered')}</th>
                <th scope="col">{t('notify.notices.read')}</th>
                {notice.requiresAck ? <th scope="col">{t('notify.notices.acknowledged')}</th> : null}
              </tr>
            </thead>
            <tbody>
              {stats.rows.map((r) => (
                <tr key={r.userId}>
                  <td>
                    {r.name} ({r.username})
                  </td>
                  <td>{r.delivered.length ? r.delivered.map((c) => t(`notify.channels.${c as 'wecom'}`)).join('、') : t('notify.notices.none')}</td>
                  <td>{r.readAt ? yes : t('notify.notices.no')}</td>
                  {notice.requiresAck ? <td>{r.acknowledgedAt ? yes : t('notify.notices.no')}</td> : null}
                </tr>
              ))}
            </tbody>
          </table>
        </section>
      ) : null}
    </>
  );
}

import Link from 'next/link';
import { requireUserPage } from '@/lib/auth/current-user';
import { getDb } from '@/lib/db';
import { formatDateTime } from '@/lib/i18n/format';
import { getTranslator } from '@/lib/i18n/server';
import { listMessages, type MessageRow } from '@/lib/messages/list-messages';
import { messageTitle } from '@/lib/messages/message-title';
import { markMessagesRead } from '../../actions/mark-messages-read';
import { openMessage } from '../../actions/open-message';
import '../portal.css';

interface Group {
  key: string;
  heading: string;
  caseNo: string | null;
  rows: MessageRow[];
}

/** Messages grouped by the application they are about, the group with the newest message first. */
function groupByApplication(rows: MessageRow[], locale: 'zh' | 'en', other: string): Group[] {
  const groups = new Map<string, Group>();
  for (const m of rows) {
    const key = m.instanceId ?? `other`;
    const heading = m.instanceId ? (locale === 'zh' ? m.params.titleZh : m.params.titleEn || m.params.titleZh) ?? other : other;
    const g = groups.get(key) ?? { key, heading, caseNo: m.caseNo, rows: [] };
    g.rows.push(m);
    groups.set(key, g);
  }
  return [...groups.values()];
}

export default async function MessagesPage({ searchParams }: { searchParams: Promise<{ filter?: string }> }) {
  const user = await requireUserPage();
  const { t, locale } = await getTranslator();
  const all = await listMessages(await getDb(), user);
  const onlyUnread = (await searchParams).filter === 'unread';
  const unread = all.filter((m) => !m.readAt).length;
  const messages = onlyUnread ? all.filter((m) => !m.readAt) : all;
  const groups = groupByApplication(messages, locale, t('messages.other'));
  return (
    <>
      <h1>{t('messages.title')}</h1>
      <nav className="tabs" aria-label={t('messages.title')}>
        <Link href="/messages" aria-current={!onlyUnread ? 'page' : undefined}>
          {t('portal.all')} ({all.length})
        </Link>
        <Link href="/messages?filter=unread" aria-current={onlyUnread ? 'page' : undefined}>
          {t('portal.unread')} ({unread})
        </Link>
      </nav>
      {unread > 0 ? (
        <form action={markMessagesRead} style={{ marginBottom: 12 }}>
          <button className="btn secondary" type="submit">
            {t('messages.markAllRead')}
          </button>
        </form>
      ) : null}
      {groups.length === 0 ? (
        <section className="card">
          <p className="empty">{t('messages.empty')}</p>
        </section>
      ) : (
        <div data-testid="message-list">
          {groups.map((g) => (
            <section key={g.key} className="card msg-group" aria-labelledby={`msg-group-${g.key}`}>
              <h2 id={`msg-group-${g.key}`} className="msg-group-heading">
                {g.heading}
                {g.caseNo ? <span className="sub">{`${t('applicant.caseNo')} ${g.caseNo}`}</span> : null}
              </h2>
              <ul className="list">
                {g.rows.map((m) => {
                  const text = messageTitle(m, locale);
                  return (
                    <li key={m.id} className="msg-row" data-unread={m.readAt ? undefined : 'true'}>
                      {/* Opening reads it: the action marks it read, then goes where it points. */}
                      <form action={openMessage} className="msg-open">
                        <input type="hidden" name="id" value={m.id} />
                        <button type="submit" className="list-link">
                          <span className="grow">
                            <span className="sr-only">{t('messages.open')}</span>
                            <span className="title" style={{ fontWeight: m.readAt ? 400 : 700 }}>
                              {text}
                            </span>
                            {m.params.comment ? <span className="sub">{m.params.comment}</span> : null}
                            <span className="sub">{formatDateTime(m.createdAt.toISOString(), locale)}</span>
                          </span>
                          {m.kind === 'instance.completed' || m.kind === 'instance.rejected' ? <span className="chip">{t('messages.completedChip')}</span> : null}
                          {!m.readAt ? <span className="chip">{t('messages.unread')}</span> : null}
                        </button>
                      </form>
                    </li>
                  );
                })}
              </ul>
            </section>
          ))}
        </div>
      )}
    </>
  );
}

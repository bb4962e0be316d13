import Link from 'next/link';
import { requireUserPage } from '@/lib/auth/current-user';
import { getDb } from '@/lib/db';
import { formatDateTime } from '@/lib/i18n/format';
import { getTranslator } from '@/lib/i18n/server';
import type { Locale, Translator } from '@/lib/i18n/translate';
import { listMessages, type MessageRow } from '@/lib/messages/list-messages';
import { markMessagesRead } from '../../actions/mark-messages-read';
import '../portal.css';

/** A message's text in the reader's language, from its kind and the parameters stored with it. */
function messageText(m: MessageRow, t: Translator, locale: Locale): string {
  const p = m.params;
  const L = (zh?: string, en?: string) => (locale === 'zh' ? (zh ?? '') : (en ?? zh ?? ''));
  const title = L(p.titleZh, p.titleEn);
  const action = L(p.actionZh, p.actionEn);
  switch (m.kind) {
    case 'task.new':
      return t('messages.taskNew', { title, state: L(p.stateZh, p.stateEn) });
    case 'instance.completed':
      return t('messages.instanceCompleted', { title, action });
    case 'instance.rejected':
      return t('messages.instanceRejected', { title, action });
    case 'instance.withdrawn':
      return t('messages.instanceWithdrawn', { title });
    case 'instance.reminder':
      return t('processes.reminder', { title, state: L(p.stateZh, p.stateEn) });
    case 'instance.cancelled':
      return t('messages.instanceCancelled', { title });
    case 'notice':
      return `${t('notify.kinds.notice')}：${title}`;
    default:
      return t('messages.instanceUpdate', { title, action: action || L(p.textZh, p.textEn) });
  }
}

export default async function MessagesPage({ searchParams }: { searchParams: Promise<{ filter?: string }> }) {
  const user = await requireUserPage();
  const { t, locale } = await getTranslator();
  const all = await listMessages(await getDb(), user);
  const onlyUnread = (await searchParams).filter === 'unread';
  const unread = all.filter((m) => !m.readAt).length;
  const messages = onlyUnread ? all.filter((m) => !m.readAt) : all;
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
      <section className="card">
        {messages.length === 0 ? (
          <p className="empty">{t('messages.empty')}</p>
        ) : (
          <ul className="list" data-testid="message-list">
            {messages.map((m) => (
              <li key={m.id} className="msg-row">
                <Link className="list-link" href={m.link ?? '/messages'}>
                  <span className="grow">
                    <span className="title" style={{ fontWeight: m.readAt ? 400 : 700 }}>
                      {messageText(m, t, locale)}
                    </span>
                    {m.params.comment ? <span className="sub">{m.params.comment}</span> : null}
                    <span className="sub">{formatDateTime(m.createdAt.toISOString(), locale)}</span>
                  </span>
                  {!m.readAt ? <span className="chip">{t('messages.unread')}</span> : null}
                </Link>
                {!m.readAt ? (
                  <form action={markMessagesRead}>
                    <input type="hidden" name="id" value={m.id} />
                    <button className="btn secondary" type="submit">
                      {t('portal.markRead')}
                      <span className="sr-only">{messageText(m, t, locale)}</span>
                    </button>
                  </form>
                ) : null}
              </li>
            ))}
          </ul>
        )}
      </section>
    </>
  );
}

import Link from 'next/link';
import { notFound } from 'next/navigation';
import { requireUserPage } from '@/lib/auth/current-user';
import { now } from '@/lib/clock';
import { getDb } from '@/lib/db';
import { formatDateTime } from '@/lib/i18n/format';
import { getTranslator } from '@/lib/i18n/server';
import { listDeskLetters } from '@/lib/mailbox/desk-list';
import { can, isMailboxOffice } from '@/lib/policy';
import { showText } from '@/lib/mailbox/display';

/** The mailbox office's queue, or a department's assigned letters. */
export default async function MailboxDeskPage({ searchParams }: { searchParams: Promise<{ filter?: string }> }) {
  const user = await requireUserPage();
  if (!can(user, 'mailbox.desk')) notFound();
  const filter = (await searchParams).filter === 'all' ? 'all' : 'open';
  const { t, locale } = await getTranslator();
  const db = await getDb();
  const letters = await listDeskLetters(db, user, await now(db), filter);
  return (
    <>
      <h1>{t('mailbox.desk')}</h1>
      <nav className="tabs" aria-label={t('mailbox.desk')}>
        <Link href="/mailbox-office" aria-current={filter === 'open' ? 'page' : undefined}>
          {t('mailbox.queue')}
        </Link>
        <Link href="/mailbox-office?filter=all" aria-current={filter === 'all' ? 'page' : undefined}>
          {t('mailbox.all')}
        </Link>
        {isMailboxOffice(user) ? <Link href="/mailbox-office/stats">{t('mailbox.stats')}</Link> : null}
      </nav>
      <section className="card">
        {letters.length === 0 ? (
          <p className="empty">{t('mailbox.empty')}</p>
        ) : (
          <ul className="list" data-testid="desk-list">
            {letters.map((l) => (
              <li key={l.id}>
                <Link className="list-link" href={`/mailbox-office/${l.id}`}>
                  <span className="grow">
                    <span className="title">{showText(l.subject)}</span>
                    <span className="sub">
                      {l.caseNo ? `${l.caseNo} · ` : ''}
                      {t(`mailbox.categories.${l.category as 'other'}`)} · {formatDateTime(l.createdAt, locale)}
                      {l.deadline ? ` · ${t('mailbox.deadline')} ${formatDateTime(l.deadline, locale)}` : ''}
                    </span>
                  </span>
                  {l.overdue ? <span className="chip danger">{t('mailbox.overdue')}</span> : null}
                  {l.published ? <span className="chip ok">{t('mailbox.published')}</span> : null}
                </Link>
              </li>
            ))}
          </ul>
        )}
      </section>
    </>
  );
}

import type { Metadata } from 'next';
import Link from 'next/link';
import { notFound } from 'next/navigation';
import { requireUserPage } from '@/lib/auth/current-user';
import { can } from '@/lib/policy';
import { getDb } from '@/lib/db';
import { formatDateTime } from '@/lib/i18n/format';
import { getTranslator } from '@/lib/i18n/server';
import { listMyNotices } from '@/lib/notify/notices/read-notice';
import { PageHeader } from '../../_components/page-header';

export async function generateMetadata(): Promise<Metadata> {
  const { t } = await getTranslator();
  return { title: t('notify.notices.title') };
}

/** Notices the signed-in handler sent, and the way to send a new one. */
export default async function NoticesPage() {
  const user = await requireUserPage();
  if (!can(user, 'notice.compose')) notFound();
  const { t, locale } = await getTranslator();
  const mine = await listMyNotices(await getDb(), user);
  return (
    <>
      <PageHeader title={t('notify.notices.title')} action={{ href: '/notices/new', label: t('notify.notices.new') }} />
      <section className="card" aria-labelledby="my-notices">
        <h2 id="my-notices">{t('notify.notices.list_title')}</h2>
        {mine.length === 0 ? (
          <p className="empty">{t('notify.notices.empty')}</p>
        ) : (
          <ul className="list">
            {mine.map((n) => (
              <li key={n.id}>
                <Link className="list-link" href={`/notices/${n.id}`}>
                  <span className="grow">
                    <span className="title">{n.title}</span>
                    <span className="sub">
                      {formatDateTime(n.createdAt.toISOString(), locale)} · {t('notify.notices.recipients')} {n.recipientCount}
                    </span>
                  </span>
                </Link>
              </li>
            ))}
          </ul>
        )}
      </section>
    </>
  );
}

import type { Metadata } from 'next';
import Link from 'next/link';
import { getTranslator } from '@/lib/i18n/server';

export async function generateMetadata(): Promise<Metadata> {
  const { t } = await getTranslator();
  return { title: t('mailbox.title') };
}

export default async function MailboxHome() {
  const { t } = await getTranslator();
  return (
    <>
      <h1>{t('mailbox.title')}</h1>
      <section className="card">
        <p>{t('mailbox.intro')}</p>
        <p className="muted">{t('mailbox.limits')}</p>
        <div className="mb-big">
          <Link className="btn block" href="/mailbox/write">
            {t('mailbox.write')}
          </Link>
          <Link className="btn secondary block" href="/mailbox/track">
            {t('mailbox.track')}
          </Link>
          <Link className="btn secondary block" href="/mailbox/replies">
            {t('mailbox.publicReplies')}
          </Link>
        </div>
      </section>
    </>
  );
}

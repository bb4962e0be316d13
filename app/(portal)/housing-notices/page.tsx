import type { Metadata } from 'next';
import Link from 'next/link';
import { notFound } from 'next/navigation';
import { requireUserPage } from '@/lib/auth/current-user';
import { now } from '@/lib/clock';
import { getDb } from '@/lib/db';
import { listHousingBatches } from '@/lib/housing/ledger';
import { formatDate, formatMoney } from '@/lib/i18n/format';
import { getTranslator } from '@/lib/i18n/server';
import { can } from '@/lib/policy';
import { PageHeader } from '../../_components/page-header';
import { batchHref } from './batch-href';

export async function generateMetadata(): Promise<Metadata> {
  const { t } = await getTranslator();
  return { title: t('housing.ledger.title') };
}

/** 资产管理处's ledger: every batch of 周转房缴费通知 it sent, newest due date first, with its counts. */
export default async function HousingLedgerPage() {
  const user = await requireUserPage();
  if (!can(user, 'housing.ledger')) notFound();
  const { t, locale } = await getTranslator();
  const db = await getDb();
  const batches = await listHousingBatches(db, user, await now(db));
  return (
    <>
      <PageHeader title={t('housing.ledger.title')} intro={t('housing.ledger.intro')} action={{ href: '/services/housing-payment-notice/apply', label: t('housing.ledger.issueNew') }} />
      <section className="card" aria-labelledby="batches-title">
        <h2 id="batches-title" className="sr-only">
          {t('housing.ledger.title')}
        </h2>
        {batches.length === 0 ? (
          <p className="empty">{t('housing.ledger.empty')}</p>
        ) : (
          <ul className="list" data-testid="housing-batches">
            {batches.map((b) => (
              <li key={`${b.period}|${b.dueDate}`}>
                <Link className="list-link" href={batchHref(b)}>
                  <span className="grow">
                    <span className="title">{t('housing.ledger.batch', { period: b.period, due: b.dueDate })}</span>
                    <span className="sub">
                      {t('housing.ledger.issuedAt', { date: formatDate(b.issuedAt.toISOString(), locale) })} ·{' '}
                      {t('housing.ledger.counts', { total: b.total, ack: b.acknowledged, paid: b.paid, confirmed: b.confirmed })} ·{' '}
                      {t('housing.ledger.amount', { amount: formatMoney(b.amount) })}
                    </span>
                    {b.overdue > 0 ? (
                      <span className="chips">
                        <span className="chip danger">{t('housing.ledger.overdue', { count: b.overdue })}</span>
                      </span>
                    ) : null}
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

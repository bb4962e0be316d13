import type { Metadata } from 'next';
import Link from 'next/link';
import { notFound } from 'next/navigation';
import { requireUserPage } from '@/lib/auth/current-user';
import { now } from '@/lib/clock';
import { getDb } from '@/lib/db';
import { batchKeySchema } from '@/lib/housing/batch-key';
import { loadHousingBatch, type TenantRow } from '@/lib/housing/ledger';
import { formatDate, formatDateTime, formatMoney } from '@/lib/i18n/format';
import { getTranslator } from '@/lib/i18n/server';
import { can } from '@/lib/policy';
import { batchHref } from '../batch-href';
import { RemindOverdue } from './remind-overdue';

export async function generateMetadata(): Promise<Metadata> {
  const { t } = await getTranslator();
  return { title: t('housing.ledger.title') };
}

const FILTERS = {
  all: () => true,
  overdue: (r: TenantRow) => r.overdue,
  unread: (r: TenantRow) => r.standing === 'unread',
  unpaid: (r: TenantRow) => r.standing === 'unread' || r.standing === 'acknowledged',
  paid: (r: TenantRow) => r.standing === 'receiptSent' || r.standing === 'confirmed',
} as const;
type Filter = keyof typeof FILTERS;

/**
 * One batch of 周转房缴费通知, tenant by tenant: who acknowledged, who paid (their receipt), who is
 * overdue and how often they were reminded; 催缴 for the overdue and the CSV for the office's books.
 */
export default async function HousingBatchPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const user = await requireUserPage();
  if (!can(user, 'housing.ledger')) notFound();
  const query = await searchParams;
  const parsed = batchKeySchema.safeParse({ period: query.period, dueDate: query.dueDate });
  if (!parsed.success) notFound();
  const key = parsed.data;
  const { t, locale } = await getTranslator();
  const db = await getDb();
  const rows = await loadHousingBatch(db, user, key, await now(db));
  if (rows.length === 0) notFound();
  const show: Filter = typeof query.show === 'string' && query.show in FILTERS ? (query.show as Filter) : 'all';
  const shown = rows.filter(FILTERS[show]);
  const count = (f: Filter) => rows.filter(FILTERS[f]).length;
  const overdue = rows.filter((r) => r.overdue);
  const when = (d: Date) => formatDateTime(d.toISOString(), locale);
  const csv = `/api/v1/housing-notices/batch?${new URLSearchParams({ ...key, format: 'csv' }).toString()}`;
  return (
    <>
      <p>
        <Link href="/housing-notices">← {t('housing.batch.back')}</Link>
      </p>
      <h1>{key.period}</h1>
      <p className="muted">{t('housing.batch.due', { date: key.dueDate })}</p>
      <section className="card" aria-labelledby="batch-summary">
        <h2 id="batch-summary" className="sr-only">
          {t('housing.batch.remindTitle')}
        </h2>
        <p data-testid="batch-summary">
          {t('housing.batch.summary', { total: rows.length, ack: rows.filter((r) => r.acknowledgedAt).length, paid: count('paid'), confirmed: rows.filter((r) => r.standing === 'confirmed').length, overdue: overdue.length })}
        </p>
        <RemindOverdue
          batch={key}
          overdue={overdue.filter((r) => !r.remindedToday).length}
          remindedToday={overdue.filter((r) => r.remindedToday).length}
          labels={{
            hint: t('housing.batch.remindHint'),
            remind: t('housing.batch.remind'),
            confirm: t('housing.batch.remindConfirm'),
            confirmButton: t('housing.batch.confirmButton'),
            cancel: t('housing.batch.cancel'),
            reminded: t('housing.batch.reminded'),
            skipped: t('housing.batch.skipped'),
            none: t('housing.batch.noneOverdue'),
            allReminded: t('housing.batch.allReminded'),
            network: t('errors.network'),
          }}
        />
        <div className="actions">
          <a className="btn secondary" href={csv} download>
            {t('housing.batch.download')}
          </a>
        </div>
      </section>
      <section className="card" aria-labelledby="batch-tenants">
        <h2 id="batch-tenants">{t('housing.batch.tenants')}</h2>
        <nav aria-label={t('housing.batch.show')} className="chips filter-chips">
          {(Object.keys(FILTERS) as Filter[]).map((f) => (
            <Link key={f} href={batchHref(key, f === 'all' ? undefined : f)} className={`chip${f === show ? ' ok' : ''}`} aria-current={f === show ? 'page' : undefined}>
              {t(`housing.batch.filters.${f}`, { count: count(f) })}
            </Link>
          ))}
        </nav>
        {shown.length === 0 ? (
          <p className="empty">{t('housing.batch.none')}</p>
        ) : (
          <ul className="list" data-testid="batch-tenants">
            {shown.map((r) => (
              <li key={r.instanceId} data-testid="tenant-row">
                <div className="grow tenant-row">
                  <span className="title">
                    <Link href={`/applications/${r.instanceId}`}>{r.name}</Link>
                    <span className="muted">
                      {' '}
                      {r.username} · {r.room} · {formatMoney(r.amount)}
                    </span>
                  </span>
                  <span className="chips">
                    <span className={`chip${r.standing === 'confirmed' ? ' ok' : r.standing === 'unread' ? ' warn' : ''}`}>{t(`housing.standing.${r.standing}`)}</span>
                    {r.overdue ? <span className="chip danger">{t('housing.batch.overdue')}</span> : null}
                  </span>
                  <span className="sub">
                    {[
                      r.acknowledgedAt ? t('housing.batch.acknowledgedAt', { date: when(r.acknowledgedAt) }) : null,
                      r.paidAt ? t('housing.batch.paidAt', { date: when(r.paidAt) }) : null,
                      r.confirmedAt ? t('housing.batch.confirmedAt', { date: when(r.confirmedAt) }) : null,
                      r.reminders > 0 && r.lastRemindedAt ? t('housing.batch.reminders', { count: r.reminders, date: formatDate(r.lastRemindedAt.toISOString(), locale) }) : null,
                    ]
                      .filter(Boolean)
                      .join(' · ')}
                  </span>
                  {r.receipts.length > 0 ? (
                    <span className="sub">
                      {t('housing.batch.receipt')}：
                      {r.receipts.map((f, i) => (
                        <span key={f.id}>
                          {i > 0 ? '、' : ''}
                          <a href={`/api/v1/uploads/${f.id}`} target="_blank" rel="noopener">
                            {f.filename}
                          </a>
                        </span>
                      ))}
                    </span>
                  ) : null}
                </div>
              </li>
            ))}
          </ul>
        )}
      </section>
    </>
  );
}

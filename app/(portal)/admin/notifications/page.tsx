import type { Metadata } from 'next';
import Link from 'next/link';
import { notFound } from 'next/navigation';
import { NOTIFY_CHANNELS, DELIVERY_STATUSES, type NotifyChannel, type DeliveryStatus } from '@/db/schema';
import { requireUserPage } from '@/lib/auth/current-user';
import { can } from '@/lib/policy';
import { getDb } from '@/lib/db';
import { formatDateTime } from '@/lib/i18n/format';
import { getTranslator } from '@/lib/i18n/server';
import { deliveryCounts, listDeliveries } from '@/lib/notify/admin-deliveries';
import '../../../_styles/notify.css';

export async function generateMetadata(): Promise<Metadata> {
  const { t } = await getTranslator();
  return { title: t('notify.admin.title') };
}

const CHIP: Record<DeliveryStatus, string> = { pending: 'warn', sent: 'ok', failed: 'danger', skipped: '', digested: 'ok' };

/** Delivery status per channel, and retry of failed deliveries (administrators only). */
export default async function DeliveryAdminPage({ searchParams }: { searchParams: Promise<Record<string, string | undefined>> }) {
  const user = await requireUserPage();
  if (!can(user, 'admin.operate')) notFound();
  const { t, locale } = await getTranslator();
  const sp = await searchParams;
  const status = DELIVERY_STATUSES.includes(sp.status as DeliveryStatus) ? (sp.status as DeliveryStatus) : undefined;
  const channel = NOTIFY_CHANNELS.includes(sp.channel as NotifyChannel) ? (sp.channel as NotifyChannel) : undefined;
  const db = await getDb();
  const [counts, rows] = await Promise.all([deliveryCounts(db), listDeliveries(db, { status, channel })]);
  const n = (c: NotifyChannel, s: DeliveryStatus) => counts.find((x) => x.channel === c && x.status === s)?.n ?? 0;
  const href = (s?: string, c?: string) => {
    const q = new URLSearchParams();
    if (s) q.set('status', s);
    if (c) q.set('channel', c);
    return `/admin/notifications${q.size ? `?${q}` : ''}`;
  };
  const failed = NOTIFY_CHANNELS.reduce((sum, c) => sum + n(c, 'failed'), 0);
  return (
    <>
      <h1>{t('notify.admin.title')}</h1>
      <p className="muted">{t('notify.admin.intro')}</p>
      <p>
        <Link href="/notices">{t('notify.admin.noticeLink')}</Link>
      </p>
      <section className="card notify-scroll">
        <table className="notify-table" data-testid="delivery-counts">
          <thead>
            <tr>
              <th scope="col">{t('notify.admin.channel')}</th>
              {DELIVERY_STATUSES.map((s) => (
                <th scope="col" key={s}>
                  {t(`notify.admin.statuses.${s}`)}
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {NOTIFY_CHANNELS.map((c) => (
              <tr key={c}>
                <th scope="row">{t(`notify.channels.${c}`)}</th>
                {DELIVERY_STATUSES.map((s) => (
                  <td key={s}>
                    <Link href={href(s, c)}>{n(c, s)}</Link>
                  </td>
                ))}
              </tr>
            ))}
          </tbody>
        </table>
      </section>
      <nav className="tabs notify-tabs" aria-label={t('notify.admin.status')}>
        <Link href={href(undefined, channel)} aria-current={!status ? 'page' : undefined}>
          {t('notify.admin.all')}
        </Link>
        {DELIVERY_STATUSES.map((s) => (
          <Link key={s} href={href(s, channel)} aria-current={status === s ? 'page' : undefined}>
            {t(`notify.admin.statuses.${s}`)}
          </Link>
        ))}
      </nav>
      {failed > 0 ? (
        <p className="alert info">
          <Link href="/admin/operations">{t('notify.admin.retryAll', { n: failed })}</Link>
        </p>
      ) : null}
      <section className="card">
        {rows.length === 0 ? (
          <p className="empty">{t('notify.admin.empty')}</p>
        ) : (
          <ul className="list" data-testid="delivery-list">
            {rows.map((r) => (
              <li key={r.id} className="notify-row">
                <span className="grow">
                  <span className="title">
                    {r.userName} (<span translate="no">{r.username}</span>) · {t(`notify.channels.${r.channel}`)}
                  </span>
                  <span className="sub">
                    {(locale === 'zh' ? r.params.titleZh : r.params.titleEn || r.params.titleZh) ?? t('notify.admin.title')} ·{' '}
                    {t('notify.admin.attempts')} {r.attempts} · {formatDateTime(r.createdAt.toISOString(), locale)}
                  </span>
                  {r.lastError || r.note ? <span className="sub">{r.lastError ?? r.note}</span> : null}
                </span>
                <span className={`chip ${CHIP[r.status]}`}>{t(`notify.admin.statuses.${r.status}`)}</span>
              </li>
            ))}
          </ul>
        )}
      </section>
    </>
  );
}

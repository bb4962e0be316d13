import { forbidden } from 'next/navigation';
import { adminPageContext } from '@/lib/admin/admin-context';
import { retryableOutboxes } from '@/lib/admin/outbox-hooks';
import { formatDateTime } from '@/lib/i18n/format';
import { pick } from '@/lib/i18n/translate';
import { RetryButton } from '../_components/retry-button';

/** Failed side effects of every registered outbox (none is registered in this module itself). */
export default async function OperationsPage() {
  const { t, db, locale, isOperator } = await adminPageContext();
  if (!isOperator) forbidden();
  const outboxes = retryableOutboxes();
  const lists = await Promise.all(outboxes.map(async (o) => ({ o, failed: await o.listFailed(db, 100) })));
  return (
    <>
      <h1>{t('admin.outbox.title')}</h1>
      <p>{t('admin.outbox.intro')}</p>
      {lists.length === 0 && <p className="alert info">{t('admin.outbox.none')}</p>}
      {lists.map(({ o, failed }) => (
        <section key={o.channel} className="card">
          <h2>{pick(o.label, locale)}</h2>
          <ul>
            {failed.map((f) => (
              <li key={f.id}>
                {f.summary} — {f.error} · {formatDateTime(f.failedAt.toISOString(), locale)} · ×{f.attempts} <RetryButton url={`/api/v1/admin/outbox/${o.channel}/${f.id}/retry`} labels={{ retry: t('admin.outbox.retry'), done: t('admin.outbox.retried'), network: t('errors.INTERNAL') }} />
              </li>
            ))}
          </ul>
        </section>
      ))}
    </>
  );
}

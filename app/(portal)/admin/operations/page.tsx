import { forbidden } from 'next/navigation';
import { adminPageContext } from '@/lib/admin/admin-context';
import { formatDateTime } from '@/lib/i18n/format';
import { pick } from '@/lib/i18n/translate';
import { KIND_LABELS, listFailedDeliveries } from '@/lib/outbox/failed-deliveries';
import { RetryButton } from '../_components/retry-button';

/** The failed-deliveries page: everything the one outbox could not deliver, with why, and a retry (audited). */
export default async function OperationsPage() {
  const { t, db, locale, isOperator } = await adminPageContext();
  if (!isOperator) forbidden();
  const failed = await listFailedDeliveries(db, 200);
  return (
    <>
      <h1>{t('admin.outbox.title')}</h1>
      <p>{t('admin.outbox.intro')}</p>
      <section className="card">
        {failed.length === 0 ? (
          <p className="empty">{t('admin.outbox.none')}</p>
        ) : (
          <ul className="list" data-testid="failed-deliveries">
            {failed.map((f) => (
              <li key={f.id} style={{ overflowWrap: 'anywhere' }}>
                <span className="grow">
                  <span className="title">
                    {pick(KIND_LABELS[f.kind] ?? { zh: f.kind, en: f.kind }, locale)}
                    {f.target ? ` · ${f.target}` : ''}
                    {f.campusId ? (
                      <>
                        {'（'}
                        <span translate="no">{f.campusId}</span>
                        {'）'}
                      </>
                    ) : null}
                  </span>
                  {/* The handler's or the remote system's own words (errcode 60020, HTTP 502, connect
                      ECONNREFUSED …), quoted as they came: what to search for or to send to the vendor. */}
                  {f.error ? (
                    <span className="sub">
                      {t('admin.outbox.error')}
                      <code translate="no">{f.error}</code>
                    </span>
                  ) : null}
                  <span className="sub">
                    {t('admin.outbox.attempts', { n: f.attempts })} · {formatDateTime(f.lastTriedAt.toISOString(), locale)}
                  </span>
                </span>{' '}
                <RetryButton
                  url={`/api/v1/admin/outbox/${f.id}/retry`}
                  labels={{ retry: t('admin.outbox.retry'), done: t('admin.outbox.retried'), network: t('errors.INTERNAL') }}
                />
              </li>
            ))}
          </ul>
        )}
      </section>
    </>
  );
}

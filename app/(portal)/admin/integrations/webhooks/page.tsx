import { WEBHOOK_EVENTS } from '@/db/schema';
import { getDb } from '@/lib/db';
import { formatDateTime } from '@/lib/i18n/format';
import { getTranslator } from '@/lib/i18n/server';
import { getLabeler } from '@/lib/labels';
import { listWebhooks } from '@/lib/webhooks/manage-webhooks';
import { currentDefinitions } from '@/workflows/registry';
import { AdminForm } from '../admin-form';
import { requireAdminPage } from '../require-admin';

/** Webhooks: register a URL for chosen events of a process; the delivery log below. */
export default async function WebhooksAdminPage() {
  const user = await requireAdminPage();
  const { t, locale } = await getTranslator();
  const db = await getDb();
  const [{ hooks, deliveries }, L] = await Promise.all([listWebhooks(db, user), getLabeler(db, locale)]);
  const urlOf = new Map(hooks.map((h) => [h.id, h.url]));
  return (
    <>
      <h1>{t('integrations.admin.webhooks')}</h1>
      <section className="card">
        <p className="muted">{t('integrations.admin.webhookIntro')}</p>
        <AdminForm
          idPrefix="hook"
          endpoint="/api/v1/admin/webhooks"
          submit={t('integrations.admin.add')}
          secretLabel={t('integrations.admin.secretOnce')}
          network={t('errors.network')}
          fields={[
            { name: 'url', label: t('integrations.admin.url'), kind: 'url', required: true },
            {
              name: 'processId',
              label: t('integrations.admin.process'),
              kind: 'select',
              options: currentDefinitions().map((d) => ({ value: d.id, label: d.title[locale] })),
            },
            { name: 'events', label: t('integrations.admin.events'), kind: 'checkboxes', options: WEBHOOK_EVENTS.map((e) => ({ value: e, label: t(`integrations.events.${e}`) })) },
          ]}
        />
        <ul>
          {hooks.map((h) => (
            <li key={h.id} style={{ overflowWrap: 'anywhere' }}>
              <code>{h.url}</code> · {h.processId ? L.process(h.processId) : t('admin.dashboard.all')} · {h.events.map((e) => t(`integrations.events.${e}`)).join('、')}
            </li>
          ))}
        </ul>
      </section>
      <section className="card" aria-labelledby="deliveries">
        <h2 id="deliveries">{t('integrations.admin.deliveries')}</h2>
        <ul style={{ listStyle: 'none', padding: 0 }}>
          {deliveries.map((d) => (
            <li key={d.id} style={{ padding: '6px 0', borderTop: '1px solid var(--line)', overflowWrap: 'anywhere' }}>
              {formatDateTime(d.createdAt.toISOString(), locale)} · {t(`integrations.events.${d.event as (typeof WEBHOOK_EVENTS)[number]}`)} ·{' '}
              <span className={`chip ${d.status === 'sent' ? 'ok' : d.status === 'failed' ? 'danger' : 'warn'}`}>{L.status(d.status)}</span> ·{' '}
              {t('integrations.admin.attempts')} {d.attempts}
              {d.lastError ? ` · ${d.lastError}` : ''}
              <div className="muted" style={{ fontSize: '0.85rem' }}>
                {urlOf.get(d.webhookId)}
              </div>
            </li>
          ))}
        </ul>
      </section>
    </>
  );
}

import Link from 'next/link';
import { orgUnits, ROLES } from '@/db/schema';
import { listImports } from '@/lib/campus/admin-import';
import { DATASETS } from '@/lib/campus/datasets';
import { getDb } from '@/lib/db';
import { formatDateTime } from '@/lib/i18n/format';
import { getTranslator } from '@/lib/i18n/server';
import { listServiceAccounts } from '@/lib/tokens/service-accounts';
import { TOKEN_SCOPES } from '@/lib/tokens/scopes';
import { AdminForm } from './admin-form';
import { ImportForm } from './import-form';
import { requireAdminPage } from './require-admin';

/** 系统集成: CSV import with its report, import/push history, service accounts and their tokens. */
export default async function IntegrationsAdminPage() {
  const user = await requireAdminPage();
  const { t, locale } = await getTranslator();
  const db = await getDb();
  const [imports, accounts, units] = await Promise.all([listImports(db, user), listServiceAccounts(db, user), db.select().from(orgUnits)]);
  const datasets = Object.values(DATASETS).map((d) => ({ value: d.id, label: d.title[locale] }));
  const unitOptions = units.map((u) => ({ value: u.id, label: locale === 'zh' ? u.nameZh : u.nameEn }));
  const network = t('errors.network');
  return (
    <>
      <h1>{t('integrations.admin.title')}</h1>
      <p>
        <Link href="/admin/integrations/webhooks">{t('integrations.admin.webhooks')}</Link>
      </p>
      <section className="card" aria-labelledby="imports">
        <h2 id="imports">{t('integrations.admin.imports')}</h2>
        <p className="muted">{t('integrations.admin.importIntro')}</p>
        <ImportForm
          datasets={datasets}
          labels={{
            dataset: t('integrations.admin.dataset'),
            file: t('integrations.admin.file'),
            upload: t('integrations.admin.upload'),
            applied: t('integrations.admin.reportApplied'),
            rejected: t('integrations.admin.reportRejected'),
            row: t('integrations.admin.row'),
            network,
          }}
        />
      </section>
      <section className="card" aria-labelledby="history">
        <h2 id="history">{t('integrations.admin.history')}</h2>
        <ul className="campus-rows" style={{ listStyle: 'none', padding: 0 }}>
          {imports.map((i) => (
            <li key={i.id}>
              {formatDateTime(i.createdAt.toISOString(), locale)} · {DATASETS[i.dataset as keyof typeof DATASETS]?.title[locale] ?? i.dataset} · {i.source} ·{' '}
              {i.rows} · <span className={`chip ${i.applied ? 'ok' : 'danger'}`}>{i.applied ? '✓' : `✗ ${i.errors.length}`}</span>
            </li>
          ))}
        </ul>
      </section>
      <section className="card" aria-labelledby="svc">
        <h2 id="svc">{t('integrations.admin.serviceAccounts')}</h2>
        <p className="muted">{t('integrations.admin.serviceIntro')}</p>
        <ul>
          {accounts.map((a) => (
            <li key={a.id}>
              <details>
                <summary>
                  {a.name} <code translate="no">{a.username}</code>
                </summary>
                <p>{t('integrations.admin.tokenFor', { name: a.name })}</p>
                <AdminForm
                  idPrefix={`svc-token-${a.id}`}
                  endpoint={`/api/v1/admin/service-accounts/${a.id}/tokens`}
                  submit={t('integrations.tokens.create')}
                  secretLabel={t('integrations.tokens.created')}
                  network={network}
                  fields={[
                    { name: 'name', label: t('integrations.tokens.name'), kind: 'text', required: true },
                    { name: 'scopes', label: t('integrations.tokens.scopes'), kind: 'checkboxes', options: TOKEN_SCOPES.map((s) => ({ value: s, label: s })) },
                    { name: 'expiresInDays', label: t('integrations.tokens.expires'), kind: 'number', required: true, defaultValue: '365' },
                  ]}
                />
              </details>
            </li>
          ))}
        </ul>
        <AdminForm
          idPrefix="svc"
          endpoint="/api/v1/admin/service-accounts"
          submit={t('integrations.admin.createAccount')}
          secretLabel=""
          network={network}
          fields={[
            { name: 'name', label: t('integrations.admin.displayName'), kind: 'text', required: true },
            { name: 'slug', label: `${t('integrations.admin.username')} (svc-…)`, kind: 'text', required: true },
            { name: 'orgUnitId', label: t('integrations.admin.orgUnit'), kind: 'select', options: unitOptions, required: true },
            { name: 'role', label: t('integrations.admin.role'), kind: 'select', options: ROLES.map((r) => ({ value: r, label: t(`roles.${r}` as 'roles.counselor') })) },
          ]}
        />
      </section>
    </>
  );
}

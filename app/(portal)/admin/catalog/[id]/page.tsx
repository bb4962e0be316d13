import Link from 'next/link';
import { notFound } from 'next/navigation';
import { isUuid } from '@/lib/policy';
import { NEXT_STATUSES, STATUS_LABELS } from '@/lib/catalog/labels';
import { findServiceById, listDepartments, statusHistory } from '@/lib/catalog/queries';
import { getDb } from '@/lib/db';
import { formatDateTime } from '@/lib/i18n/format';
import { getTranslator } from '@/lib/i18n/server';
import { pick } from '@/lib/i18n/translate';
import { findDefinition } from '@/lib/processes/find-definition';
import { changeStatusAction, deleteServiceAction, saveServiceAction } from '../../../../actions/catalog-admin';
import { ActionForm } from '../action-form';
import { requireCatalogAdmin } from '../require-catalog-admin';
import { ServiceFields } from '../service-fields';
import '../../../portal.css';

export default async function EditServicePage({ params }: { params: Promise<{ id: string }> }) {
  await requireCatalogAdmin();
  const { id } = await params;
  if (!isUuid(id)) notFound();
  const db = await getDb();
  const service = await findServiceById(db, id);
  if (!service) notFound();
  const { t, locale } = await getTranslator();
  const [departments, history] = await Promise.all([listDepartments(db), statusHistory(db, id)]);
  const missingProcess = service.processId && !findDefinition(service.processId) ? service.processId : null;
  return (
    <>
      <h1>{locale === 'zh' ? service.nameZh : service.nameEn}</h1>
      <div className="links-row">
        <Link href="/admin/catalog">{t('portal.adminTitle')}</Link>
        <Link href={`/services/${service.code}`}>{t('portal.guide')}</Link>
      </div>
      {missingProcess ? <p className="alert info">{t('portal.processMissing', { id: missingProcess })}</p> : null}
      <section className="card" aria-labelledby="lifecycle">
        <h2 id="lifecycle">
          {t('portal.lifecycle')}：<span data-testid="service-status">{pick(STATUS_LABELS[service.status], locale)}</span>
        </h2>
        <ActionForm action={changeStatusAction} submitLabel={t('portal.apply')} testId="status-form">
          <input type="hidden" name="id" value={service.id} />
          <div className="field">
            <label htmlFor="f-to">{t('portal.changeTo')}</label>
            <select id="f-to" name="to">
              {NEXT_STATUSES[service.status].map((s) => (
                <option key={s} value={s}>
                  {pick(STATUS_LABELS[s], locale)}
                </option>
              ))}
            </select>
          </div>
          <div className="field">
            <label htmlFor="f-reason">{t('portal.reason')}</label>
            <textarea id="f-reason" name="reason" required minLength={2} maxLength={500} />
          </div>
        </ActionForm>
        <h3 style={{ marginTop: 16 }}>{t('portal.history')}</h3>
        <ol className="timeline" data-testid="status-history">
          {history.map(({ change, actorName }) => (
            <li key={change.id}>
              <strong>
                {change.fromStatus ? `${pick(STATUS_LABELS[change.fromStatus], locale)} → ` : ''}
                {pick(STATUS_LABELS[change.toStatus], locale)}
              </strong>
              <div className="when">
                {formatDateTime(change.at.toISOString(), locale)}
                {actorName ? ` · ${actorName}` : ''}
              </div>
              <div className="comment">{change.reason}</div>
            </li>
          ))}
        </ol>
      </section>
      <section className="card" aria-labelledby="edit">
        <h2 id="edit">{t('portal.edit')}</h2>
        <ActionForm action={saveServiceAction} submitLabel={t('common.save')}>
          <ServiceFields service={service} departments={departments} t={t} locale={locale} withStatus={false} />
        </ActionForm>
      </section>
      <section className="card">
        <details>
          <summary>{t('portal.delete')}</summary>
          <ActionForm action={deleteServiceAction} submitLabel={t('portal.deleteConfirm')} danger>
            <input type="hidden" name="id" value={service.id} />
          </ActionForm>
        </details>
      </section>
    </>
  );
}

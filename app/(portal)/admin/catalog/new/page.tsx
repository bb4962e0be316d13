import { listDepartments } from '@/lib/catalog/queries';
import { getDb } from '@/lib/db';
import { getTranslator } from '@/lib/i18n/server';
import { saveServiceAction } from '../../../../actions/catalog-admin';
import { ActionForm } from '../action-form';
import { requireCatalogAdmin } from '../require-catalog-admin';
import { ServiceFields } from '../service-fields';
import '../../../portal.css';

export default async function NewServicePage() {
  await requireCatalogAdmin();
  const { t, locale } = await getTranslator();
  const departments = await listDepartments(await getDb());
  return (
    <>
      <h1>{t('portal.newService')}</h1>
      <section className="card">
        <ActionForm action={saveServiceAction} submitLabel={t('common.save')}>
          <ServiceFields departments={departments} t={t} locale={locale} withStatus />
        </ActionForm>
      </section>
    </>
  );
}

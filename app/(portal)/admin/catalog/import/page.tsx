import Link from 'next/link';
import { WithCode } from '../../_components/code-text';
import { CSV_COLUMNS } from '@/lib/catalog/catalog-csv';
import { getTranslator } from '@/lib/i18n/server';
import { importCatalogAction } from '../../../../actions/catalog-admin';
import { ActionForm } from '../action-form';
import { requireCatalogAdmin } from '../require-catalog-admin';
import '../../../portal.css';

export default async function ImportCatalogPage() {
  await requireCatalogAdmin();
  const { t } = await getTranslator();
  return (
    <>
      <h1>{t('portal.importCsv')}</h1>
      <div className="links-row">
        <Link href="/admin/catalog">{t('portal.adminTitle')}</Link>
        <a href="/admin/catalog/export" download>
          {t('portal.exportCsv')}
        </a>
      </div>
      <section className="card">
        <p className="muted" style={{ overflowWrap: 'anywhere' }}>
          <WithCode text={(columns) => t('portal.importHint', { columns })} code={CSV_COLUMNS.join(', ')} />
        </p>
        <ActionForm action={importCatalogAction} submitLabel={t('portal.importCsv')} testId="import-form">
          <div className="field">
            <label htmlFor="f-file">{t('portal.importFile')}</label>
            <input id="f-file" name="file" type="file" accept=".csv,text/csv" required />
          </div>
        </ActionForm>
      </section>
    </>
  );
}

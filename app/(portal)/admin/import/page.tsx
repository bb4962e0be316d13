import { forbidden } from 'next/navigation';
import { adminPageContext } from '@/lib/admin/admin-context';
import { PeopleImport } from '../_components/people-import';

/** CSV import of students and staff, all or nothing. Operators only. */
export default async function ImportPage() {
  const { t, isOperator } = await adminPageContext();
  if (!isOperator) forbidden();
  return (
    <>
      <h1>{t('admin.importCsv.title')}</h1>
      <p>{t('admin.importCsv.intro')}</p>
      <PeopleImport
        labels={{
          file: t('admin.importCsv.file'),
          submit: t('admin.importCsv.submit'),
          validating: t('admin.importCsv.validating'),
          importing: t('admin.importCsv.importing'),
          done: t('admin.importCsv.done'),
          failed: t('admin.importCsv.failed'),
          line: t('admin.importCsv.line'),
          network: t('errors.INTERNAL'),
        }}
      />
    </>
  );
}

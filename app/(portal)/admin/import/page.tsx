import { forbidden } from 'next/navigation';
import { WithCode } from '../_components/code-text';
import { adminPageContext } from '@/lib/admin/admin-context';
import { PeopleImport } from '../_components/people-import';

/** CSV import of students and staff, all or nothing. Operators only. */
export default async function ImportPage() {
  const { t, isOperator } = await adminPageContext();
  if (!isOperator) forbidden();
  return (
    <>
      <h1>{t('admin.importCsv.title')}</h1>
      <p>
        <WithCode text={(columns) => t('admin.importCsv.intro', { columns })} code="username,name,kind,org_unit_id[,email,phone,is_cadre]" />
      </p>
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

import { forbidden } from 'next/navigation';
import { adminPageContext } from '@/lib/admin/admin-context';
import { listOrgUnits } from '@/lib/admin/people/manage-org-units';
import { OrgUnitForm } from '../_components/org-unit-form';

/** Departments and colleges: edit names, kind, active; add new ones. Operators only. */
export default async function OrgUnitsPage() {
  const { t, db, isOperator } = await adminPageContext();
  if (!isOperator) forbidden();
  const units = await listOrgUnits(db);
  const labels = {
    id: t('admin.org.id'),
    nameZh: t('admin.org.nameZh'),
    nameEn: t('admin.org.nameEn'),
    kind: t('admin.org.kind'),
    active: t('admin.org.active'),
    save: t('admin.org.save'),
    department: t('admin.org.department'),
    college: t('admin.org.college'),
    school: t('admin.org.school'),
    network: t('errors.INTERNAL'),
  };
  return (
    <>
      <h1>{t('admin.org.title')}</h1>
      <section className="card">
        <h2>{t('admin.org.add')}</h2>
        <OrgUnitForm isNew value={{ id: '', nameZh: '', nameEn: '', kind: 'department', active: true }} labels={labels} />
      </section>
      <ul className="list card">
        {units.map((u) => (
          <li key={u.id} style={{ padding: '8px 0' }}>
            <OrgUnitForm value={{ id: u.id, nameZh: u.nameZh, nameEn: u.nameEn, kind: u.kind, active: u.active }} labels={labels} />
          </li>
        ))}
      </ul>
    </>
  );
}

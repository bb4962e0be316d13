import { adminPageContext } from '@/lib/admin/admin-context';
import { listOrgUnits } from '@/lib/admin/people/manage-org-units';
import { searchUsers } from '@/lib/admin/people/manage-users';
import { getLabeler } from '@/lib/labels';
import { ROLES } from '@/db/schema';
import { forbidden } from 'next/navigation';
import { UserAdminControls } from '../_components/user-admin-row';

/** People: search, activate/deactivate, role bindings with scopes. Operators only. */
export default async function PeoplePage({ searchParams }: { searchParams: Promise<{ q?: string }> }) {
  const { q = '' } = await searchParams;
  const { t, db, user, locale, isOperator } = await adminPageContext();
  if (!isOperator) forbidden();
  const [found, units, L] = await Promise.all([searchUsers(db, user, q), listOrgUnits(db), getLabeler(db, locale)]);
  const labels = {
    activate: t('admin.people.activate'),
    deactivate: t('admin.people.deactivate'),
    addRole: t('admin.people.addRole'),
    role: t('admin.people.role'),
    scope: t('admin.people.scope'),
    global: t('admin.people.global'),
    remove: t('admin.people.remove'),
    network: t('errors.INTERNAL'),
  };
  return (
    <>
      <h1>{t('admin.people.title')}</h1>
      <form className="card filters" method="get" role="search">
        <div className="field">
          <label htmlFor="q">{t('admin.people.search')}</label>
          <input id="q" name="q" defaultValue={q} />
        </div>
        <button className="btn" type="submit">{t('admin.people.find')}</button>
      </form>
      {found.length === 0 ? (
        <p>{t('admin.people.none')}</p>
      ) : (
        <ul className="list card" data-testid="people">
          {found.map((u) => (
            <li key={u.id} style={{ padding: '12px 0' }}>
              <strong>{u.name}</strong> (<span translate="no">{u.username}</span>) · {t(`admin.people.${u.kind}`)} · {L.org(u.orgUnitId)} ·{' '}
              <span className={u.active ? 'chip ok' : 'chip danger'}>{u.active ? t('admin.people.activeYes') : t('admin.people.activeNo')}</span>
              <UserAdminControls
                userId={u.id}
                active={u.active}
                roles={u.roles.map((r) => ({ id: r.id, label: L.scope(r.role, r.orgUnitId) }))}
                allRoles={ROLES.map((r) => ({ id: r, label: L.role(r) }))}
                units={units.map((x) => ({ id: x.id, name: locale === 'zh' ? x.nameZh : x.nameEn }))}
                labels={labels}
              />
            </li>
          ))}
        </ul>
      )}
    </>
  );
}

import { inArray } from 'drizzle-orm';
import Link from 'next/link';
import { orgUnits } from '@/db/schema';
import { requireUserPage } from '@/lib/auth/current-user';
import { canManageCatalog } from '@/lib/catalog/access';
import { listFavourites } from '@/lib/catalog/queries';
import { getDb } from '@/lib/db';
import { getTranslator } from '@/lib/i18n/server';
import { LanguageSwitch } from '../../_components/language-switch';
import { LogoutButton } from '../../_components/logout-button';
import { ServiceItem } from '../services/service-item';
import '../portal.css';

export default async function MePage() {
  const user = await requireUserPage();
  const { t, locale } = await getTranslator();
  const orgIds = [user.orgUnitId, ...user.roles.map((r) => r.orgUnitId).filter((x): x is string => x !== null)];
  const db = await getDb();
  const [units, favourites, departments] = await Promise.all([
    db.select().from(orgUnits).where(inArray(orgUnits.id, orgIds)),
    listFavourites(db, user),
    db.select().from(orgUnits),
  ]);
  const dept = new Map(departments.map((d) => [d.id, locale === 'zh' ? d.nameZh : d.nameEn]));
  const unitName = (id: string | null) => {
    const u = units.find((x) => x.id === id);
    return u ? (locale === 'zh' ? u.nameZh : u.nameEn) : '';
  };
  return (
    <>
      <h1>{t('me.title')}</h1>
      <section className="card" aria-labelledby="me-profile">
        <h2 id="me-profile">{t('me.profile')}</h2>
        <dl className="facts">
          <dt>{t('auth.username')}</dt>
          <dd>{user.username}</dd>
          <dt>{t('instance.applicant')}</dt>
          <dd>
            {user.name}
            {user.isCadre ? ` · ${t('me.cadre')}` : ''}
          </dd>
          <dt>{t('me.org')}</dt>
          <dd>{unitName(user.orgUnitId)}</dd>
        </dl>
      </section>
      <section className="card" aria-labelledby="me-roles">
        <h2 id="me-roles">{t('me.roles')}</h2>
        {user.roles.length === 0 ? (
          <p className="muted">{t('me.noRoles')}</p>
        ) : (
          <ul>
            {user.roles.map((r) => (
              <li key={`${r.role}-${r.orgUnitId}`}>
                {t(`roles.${r.role}` as 'roles.counselor')}
                {r.orgUnitId ? ` · ${unitName(r.orgUnitId)}` : ''}
              </li>
            ))}
          </ul>
        )}
      </section>
      <section className="card" aria-labelledby="me-favourites">
        <h2 id="me-favourites">{t('portal.favourites')}</h2>
        {favourites.length === 0 ? (
          <p className="muted">{t('portal.noFavourites')}</p>
        ) : (
          <ul className="list">
            {favourites.map((s) => (
              <ServiceItem key={s.id} service={s} department={dept.get(s.departmentId) ?? ''} t={t} locale={locale} />
            ))}
          </ul>
        )}
      </section>
      {canManageCatalog(user) ? (
        <section className="card" aria-labelledby="me-admin">
          <h2 id="me-admin">{t('nav.admin')}</h2>
          <ul className="list">
            <li>
              <Link className="list-link" href="/admin/catalog">
                <span className="grow">
                  <span className="title">{t('portal.admin')}</span>
                  <span className="sub">{t('portal.adminHint')}</span>
                </span>
              </Link>
            </li>
          </ul>
        </section>
      ) : null}
      <section className="card" aria-label={t('integrations.campus.title')}>
        <ul className="list">
          <li>
            <Link className="list-link" href="/campus">
              <span className="grow">{t('integrations.campus.title')}</span>
            </Link>
          </li>
          <li>
            <Link className="list-link" href="/me/tokens">
              <span className="grow">{t('integrations.tokens.title')}</span>
            </Link>
          </li>
        </ul>
      </section>
      <section className="card" aria-labelledby="me-lang">
        <h2 id="me-lang">{t('app.language')}</h2>
        <div style={{ display: 'inline-block', background: 'var(--brand)', borderRadius: 10, padding: 4 }}>
          <LanguageSwitch target={locale === 'zh' ? 'en' : 'zh'} label={t('app.language')} />
        </div>
      </section>
      <section className="card">
        <ul className="list">
          <li>
            <Link className="list-link" href="/me/notifications">
              <span className="grow">
                <span className="title">{t('notify.prefs.link')}</span>
                <span className="sub">{t('notify.prefs.linkSub')}</span>
              </span>
            </Link>
          </li>
        </ul>
      </section>
      <LogoutButton label={t('nav.logout')} />
    </>
  );
}

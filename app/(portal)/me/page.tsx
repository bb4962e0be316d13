import Link from 'next/link';
import { inArray } from 'drizzle-orm';
import { orgUnits } from '@/db/schema';
import { requireUserPage } from '@/lib/auth/current-user';
import { getDb } from '@/lib/db';
import { getTranslator } from '@/lib/i18n/server';
import { LanguageSwitch } from '../../_components/language-switch';
import { LogoutButton } from '../../_components/logout-button';

export default async function MePage() {
  const user = await requireUserPage();
  const { t, locale } = await getTranslator();
  const orgIds = [user.orgUnitId, ...user.roles.map((r) => r.orgUnitId).filter((x): x is string => x !== null)];
  const units = await (await getDb()).select().from(orgUnits).where(inArray(orgUnits.id, orgIds));
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
      <LogoutButton label={t('nav.logout')} />
    </>
  );
}

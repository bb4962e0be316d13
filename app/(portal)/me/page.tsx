import { inArray } from 'drizzle-orm';
import Link from 'next/link';
import { orgUnits } from '@/db/schema';
import { requireUserPage } from '@/lib/auth/current-user';
import { listFavourites } from '@/lib/catalog/queries';
import { getDb } from '@/lib/db';
import { getTranslator } from '@/lib/i18n/server';
import { can } from '@/lib/policy';
import { now } from '@/lib/clock';
import { deputyCandidates, getOutOfOffice } from '@/lib/out-of-office';
import { cstDate } from '@/workflows/engine/calendar';
import { taskBindings } from '@/workflows/engine/deputy-rules';
import { OutOfOfficeCard } from './out-of-office';
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
  // 代理: staff whose roles receive tasks set a deputy; anyone standing in for someone sees whom.
  const at = await now(db);
  const setsDeputy = taskBindings(user.roles).length > 0;
  const deputy = can(user, 'me.out-of-office') ? await Promise.all([getOutOfOffice(db, user, at), setsDeputy ? deputyCandidates(db, user, {}) : { people: [] }]) : null;
  const dept = new Map(departments.map((d) => [d.id, locale === 'zh' ? d.nameZh : d.nameEn]));
  const unitName = (id: string | null) => {
    const u = units.find((x) => x.id === id);
    return u ? (locale === 'zh' ? u.nameZh : u.nameEn) : '';
  };
  // Everything beyond the tab bar, shown to those who may use it (phones have no sidebar).
  const links: Array<{ href: string; title: string; sub?: string }> = [
    { href: '/repairs', title: t('processes.repairs.title') },
    { href: '/mailbox', title: t('mailbox.title') },
    { href: '/campus', title: t('integrations.campus.title') },
    { href: '/me/notifications', title: t('notify.prefs.link'), sub: t('notify.prefs.linkSub') },
    { href: '/me/tokens', title: t('integrations.tokens.title') },
    ...(can(user, 'mailbox.desk') ? [{ href: '/mailbox-office', title: t('mailbox.desk') }] : []),
    ...(can(user, 'notice.compose') ? [{ href: '/notices', title: t('notify.notices.title') }] : []),
    ...(can(user, 'housing.ledger') ? [{ href: '/housing-notices', title: t('housing.ledger.link'), sub: t('housing.ledger.linkSub') }] : []),
    ...(can(user, 'admin.monitor') ? [{ href: '/admin', title: t('nav.admin') }] : []),
    ...(can(user, 'catalog.manage') ? [{ href: '/admin/catalog', title: t('portal.admin'), sub: t('portal.adminHint') }] : []),
  ];
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
      {deputy && (setsDeputy || deputy[0].standsInFor.length > 0) ? (
        <OutOfOfficeCard
          canSet={setsDeputy}
          initial={deputy[0]}
          people={deputy[1].people}
          today={cstDate(at)}
          locale={locale}
          labels={{
            title: t('deputy.title'),
            hint: t('deputy.hint'),
            current: t('deputy.current'),
            activeNow: t('deputy.activeNow'),
            planned: t('deputy.planned'),
            none: t('deputy.none'),
            standsInFor: t('deputy.standsInFor'),
            startsOn: t('deputy.startsOn'),
            endsOn: t('deputy.endsOn'),
            reason: t('deputy.reason'),
            save: t('deputy.save'),
            saved: t('deputy.saved'),
            clear: t('deputy.clear'),
            cleared: t('deputy.cleared'),
            change: t('deputy.change'),
            person: t('taskOps.person'),
            personSearch: t('taskOps.personSearch'),
            noPeople: t('taskOps.noPeople'),
            pickFirst: t('taskOps.pickFirst'),
            network: t('errors.network'),
          }}
        />
      ) : null}
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
      <section className="card" aria-labelledby="me-more">
        <h2 id="me-more">{t('me.more')}</h2>
        <ul className="list">
          {links.map((l) => (
            <li key={l.href}>
              <Link className="list-link" href={l.href}>
                <span className="grow">
                  <span className="title">{l.title}</span>
                  {l.sub ? <span className="sub">{l.sub}</span> : null}
                </span>
              </Link>
            </li>
          ))}
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

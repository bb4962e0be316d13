import Link from 'next/link';
import { getCurrentUser } from '@/lib/auth/current-user';
import { canSeeService } from '@/lib/catalog/access';
import { listDepartments, listFavourites, loadCatalog } from '@/lib/catalog/queries';
import { getDb } from '@/lib/db';
import { formatDateTime } from '@/lib/i18n/format';
import { getTranslator } from '@/lib/i18n/server';
import { pick } from '@/lib/i18n/translate';
import { listApplications } from '@/lib/instances/list-applications';
import { listTasks } from '@/lib/instances/list-tasks';
import { countText } from '@/lib/paging';
import { pendingTaskCount } from '@/lib/instances/pending-count';
import { ApplicationRow } from '../_components/application-row';
import { ServiceItem } from './services/service-item';
import { VisitorHome } from './visitor-home';
import './portal.css';

/** 掌上校园 on 首页: what students look up most, one tap away. */
const CAMPUS_LINKS = ['timetable', 'grades', 'exams', 'calendar', 'card'] as const;

/** 首页: pending tasks, recent applications with their step, notices, favourites, search; for a visitor the public entry points. */
export default async function HomePage() {
  const user = await getCurrentUser();
  const { t, locale } = await getTranslator();
  if (!user) return <VisitorHome t={t} />;
  const db = await getDb();
  // The five oldest tasks to show, and the exact count for the figure (a queue may hold thousands).
  const [tasks, pending, applications, favourites, catalog, departments] = await Promise.all([
    listTasks(db, user, 'open', 5),
    pendingTaskCount(),
    listApplications(db, user, 5),
    listFavourites(db, user),
    loadCatalog(db),
    listDepartments(db),
  ]);
  const dept = new Map(departments.map((d) => [d.id, locale === 'zh' ? d.nameZh : d.nameEn]));
  // Notices: the real services that went online most recently (sample rows are not news).
  const notices = catalog
    .filter((s) => s.status === 'online' && !s.isSample && s.onlineAt && canSeeService(s, user))
    .sort((a, b) => b.onlineAt!.getTime() - a.onlineAt!.getTime())
    .slice(0, 3);
  return (
    <>
      <h1>{t('home.greeting', { name: user.name })}</h1>
      <form role="search" action="/services" className="search-bar">
        <label htmlFor="home-q" className="sr-only">
          {t('portal.searchLabel')}
        </label>
        <input id="home-q" type="search" name="q" placeholder={t('portal.searchPlaceholder')} maxLength={1000} />
        <button className="btn" type="submit">
          {t('portal.search')}
        </button>
      </form>
      <div className="grid grid-2">
        <section className="card" aria-labelledby="home-tasks">
          <h2 id="home-tasks">{t('home.pending')}</h2>
          <p className="stat">
            <strong data-testid="pending-count">{countText(pending)}</strong>
            <span className="muted">{t('home.pendingUnit')}</span>
          </p>
          {tasks.length === 0 ? (
            <p className="empty">{t('home.noTasks')}</p>
          ) : (
            <ul className="list">
              {tasks.map((task) => (
                <li key={task.id}>
                  <Link className="list-link" href={`/applications/${task.instanceId}`}>
                    <span className="grow">
                      <span className="title">{pick(task.title, locale)}</span>
                      <span className="sub">
                        {pick(task.stateLabel, locale)} · {formatDateTime(task.createdAt, locale)}
                      </span>
                    </span>
                  </Link>
                </li>
              ))}
            </ul>
          )}
          <Link className="more" href="/tasks">
            {t('home.viewAll')}
            <span className="sr-only">{t('home.pending')}</span>
          </Link>
        </section>
        <section className="card" aria-labelledby="home-apps">
          <h2 id="home-apps">{t('home.myApplications')}</h2>
          {applications.length === 0 ? (
            <p className="empty">
              <Link href="/services">{t('home.noApplications')}</Link>
            </p>
          ) : (
            <ul className="list">
              {applications.map((app) => (
                <ApplicationRow key={app.id} app={app} t={t} locale={locale} />
              ))}
            </ul>
          )}
          <Link className="more" href="/applications">
            {t('home.viewAll')}
            <span className="sr-only">{t('home.myApplications')}</span>
          </Link>
        </section>
      </div>
      <section className="card" aria-labelledby="home-campus" data-testid="home-campus">
        <h2 id="home-campus">{t('integrations.campus.homeTitle')}</h2>
        <p className="muted">{t('integrations.campus.homeIntro')}</p>
        <nav className="home-campus-links" aria-label={t('integrations.campus.homeTitle')}>
          {CAMPUS_LINKS.map((tile) => (
            <Link key={tile} href={`/campus/${tile}`}>
              {t(`integrations.campus.${tile}`)}
            </Link>
          ))}
        </nav>
        <Link className="more" href="/campus">
          {t('integrations.campus.homeMore')}
        </Link>
      </section>
      <div className="grid grid-2">
        <section className="card" aria-labelledby="home-favourites">
          <h2 id="home-favourites">{t('portal.favourites')}</h2>
          {favourites.length === 0 ? (
            <p className="muted">{t('portal.noFavourites')}</p>
          ) : (
            <ul className="list">
              {favourites.slice(0, 6).map((s) => (
                <ServiceItem key={s.id} service={s} department={dept.get(s.departmentId) ?? ''} t={t} locale={locale} />
              ))}
            </ul>
          )}
          <Link className="more" href="/services">
            {t('services.title')}
          </Link>
        </section>
        <section className="card" aria-labelledby="home-notices">
          <h2 id="home-notices">{t('portal.notices')}</h2>
          {notices.length === 0 ? (
            <p className="muted">{t('portal.noNotices')}</p>
          ) : (
            <ul className="list">
              {notices.map((s) => (
                <li key={s.id}>
                  <Link className="list-link" href={`/services/${s.code}`}>
                    <span className="grow">
                      <span className="title">{t('portal.newlyOnline', { name: locale === 'zh' ? s.nameZh : s.nameEn })}</span>
                      <span className="sub">
                        {dept.get(s.departmentId)} · {formatDateTime(s.onlineAt!.toISOString(), locale)}
                      </span>
                    </span>
                  </Link>
                </li>
              ))}
            </ul>
          )}
        </section>
      </div>
    </>
  );
}

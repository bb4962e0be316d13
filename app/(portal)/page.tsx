import Link from 'next/link';
import { requireUserPage } from '@/lib/auth/current-user';
import { getDb } from '@/lib/db';
import { formatDateTime } from '@/lib/i18n/format';
import { getTranslator } from '@/lib/i18n/server';
import { pick } from '@/lib/i18n/translate';
import { listApplications } from '@/lib/instances/list-applications';
import { listTasks } from '@/lib/instances/list-tasks';
import { listStartableProcesses } from '@/lib/processes/describe-process';
import { StatusChip } from '../_components/status-chip';

export default async function HomePage() {
  const user = await requireUserPage();
  const { t, locale } = await getTranslator();
  const db = await getDb();
  const [tasks, applications] = await Promise.all([listTasks(db, user, 'open', 50), listApplications(db, user, 5)]);
  const services = listStartableProcesses(user);
  return (
    <>
      <h1>{t('home.greeting', { name: user.name })}</h1>
      <div className="grid grid-2">
        <section className="card" aria-labelledby="home-tasks">
          <h2 id="home-tasks">{t('home.pending')}</h2>
          <p className="stat">
            <strong>{tasks.length}</strong>
            <span className="muted">{t('home.pendingCount', { count: tasks.length })}</span>
          </p>
          {tasks.length === 0 ? (
            <p className="empty">{t('home.noTasks')}</p>
          ) : (
            <ul className="list">
              {tasks.slice(0, 5).map((task) => (
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
          <Link href="/tasks">{t('home.viewAll')}</Link>
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
                <li key={app.id}>
                  <Link className="list-link" href={`/applications/${app.id}`}>
                    <span className="grow">
                      <span className="title">{pick(app.processTitle, locale)}</span>
                      <span className="sub">
                        {pick(app.stepLabel, locale)} · {formatDateTime(app.updatedAt, locale)}
                      </span>
                    </span>
                    <StatusChip status={app.status} t={t} />
                  </Link>
                </li>
              ))}
            </ul>
          )}
          <Link href="/applications">{t('home.viewAll')}</Link>
        </section>
      </div>
      {services.length > 0 ? (
        <section className="card" aria-labelledby="home-services">
          <h2 id="home-services">{t('home.startService')}</h2>
          <ul className="list">
            {services.map((s) => (
              <li key={s.id}>
                <Link className="list-link" href={`/services/${s.id}`}>
                  <span className="grow">
                    <span className="title">{pick(s.title, locale)}</span>
                  </span>
                </Link>
              </li>
            ))}
          </ul>
        </section>
      ) : null}
    </>
  );
}

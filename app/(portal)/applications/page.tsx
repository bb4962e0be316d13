import Link from 'next/link';
import { requireUserPage } from '@/lib/auth/current-user';
import { getDb } from '@/lib/db';
import { formatDateTime } from '@/lib/i18n/format';
import { getTranslator } from '@/lib/i18n/server';
import { pick } from '@/lib/i18n/translate';
import { listApplications } from '@/lib/instances/list-applications';
import { StatusChip } from '../../_components/status-chip';

export default async function ApplicationsPage() {
  const user = await requireUserPage();
  const { t, locale } = await getTranslator();
  const apps = await listApplications(await getDb(), user);
  return (
    <>
      <h1>{t('applications.title')}</h1>
      <section className="card">
        {apps.length === 0 ? (
          <p className="empty">{t('applications.empty')}</p>
        ) : (
          <ul className="list">
            {apps.map((app) => (
              <li key={app.id}>
                <Link className="list-link" href={`/applications/${app.id}`}>
                  <span className="grow">
                    <span className="title">{pick(app.title, locale)}</span>
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
      </section>
    </>
  );
}

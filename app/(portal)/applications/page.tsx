import Link from 'next/link';
import { requireUserPage } from '@/lib/auth/current-user';
import { getDb } from '@/lib/db';
import { formatDateTime } from '@/lib/i18n/format';
import { getTranslator } from '@/lib/i18n/server';
import { pick, type MessageKey } from '@/lib/i18n/translate';
import { listApplications } from '@/lib/instances/list-applications';
import { StatusChip } from '../../_components/status-chip';
import '../portal.css';

const STATUSES: Array<[string, MessageKey]> = [
  ['active', 'instance.statusActive'],
  ['completed', 'instance.statusCompleted'],
  ['rejected', 'instance.statusRejected'],
  ['withdrawn', 'instance.statusWithdrawn'],
];

/** 我的申请 with a status filter and counts, each with its current step. */
export default async function ApplicationsPage({ searchParams }: { searchParams: Promise<{ status?: string }> }) {
  const user = await requireUserPage();
  const { t, locale } = await getTranslator();
  const all = await listApplications(await getDb(), user, 500);
  const requested = (await searchParams).status;
  const status = STATUSES.some(([s]) => s === requested) ? requested : undefined;
  const apps = status ? all.filter((a) => a.status === status) : all;
  return (
    <>
      <h1>{t('applications.title')}</h1>
      <nav className="theme-links" aria-label={t('portal.status')}>
        <Link href="/applications" aria-current={!status ? 'true' : undefined}>
          {t('portal.all')} ({all.length})
        </Link>
        {STATUSES.map(([s, key]) => (
          <Link key={s} href={`/applications?status=${s}`} aria-current={status === s ? 'true' : undefined}>
            {t(key)} ({all.filter((a) => a.status === s).length})
          </Link>
        ))}
      </nav>
      <section className="card">
        {apps.length === 0 ? (
          <p className="empty">{t('applications.empty')}</p>
        ) : (
          <ul className="list" data-testid="application-list">
            {apps.map((app) => (
              <li key={app.id}>
                <Link className="list-link" href={`/applications/${app.id}`}>
                  <span className="grow">
                    <span className="title">{pick(app.title, locale)}</span>
                    <span className="sub">
                      {t('portal.currentStep', { step: pick(app.stepLabel, locale) })} · {formatDateTime(app.updatedAt, locale)}
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

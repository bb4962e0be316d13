import Link from 'next/link';
import { requireUserPage } from '@/lib/auth/current-user';
import { getDb } from '@/lib/db';
import { getTranslator } from '@/lib/i18n/server';
import type { MessageKey } from '@/lib/i18n/translate';
import { listApplications } from '@/lib/instances/list-applications';
import { ApplicationRow } from '../../_components/application-row';
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
              <ApplicationRow key={app.id} app={app} t={t} locale={locale} />
            ))}
          </ul>
        )}
      </section>
    </>
  );
}

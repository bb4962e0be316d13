import Link from 'next/link';
import { requireUserPage } from '@/lib/auth/current-user';
import { getDb } from '@/lib/db';
import { getTranslator } from '@/lib/i18n/server';
import type { MessageKey } from '@/lib/i18n/translate';
import { listDrafts } from '@/lib/drafts/drafts';
import { formatDateTime } from '@/lib/i18n/format';
import { pick } from '@/lib/i18n/translate';
import { listApplications } from '@/lib/instances/list-applications';
import { DraftDeleteButton } from '../../_components/draft-delete-button';
import { ApplicationRow } from '../../_components/application-row';
import '../portal.css';
import '../../_forms/drafts.css';

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
  const db = await getDb();
  const [all, drafts] = await Promise.all([listApplications(db, user, 500), listDrafts(db, user)]);
  const requested = (await searchParams).status;
  const status = requested === 'draft' || STATUSES.some(([s]) => s === requested) ? requested : undefined;
  const apps = status === 'draft' ? [] : status ? all.filter((a) => a.status === status) : all;
  // 草稿 (not sent yet) come first under 全部 and alone under 草稿.
  const shownDrafts = !status || status === 'draft' ? drafts : [];
  return (
    <>
      <h1>{t('applications.title')}</h1>
      <nav className="theme-links" aria-label={t('portal.status')}>
        <Link href="/applications" aria-current={!status ? 'true' : undefined}>
          {t('portal.all')} ({all.length + drafts.length})
        </Link>
        <Link href="/applications?status=draft" aria-current={status === 'draft' ? 'true' : undefined}>
          {t('forms.draft')} ({drafts.length})
        </Link>
        {STATUSES.map(([s, key]) => (
          <Link key={s} href={`/applications?status=${s}`} aria-current={status === s ? 'true' : undefined}>
            {t(key)} ({all.filter((a) => a.status === s).length})
          </Link>
        ))}
      </nav>
      <section className="card">
        {apps.length === 0 && shownDrafts.length === 0 ? (
          <p className="empty">{t('applications.empty')}</p>
        ) : (
          <ul className="list" data-testid="application-list">
            {shownDrafts.map((d) => (
              <li key={d.processId} className="draft-row" data-testid="draft-row">
                <a className="list-link" href={`/services/${d.processId}/apply`}>
                  <span className="grow">
                    <span className="title">{pick(d.title, locale)}</span>
                    <span className="sub">{t('forms.draftSub', { time: formatDateTime(d.updatedAt, locale) })}</span>
                  </span>
                  <span className="chip warn">{t('forms.draft')}</span>
                </a>
                <DraftDeleteButton
                  processId={d.processId}
                  label={{ text: t('forms.draftDiscard'), full: t('forms.draftDeleteOne', { name: pick(d.title, locale) }) }}
                  network={t('errors.network')}
                />
              </li>
            ))}
            {apps.map((app) => (
              <ApplicationRow key={app.id} app={app} t={t} locale={locale} />
            ))}
          </ul>
        )}
      </section>
    </>
  );
}

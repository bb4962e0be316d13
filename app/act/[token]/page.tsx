import type { Metadata } from 'next';
import { requireUserPage } from '@/lib/auth/current-user';
import { getTranslator } from '@/lib/i18n/server';
import { pick } from '@/lib/i18n/translate';
import { describeActionLink } from '@/lib/notify/act-from-link';
import { ActForm } from './act-form';
import '../act.css';

export const dynamic = 'force-dynamic';

export async function generateMetadata(): Promise<Metadata> {
  const { t } = await getTranslator();
  return { title: t('notify.act.title'), robots: { index: false } };
}

/**
 * Opened from a reminder (WeChat Work card, e-mail, push): shows the task and asks which
 * action to take. Nothing happens on opening the page; a link that cannot be used says why.
 */
export default async function ActPage({ params }: { params: Promise<{ token: string }> }) {
  const user = await requireUserPage();
  const { token } = await params;
  const { t, locale } = await getTranslator();
  const view = await describeActionLink(user, decodeURIComponent(token));
  return (
    <main className="act-wrap" id="main">
      <h1>{t('notify.act.title')}</h1>
      <section className="card">
        {!view.ok ? (
          <>
            <div className="alert error" role="alert" data-testid="act-problem">
              {t(`notify.act.problem.${view.problem}`)}
            </div>
            <a className="btn block" href="/tasks">
              {t('notify.act.toTasks')}
            </a>
          </>
        ) : (
          <>
            <h2>{pick(view.title, locale)}</h2>
            <dl className="facts" style={{ marginBottom: 16 }}>
              <dt>{t('notify.act.applicant')}</dt>
              <dd>{view.applicantName ?? '—'}</dd>
              <dt>{t('notify.act.step')}</dt>
              <dd>{pick(view.step, locale)}</dd>
            </dl>
            <p className="muted">{t('notify.act.intro')}</p>
            <ActForm
              token={decodeURIComponent(token)}
              actions={view.actions.map((a) => ({
                type: a.type,
                label: pick(a.label, locale),
                requiresComment: a.requiresComment ?? false,
                tone: a.tone ?? 'primary',
              }))}
              labels={{
                comment: t('notify.act.comment'),
                commentHint: t('notify.act.commentHint'),
                commentRequired: t('notify.act.commentRequired'),
                working: t('notify.act.working'),
                view: t('notify.act.view'),
                done: t('notify.act.done', { action: '{action}' }),
              }}
            />
          </>
        )}
      </section>
    </main>
  );
}

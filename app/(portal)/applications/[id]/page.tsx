import Link from 'next/link';
import { notFound, redirect } from 'next/navigation';
import { requireUserPage } from '@/lib/auth/current-user';
import { getDb } from '@/lib/db';
import { isAppError } from '@/lib/errors';
import { formatDateTime } from '@/lib/i18n/format';
import { getTranslator } from '@/lib/i18n/server';
import { pick } from '@/lib/i18n/translate';
import { roleLabel } from '@/lib/labels';
import { getInstanceView, type InstanceView } from '@/lib/instances/get-instance-view';
import { ActionPanel } from '../../../_components/action-panel';
import { StatusChip } from '../../../_components/status-chip';
import { formsFor, genericFacts } from '../../../_forms/registry';

async function loadView(id: string, user: Awaited<ReturnType<typeof requireUserPage>>): Promise<InstanceView> {
  try {
    return await getInstanceView(await getDb(), user, id);
  } catch (error) {
    if (isAppError(error) && error.code === 'NOT_FOUND') notFound();
    throw error;
  }
}

export default async function ApplicationPage({ params }: { params: Promise<{ id: string }> }) {
  const user = await requireUserPage();
  const { id } = await params;
  const view = await loadView(id, user);
  const { t, locale } = await getTranslator();
  const isApplicant = view.applicant?.id === user.id;
  // 校长信箱 staff work letters on their own desk (assignments, drafts, publication).
  if (view.process.id === 'presidents-mailbox' && !isApplicant) redirect(`/mailbox-office/${id}`);
  const revising = isApplicant && view.myActions.some((a) => a.type === 'resubmit');
  const forms = formsFor(view.process.id);
  const eventForms = view.myActions.filter((a) => forms?.eventForms?.[a.type]);
  const buttons = view.myActions
    .filter((a) => a.type !== 'resubmit' && !forms?.eventForms?.[a.type])
    .map((a) => ({ type: a.type, label: pick(a.label, locale), requiresComment: a.requiresComment ?? false, tone: a.tone ?? 'primary' }));
  const lastComment = [...view.timeline].reverse().find((e) => e.comment);

  return (
    <>
      <p>
        <Link href={isApplicant ? '/applications' : '/tasks'}>← {t('common.back')}</Link>
      </p>
      <h1>{pick(view.title, locale)}</h1>
      <section className="card" aria-labelledby="facts-title">
        <h2 id="facts-title" className="sr-only">
          {t('instance.status')}
        </h2>
        <dl className="facts">
          <dt>{t('instance.status')}</dt>
          <dd>
            <StatusChip status={view.status} t={t} />
          </dd>
          <dt>{t('instance.currentStep')}</dt>
          <dd data-testid="current-step">{view.stateLabels.map((l) => pick(l, locale)).join('、')}</dd>
          {view.openTasks.map((task) => (
            <div key={task.id} style={{ display: 'contents' }}>
              <dt className="muted">{pick(task.stateLabel, locale)}</dt>
              <dd>
                {t('instance.waitingFor', {
                  who: `${task.orgName ? pick(task.orgName, locale) : ''}${roleLabel(task.role)[locale]}`,
                })}
                {task.dueAt ? ` · ${t('instance.due', { date: formatDateTime(task.dueAt, locale) })}` : ''}
              </dd>
            </div>
          ))}
          <dt>{t('instance.applicant')}</dt>
          <dd>
            {view.applicant ? `${view.applicant.name} · ${pick(view.applicant.orgName, locale)}` : ''}
          </dd>
          <dt>{t('instance.submittedAt')}</dt>
          <dd>{formatDateTime(view.createdAt, locale)}</dd>
        </dl>
        {view.status === 'rejected' && lastComment?.comment ? (
          <p className="alert error">{t('instance.rejectedBecause', { reason: lastComment.comment })}</p>
        ) : null}
        {revising && lastComment?.comment ? (
          <p className="alert info">{t('instance.returnedBecause', { reason: lastComment.comment })}</p>
        ) : null}
      </section>

      {revising && forms ? (
        <section className="card" aria-labelledby="revise-title">
          <h2 id="revise-title">{t('instance.revise')}</h2>
          {forms.revise(t, view)}
        </section>
      ) : null}

      {eventForms.map((a) => (
        <section className="card" key={a.type} aria-labelledby={`event-${a.type}`}>
          <h2 id={`event-${a.type}`}>{pick(a.label, locale)}</h2>
          {forms!.eventForms![a.type]!(t, view)}
        </section>
      ))}

      {buttons.length > 0 ? (
        <ActionPanel
          instanceId={view.id}
          revision={view.revision}
          actions={buttons}
          labels={{
            title: t('instance.actions'),
            commentRequired: t('instance.commentRequired'),
            commentOptional: t('instance.commentOptional'),
            network: t('errors.network'),
          }}
        />
      ) : null}

      <div className="grid grid-2">
        <section className="card" aria-labelledby="form-title">
          <h2 id="form-title">{t('instance.form')}</h2>
          <dl className="facts">
            {(forms ? forms.facts(t, view) : genericFacts(view)).map(([k, v]) => (
              <div key={k} style={{ display: 'contents' }}>
                <dt>{k}</dt>
                <dd>{v}</dd>
              </div>
            ))}
          </dl>
          <h3 style={{ marginTop: 12 }}>{t('instance.attachments')}</h3>
          {view.attachments.length === 0 ? (
            <p className="muted">{t('common.none')}</p>
          ) : (
            <ul className="list">
              {view.attachments.map((a) => (
                <li key={a.id}>
                  <a className="list-link" href={`/api/v1/uploads/${a.id}`} target="_blank" rel="noopener">
                    <span className="grow">
                      <span className="title">{a.filename}</span>
                      <span className="sub">
                        {Math.ceil(a.size / 1024)} KB · {t('instance.sha256')} {a.sha256.slice(0, 16)}…
                      </span>
                    </span>
                  </a>
                </li>
              ))}
            </ul>
          )}
        </section>
        <section className="card" aria-labelledby="timeline-title">
          <h2 id="timeline-title">{t('instance.timeline')}</h2>
          <ol className="timeline" data-testid="timeline">
            {view.timeline.map((e) => (
              <li key={e.seq}>
                <strong>{pick(e.action, locale)}</strong>
                <div>
                  {e.actorName ?? t('instance.system')} · {roleLabel(e.actorRole)[locale]}
                </div>
                <div className="when">
                  <time dateTime={e.at}>{formatDateTime(e.at, locale)}</time> → {pick(e.toStateLabel, locale)}
                </div>
                {e.comment ? <div className="comment">{e.comment}</div> : null}
              </li>
            ))}
            {view.openTasks.map((task) => (
              <li key={task.id} className="pending">
                <strong>{pick(task.stateLabel, locale)}</strong>
                <div className="muted">
                  {t('instance.waitingFor', {
                    who: `${task.orgName ? pick(task.orgName, locale) : ''}${roleLabel(task.role)[locale]}`,
                  })}
                </div>
              </li>
            ))}
          </ol>
        </section>
      </div>
    </>
  );
}

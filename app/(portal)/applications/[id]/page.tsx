import Link from 'next/link';
import { notFound, redirect } from 'next/navigation';
import { requireUserPage } from '@/lib/auth/current-user';
import { getDb } from '@/lib/db';
import { isAppError } from '@/lib/errors';
import { formatDateTime, formatMonthDay } from '@/lib/i18n/format';
import { getTranslator } from '@/lib/i18n/server';
import { pick } from '@/lib/i18n/translate';
import { roleLabel } from '@/lib/labels';
import { getInstanceView, type InstanceView } from '@/lib/instances/get-instance-view';
import { markCopiesRead } from '@/lib/instances/list-copies';
import { now } from '@/lib/clock';
import { dayOf } from '@/workflows/engine/plan-instance-ops';
import { ActionPanel } from '../../../_components/action-panel';
import { recordDownloadLabels } from '@/lib/records/record-name';
import { RecordDownload } from '../../../_components/record-download';
import { StatusChip } from '../../../_components/status-chip';
import { formsFor, genericFacts } from '../../../_forms/registry';
import { peopleForTask } from '@/lib/instances/task-operations';
import { colleaguesOf } from '@/lib/instances/people';
import { copyRecipients } from '@/lib/instances/copy-recipients';
import { Confirmation } from './confirmation';
import { InstanceOperations } from './instance-operations';
import { TaskOperations, type TaskOp } from './task-operations';
import { CopyForm } from './copy-form';
import { GroupCard, voteText } from './group-card';

async function loadView(id: string, user: Awaited<ReturnType<typeof requireUserPage>>): Promise<InstanceView> {
  try {
    const db = await getDb();
    const view = await getInstanceView(db, user, id);
    // Opening a copied application is reading the copy (抄送我 unread → read).
    if (view.audience !== 'applicant') await markCopiesRead(db, user, [id], await now(db));
    return view;
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
  const isApplicant = view.audience === 'applicant';
  // A notice the person was sent (周转房缴费通知) reads as one: 通知对象 and 通知时间, not 申请人 and 提交时间.
  const issued = view.process.issued;
  const personRole = (role: string) => (issued && role === 'applicant' ? t('instance.recipient') : roleLabel(role)[locale]);
  // 校长信箱 staff work letters on their own desk (assignments, drafts, publication).
  if (view.process.id === 'presidents-mailbox' && !isApplicant) redirect(`/mailbox-office/${id}`);
  const revising = isApplicant && view.myActions.some((a) => a.type === 'resubmit');
  const forms = formsFor(view.process.id);
  const eventForms = view.myActions.filter((a) => forms?.eventForms?.[a.type]);
  const buttons = view.myActions
    .filter((a) => a.type !== 'resubmit' && !forms?.eventForms?.[a.type])
    // The statechart's own 撤回申请 gives way to the generic one (which sends it, after asking once).
    .filter((a) => !(a.type === 'withdraw' && view.instanceOps.includes('withdrawApplication')))
    .map((a) => ({ type: a.type, label: pick(a.label, locale), requiresComment: a.requiresComment ?? false, tone: a.tone ?? 'primary' }));
  const lastComment = [...view.timeline].reverse().find((e) => e.comment);
  // The latest 好差评 (a reopened case may be rated again).
  const rating = [...view.timeline].reverse().find((e) => e.rating)?.rating ?? null;
  const db = await getDb();
  const operable = await Promise.all(
    view.openTasks
      .filter((task) => task.operations.some(isTaskOp))
      .map(async (task) => {
        const ops = task.operations.filter(isTaskOp);
        const hand = ops.filter((op): op is 'transfer' | 'delegate' | 'addSigner' => op === 'transfer' || op === 'delegate' || op === 'addSigner');
        return { task, ops, people: await peopleForTask(db, user, task.id, hand) };
      }),
  );
  // 抄送: offered to whoever handles the current step, when the policy lets them copy this one.
  const mayCopy = !isApplicant && view.openTasks.some((task) => task.mine && task.role !== 'applicant');
  const copyPeople = mayCopy ? await copyRecipients(db, user, view.id).catch((e: unknown) => (isAppError(e) ? null : Promise.reject(e))) : null;
  const opsLabels = {
    title: t('taskOps.title'),
    transfer: t('taskOps.transfer'),
    delegate: t('taskOps.delegate'),
    answer: t('taskOps.answer'),
    addSigner: t('taskOps.addSigner'),
    removeSigner: t('taskOps.removeSigner'),
    transferHint: t('taskOps.transferHint'),
    delegateHint: t('taskOps.delegateHint'),
    addSignerHint: t('taskOps.addSignerHint'),
    removeSignerHint: t('taskOps.removeSignerHint'),
    signBefore: t('taskOps.signBefore'),
    signAfter: t('taskOps.signAfter'),
    position: t('taskOps.position'),
    confirmSigner: t('taskOps.confirmSigner'),
    confirmRemove: t('taskOps.confirmRemove'),
    person: t('taskOps.person'),
    personSearch: t('taskOps.personSearch'),
    noPeople: t('taskOps.noPeople'),
    reason: t('taskOps.reason'),
    opinion: t('taskOps.opinion'),
    confirmTransfer: t('taskOps.confirmTransfer'),
    confirmDelegate: t('taskOps.confirmDelegate'),
    askConfirm: t('taskOps.askConfirm'),
    submitAnswer: t('taskOps.submitAnswer'),
    pickFirst: t('taskOps.pickFirst'),
    cancel: t('taskOps.cancel'),
    network: t('errors.network'),
  };

  return (
    <>
      <p>
        <Link href={isApplicant ? '/applications' : '/tasks'}>← {t('common.back')}</Link>
      </p>
      <h1>{pick(view.title, locale)}</h1>
      {isApplicant && !issued ? <Confirmation view={view} t={t} locale={locale} /> : null}
      <section className="card" aria-labelledby="facts-title">
        <h2 id="facts-title" className="sr-only">
          {t('instance.status')}
        </h2>
        <dl className="facts">
          {view.caseNo ? (
            <>
              <dt>{t('applicant.caseNo')}</dt>
              <dd data-testid="case-no">{view.caseNo}</dd>
            </>
          ) : null}
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
                  who: `${task.orgName ? pick(task.orgName, locale) : ''}${personRole(task.role)}`,
                })}
                {task.dueAt ? ` · ${t('instance.due', { date: formatDateTime(task.dueAt, locale) })}` : ''}
                {task.urgeCount > 0 ? <span data-testid="urge-count">{` · ${t('taskOps.urgedCount', { count: task.urgeCount })}`}</span> : null}
                {task.holderName ? (
                  <span data-testid="task-holder">
                    {' · '}
                    {t(
                      task.handover === 'delegate'
                        ? 'taskOps.outForOpinion'
                        : task.handover === 'signBefore'
                          ? 'taskOps.signingFirst'
                          : task.handover === 'signAfter'
                            ? 'taskOps.signingAfter'
                            : 'taskOps.heldBy',
                      { name: task.holderName },
                    )}
                    {task.onBehalfOfName ? `（${t('deputy.onBehalf', { name: task.onBehalfOfName })}）` : ''}
                  </span>
                ) : null}
              </dd>
            </div>
          ))}
          {view.deadlines.map((d) => (
            <div key={`${d.on}-${d.label.zh}`} style={{ display: 'contents' }}>
              <dt>{t('forms.deadline')}</dt>
              <dd data-testid="deadline">
                <strong>{d.on}</strong> {t('forms.deadlineBefore', { what: pick(d.label, locale) })}
              </dd>
            </div>
          ))}
          <dt>{t(issued ? 'instance.recipient' : 'instance.applicant')}</dt>
          <dd>
            {view.applicant ? `${view.applicant.name} · ${pick(view.applicant.orgName, locale)}` : ''}
          </dd>
          <dt>{t(issued ? 'instance.issuedAt' : 'instance.submittedAt')}</dt>
          <dd>{formatDateTime(view.createdAt, locale)}</dd>
          {rating ? (
            <>
              <dt>{t('instance.rating')}</dt>
              <dd data-testid="rating">
                <span className={`chip rating-${rating.level <= 2 ? 'poor' : 'good'}`}>{pick(rating.label, locale)}</span>
                {rating.comment ? <span className="muted"> · {rating.comment}</span> : null}
              </dd>
            </>
          ) : null}
        </dl>
        {view.status === 'rejected' && lastComment?.comment ? (
          <p className="alert error">{t('instance.rejectedBecause', { reason: lastComment.comment })}</p>
        ) : null}
        {revising && lastComment?.comment ? (
          <p className="alert info">{t('instance.returnedBecause', { reason: lastComment.comment })}</p>
        ) : null}
        {view.caseNo ? (
          <RecordDownload instanceId={view.id} labels={recordDownloadLabels(view.process, view.caseNo, locale)} />
        ) : null}
      </section>

      {view.reopened ? (
        // 差评整改: the applicant reads by when the department answers; the department, what it answers to.
        <section className="card reopened" aria-labelledby="reopened-title" data-testid="reopened">
          <h2 id="reopened-title">{t('processes.repairs.reopenedTitle')}</h2>
          <p className="alert info" data-testid="reopened-due">
            {t(isApplicant ? 'processes.repairs.reopenedForApplicant' : 'processes.repairs.reopenedForStaff', { date: formatMonthDay(view.reopened.dueAt, locale) })}
          </p>
          <p data-testid="reopened-rating">
            {t('processes.repairs.reopenedRating', { rating: pick(view.reopened.rating.label, locale) })}
            {view.reopened.rating.comment ? <span className="comment"> · {view.reopened.rating.comment}</span> : null}
          </p>
          {isApplicant ? <p className="muted">{t('processes.repairs.reopenedForApplicantHint')}</p> : null}
        </section>
      ) : null}

      {view.visit ? (
        <section className="card" aria-labelledby="visit-title" data-testid="repair-visit">
          <h2 id="visit-title">{t('processes.repairs.visit')}</h2>
          <dl className="facts">
            {view.visit.worker ? (
              <>
                <dt>{t('processes.repairs.visitWorker')}</dt>
                <dd data-testid="visit-worker">{view.visit.worker}</dd>
              </>
            ) : null}
            {view.visit.workerPhone ? (
              <>
                <dt>{t('processes.repairs.visitPhone')}</dt>
                <dd>
                  <a className="tel-link" href={`tel:${view.visit.workerPhone.replace(/\s/g, '')}`} data-testid="visit-phone">
                    {view.visit.workerPhone}
                  </a>
                </dd>
              </>
            ) : null}
            {view.visit.plannedTime ? (
              <>
                <dt>{t('processes.repairs.visitTime')}</dt>
                <dd data-testid="visit-time">{view.visit.plannedTime}</dd>
              </>
            ) : null}
          </dl>
          {isApplicant && view.status === 'active' ? <p className="muted">{t('processes.repairs.visitHint')}</p> : null}
        </section>
      ) : null}

      {revising && forms ? (
        <section className="card" aria-labelledby="revise-title">
          <h2 id="revise-title">{t('instance.revise')}</h2>
          {forms.revise(t, view, { locale, people: await colleaguesOf(db, user) })}
        </section>
      ) : null}

      {isApplicant && view.status === 'active' && view.myActions.length > 0 && forms?.recipientGuide ? forms.recipientGuide(t, view, dayOf(await now(db))) : null}

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

      {view.instanceOps.length > 0 ? (
        <InstanceOperations
          instanceId={view.id}
          revision={view.revision}
          ops={view.instanceOps}
          labels={{
            title: t('taskOps.instanceTitle'),
            withdrawApplication: t('taskOps.withdrawApplication'),
            withdrawApproval: t('taskOps.withdrawApproval'),
            urge: t('taskOps.urge'),
            withdrawApplicationHint: t('taskOps.withdrawApplicationHint'),
            withdrawApprovalHint: t('taskOps.withdrawApprovalHint'),
            urgeHint: t('taskOps.urgeHint'),
            reason: t('taskOps.instanceReason'),
            confirm: t('taskOps.confirm'),
            confirmButton: t('taskOps.confirmButton'),
            cancel: t('taskOps.cancel'),
            urged: t('taskOps.urged'),
            network: t('errors.network'),
          }}
        />
      ) : null}

      {operable.map(({ task, ops, people }) => (
        <TaskOperations
          key={task.id}
          taskId={task.id}
          revision={view.revision}
          ops={ops}
          people={people}
          locale={locale}
          labels={{ ...opsLabels, answerHint: t('taskOps.answerHint', { who: lastHandOver(view) ?? '' }) }}
        />
      ))}

      {copyPeople ? (
        <CopyForm
          instanceId={view.id}
          revision={view.revision}
          people={copyPeople}
          locale={locale}
          text={{
            title: t('approvals.copy.title'),
            who: t('approvals.copy.who'),
            search: t('approvals.copy.search'),
            none: t('approvals.copy.none'),
            chosen: t('approvals.copy.chosen'),
            pickSomeone: t('approvals.copy.pickSomeone'),
            note: t('approvals.copy.note'),
            submit: t('approvals.copy.submit'),
            working: t('approvals.copy.working'),
            network: t('errors.network'),
          }}
        />
      ) : null}

      {view.groups.map((g) => (
        <GroupCard key={g.state} progress={g} locale={locale} t={t} />
      ))}

      <div className="grid grid-2">
        <section className="card" aria-labelledby="form-title">
          <h2 id="form-title">{t(issued ? 'instance.notice' : 'instance.form')}</h2>
          <dl className="facts">
            {(forms ? forms.facts(t, view, locale) : genericFacts(view)).map(([k, v]) => (
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
                <li key={a.id} data-replaced={a.replaced ? 'true' : undefined}>
                  <a className="list-link" href={`/api/v1/uploads/${a.id}`} target="_blank" rel="noopener">
                    <span className="grow">
                      {/* A file swapped out on resubmission stays listed, struck through, so the reviewer sees what changed. */}
                      <span className="title">{a.replaced ? <del className="replaced">{a.filename}</del> : a.filename}</span>
                      <span className="sub">
                        {a.replaced ? `${t('instance.replaced')} · ` : ''}
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
                <strong>
                  {pick(e.action, locale)}
                  {e.vote ? voteText(e.vote, t) : ''}
                  {e.toName ? ` · ${t('taskOps.handedTo', { name: e.toName })}` : ''}
                </strong>
                <div>
                  {e.actorName ?? t('instance.system')} · {personRole(e.actorRole)}
                </div>
                <div className="when">
                  <time dateTime={e.at}>{formatDateTime(e.at, locale)}</time> → {pick(e.toStateLabel, locale)}
                </div>
                {e.rating ? (
                  <div className="comment">
                    {t('instance.rating')}：{pick(e.rating.label, locale)}
                    {e.rating.comment ? ` · ${e.rating.comment}` : ''}
                  </div>
                ) : null}
                {e.copiedTo && e.copiedTo.length > 0 ? <div data-testid="copied-to">{t('approvals.copy.to', { names: e.copiedTo.join('、') })}</div> : null}
                {e.comment ? <div className="comment">{e.comment}</div> : null}
                {e.deputies.map((d) => (
                  <div key={`${d.deputyName}-${d.forName}`} className="muted" data-testid="deputy-route">
                    {t('deputy.routed', { deputy: d.deputyName, name: d.forName })}
                  </div>
                ))}
              </li>
            ))}
            {view.openTasks.map((task) => (
              <li key={task.id} className="pending">
                <strong>{pick(task.stateLabel, locale)}</strong>
                <div className="muted">
                  {t('instance.waitingFor', {
                    who: (view.groups.some((g) => g.state === task.state) ? task.holderName : null) ?? `${task.orgName ? pick(task.orgName, locale) : ''}${personRole(task.role)}`,
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

/** Who asked the viewer for an opinion or a signature on this task: the actor of its latest 委派 / 前加签. */
function lastHandOver(view: InstanceView): string | null {
  return [...view.timeline].reverse().find((e) => e.type === 'task.delegate' || e.type === 'task.sign.before')?.actorName ?? null;
}

const TASK_OPS: readonly string[] = ['transfer', 'delegate', 'addSigner', 'answer', 'removeSigner'];
function isTaskOp(op: string): op is TaskOp {
  return TASK_OPS.includes(op);
}

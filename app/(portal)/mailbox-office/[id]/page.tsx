import { notFound } from 'next/navigation';
import { requireUserPage } from '@/lib/auth/current-user';
import { getDb } from '@/lib/db';
import { isAppError } from '@/lib/errors';
import { formatDateTime } from '@/lib/i18n/format';
import { getTranslator } from '@/lib/i18n/server';
import { getDeskLetter, type DeskLetterView } from '@/lib/mailbox/desk-letter';
import { showText } from '@/lib/mailbox/display';
import { departmentOptions } from '@/lib/mailbox/desk-list';
import { duplicateCandidates, type DuplicateCandidate } from '@/lib/mailbox/duplicate-candidates';
import { now } from '@/lib/clock';
import { eventLabel, roleLabel, SATISFACTION_LEVELS, satisfactionLevel } from '@/lib/labels';
import { getDefinition } from '@/workflows/registry';
import { recordDownloadLabels } from '@/lib/records/record-name';
import { RecordDownload } from '../../../_components/record-download';
import { DeskActions, type DeskLabels } from './desk-actions';
import { PublishForm } from './publish-form';

export default async function DeskLetterPage({ params }: { params: Promise<{ id: string }> }) {
  const user = await requireUserPage();
  const { id } = await params;
  const { t, locale } = await getTranslator();
  const db = await getDb();
  let letter: DeskLetterView;
  try {
    letter = await getDeskLetter(db, user, id);
  } catch (e) {
    if (isAppError(e) && e.code === 'NOT_FOUND') notFound();
    throw e;
  }
  const definition = getDefinition('presidents-mailbox', letter.processVersion);
  const [units, candidates] = await Promise.all([
    departmentOptions(db),
    letter.actions.includes('markDuplicate') ? duplicateCandidates(db, user, id, await now(db)) : ([] as DuplicateCandidate[]),
  ]);
  const unitName = (id: string) => {
    const u = units.find((x) => x.id === id);
    return u ? (locale === 'zh' ? u.zh : u.en) : id;
  };
  const { context } = letter;
  const rated = context.rating ? satisfactionLevel(context.rating.value) : null;
  const stateLabels = letter.stateLabels.map((l) => l[locale]);
  const deskLabels: DeskLabels = {
    comment: t('mailbox.comment'),
    chooseDepartments: t('mailbox.chooseDepartments'),
    deadlineField: t('mailbox.deadlineField'),
    duplicateOf: t('mailbox.duplicateOf'),
    duplicateCaseNo: t('mailbox.duplicateCaseNo'),
    noCandidates: t('mailbox.noCandidates'),
    similarity: t('mailbox.similarity'),
    returnedNote: t('mailbox.returnedNote'),
    draft: t('mailbox.draft'),
    toDepartment: t('mailbox.toDepartment'),
    networkError: t('mailbox.networkError'),
    done: t('mailbox.done'),
    // Labelled from the current states (assign reads 交办部门 first, 重新交办 when reopened).
    actions: Object.fromEntries(letter.actions.map((type) => [type, eventLabel(definition, type, letter.state)[locale]])),
  };
  return (
    <>
      <h1>{showText(context.form.subject)}</h1>
      <section className="card">
        <dl className="facts">
          {letter.caseNo ? (
            <>
              <dt>{t('applicant.caseNo')}</dt>
              <dd data-testid="case-no">{letter.caseNo}</dd>
            </>
          ) : null}
          <dt>{t('mailbox.status')}</dt>
          <dd data-testid="desk-state">{stateLabels.join(' · ')}</dd>
          <dt>{t('mailbox.category')}</dt>
          <dd>{t(`mailbox.categories.${context.form.category}`)}</dd>
          <dt>{t('mailbox.received')}</dt>
          <dd>{formatDateTime(letter.createdAt, locale)}</dd>
          <dt>{t('mailbox.writer')}</dt>
          <dd>
            {letter.writerName ? showText(letter.writerName) : t('mailbox.anonymousWriter')}
            {context.form.contact && letter.isOffice ? ` · ${showText(context.form.contact)}` : ''}
          </dd>
          {context.deadline ? (
            <>
              <dt>{t('mailbox.deadline')}</dt>
              <dd>{formatDateTime(context.deadline, locale)}</dd>
            </>
          ) : null}
        </dl>
        {letter.caseNo ? (
          <RecordDownload instanceId={letter.id} labels={recordDownloadLabels({ title: definition.title, issued: false }, letter.caseNo, locale)} />
        ) : null}
        <h2 style={{ marginTop: 12 }}>{t('mailbox.yourLetter')}</h2>
        <p className="mb-text mb-long">{showText(context.form.content)}</p>
        <h3 style={{ marginTop: 12 }}>{t('mailbox.attachments')}</h3>
        {letter.attachments.length === 0 ? (
          <p className="muted">{t('mailbox.noAttachments')}</p>
        ) : (
          <ul style={{ listStyle: 'none', padding: 0, margin: 0 }} data-testid="desk-attachments">
            {letter.attachments.map((a) => (
              <li key={a.id} className="file-row">
                <a className="grow" href={`/api/v1/uploads/${a.id}`} target="_blank" rel="noreferrer">
                  {showText(a.filename)}
                </a>
                <span className="muted">{Math.max(1, Math.ceil(a.size / 1024))} KB</span>
              </li>
            ))}
          </ul>
        )}
        {context.followUp ? (
          <>
            <h3>{t('mailbox.followUpAsked')}</h3>
            <p className="mb-text">{showText(context.followUp)}</p>
          </>
        ) : null}
        {rated ? (
          <p className="alert info" data-testid="desk-rating">
            {t('mailbox.writerRated', { rating: SATISFACTION_LEVELS[rated][locale] })} {context.rating?.comment ? `— ${showText(context.rating.comment)}` : ''}
          </p>
        ) : null}
      </section>
      {context.assignments.length > 0 ? (
        <section className="card">
          <h2>{t('mailbox.departments')}</h2>
          {context.assignments.map((a) => (
            <article key={a.orgUnitId} data-testid={`assignment-${a.orgUnitId}`} style={{ marginBottom: 12 }}>
              <h3>
                {unitName(a.orgUnitId)} <span className="chip">{t(`mailbox.draftStatus.${a.status}`)}</span>
              </h3>
              {a.draft ? <p className="mb-text">{showText(a.draft)}</p> : null}
              {a.note ? <p className="muted mb-text">{showText(a.note)}</p> : null}
            </article>
          ))}
        </section>
      ) : null}
      {context.replies.length > 0 ? (
        <section className="card">
          <h2>{t('mailbox.reply')}</h2>
          {context.replies.map((r, i) => (
            <p key={i} className="mb-text">
              <strong>
                {t('mailbox.replyRound', { round: r.round })} · {unitName(r.orgUnitId)}：
              </strong>
              {showText(r.text)}
            </p>
          ))}
        </section>
      ) : null}
      {letter.actions.length > 0 ? (
        <section className="card">
          <h2>{t('mailbox.actions')}</h2>
          <DeskActions
            id={letter.id}
            revision={letter.revision}
            actions={letter.actions}
            assignments={context.assignments.map((a) => ({ ...a, name: unitName(a.orgUnitId) }))}
            myOrgs={letter.myOrgs}
            candidates={candidates.map((c) => ({ ...c, date: formatDateTime(c.createdAt, locale) }))}
            departments={units.map((u) => ({ id: u.id, name: locale === 'zh' ? u.zh : u.en }))}
            labels={deskLabels}
          />
        </section>
      ) : null}
      {letter.isOffice ? (
        <section className="card">
          <h2>{t('mailbox.publishTitle')}</h2>
          {letter.publication ? (
            <PublishForm
              id={letter.id}
              initial={letter.publication}
              labels={{
                subject: t('mailbox.subject'),
                content: t('mailbox.content'),
                reply: t('mailbox.reply'),
                publish: t('mailbox.publish'),
                unpublish: t('mailbox.unpublish'),
                published: t('mailbox.published'),
                networkError: t('mailbox.networkError'),
              }}
            />
          ) : (
            <p className="muted">{context.form.consentPublish ? '—' : t('mailbox.noConsent')}</p>
          )}
        </section>
      ) : null}
      <section className="card">
        <h2>{t('mailbox.history')}</h2>
        <ol className="timeline">
          {letter.history.map((h) => (
            <li key={h.seq}>
              <strong>
                {h.rating ? t('mailbox.ratingLog', { rating: SATISFACTION_LEVELS[h.rating][locale] }) : eventLabel(definition, h.type, h.fromState)[locale]}
              </strong>
              {` · ${h.actorName ?? roleLabel(h.actorRole === 'applicant' ? 'writer' : h.actorRole)[locale]}`}
              <div className="when">{formatDateTime(h.at, locale)}</div>
              {h.ratingComment ? (
                <div className="comment" data-testid="history-rating-comment">
                  {showText(h.ratingComment)}
                </div>
              ) : null}
              {h.comment ? <div className="comment">{showText(h.comment)}</div> : null}
            </li>
          ))}
        </ol>
      </section>
    </>
  );
}

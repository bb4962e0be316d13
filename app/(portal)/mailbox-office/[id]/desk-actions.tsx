'use client';

import { useRouter } from 'next/navigation';
import { useState, type FormEvent, type ReactNode } from 'react';
import { sendJson } from '../../../_components/api-client';

export interface DeskLabels {
  comment: string;
  chooseDepartments: string;
  deadlineField: string;
  duplicateOf: string;
  /** Merging by a typed 流水号, besides the candidates. */
  duplicateCaseNo: string;
  noCandidates: string;
  /** '{n}' is replaced by the percentage. */
  similarity: string;
  /** '{note}' is replaced by the office's return comment. */
  returnedNote: string;
  draft: string;
  toDepartment: string;
  networkError: string;
  done: string;
  /** Button label per event type. */
  actions: Record<string, string>;
}

interface Props {
  id: string;
  revision: number;
  actions: string[];
  assignments: Array<{ orgUnitId: string; name: string; status: string; draft: string | null; note: string | null }>;
  /** The departments the viewer drafts for: a returned draft comes back prefilled for its rewrite. */
  myOrgs: string[];
  /** Letters this one may duplicate, most alike first (lib/mailbox/duplicate-candidates.ts). */
  candidates: Array<{ id: string; caseNo: string | null; subject: string; date: string; score: number }>;
  departments: Array<{ id: string; name: string }>;
  labels: DeskLabels;
}

type Build = (data: FormData) => { comment?: string; input?: Record<string, unknown> };

/** The office's and departments' actions on one letter; each form posts one event. */
export function DeskActions({ id, revision, actions, assignments, myOrgs, candidates, departments, labels }: Props) {
  const router = useRouter();
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const has = (type: string) => actions.includes(type);

  function form(key: string, type: string, build: Build, body: ReactNode, tone: 'primary' | 'secondary' | 'danger' = 'primary') {
    async function submit(e: FormEvent<HTMLFormElement>) {
      e.preventDefault();
      setBusy(true);
      setError(null);
      const result = await sendJson('POST', `/api/v1/mailbox/letters/${id}/events`, { type, expectedRevision: revision, ...build(new FormData(e.currentTarget)) }, labels.networkError);
      setBusy(false);
      if (result.ok) router.refresh();
      else setError(result.message);
    }
    return (
      <form key={key} onSubmit={submit} style={{ borderTop: '1px solid var(--line)', paddingTop: 12, marginTop: 12 }}>
        {body}
        <button className={`btn ${tone === 'primary' ? '' : tone}`} type="submit" disabled={busy}>
          {labels.actions[type] ?? type}
        </button>
      </form>
    );
  }
  const commentField = (key: string, required = true) => (
    <div className="field">
      <label htmlFor={`${key}-comment`}>{labels.comment}</label>
      <textarea id={`${key}-comment`} name="comment" rows={2} maxLength={2000} required={required} />
    </div>
  );
  const comment: Build = (d) => ({ comment: String(d.get('comment') ?? '') });
  const returned = assignments.find((a) => myOrgs.includes(a.orgUnitId) && a.status === 'drafting' && a.draft);

  return (
    <div data-testid="desk-actions">
      {error ? (
        <p className="alert error" role="alert">
          {error}
        </p>
      ) : null}
      {has('accept') ? form('accept', 'accept', () => ({}), null) : null}
      {has('assign')
        ? form(
            'assign',
            'assign',
            (d) => {
              const deadline = String(d.get('deadline') ?? '');
              return {
                input: {
                  departments: d.getAll('departments').map(String),
                  ...(deadline ? { deadline: new Date(`${deadline}T18:00:00+08:00`).toISOString() } : {}),
                },
              };
            },
            <>
              <fieldset className="field">
                <legend>{labels.chooseDepartments}</legend>
                <div style={{ maxHeight: 260, overflow: 'auto' }}>
                  {departments.map((u) => (
                    <label key={u.id} className="choice">
                      <input type="checkbox" name="departments" value={u.id} />
                      <span>{u.name}</span>
                    </label>
                  ))}
                </div>
              </fieldset>
              <div className="field">
                <label htmlFor="deadline">{labels.deadlineField}</label>
                <input id="deadline" name="deadline" type="date" />
              </div>
            </>,
          )
        : null}
      {has('submitDraft')
        ? form(
            'draft',
            'submitDraft',
            (d) => ({ input: { reply: String(d.get('reply') ?? '') } }),
            <div className="field">
              <label htmlFor="reply">{labels.draft}</label>
              {returned?.note ? (
                <p className="alert info" data-testid="returned-note">
                  {labels.returnedNote.replace('{note}', returned.note)}
                </p>
              ) : null}
              <textarea id="reply" name="reply" rows={6} maxLength={20000} required defaultValue={returned?.draft ?? ''} />
            </div>,
          )
        : null}
      {has('approveDraft')
        ? assignments
            .filter((a) => a.status === 'submitted')
            .flatMap((a) => [
              form(`approve-${a.orgUnitId}`, 'approveDraft', () => ({ input: { orgUnitId: a.orgUnitId } }), <p>{a.name}</p>),
              form(`return-${a.orgUnitId}`, 'returnDraft', (d) => ({ ...comment(d), input: { orgUnitId: a.orgUnitId } }), <>{commentField(`return-${a.orgUnitId}`)}</>, 'secondary'),
            ])
        : null}
      {has('reassign')
        ? assignments
            .filter((a) => a.status === 'transferRequested')
            .map((a) =>
              form(
                `reassign-${a.orgUnitId}`,
                'reassign',
                (d) => ({ input: { orgUnitId: a.orgUnitId, toOrgUnitId: String(d.get('to') ?? '') } }),
                <div className="field">
                  <label htmlFor={`to-${a.orgUnitId}`}>
                    {a.name} → {labels.toDepartment}
                  </label>
                  <select id={`to-${a.orgUnitId}`} name="to">
                    {departments.map((u) => (
                      <option key={u.id} value={u.id}>
                        {u.name}
                      </option>
                    ))}
                  </select>
                </div>,
                'secondary',
              ),
            )
        : null}
      {has('urge') ? form('urge', 'urge', comment, commentField('urge')) : null}
      {has('requestTransfer') ? form('transfer', 'requestTransfer', comment, commentField('transfer'), 'secondary') : null}
      {has('maintain') ? form('maintain', 'maintain', comment, commentField('maintain'), 'secondary') : null}
      {has('outOfScope') ? form('out', 'outOfScope', comment, commentField('out'), 'danger') : null}
      {has('markDuplicate')
        ? form(
            'dup',
            'markDuplicate',
            // A typed 流水号 wins over a picked candidate; the server resolves and checks it.
            (d) => {
              const typed = String(d.get('duplicateCaseNo') ?? '').trim();
              const picked = String(d.get('duplicateOf') ?? '');
              return { ...comment(d), input: typed !== '' || picked === '' ? { duplicateCaseNo: typed } : { duplicateOf: picked } };
            },
            <>
              {candidates.length === 0 ? (
                <p className="muted" data-testid="no-candidates">
                  {labels.noCandidates}
                </p>
              ) : (
                <fieldset className="field" data-testid="duplicate-candidates">
                  <legend>{labels.duplicateOf}</legend>
                  <ul className="list">
                    {candidates.map((c) => (
                      <li key={c.id}>
                        <label className="choice">
                          <input type="radio" name="duplicateOf" value={c.id} />
                          <span>
                            <strong>{c.caseNo ?? '—'}</strong> {c.subject}
                            <span className="muted">
                              {' '}
                              · {c.date} · {labels.similarity.replace('{n}', String(Math.round(c.score * 100)))}
                            </span>
                          </span>
                        </label>
                      </li>
                    ))}
                  </ul>
                </fieldset>
              )}
              <div className="field">
                <label htmlFor="dup-case-no">{labels.duplicateCaseNo}</label>
                <input id="dup-case-no" name="duplicateCaseNo" type="text" autoComplete="off" spellCheck={false} maxLength={40} placeholder="XZ-20261201-0001" />
              </div>
              {commentField('dup')}
            </>,
            'secondary',
          )
        : null}
    </div>
  );
}

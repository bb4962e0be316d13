'use client';

import { useId, useState } from 'react';
import type { PickablePerson } from '@/lib/instances/person-match';
import { PersonPicker } from '../../../_components/person-picker';
import { sendJson } from '../../../_components/api-client';

export type TaskOp = 'transfer' | 'delegate' | 'addSigner' | 'answer' | 'removeSigner';
type PickOp = 'transfer' | 'delegate' | 'addSigner';
const picks = (op: TaskOp | null): op is PickOp => op === 'transfer' || op === 'delegate' || op === 'addSigner';

export interface TaskOpsLabels {
  title: string;
  transfer: string;
  delegate: string;
  answer: string;
  addSigner: string;
  removeSigner: string;
  transferHint: string;
  delegateHint: string;
  addSignerHint: string;
  removeSignerHint: string;
  answerHint: string;
  signBefore: string;
  signAfter: string;
  position: string;
  confirmSigner: string;
  confirmRemove: string;
  person: string;
  personSearch: string;
  noPeople: string;
  reason: string;
  opinion: string;
  /** With {name} still in them: filled in here with the chosen person. */
  confirmTransfer: string;
  confirmDelegate: string;
  askConfirm: string;
  submitAnswer: string;
  pickFirst: string;
  cancel: string;
  network: string;
}

/**
 * The approval operations the viewer may use on one task (转办, 委派, or the delegate's answer):
 * a person picker limited to eligible people (search by name, 工号 or pinyin), a reason, and for
 * 转办 — which the holder cannot undo — one confirmation click.
 */
export function TaskOperations({
  taskId,
  revision,
  ops,
  people,
  labels,
  locale,
}: {
  locale: 'zh' | 'en';
  taskId: string;
  revision: number;
  ops: TaskOp[];
  people: Partial<Record<PickOp, PickablePerson[]>>;
  labels: TaskOpsLabels;
}) {
  const [open, setOpen] = useState<TaskOp | null>(ops.length === 1 && ops[0] === 'answer' ? 'answer' : null);
  const [chosen, setChosen] = useState<PickablePerson | null>(null);
  const [text, setText] = useState('');
  const [confirming, setConfirming] = useState(false);
  const [position, setPosition] = useState<'before' | 'after'>('before');
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const id = useId();

  function choose(op: TaskOp | null) {
    setOpen(op);
    setChosen(null);
    setText('');
    setConfirming(false);
    setError(null);
  }

  async function submit() {
    if (!open) return;
    if (picks(open) && !chosen) {
      setError(labels.pickFirst);
      return;
    }
    if ((open === 'transfer' || open === 'removeSigner') && !confirming) {
      setConfirming(true);
      return;
    }
    setBusy(true);
    setError(null);
    const reason = text.trim() || undefined;
    const result =
      open === 'answer'
        ? await sendJson('POST', `/api/v1/tasks/${taskId}/delegate/answer`, { opinion: text, expectedRevision: revision }, labels.network)
        : open === 'removeSigner'
          ? await sendJson('POST', `/api/v1/tasks/${taskId}/signers/remove`, { reason, expectedRevision: revision }, labels.network)
          : open === 'addSigner'
            ? await sendJson('POST', `/api/v1/tasks/${taskId}/signers`, { to: chosen!.username, position, reason, expectedRevision: revision }, labels.network)
            : await sendJson('POST', `/api/v1/tasks/${taskId}/${open}`, { to: chosen!.username, reason, expectedRevision: revision }, labels.network);
    if (result.ok) {
      // The holder keeps the page after 委派, 加签, 减签 (they still follow it); after 转办 or an answer it is someone else's.
      if (open === 'transfer' || open === 'answer') window.location.assign('/tasks');
      else window.location.reload();
      return;
    }
    setError(result.message);
    setConfirming(false);
    setBusy(false);
  }

  const list = picks(open) ? (people[open] ?? []) : [];
  const fill = (s: string) => s.replace('{name}', chosen?.name ?? '');
  const confirmOf: Record<PickOp, string> = { transfer: labels.confirmTransfer, delegate: labels.confirmDelegate, addSigner: labels.confirmSigner };
  const submitLabel =
    open === 'answer' ? labels.submitAnswer : open === 'removeSigner' ? labels.confirmRemove : !chosen || !open ? labels[open ?? 'transfer'] : fill(confirmOf[open]);
  const hints: Record<TaskOp, string> = {
    transfer: labels.transferHint,
    delegate: labels.delegateHint,
    addSigner: labels.addSignerHint,
    removeSigner: labels.removeSignerHint,
    answer: labels.answerHint,
  };
  const hint = open ? hints[open] : '';

  return (
    <section className="card" aria-labelledby={`${id}-title`} data-testid="task-operations">
      <h2 id={`${id}-title`}>{labels.title}</h2>
      <div className="actions">
        {ops.map((op) => (
          <button key={op} type="button" className="btn secondary" aria-expanded={open === op} onClick={() => choose(open === op ? null : op)}>
            {labels[op]}
          </button>
        ))}
      </div>
      {open ? (
        <div style={{ marginTop: 12 }}>
          <p className="muted">{hint}</p>
          {error ? (
            <div className="alert error" role="alert">
              {error}
            </div>
          ) : null}
          {open === 'addSigner' ? (
            <fieldset className="field">
              <legend>{labels.position}</legend>
              {(['before', 'after'] as const).map((p) => (
                <label key={p} style={{ display: 'flex', gap: 8, alignItems: 'center', padding: '4px 0' }}>
                  <input type="radio" name={`${id}-position`} value={p} checked={position === p} onChange={() => setPosition(p)} />
                  <span>{p === 'before' ? labels.signBefore : labels.signAfter}</span>
                </label>
              ))}
            </fieldset>
          ) : null}
          {picks(open) ? (
            <PersonPicker
              key={open}
              people={list}
              chosen={chosen?.username ?? null}
              onChoose={(p) => {
                setChosen(p);
                setConfirming(false);
              }}
              labels={{ legend: labels.person, search: labels.personSearch, none: labels.noPeople }}
              locale={locale}
            />
          ) : null}
          <div className="field">
            <label htmlFor={`${id}-text`}>{open === 'answer' ? labels.opinion : labels.reason}</label>
            <textarea id={`${id}-text`} value={text} maxLength={open === 'answer' ? 2000 : 500} onChange={(e) => setText(e.target.value)} />
          </div>
          {confirming ? (
            <p className="alert info" role="status">
              {open === 'removeSigner' ? labels.confirmRemove : fill(labels.askConfirm)}
            </p>
          ) : null}
          <div className="actions">
            <button type="button" className="btn" disabled={busy} onClick={() => void submit()}>
              {submitLabel}
            </button>
            {ops.length === 1 && ops[0] === 'answer' ? null : (
              <button type="button" className="btn secondary" disabled={busy} onClick={() => choose(null)}>
                {labels.cancel}
              </button>
            )}
          </div>
        </div>
      ) : null}
    </section>
  );
}

'use client';

import Link from 'next/link';
import { useState } from 'react';
import { sendJson } from '../../_components/api-client';

/** One row of any /tasks tab, already in the reader's words. */
export interface TaskRowView {
  key: string;
  /** The task (待办: what a batch selects). */
  taskId?: string;
  href: string;
  title: string;
  caseNo: string | null;
  step: string;
  /** Applicant · unit, or the status, as the tab reads it. */
  who: string;
  when: string;
  overdue: boolean;
  /** 抄送我: not opened yet. */
  unread?: boolean;
}

export interface BatchConfig {
  max: number;
  confirmAttachments: boolean;
  /** The step's action label (核实通过). */
  actionLabel: string;
  text: {
    title: string;
    selectAll: string;
    selected: string;
    comment: string;
    confirmAttachments: string;
    submit: string;
    none: string;
    working: string;
    done: string;
    failed: string;
    network: string;
    selectRow: string;
  };
}

interface BatchAnswer {
  succeeded: number;
  failed: number;
  results: Array<{ taskId: string; caseNo: string | null; ok: boolean; error?: { message: string } }>;
}

const fill = (text: string, params: Record<string, string | number>) => text.replace(/\{(\w+)\}/g, (_, k: string) => String(params[k] ?? ''));

/**
 * The rows of a tab. On 待办 with one batchable step chosen, each row gets a box and the batch
 * form sends the ticked ones (at most `max`) to POST /api/v1/tasks/batch, then shows what went
 * through and what did not (taken by someone else meanwhile), and drops them from the list.
 */
export function TaskList({
  rows,
  batch,
  overdueText,
  unreadText,
  emptyText,
}: {
  rows: TaskRowView[];
  batch: BatchConfig | null;
  overdueText: string;
  unreadText: string;
  /** Said when a batch handled every row of the list. */
  emptyText: string;
}) {
  const [selected, setSelected] = useState<Set<string>>(new Set());
  const [comment, setComment] = useState('');
  const [confirmed, setConfirmed] = useState(false);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [answer, setAnswer] = useState<BatchAnswer | null>(null);
  // Tasks a batch handled (or found taken): gone from this list at once; the refresh brings the counts.
  const [gone, setGone] = useState<Set<string>>(new Set());
  const visible = rows.filter((r) => !r.taskId || !gone.has(r.taskId));
  const selectable = batch ? visible.filter((r) => r.taskId).slice(0, batch.max) : [];
  const chosen = selectable.filter((r) => selected.has(r.taskId!));
  const allChosen = selectable.length > 0 && chosen.length === selectable.length;

  function toggle(id: string, on: boolean) {
    setSelected((prev) => {
      const next = new Set(prev);
      if (on && batch && next.size >= batch.max) return prev;
      if (on) next.add(id);
      else next.delete(id);
      return next;
    });
  }

  async function submit(e: React.FormEvent) {
    e.preventDefault();
    if (!batch) return;
    if (chosen.length === 0) {
      setError(batch.text.none);
      return;
    }
    setBusy(true);
    setError(null);
    setAnswer(null);
    const result = await sendJson<BatchAnswer>(
      'POST',
      '/api/v1/tasks/batch',
      { taskIds: chosen.map((r) => r.taskId), comment: comment.trim() || undefined, attachmentsConfirmed: batch.confirmAttachments ? confirmed : undefined },
      batch.text.network,
    );
    setBusy(false);
    if (!result.ok) {
      setError(result.message);
      return;
    }
    setAnswer(result.data);
    setGone((prev) => new Set([...prev, ...result.data.results.map((r) => r.taskId)]));
    setSelected(new Set());
    setComment('');
    setConfirmed(false);
    // No router.refresh(): a batch that empties the list would re-render the page without this
    // list (and its report). The handled rows are hidden above; the counts update on the next visit.
  }

  /** What the last batch did: how many went through, and each that did not, by its 流水号. */
  function report(b: BatchConfig) {
    if (!answer) return null;
    return (
      <div className={`alert ${answer.failed > 0 ? 'info' : 'ok'}`} role="status" data-testid="batch-result">
        <p>{fill(b.text.done, { action: b.actionLabel, ok: answer.succeeded })}</p>
        {answer.failed > 0 ? (
          <>
            <p>{fill(b.text.failed, { count: answer.failed })}</p>
            <ul>
              {answer.results
                .filter((r) => !r.ok)
                .map((r) => (
                  <li key={r.taskId}>
                    {r.caseNo ?? ''} {r.error?.message}
                  </li>
                ))}
            </ul>
          </>
        ) : null}
      </div>
    );
  }

  const list =
    visible.length === 0 ? (
      <p className="empty">{emptyText}</p>
    ) : (
      <ul className="list task-rows" data-testid="task-list">
        {visible.map((row) => (
          <li key={row.key} className={row.unread ? 'unread' : undefined}>
            {batch && row.taskId && selectable.includes(row) ? (
              <input
                type="checkbox"
                className="row-check"
                aria-label={fill(batch.text.selectRow, { title: [row.caseNo, row.title].filter(Boolean).join(' ') })}
                checked={selected.has(row.taskId)}
                onChange={(e) => toggle(row.taskId!, e.target.checked)}
              />
            ) : null}
            <Link className="list-link task-row" href={row.href}>
              <span className="case-no">{row.caseNo ?? ''}</span>
              <span className="title">
                {row.unread ? <span className="dot" aria-label={unreadText} role="img" /> : null}
                {row.title}
              </span>
              <span className="step">{row.step}</span>
              <span className="who">{row.who}</span>
              <span className="when">{row.when}</span>
              <span className="flag">{row.overdue ? <span className="chip danger">{overdueText}</span> : null}</span>
            </Link>
          </li>
        ))}
      </ul>
    );
  if (!batch) return list;
  // Everything was handled: the report and the empty list, no form with nothing to select.
  if (selectable.length === 0) {
    return (
      <>
        {report(batch)}
        {list}
      </>
    );
  }

  return (
    <>
      {report(batch)}
      <form className="batch-bar" onSubmit={submit} aria-labelledby="batch-title">
        <h2 id="batch-title">{batch.text.title}</h2>
        <label className="choice">
          <input
            type="checkbox"
            checked={allChosen}
            onChange={(e) => setSelected(e.target.checked ? new Set(selectable.map((r) => r.taskId!)) : new Set())}
          />
          {batch.text.selectAll}
        </label>
        <span aria-live="polite" className="muted" data-testid="batch-count">
          {fill(batch.text.selected, { count: chosen.length })}
        </span>
        <label className="field batch-comment">
          {batch.text.comment}
          <textarea value={comment} onChange={(e) => setComment(e.target.value)} maxLength={2000} rows={2} />
        </label>
        {batch.confirmAttachments ? (
          <label className="choice">
            <input
              type="checkbox"
              checked={confirmed}
              onChange={(e) => {
                setConfirmed(e.target.checked);
                // The refusal asked for this tick: once given, it no longer stands.
                setError(null);
              }}
            />
            {batch.text.confirmAttachments}
          </label>
        ) : null}
        {error ? (
          <div className="alert error" role="alert">
            {error}
          </div>
        ) : null}
        <button className="btn" type="submit" disabled={busy}>
          {busy ? batch.text.working : fill(batch.text.submit, { action: batch.actionLabel, count: chosen.length })}
        </button>
      </form>
      {list}
    </>
  );
}

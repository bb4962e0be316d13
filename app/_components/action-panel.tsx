'use client';

import { useState } from 'react';
import { sendJson } from './api-client';

export interface PanelAction {
  type: string;
  label: string;
  requiresComment: boolean;
  tone: 'primary' | 'danger' | 'neutral';
}

/**
 * The viewer's actions on an instance. Sends the revision the page showed, so a step someone
 * else took meanwhile comes back as a conflict instead of being overwritten.
 */
export function ActionPanel({
  instanceId,
  revision,
  actions,
  labels,
}: {
  instanceId: string;
  revision: number;
  actions: PanelAction[];
  labels: { title: string; commentRequired: string; commentOptional: string; network: string };
}) {
  const [comment, setComment] = useState('');
  const [pending, setPending] = useState<PanelAction | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  async function send(action: PanelAction) {
    if (action.requiresComment && comment.trim() === '') {
      setPending(action);
      setError(labels.commentRequired);
      document.getElementById('action-comment')?.focus();
      return;
    }
    setBusy(true);
    setError(null);
    const result = await sendJson('POST', `/api/v1/instances/${instanceId}/events`, {
      type: action.type,
      comment: comment.trim() || undefined,
      expectedRevision: revision,
    }, labels.network);
    if (result.ok) {
      window.location.reload();
      return;
    }
    setError(result.message);
    setBusy(false);
  }

  const needsReason = pending?.requiresComment ?? false;
  return (
    <section className="card" aria-labelledby="action-title">
      <h2 id="action-title">{labels.title}</h2>
      {error ? (
        <div className="alert error" role="alert">
          {error}
        </div>
      ) : null}
      <div className="field">
        <label htmlFor="action-comment">{needsReason ? labels.commentRequired : labels.commentOptional}</label>
        <textarea id="action-comment" value={comment} maxLength={2000} onChange={(e) => setComment(e.target.value)} />
      </div>
      <div className="actions">
        {actions.map((a) => (
          <button
            key={a.type}
            type="button"
            className={`btn ${a.tone === 'danger' ? 'danger' : a.tone === 'neutral' ? 'secondary' : ''}`}
            disabled={busy}
            onClick={() => void send(a)}
          >
            {a.label}
          </button>
        ))}
      </div>
    </section>
  );
}

'use client';

import { useState } from 'react';
import { sendJson } from '../../../_components/api-client';

/**
 * 抄送 for whoever handles the current step: staff by 学工号 (several, separated by spaces or
 * commas) and a note; they are informed (抄送我), they do not act. Sends the revision the page showed.
 */
export function CopyForm({
  instanceId,
  revision,
  text,
}: {
  instanceId: string;
  revision: number;
  text: { title: string; who: string; whoHint: string; note: string; submit: string; working: string; network: string };
}) {
  const [who, setWho] = useState('');
  const [note, setNote] = useState('');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);

  async function submit(e: React.FormEvent) {
    e.preventDefault();
    setBusy(true);
    setError(null);
    const usernames = who.split(/[\s,，、;；]+/).filter(Boolean);
    const result = await sendJson('POST', `/api/v1/instances/${instanceId}/copies`, { usernames, comment: note.trim() || undefined, expectedRevision: revision }, text.network);
    if (result.ok) {
      window.location.reload();
      return;
    }
    setError(result.message);
    setBusy(false);
  }

  return (
    <section className="card" aria-labelledby="copy-title">
      <h2 id="copy-title">{text.title}</h2>
      <form onSubmit={submit}>
        {error ? (
          <div className="alert error" role="alert">
            {error}
          </div>
        ) : null}
        <div className="field">
          <label htmlFor="copy-who">{text.who}</label>
          <span className="hint" id="copy-who-hint">
            {text.whoHint}
          </span>
          <input id="copy-who" type="text" value={who} onChange={(e) => setWho(e.target.value)} aria-describedby="copy-who-hint" maxLength={1000} autoComplete="off" />
        </div>
        <div className="field">
          <label htmlFor="copy-note">{text.note}</label>
          <textarea id="copy-note" value={note} onChange={(e) => setNote(e.target.value)} maxLength={2000} rows={2} />
        </div>
        <button className="btn secondary" type="submit" disabled={busy}>
          {busy ? text.working : text.submit}
        </button>
      </form>
    </section>
  );
}

'use client';

import { useRouter } from 'next/navigation';
import { useState, type FormEvent } from 'react';
import { sendJson } from '../../../_components/api-client';

interface Labels {
  subject: string;
  content: string;
  reply: string;
  publish: string;
  unpublish: string;
  published: string;
  networkError: string;
}

/** The anonymised text the office reviews and edits before it goes on 公开回复. */
export function PublishForm({
  id,
  initial,
  labels,
}: {
  id: string;
  initial: { subject: string; content: string; reply: string; published: boolean };
  labels: Labels;
}) {
  const router = useRouter();
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const url = `/api/v1/mailbox/letters/${id}/publication`;

  async function publish(e: FormEvent<HTMLFormElement>) {
    e.preventDefault();
    const d = new FormData(e.currentTarget);
    setBusy(true);
    setError(null);
    const result = await sendJson(
      'POST',
      url,
      { subject: String(d.get('subject') ?? ''), content: String(d.get('content') ?? ''), reply: String(d.get('reply') ?? '') },
      labels.networkError,
    );
    setBusy(false);
    if (result.ok) router.refresh();
    else setError(result.message);
  }

  async function unpublish() {
    setBusy(true);
    const res = await fetch(url, { method: 'DELETE' }).catch(() => null);
    setBusy(false);
    if (res?.ok) router.refresh();
    else setError(labels.networkError);
  }

  return (
    <form onSubmit={publish}>
      {error ? (
        <p className="alert error" role="alert">
          {error}
        </p>
      ) : null}
      {initial.published ? <p className="chip ok">{labels.published}</p> : null}
      <div className="field">
        <label htmlFor="pub-subject">{labels.subject}</label>
        <input id="pub-subject" name="subject" type="text" defaultValue={initial.subject} maxLength={100} />
      </div>
      <div className="field">
        <label htmlFor="pub-content">{labels.content}</label>
        <textarea id="pub-content" name="content" rows={6} defaultValue={initial.content} />
      </div>
      <div className="field">
        <label htmlFor="pub-reply">{labels.reply}</label>
        <textarea id="pub-reply" name="reply" rows={6} defaultValue={initial.reply} />
      </div>
      <div className="actions">
        <button className="btn" type="submit" disabled={busy}>
          {labels.publish}
        </button>
        {initial.published ? (
          <button className="btn danger" type="button" onClick={unpublish} disabled={busy}>
            {labels.unpublish}
          </button>
        ) : null}
      </div>
    </form>
  );
}

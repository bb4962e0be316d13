'use client';

import { useState } from 'react';
import type { PickablePerson } from '@/lib/instances/person-match';
import { sendJson } from '../../../_components/api-client';
import { PersonPicker } from '../../../_components/person-picker';

/**
 * 抄送 for whoever handles the current step: staff chosen in the people picker (several, by name,
 * pinyin or 工号, each shown with their department) and a note; they are informed (抄送我), they
 * do not act. Sends the revision the page showed.
 */
export function CopyForm({
  instanceId,
  revision,
  people,
  locale,
  text,
}: {
  instanceId: string;
  revision: number;
  people: PickablePerson[];
  locale: 'zh' | 'en';
  text: { title: string; who: string; search: string; none: string; chosen: string; pickSomeone: string; note: string; submit: string; working: string; network: string };
}) {
  const [chosen, setChosen] = useState<string[]>([]);
  const [note, setNote] = useState('');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const toggle = (p: PickablePerson) => setChosen((c) => (c.includes(p.username) ? c.filter((u) => u !== p.username) : [...c, p.username]));

  async function submit(e: React.FormEvent) {
    e.preventDefault();
    if (chosen.length === 0) {
      setError(text.pickSomeone);
      return;
    }
    setBusy(true);
    setError(null);
    const result = await sendJson('POST', `/api/v1/instances/${instanceId}/copies`, { usernames: chosen, comment: note.trim() || undefined, expectedRevision: revision }, text.network);
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
        <PersonPicker
          people={people}
          chosen={chosen}
          onChoose={toggle}
          labels={{ legend: text.who, search: text.search, none: text.none, chosenCount: text.chosen }}
          locale={locale}
          name="copy-to"
        />
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

'use client';

import { useId, useState } from 'react';
import type { PickablePerson } from '@/lib/instances/person-match';
import type { OutOfOfficeView } from '@/lib/out-of-office';
import { sendJson } from '../../_components/api-client';
import { PersonPicker } from '../../_components/person-picker';

export interface OutOfOfficeLabels {
  person: string;
  personSearch: string;
  noPeople: string;
  title: string;
  hint: string;
  current: string;
  activeNow: string;
  planned: string;
  none: string;
  standsInFor: string;
  startsOn: string;
  endsOn: string;
  reason: string;
  save: string;
  saved: string;
  clear: string;
  cleared: string;
  change: string;
  pickFirst: string;
  network: string;
}

const fill = (s: string, v: Record<string, string>) => s.replace(/\{(\w+)\}/g, (_, k: string) => v[k] ?? '');

/**
 * 代理 under 我的: who takes the caller's tasks while they are away, and from when to when. The
 * picker lists only people the engine would accept (the same approval roles); the server checks
 * again (no self, no chains) and its refusal is shown as it is worded.
 */
export function OutOfOfficeCard({
  initial,
  people,
  today,
  labels,
  locale,
  canSet,
}: {
  initial: OutOfOfficeView;
  people: PickablePerson[];
  today: string;
  labels: OutOfOfficeLabels;
  locale: 'zh' | 'en';
  /** Holds an approval role (else only whom they stand in for shows). */
  canSet: boolean;
}) {
  const [view, setView] = useState(initial);
  const [editing, setEditing] = useState(initial.current === null);
  const [chosen, setChosen] = useState<PickablePerson | null>(people.find((p) => p.username === initial.current?.deputy.username) ?? null);
  const [startsOn, setStartsOn] = useState(initial.current?.startsOn ?? today);
  const [endsOn, setEndsOn] = useState(initial.current?.endsOn ?? today);
  const [reason, setReason] = useState(initial.current?.reason ?? '');
  const [error, setError] = useState<string | null>(null);
  const [notice, setNotice] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const id = useId();

  async function save() {
    if (!chosen) {
      setError(labels.pickFirst);
      return;
    }
    setBusy(true);
    setError(null);
    setNotice(null);
    const result = await sendJson<OutOfOfficeView>('PUT', '/api/v1/me/out-of-office', { deputy: chosen.username, startsOn, endsOn, reason: reason.trim() || undefined }, labels.network);
    setBusy(false);
    if (!result.ok) {
      setError(result.message);
      return;
    }
    setView(result.data);
    setEditing(false);
    setNotice(fill(labels.saved, { name: chosen.name, start: startsOn, end: endsOn }));
  }

  async function clear() {
    setBusy(true);
    setError(null);
    setNotice(null);
    const result = await sendJson<OutOfOfficeView>('DELETE', '/api/v1/me/out-of-office', undefined, labels.network);
    setBusy(false);
    if (!result.ok) {
      setError(result.message);
      return;
    }
    setView(result.data);
    setEditing(true);
    setChosen(null);
    setNotice(labels.cleared);
  }

  const current = view.current;
  return (
    <section className="card" aria-labelledby={`${id}-title`} data-testid="out-of-office">
      <h2 id={`${id}-title`}>{labels.title}</h2>
      {canSet ? <p className="muted">{labels.hint}</p> : null}
      {view.standsInFor.map((s) => (
        <p key={`${s.name}-${s.startsOn}`} className="alert info">
          {fill(labels.standsInFor, { name: s.name, start: s.startsOn, end: s.endsOn })}
        </p>
      ))}
      {notice ? (
        <p className="alert ok" role="status">
          {notice}
        </p>
      ) : null}
      {error ? (
        <div className="alert error" role="alert">
          {error}
        </div>
      ) : null}
      {!canSet ? null : current ? (
        <p data-testid="out-of-office-current">
          <strong>{fill(labels.current, { name: current.deputy.name, start: current.startsOn, end: current.endsOn })}</strong>
          <span className="muted"> · {current.active ? labels.activeNow : labels.planned}</span>
        </p>
      ) : editing ? null : (
        <p className="muted">{labels.none}</p>
      )}
      {canSet && editing ? (
        <div>
          <PersonPicker people={people} chosen={chosen?.username ?? null} onChoose={setChosen} labels={{ legend: labels.person, search: labels.personSearch, none: labels.noPeople }} locale={locale} />
          <div className="field">
            <label htmlFor={`${id}-from`}>{labels.startsOn}</label>
            <input id={`${id}-from`} type="date" value={startsOn} min={today} onChange={(e) => setStartsOn(e.target.value)} />
          </div>
          <div className="field">
            <label htmlFor={`${id}-to`}>{labels.endsOn}</label>
            <input id={`${id}-to`} type="date" value={endsOn} min={startsOn || today} onChange={(e) => setEndsOn(e.target.value)} />
          </div>
          <div className="field">
            <label htmlFor={`${id}-reason`}>{labels.reason}</label>
            <input id={`${id}-reason`} type="text" value={reason} maxLength={200} onChange={(e) => setReason(e.target.value)} />
          </div>
          <div className="actions">
            <button type="button" className="btn" disabled={busy} onClick={() => void save()}>
              {labels.save}
            </button>
          </div>
        </div>
      ) : null}
      {current && !editing ? (
        <div className="actions">
          <button type="button" className="btn secondary" disabled={busy} onClick={() => setEditing(true)}>
            {labels.change}
          </button>
          <button type="button" className="btn secondary" disabled={busy} onClick={() => void clear()}>
            {labels.clear}
          </button>
        </div>
      ) : null}
    </section>
  );
}

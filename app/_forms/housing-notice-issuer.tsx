'use client';

import { useState, type FormEvent } from 'react';
import { sendJson } from '../_components/api-client';

export interface IssuerLabels {
  intro: string;
  csv: string;
  file: string;
  check: string;
  checked: string;
  issue: string;
  progress: string;
  done: string;
  /** The office's ledger of what it sent. */
  ledger: string;
  network: string;
}

type Result = { total: number; issued: number; next: number | null };

/**
 * 资产管理处 pastes or uploads the tenant list: the server checks all of it first (errors with
 * line numbers, nothing sent), then the page sends it chunk by chunk and shows the progress.
 */
export function HousingNoticeIssuer({ labels }: { labels: IssuerLabels }) {
  const [csv, setCsv] = useState('');
  const [checked, setChecked] = useState<number | null>(null);
  const [progress, setProgress] = useState<{ done: number; total: number } | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  async function check(e: FormEvent) {
    e.preventDefault();
    setBusy(true);
    setError(null);
    setProgress(null);
    const r = await sendJson<Result>('POST', '/api/v1/housing-notices', { csv, dryRun: true }, labels.network);
    setBusy(false);
    if (r.ok) setChecked(r.data.total);
    else {
      setChecked(null);
      setError(r.message);
    }
  }

  async function issue() {
    setBusy(true);
    setError(null);
    let from: number | null = 0;
    while (from !== null) {
      const r: Awaited<ReturnType<typeof sendJson<Result>>> = await sendJson<Result>('POST', '/api/v1/housing-notices', { csv, from }, labels.network);
      if (!r.ok) {
        setError(r.message);
        break;
      }
      setProgress({ done: r.data.issued, total: r.data.total });
      from = r.data.next;
    }
    setBusy(false);
    setChecked(null);
  }

  const finished = progress !== null && progress.done === progress.total;
  return (
    <form onSubmit={check} noValidate>
      <p className="muted">{labels.intro}</p>
      {error ? (
        <div className="alert error" role="alert" style={{ whiteSpace: 'pre-line' }}>
          {error}
        </div>
      ) : null}
      <div className="field">
        <label htmlFor="notice-csv">{labels.csv}</label>
        <textarea
          id="notice-csv"
          value={csv}
          rows={8}
          spellCheck={false}
          onChange={(e) => {
            setCsv(e.target.value);
            setChecked(null);
          }}
          style={{ fontFamily: 'monospace' }}
        />
      </div>
      <div className="field">
        <label htmlFor="notice-file">{labels.file}</label>
        <input
          id="notice-file"
          type="file"
          accept=".csv,text/csv,text/plain"
          style={{ minHeight: 44 }}
          onChange={async (e) => {
            const file = e.currentTarget.files?.[0];
            if (file) {
              setCsv(await file.text());
              setChecked(null);
            }
          }}
        />
      </div>
      {progress ? (
        <div role="status" aria-live="polite" className={finished ? 'alert info' : undefined}>
          {finished ? labels.done.replace('{count}', String(progress.total)) : labels.progress.replace('{done}', String(progress.done)).replace('{total}', String(progress.total))}
          <progress max={progress.total} value={progress.done} style={{ width: '100%' }} />
          {finished ? (
            <p>
              <a href="/housing-notices">{labels.ledger}</a>
            </p>
          ) : null}
        </div>
      ) : null}
      <div className="actions">
        <button className="btn secondary" type="submit" disabled={busy || csv.trim() === ''}>
          {labels.check}
        </button>
        {checked !== null ? (
          <>
            <span role="status">{labels.checked.replace('{count}', String(checked))}</span>
            <button className="btn" type="button" disabled={busy} onClick={() => void issue()}>
              {labels.issue.replace('{count}', String(checked))}
            </button>
          </>
        ) : null}
      </div>
    </form>
  );
}

'use client';

import { useState } from 'react';

type Problem = { line: number; message: string };
type Labels = Record<'file' | 'submit' | 'validating' | 'importing' | 'done' | 'failed' | 'line' | 'network', string>;

/**
 * Uploads a people CSV with upload progress; the server validates every row and imports all
 * or nothing, answering with counts or the full validation report.
 */
export function PeopleImport({ labels }: { labels: Labels }) {
  const [phase, setPhase] = useState<'idle' | 'upload' | 'server'>('idle');
  const [percent, setPercent] = useState(0);
  const [rows, setRows] = useState(0);
  const [message, setMessage] = useState<string | null>(null);
  const [problems, setProblems] = useState<Problem[]>([]);

  async function submit(e: React.FormEvent<HTMLFormElement>) {
    e.preventDefault();
    const file = (e.currentTarget.elements.namedItem('csv') as HTMLInputElement).files?.[0];
    if (!file) return;
    const csv = await file.text();
    setRows(csv.split('\n').filter((l) => l.trim()).length - 1);
    setMessage(null);
    setProblems([]);
    setPhase('upload');
    const xhr = new XMLHttpRequest();
    xhr.open('POST', '/api/v1/admin/import');
    xhr.setRequestHeader('Content-Type', 'application/json');
    xhr.upload.onprogress = (ev) => {
      if (ev.lengthComputable) setPercent(Math.round((ev.loaded / ev.total) * 100));
    };
    xhr.upload.onload = () => setPhase('server');
    xhr.onerror = () => {
      setPhase('idle');
      setMessage(labels.network);
    };
    xhr.onload = () => {
      setPhase('idle');
      let json: { ok?: boolean; created?: number; updated?: number; problems?: Problem[]; error?: { message: string } } = {};
      try {
        json = JSON.parse(xhr.responseText);
      } catch {
        setMessage(labels.network);
        return;
      }
      if (json.ok) setMessage(labels.done.replace('{created}', String(json.created)).replace('{updated}', String(json.updated)));
      else if (json.problems) {
        setMessage(labels.failed.replace('{n}', String(json.problems.length)));
        setProblems(json.problems);
      } else setMessage(json.error?.message ?? labels.network);
    };
    xhr.send(JSON.stringify({ csv }));
  }

  return (
    <form className="card" onSubmit={submit}>
      <div className="field">
        <label htmlFor="csv">{labels.file}</label>
        <input id="csv" name="csv" type="file" accept=".csv,text/csv" required />
      </div>
      <button className="btn" type="submit" disabled={phase !== 'idle'}>
        {labels.submit}
      </button>
      {phase !== 'idle' && (
        <p role="status">
          <progress max={100} value={phase === 'upload' ? percent : undefined} /> {phase === 'upload' ? `${percent}%` : labels.importing.replace('{n}', String(rows))}
        </p>
      )}
      {message && (
        <div className={problems.length ? 'alert error' : 'alert info'} role="alert" data-testid="import-result">
          {message}
          {problems.length > 0 && (
            <ul>
              {problems.map((p, i) => (
                <li key={i}>
                  {labels.line.replace('{line}', String(p.line))}: {p.message}
                </li>
              ))}
            </ul>
          )}
        </div>
      )}
    </form>
  );
}

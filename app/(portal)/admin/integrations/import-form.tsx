'use client';

import { useRouter } from 'next/navigation';
import { useState, type FormEvent } from 'react';

interface Report {
  applied: boolean;
  rows: number;
  inserted: number;
  updated: number;
  encoding: string;
  errorCount: number;
  errors: Array<{ row: number; message: string }>;
}

/** Uploads a CSV into a dataset and shows the validation report (all rows applied, or none). */
export function ImportForm({
  datasets,
  labels,
}: {
  datasets: Array<{ value: string; label: string }>;
  labels: { dataset: string; file: string; upload: string; applied: string; rejected: string; row: string; network: string };
}) {
  const router = useRouter();
  const [report, setReport] = useState<Report | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const fill = (s: string, p: Record<string, string | number>) => s.replace(/\{(\w+)\}/g, (_, k: string) => String(p[k] ?? ''));

  async function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const data = new FormData(event.currentTarget);
    setBusy(true);
    setError(null);
    setReport(null);
    try {
      const res = await fetch(`/api/v1/admin/imports/${encodeURIComponent(String(data.get('dataset')))}`, { method: 'POST', body: data });
      const json = (await res.json()) as Report & { error?: { message: string } };
      if (json.error) setError(json.error.message);
      else setReport(json);
      router.refresh();
    } catch {
      setError(labels.network);
    }
    setBusy(false);
  }

  return (
    <form onSubmit={onSubmit}>
      {error ? (
        <div className="alert error" role="alert">
          {error}
        </div>
      ) : null}
      {report ? (
        <div className={`alert ${report.applied ? 'ok' : 'error'}`} role="status" data-testid="import-report">
          {report.applied
            ? fill(labels.applied, { rows: report.rows, inserted: report.inserted, updated: report.updated, encoding: report.encoding })
            : fill(labels.rejected, { count: report.errorCount, encoding: report.encoding })}
          {report.errors.length > 0 ? (
            <ul>
              {report.errors.map((e) => (
                <li key={e.row}>
                  {fill(labels.row, { row: e.row })}：{e.message}
                </li>
              ))}
            </ul>
          ) : null}
        </div>
      ) : null}
      <div className="field">
        <label htmlFor="import-dataset">{labels.dataset}</label>
        <select id="import-dataset" name="dataset" required>
          {datasets.map((d) => (
            <option key={d.value} value={d.value}>
              {d.label}
            </option>
          ))}
        </select>
      </div>
      <div className="field">
        <label htmlFor="import-file">{labels.file}</label>
        <input id="import-file" name="file" type="file" accept=".csv,text/csv" required />
      </div>
      <button className="btn" type="submit" disabled={busy}>
        {labels.upload}
      </button>
    </form>
  );
}

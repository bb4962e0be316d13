'use client';

import { useState } from 'react';
import type { BatchKey } from '@/lib/housing/batch-key';
import { sendJson } from '../../../_components/api-client';
import { ConfirmStep } from '../../../_components/confirm-step';

export interface RemindLabels {
  hint: string;
  remind: string;
  confirm: string;
  confirmButton: string;
  cancel: string;
  reminded: string;
  skipped: string;
  none: string;
  /** Every overdue tenant was reminded today already. */
  allReminded: string;
  network: string;
}

/** 催缴: asks once (it messages every overdue tenant), then sends and says how many were reminded. */
export function RemindOverdue({ batch, overdue, remindedToday, labels }: { batch: BatchKey; overdue: number; remindedToday: number; labels: RemindLabels }) {
  const [asking, setAsking] = useState(false);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [done, setDone] = useState<string | null>(null);

  async function send() {
    setBusy(true);
    setError(null);
    const r = await sendJson<{ reminded: number; skipped: number }>('POST', '/api/v1/housing-notices/batch/reminders', batch, labels.network);
    setBusy(false);
    setAsking(false);
    if (!r.ok) {
      setError(r.message);
      return;
    }
    setDone(`${labels.reminded.replace('{reminded}', String(r.data.reminded))}${r.data.skipped > 0 ? labels.skipped.replace('{count}', String(r.data.skipped)) : ''}`);
  }

  if (overdue === 0 && !done) return <p className="muted">{remindedToday > 0 ? labels.allReminded.replace('{count}', String(remindedToday)) : labels.none}</p>;
  return (
    <div data-testid="remind-overdue">
      <p className="muted">{labels.hint}</p>
      {error ? (
        <div className="alert error" role="alert">
          {error}
        </div>
      ) : null}
      {done ? (
        <div className="alert info" role="status">
          {done}
        </div>
      ) : null}
      {done ? null : asking ? (
        <ConfirmStep
          question={labels.confirm.replace('{count}', String(overdue))}
          confirm={labels.confirmButton}
          cancel={labels.cancel}
          busy={busy}
          onConfirm={() => void send()}
          onCancel={() => setAsking(false)}
        />
      ) : (
        <div className="actions">
          <button type="button" className="btn" onClick={() => setAsking(true)}>
            {labels.remind.replace('{count}', String(overdue))}
          </button>
        </div>
      )}
    </div>
  );
}

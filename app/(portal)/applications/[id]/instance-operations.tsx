'use client';

import { useId, useState } from 'react';
import type { InstanceOp } from '@/lib/instances/get-instance-view';
import { sendJson } from '../../../_components/api-client';
import { ConfirmStep } from '../../../_components/confirm-step';

export interface InstanceOpsLabels {
  title: string;
  withdrawApplication: string;
  withdrawApproval: string;
  urge: string;
  withdrawApplicationHint: string;
  withdrawApprovalHint: string;
  urgeHint: string;
  reason: string;
  /** With {action} in them. */
  confirm: string;
  confirmButton: string;
  cancel: string;
  urged: string;
  network: string;
}

const PATH: Record<InstanceOp, string> = { withdrawApplication: 'withdraw', withdrawApproval: 'withdraw-approval', urge: 'urge' };

/**
 * 撤回 (the applicant's application, an approver's own decision) and 催办 on the application page.
 * Taking something back cannot be undone: the first click asks (with a reason field), 确认 does it.
 */
export function InstanceOperations({ instanceId, revision, ops, labels }: { instanceId: string; revision: number; ops: InstanceOp[]; labels: InstanceOpsLabels }) {
  const [asking, setAsking] = useState<InstanceOp | null>(null);
  const [reason, setReason] = useState('');
  const [error, setError] = useState<string | null>(null);
  const [done, setDone] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const id = useId();

  async function run(op: InstanceOp) {
    if (op !== 'urge' && asking !== op) {
      setAsking(op);
      setError(null);
      return;
    }
    setBusy(true);
    setError(null);
    const result = await sendJson('POST', `/api/v1/instances/${instanceId}/${PATH[op]}`, { reason: reason.trim() || undefined, expectedRevision: revision }, labels.network);
    if (result.ok) {
      if (op === 'urge') {
        setDone(labels.urged);
        setBusy(false);
        return;
      }
      window.location.reload();
      return;
    }
    setError(result.message);
    setAsking(null);
    setBusy(false);
  }

  return (
    <section className="card" aria-labelledby={`${id}-title`} data-testid="instance-operations">
      <h2 id={`${id}-title`}>{labels.title}</h2>
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
      {ops.map((op) => (
        <p key={op} className="muted">
          {labels[`${op}Hint`]}
        </p>
      ))}
      {asking ? (
        <>
          <div className="field">
            <label htmlFor={`${id}-reason`}>{labels.reason}</label>
            <textarea id={`${id}-reason`} value={reason} maxLength={500} onChange={(e) => setReason(e.target.value)} />
          </div>
          <ConfirmStep
            question={labels.confirm.replaceAll('{action}', labels[asking])}
            confirm={labels.confirmButton.replace('{action}', labels[asking])}
            cancel={labels.cancel}
            busy={busy}
            onConfirm={() => void run(asking)}
            onCancel={() => setAsking(null)}
          />
        </>
      ) : (
        <div className="actions">
          {ops.map((op) => (
            <button
              key={op}
              type="button"
              className={`btn ${op === 'urge' ? '' : 'secondary'}`}
              disabled={busy || (op === 'urge' && done !== null)}
              onClick={() => void run(op)}
            >
              {labels[op]}
            </button>
          ))}
        </div>
      )}
    </section>
  );
}

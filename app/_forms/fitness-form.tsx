'use client';

import { useState, type FormEvent } from 'react';
import { sendJson, type UploadedFile } from '../_components/api-client';
import { FileUpload, type FileUploadLabels } from '../_components/file-upload';
import { markJustSubmitted } from '../_components/just-submitted';

export interface FitnessFormLabels {
  kind: string;
  exempt: string;
  defer: string;
  exemptHint: string;
  deferHint: string;
  reason: string;
  reasonHint: string;
  chars: string;
  submit: string;
  submitting: string;
  network: string;
  upload: FileUploadLabels;
}

export interface FitnessInitial {
  kind?: 'exempt' | 'defer';
  reason?: string;
  evidence?: UploadedFile[];
}

/**
 * 体质测试免测/缓测 form: a new application, or (with `instanceId`) the resubmission after a
 * return, which arrives filled in with what the student wrote before.
 */
export function FitnessForm({
  labels,
  initial,
  instanceId,
  expectedRevision,
  submitLabel,
}: {
  labels: FitnessFormLabels;
  initial?: FitnessInitial;
  instanceId?: string;
  expectedRevision?: number;
  submitLabel?: string;
}) {
  const [kind, setKind] = useState(initial?.kind ?? '');
  const [reason, setReason] = useState(initial?.reason ?? '');
  const [files, setFiles] = useState<UploadedFile[]>(initial?.evidence ?? []);
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [message, setMessage] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  async function onSubmit(event: FormEvent) {
    event.preventDefault();
    setBusy(true);
    setMessage(null);
    const input = { kind, reason, evidence: files.map((f) => f.id) };
    const result = instanceId
      ? await sendJson<{ id: string }>('POST', `/api/v1/instances/${instanceId}/events`, { type: 'resubmit', input, expectedRevision }, labels.network)
      : await sendJson<{ id: string }>('POST', '/api/v1/instances', { process: 'fitness-test-exemption', input }, labels.network);
    if (result.ok) {
      markJustSubmitted(result.data.id);
      window.location.assign(`/applications/${result.data.id}`);
      return;
    }
    setErrors(result.fields ?? {});
    setMessage(result.message);
    setBusy(false);
  }

  return (
    <form onSubmit={onSubmit} noValidate>
      {message ? (
        <div className="alert error" role="alert">
          {message}
        </div>
      ) : null}
      <fieldset className="field" aria-describedby={errors.kind ? 'kind-error' : undefined}>
        <legend>{labels.kind}</legend>
        {(['exempt', 'defer'] as const).map((k) => (
          <label className="choice" key={k}>
            <input type="radio" name="kind" value={k} checked={kind === k} onChange={() => setKind(k)} required />
            <span>
              <strong>{labels[k]}</strong>
              <br />
              <span className="muted">{k === 'exempt' ? labels.exemptHint : labels.deferHint}</span>
            </span>
          </label>
        ))}
        {errors.kind ? (
          <span className="error" id="kind-error">
            {errors.kind}
          </span>
        ) : null}
      </fieldset>
      <div className="field">
        <label htmlFor="reason">{labels.reason}</label>
        <span className="hint" id="reason-hint">
          {labels.reasonHint}
        </span>
        <textarea
          id="reason"
          name="reason"
          value={reason}
          maxLength={1000}
          required
          aria-describedby={`reason-hint${errors.reason ? ' reason-error' : ''}`}
          aria-invalid={errors.reason ? true : undefined}
          onChange={(e) => setReason(e.target.value)}
        />
        <span className="hint">{labels.chars.replace('{count}', String(reason.length)).replace('{max}', '1000')}</span>
        {errors.reason ? (
          <span className="error" id="reason-error">
            {errors.reason}
          </span>
        ) : null}
      </div>
      <FileUpload name="evidence" labels={labels.upload} files={files} onChange={setFiles} error={errors.evidence} />
      <button className="btn block" type="submit" disabled={busy}>
        {busy ? labels.submitting : (submitLabel ?? labels.submit)}
      </button>
    </form>
  );
}

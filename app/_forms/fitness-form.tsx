'use client';

import { useMemo, useState, type FormEvent } from 'react';
import { sendJson, type UploadedFile } from '../_components/api-client';
import { FileUpload, type FileUploadLabels } from '../_components/file-upload';
import { markJustSubmitted } from '../_components/just-submitted';
import { DraftBar, useFormDraft, type DraftLabels, type FormDraft } from './form-draft';

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
  draft: DraftLabels;
}

export interface FitnessInitial {
  kind?: 'exempt' | 'defer';
  reason?: string;
  evidence?: UploadedFile[];
}

const PROCESS = 'fitness-test-exemption';

/**
 * 体质测试免测/缓测 form: a new application (kept as a 草稿 like every other form, resumable
 * from 我的申请), or (with `instanceId`) the resubmission after a return, which arrives filled
 * in with what the student wrote before.
 */
export function FitnessForm({
  labels,
  initial,
  instanceId,
  expectedRevision,
  submitLabel,
  draft,
}: {
  labels: FitnessFormLabels;
  initial?: FitnessInitial;
  instanceId?: string;
  expectedRevision?: number;
  submitLabel?: string;
  /** A new application's saved draft (null: none yet); undefined: no draft (the resubmission). */
  draft?: FormDraft | null;
}) {
  const [kind, setKind] = useState(initial?.kind ?? draft?.values.kind ?? '');
  const [reason, setReason] = useState(initial?.reason ?? draft?.values.reason ?? '');
  const [files, setFiles] = useState<UploadedFile[]>(initial?.evidence ?? draft?.files.evidence ?? []);
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [message, setMessage] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const drafting = draft !== undefined && !instanceId;
  const values = useMemo(() => ({ kind, reason }), [kind, reason]);
  const fileFields = useMemo(() => ({ evidence: files }), [files]);
  const drafts = useFormDraft({ processId: PROCESS, enabled: drafting, values, files: fileFields, restored: draft, labels: labels.draft, network: labels.network });

  async function discardDraft() {
    if (!(await drafts.discard({ values: { kind: '', reason: '' }, files: { evidence: [] } }))) return;
    setKind('');
    setReason('');
    setFiles([]);
  }

  async function onSubmit(event: FormEvent) {
    event.preventDefault();
    setBusy(true);
    setMessage(null);
    // The start deletes the draft in its transaction: no auto-save may land after it.
    if (drafting) await drafts.stop();
    const input = { kind, reason, evidence: files.map((f) => f.id) };
    const result = instanceId
      ? await sendJson<{ id: string }>('POST', `/api/v1/instances/${instanceId}/events`, { type: 'resubmit', input, expectedRevision }, labels.network)
      : await sendJson<{ id: string }>('POST', '/api/v1/instances', { process: PROCESS, input }, labels.network);
    if (result.ok) {
      markJustSubmitted(result.data.id);
      window.location.assign(`/applications/${result.data.id}`);
      return;
    }
    setErrors(result.fields ?? {});
    setMessage(result.message);
    setBusy(false);
    drafts.resume();
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
      {drafting ? <DraftBar status={drafts.status} hasDraft={drafts.hasDraft} discardLabel={labels.draft.discard} onDiscard={discardDraft} busy={busy} /> : null}
    </form>
  );
}

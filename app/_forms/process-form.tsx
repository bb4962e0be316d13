'use client';

import { useState, type FormEvent } from 'react';
import './prefill.css';
import { sendJson, type UploadedFile } from '../_components/api-client';
import { DraftBar, useFormDraft, type DraftLabels, type FormDraft } from './form-draft';
import { FileUpload, type FileUploadLabels } from '../_components/file-upload';
import { markJustSubmitted } from '../_components/just-submitted';
import { PersonPicker, type PersonPickerLabels } from '../_components/person-picker';
import type { PickablePerson } from '@/lib/instances/person-match';

export interface FieldSpec {
  name: string;
  kind: 'text' | 'tel' | 'textarea' | 'date' | 'select' | 'number' | 'list' | 'files' | 'person';
  label: string;
  hint?: string;
  optional?: boolean;
  options?: Array<{ value: string; label: string }>;
  max?: number;
  /** For files: the upload widget's labels. */
  upload?: FileUploadLabels;
  /** For person: whom the picker offers (the page loads them) and its words; the value sent is the 工号. */
  person?: { people: PickablePerson[]; labels: PersonPickerLabels; locale: 'zh' | 'en' };
  /**
   * 一表通: what the hall knows for this field (lib/prefill), with where it came from in words
   * ("来自 学籍信息"); locked fields are read-only (the server takes them from the record anyway).
   */
  prefilled?: { value: string; note: string; locked: boolean };
}

export type { FormDraft };

export interface ProcessFormLabels {
  submit: string;
  submitting: string;
  network: string;
  optional: string;
  /** 草稿: the status line and the delete button of a new application's draft. */
  draft?: DraftLabels;
}

/**
 * One form for every process of the seed: a new application (POST /api/v1/instances), or an
 * event that carries a form (resubmit after 退回修改, edit, confirm, mark paid), filled in
 * with what was sent before. Fields are declared by the registry; the server validates.
 */
export function ProcessForm({
  processId,
  fields,
  labels,
  initial = {},
  initialFiles = {},
  event,
  draft,
}: {
  processId: string;
  fields: FieldSpec[];
  labels: ProcessFormLabels;
  initial?: Record<string, unknown>;
  initialFiles?: Record<string, UploadedFile[]>;
  event?: { instanceId: string; type: string; expectedRevision: number; submitLabel: string };
  /** A new application's saved draft (null: none yet); undefined: the form keeps no draft. */
  draft?: FormDraft | null;
}) {
  const emptyValues = () =>
    Object.fromEntries(
      fields.filter((f) => f.kind !== 'files').map((f) => {
        const v = initial[f.name] ?? f.prefilled?.value;
        return [f.name, Array.isArray(v) ? v.join('、') : v === undefined || v === null ? '' : String(v)];
      }),
    );
  // A draft wins over what the hall knows, except for what the person may not change.
  const lockedValues = () => Object.fromEntries(fields.flatMap((f) => (f.prefilled?.locked ? [[f.name, f.prefilled.value]] : [])));
  const [values, setValues] = useState<Record<string, string>>(() => ({ ...emptyValues(), ...(draft?.values ?? {}), ...lockedValues() }));
  const [files, setFiles] = useState<Record<string, UploadedFile[]>>(() => ({ ...initialFiles, ...(draft?.files ?? {}) }));
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [message, setMessage] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const drafting = draft !== undefined && !event && labels.draft !== undefined;
  const drafts = useFormDraft({ processId, enabled: drafting, values, files, restored: draft, labels: labels.draft, network: labels.network });

  async function discardDraft() {
    const cleared = { values: emptyValues(), files: initialFiles };
    if (!(await drafts.discard(cleared))) return;
    setValues(cleared.values);
    setFiles(cleared.files);
  }

  function input(): Record<string, unknown> {
    const out: Record<string, unknown> = {};
    for (const f of fields) {
      if (f.kind === 'files') {
        out[f.name] = (files[f.name] ?? []).map((x) => x.id);
        continue;
      }
      const v = (values[f.name] ?? '').trim();
      if (v === '' && f.optional) continue;
      if (f.kind === 'number') out[f.name] = v === '' ? undefined : Number(v);
      else if (f.kind === 'list') out[f.name] = v.split(/[,，、;；\n]/).map((s) => s.trim()).filter(Boolean);
      else out[f.name] = v;
    }
    return out;
  }

  async function onSubmit(e: FormEvent) {
    e.preventDefault();
    setBusy(true);
    setMessage(null);
    // The start deletes the draft in its transaction: no auto-save may land after it.
    if (drafting) await drafts.stop();
    const result = event
      ? await sendJson<{ id: string }>('POST', `/api/v1/instances/${event.instanceId}/events`, { type: event.type, input: input(), expectedRevision: event.expectedRevision }, labels.network)
      : await sendJson<{ id: string }>('POST', '/api/v1/instances', { process: processId, input: input() }, labels.network);
    if (result.ok) {
      if (event) window.location.reload();
      else {
        markJustSubmitted(result.data.id);
        window.location.assign(`/applications/${result.data.id}`);
      }
      return;
    }
    setErrors(result.fields ?? {});
    setMessage(result.message);
    setBusy(false);
    drafts.resume();
  }

  const prefix = event ? `${event.type}-` : '';
  return (
    <form onSubmit={onSubmit} noValidate>
      {message ? (
        <div className="alert error" role="alert">
          {message}
        </div>
      ) : null}
      {fields.map((f) => {
        const id = `${prefix}${f.name}`;
        const error = errors[f.name];
        if (f.kind === 'files') {
          return (
            <FileUpload
              key={f.name}
              name={f.name}
              labels={f.upload!}
              files={files[f.name] ?? []}
              onChange={(list) => setFiles((all) => ({ ...all, [f.name]: list }))}
              error={error}
              max={f.max ?? 5}
            />
          );
        }
        if (f.kind === 'person') {
          return (
            <PersonPicker
              key={f.name}
              name={id}
              people={f.person?.people ?? []}
              chosen={values[f.name] || null}
              onChoose={(p) => setValues((all) => ({ ...all, [f.name]: p.username }))}
              labels={{ ...(f.person?.labels ?? { search: '', none: '' }), legend: f.label }}
              locale={f.person?.locale ?? 'zh'}
              hint={f.hint}
              error={error}
            />
          );
        }
        // The source note stays while the value is the one the hall filled in.
        const source = f.prefilled && (f.prefilled.locked || values[f.name] === f.prefilled.value) ? f.prefilled.note : null;
        const described = [f.hint ? `${id}-hint` : '', source ? `${id}-source` : '', error ? `${id}-error` : ''].filter(Boolean).join(' ') || undefined;
        const common = {
          id,
          name: f.name,
          value: values[f.name] ?? '',
          required: !f.optional,
          readOnly: f.prefilled?.locked || undefined,
          'aria-describedby': described,
          'aria-invalid': error ? true : undefined,
          onChange: (e: { target: { value: string } }) => setValues((all) => ({ ...all, [f.name]: e.target.value })),
        };
        return (
          <div className="field" key={f.name}>
            <label htmlFor={id}>
              {f.label}
              {f.optional ? <span className="muted">{labels.optional}</span> : null}
            </label>
            {f.hint ? (
              <span className="hint" id={`${id}-hint`}>
                {f.hint}
              </span>
            ) : null}
            {f.kind === 'textarea' ? (
              <textarea {...common} maxLength={f.max} />
            ) : f.kind === 'select' ? (
              <select {...common}>
                <option value="">—</option>
                {f.options!.map((o) => (
                  <option key={o.value} value={o.value}>
                    {o.label}
                  </option>
                ))}
              </select>
            ) : (
              <input
                {...common}
                type={f.kind === 'list' ? 'text' : f.kind}
                maxLength={f.kind === 'number' || f.kind === 'date' ? undefined : f.max}
                inputMode={f.kind === 'number' ? 'numeric' : undefined}
                max={f.kind === 'number' ? f.max : undefined}
                min={f.kind === 'number' ? 1 : undefined}
                autoComplete={f.kind === 'tel' ? 'tel' : undefined}
              />
            )}
            {source ? (
              <span className="prefill-source" id={`${id}-source`} data-testid={`source-${f.name}`}>
                {source}
              </span>
            ) : null}
            {error ? (
              <span className="error" id={`${id}-error`}>
                {error}
              </span>
            ) : null}
          </div>
        );
      })}
      <button className="btn block" type="submit" disabled={busy}>
        {busy ? labels.submitting : (event?.submitLabel ?? labels.submit)}
      </button>
      {drafting ? <DraftBar status={drafts.status} hasDraft={drafts.hasDraft} discardLabel={labels.draft!.discard} onDiscard={discardDraft} busy={busy} /> : null}
    </form>
  );
}

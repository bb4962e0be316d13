'use client';

import { useState, type FormEvent } from 'react';
import { sendJson, type UploadedFile } from '../_components/api-client';
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
}

export interface ProcessFormLabels {
  submit: string;
  submitting: string;
  network: string;
  optional: string;
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
}: {
  processId: string;
  fields: FieldSpec[];
  labels: ProcessFormLabels;
  initial?: Record<string, unknown>;
  initialFiles?: Record<string, UploadedFile[]>;
  event?: { instanceId: string; type: string; expectedRevision: number; submitLabel: string };
}) {
  const [values, setValues] = useState<Record<string, string>>(() =>
    Object.fromEntries(
      fields.filter((f) => f.kind !== 'files').map((f) => {
        const v = initial[f.name];
        return [f.name, Array.isArray(v) ? v.join('、') : v === undefined || v === null ? '' : String(v)];
      }),
    ),
  );
  const [files, setFiles] = useState<Record<string, UploadedFile[]>>(initialFiles);
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [message, setMessage] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

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
        const described = [f.hint ? `${id}-hint` : '', error ? `${id}-error` : ''].filter(Boolean).join(' ') || undefined;
        const common = {
          id,
          name: f.name,
          value: values[f.name] ?? '',
          required: !f.optional,
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
              />
            )}
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
    </form>
  );
}

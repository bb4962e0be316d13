'use client';

import { useEffect, useRef, useState, type FormEvent } from 'react';
import './drafts.css';
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
  /** 草稿: the status line and the delete button of a new application's draft. */
  draft?: { saving: string; saved: string; failed: string; restored: string; discard: string; discarded: string };
}

/** A saved draft to resume (lib/drafts): the text fields as typed and the files picked. */
export interface FormDraft {
  values: Record<string, string>;
  files: Record<string, UploadedFile[]>;
  updatedAt: string;
}

/** How long typing must pause before the draft is saved. */
const DRAFT_DEBOUNCE_MS = 1200;

const clock = (iso: string) => new Date(iso).toLocaleTimeString('zh-CN', { hour: '2-digit', minute: '2-digit', timeZone: 'Asia/Shanghai' });

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
        const v = initial[f.name];
        return [f.name, Array.isArray(v) ? v.join('、') : v === undefined || v === null ? '' : String(v)];
      }),
    );
  const [values, setValues] = useState<Record<string, string>>(() => ({ ...emptyValues(), ...(draft?.values ?? {}) }));
  const [files, setFiles] = useState<Record<string, UploadedFile[]>>(() => ({ ...initialFiles, ...(draft?.files ?? {}) }));
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [message, setMessage] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const drafting = draft !== undefined && !event && labels.draft !== undefined;
  const [draftStatus, setDraftStatus] = useState<string | null>(draft ? `${labels.draft?.restored ?? ''} ${clock(draft.updatedAt)}` : null);
  const [hasDraft, setHasDraft] = useState(Boolean(draft));
  // What was last saved (or restored): a render that changes nothing saves nothing.
  const saved = useRef(JSON.stringify({ values, files: fileIds(files) }));
  const pending = useRef<ReturnType<typeof setTimeout> | null>(null);
  const inFlight = useRef<Promise<unknown> | null>(null);
  const stopped = useRef(false);

  function fileIds(all: Record<string, UploadedFile[]>) {
    return Object.fromEntries(Object.entries(all).map(([k, list]) => [k, list.map((x) => x.id)]));
  }

  // Auto-save while typing: after a pause, the form as it is goes to the server (PUT replaces).
  useEffect(() => {
    if (!drafting || stopped.current) return;
    const body = { values, files: fileIds(files) };
    const json = JSON.stringify(body);
    if (json === saved.current) return;
    if (pending.current) clearTimeout(pending.current);
    pending.current = setTimeout(() => {
      pending.current = null;
      setDraftStatus(labels.draft!.saving);
      const request = sendJson<{ updatedAt: string }>('PUT', `/api/v1/drafts/${processId}`, body, labels.network).then((result) => {
        if (stopped.current) return;
        if (result.ok) {
          saved.current = json;
          setHasDraft(true);
          setDraftStatus(`${labels.draft!.saved} ${clock(result.data.updatedAt)}`);
        } else setDraftStatus(labels.draft!.failed);
      });
      inFlight.current = request;
    }, DRAFT_DEBOUNCE_MS);
    return () => {
      if (pending.current) clearTimeout(pending.current);
    };
  }, [values, files, drafting, processId, labels]);

  /** Stops auto-saving and waits for a save under way, so nothing is written after this. */
  async function stopDrafting() {
    stopped.current = true;
    if (pending.current) clearTimeout(pending.current);
    await inFlight.current;
  }

  async function discardDraft() {
    await stopDrafting();
    const result = await sendJson('DELETE', `/api/v1/drafts/${processId}`, undefined, labels.network);
    if (!result.ok) {
      setDraftStatus(result.message);
      stopped.current = false;
      return;
    }
    const cleared = { values: emptyValues(), files: initialFiles };
    saved.current = JSON.stringify({ values: cleared.values, files: fileIds(cleared.files) });
    setValues(cleared.values);
    setFiles(cleared.files);
    setHasDraft(false);
    setDraftStatus(labels.draft!.discarded);
    stopped.current = false;
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
    if (drafting) await stopDrafting();
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
    stopped.current = false;
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
      {drafting ? (
        <div className="draft-bar">
          <p className="muted draft-status" role="status" aria-live="polite" data-testid="draft-status">
            {draftStatus}
          </p>
          {hasDraft ? (
            <button className="btn secondary" type="button" onClick={discardDraft} disabled={busy}>
              {labels.draft!.discard}
            </button>
          ) : null}
        </div>
      ) : null}
    </form>
  );
}

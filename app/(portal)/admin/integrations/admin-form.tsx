'use client';

import { useRouter } from 'next/navigation';
import { useState, type FormEvent } from 'react';
import { sendJson } from '../../../_components/api-client';
import { ShownSecret } from '../../../_components/shown-secret';

export interface AdminField {
  name: string;
  label: string;
  kind: 'text' | 'url' | 'number' | 'select' | 'checkboxes';
  options?: Array<{ value: string; label: string }>;
  required?: boolean;
  defaultValue?: string;
}

/**
 * A small JSON form for the integration admin pages. A response carrying `secret` shows it
 * once (token, webhook signing secret).
 */
export function AdminForm({
  endpoint,
  fields,
  submit,
  secretLabel,
  network,
  idPrefix,
}: {
  endpoint: string;
  fields: AdminField[];
  submit: string;
  secretLabel: string;
  network: string;
  idPrefix: string;
}) {
  const router = useRouter();
  const [error, setError] = useState<string | null>(null);
  const [secret, setSecret] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  async function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const data = new FormData(event.currentTarget);
    const body: Record<string, unknown> = {};
    for (const f of fields) {
      if (f.kind === 'checkboxes') body[f.name] = data.getAll(f.name);
      else if (f.kind === 'number') body[f.name] = Number(data.get(f.name));
      else {
        const v = String(data.get(f.name) ?? '');
        if (v !== '') body[f.name] = v;
      }
    }
    setBusy(true);
    setError(null);
    const result = await sendJson<{ secret?: string }>('POST', endpoint, body, network);
    setBusy(false);
    if (!result.ok) return setError(result.message);
    setSecret(result.data.secret ?? null);
    router.refresh();
  }

  return (
    <form onSubmit={onSubmit}>
      {error ? (
        <div className="alert error" role="alert">
          {error}
        </div>
      ) : null}
      {secret ? <ShownSecret label={secretLabel} secret={secret} testId="shown-secret" /> : null}
      {fields.map((f) =>
        f.kind === 'checkboxes' ? (
          <fieldset key={f.name} className="field">
            <legend>{f.label}</legend>
            {f.options!.map((o) => (
              <label key={o.value} className="choice">
                <input type="checkbox" name={f.name} value={o.value} /> {o.label}
              </label>
            ))}
          </fieldset>
        ) : (
          <div key={f.name} className="field">
            <label htmlFor={`${idPrefix}-${f.name}`}>{f.label}</label>
            {f.kind === 'select' ? (
              <select id={`${idPrefix}-${f.name}`} name={f.name} required={f.required} defaultValue={f.defaultValue}>
                {f.required ? null : <option value="">—</option>}
                {f.options!.map((o) => (
                  <option key={o.value} value={o.value}>
                    {o.label}
                  </option>
                ))}
              </select>
            ) : (
              <input id={`${idPrefix}-${f.name}`} name={f.name} type={f.kind} required={f.required} defaultValue={f.defaultValue} />
            )}
          </div>
        ),
      )}
      <button className="btn" type="submit" disabled={busy}>
        {submit}
      </button>
    </form>
  );
}

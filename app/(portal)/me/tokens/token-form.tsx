'use client';

import { useRouter } from 'next/navigation';
import { useState, type FormEvent } from 'react';
import { sendJson } from '../../../_components/api-client';
import { CopyButton } from '../../../_components/copy-button';
import { ShownSecret } from '../../../_components/shown-secret';

interface Labels {
  name: string;
  scopes: string;
  expires: string;
  create: string;
  created: string;
  copy: string;
  copied: string;
  network: string;
}

/** Creates a token and shows its secret once; the list refreshes from the server. */
export function TokenForm({ scopes, labels }: { scopes: Array<{ value: string; label: string }>; labels: Labels }) {
  const router = useRouter();
  const [secret, setSecret] = useState<string | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  async function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    setBusy(true);
    setError(null);
    const result = await sendJson<{ secret: string }>(
      'POST',
      '/api/v1/tokens',
      { name: form.get('name'), scopes: form.getAll('scopes'), expiresInDays: Number(form.get('expiresInDays')) },
      labels.network,
    );
    setBusy(false);
    if (!result.ok) return setError(result.message);
    setSecret(result.data.secret);
    router.refresh();
  }

  return (
    <form onSubmit={onSubmit}>
      {error ? (
        <div className="alert error" role="alert">
          {error}
        </div>
      ) : null}
      {secret ? (
        <ShownSecret label={labels.created} secret={secret} testId="token-secret">
          <CopyButton value={secret} name={labels.name} label={labels.copy} doneLabel={labels.copied} />
        </ShownSecret>
      ) : null}
      <div className="field">
        <label htmlFor="token-name">{labels.name}</label>
        <input id="token-name" name="name" required maxLength={60} />
      </div>
      <fieldset className="field">
        <legend>{labels.scopes}</legend>
        {scopes.map((s) => (
          <label key={s.value} className="choice">
            <input type="checkbox" name="scopes" value={s.value} defaultChecked={s.value === 'api'} /> {s.label}
          </label>
        ))}
      </fieldset>
      <div className="field">
        <label htmlFor="token-expires">{labels.expires}</label>
        <input id="token-expires" name="expiresInDays" type="number" min={1} max={366} defaultValue={90} required />
      </div>
      <button className="btn" type="submit" disabled={busy}>
        {labels.create}
      </button>
    </form>
  );
}

'use client';

import { useActionState } from 'react';
import { savePreferencesAction, type PrefsState } from './actions';

interface Option {
  value: string;
  label: string;
  checked: boolean;
  disabled?: boolean;
}

export function PrefsForm({
  channels,
  kinds,
  digest,
  labels,
}: {
  channels: Option[];
  kinds: Option[];
  digest: boolean;
  labels: { channels: string; kinds: string; digest: string; save: string; saved: string };
}) {
  const [state, action, pending] = useActionState<PrefsState, FormData>(savePreferencesAction, {});
  return (
    <form action={action}>
      {state.saved ? (
        <div className="alert ok" role="status">
          {labels.saved}
        </div>
      ) : null}
      {state.error ? (
        <div className="alert error" role="alert">
          {state.error}
        </div>
      ) : null}
      <fieldset className="field">
        <legend>{labels.channels}</legend>
        {channels.map((c) => (
          <label className="choice" key={c.value}>
            <input type="checkbox" name="channel" value={c.value} defaultChecked={c.checked} disabled={c.disabled} />
            <span>{c.label}</span>
          </label>
        ))}
      </fieldset>
      <fieldset className="field">
        <legend>{labels.kinds}</legend>
        {kinds.map((k) => (
          <label className="choice" key={k.value}>
            <input type="hidden" name="offered-kind" value={k.value} />
            <input type="checkbox" name="kind" value={k.value} defaultChecked={k.checked} />
            <span>{k.label}</span>
          </label>
        ))}
      </fieldset>
      <label className="choice">
        <input type="checkbox" name="digest" defaultChecked={digest} />
        <span>{labels.digest}</span>
      </label>
      <button className="btn" type="submit" disabled={pending} style={{ marginTop: 12 }}>
        {labels.save}
      </button>
    </form>
  );
}

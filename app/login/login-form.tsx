'use client';

import { signIn } from 'next-auth/react';
import { useState, type FormEvent } from 'react';

interface Labels {
  username: string;
  password: string;
  submit: string;
  submitting: string;
  failed: string;
  throttled: string;
  network: string;
}

export function LoginForm({ callbackUrl, labels }: { callbackUrl: string; labels: Labels }) {
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  async function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    setBusy(true);
    setError(null);
    try {
      const result = await signIn('credentials', {
        username: String(form.get('username') ?? ''),
        password: String(form.get('password') ?? ''),
        redirect: false,
      });
      if (result?.ok && !result.error) {
        window.location.assign(callbackUrl);
        return;
      }
      setError(result?.error === 'throttled' ? labels.throttled : labels.failed);
    } catch {
      setError(labels.network);
    }
    setBusy(false);
  }

  return (
    <form onSubmit={onSubmit} noValidate>
      {error ? (
        <div className="alert error" role="alert">
          {error}
        </div>
      ) : null}
      <div className="field">
        <label htmlFor="username">{labels.username}</label>
        <input id="username" name="username" type="text" autoComplete="username" required autoCapitalize="none" />
      </div>
      <div className="field">
        <label htmlFor="password">{labels.password}</label>
        <input id="password" name="password" type="password" autoComplete="current-password" required />
      </div>
      <button className="btn block" type="submit" disabled={busy}>
        {busy ? labels.submitting : labels.submit}
      </button>
    </form>
  );
}

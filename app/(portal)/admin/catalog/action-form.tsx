'use client';

import { useActionState, type ReactNode } from 'react';
import type { FormState } from '../../../actions/catalog-admin';

/** A server-action form that shows the action's outcome (saved, or what is wrong) in place. */
export function ActionForm({
  action,
  children,
  submitLabel,
  danger,
  testId,
}: {
  action: (prev: FormState, form: FormData) => Promise<FormState>;
  children: ReactNode;
  submitLabel: string;
  danger?: boolean;
  testId?: string;
}) {
  const [state, formAction, pending] = useActionState(action, {});
  return (
    <form action={formAction} data-testid={testId}>
      {children}
      <div role="status" aria-live="polite">
        {state.ok ? <p className="alert ok">{state.ok}</p> : null}
      </div>
      {state.error ? (
        <div className="alert error" role="alert">
          <p style={{ margin: 0 }}>{state.error}</p>
          {state.problems?.length ? (
            <ul>
              {state.problems.map((p, i) => (
                <li key={i}>{p}</li>
              ))}
            </ul>
          ) : null}
        </div>
      ) : null}
      <button className={`btn${danger ? ' danger' : ''}`} type="submit" disabled={pending}>
        {submitLabel}
      </button>
    </form>
  );
}

import type { ReactNode } from 'react';

/**
 * A secret the server returns once (API token, webhook signing key): shown in full, wrapping,
 * announced to screen readers, with whatever helps to keep it (a copy button) below.
 */
export function ShownSecret({ label, secret, testId, children }: { label: string; secret: string; testId: string; children?: ReactNode }) {
  return (
    <div className="alert ok" role="status">
      {label ? <p>{label}</p> : null}
      <code data-testid={testId} style={{ display: 'block', overflowWrap: 'anywhere', marginBottom: 8 }}>
        {secret}
      </code>
      {children}
    </div>
  );
}

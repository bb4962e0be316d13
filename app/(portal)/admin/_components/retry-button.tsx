'use client';

import { useState } from 'react';
import { sendJson } from '@/app/_components/api-client';

export function RetryButton({ url, labels }: { url: string; labels: { retry: string; done: string; network: string } }) {
  const [state, setState] = useState<string | null>(null);
  return (
    <>
      <button type="button" className="btn secondary" onClick={async () => { const r = await sendJson('POST', url, {}, labels.network); setState(r.ok ? labels.done : r.message); }}>
        {labels.retry}
      </button>
      {state && <span role="status"> {state}</span>}
    </>
  );
}

'use client';

import { useRouter } from 'next/navigation';
import { useState } from 'react';
import { sendJson } from './api-client';

/** 删除草稿 from 我的申请: asks the API, then shows the list without it. */
export function DraftDeleteButton({ processId, label, network }: { processId: string; label: { text: string; full: string }; network: string }) {
  const router = useRouter();
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  async function discard() {
    setBusy(true);
    const result = await sendJson('DELETE', `/api/v1/drafts/${processId}`, undefined, network);
    setBusy(false);
    if (result.ok) router.refresh();
    else setError(result.message);
  }
  return (
    <>
      <button className="btn secondary" type="button" onClick={discard} disabled={busy} aria-label={label.full}>
        {label.text}
      </button>
      {error ? (
        <span className="error" role="alert">
          {error}
        </span>
      ) : null}
    </>
  );
}

'use client';

import { useRouter } from 'next/navigation';
import { useState } from 'react';

export function RevokeButton({ tokenId, label, name }: { tokenId: string; label: string; name: string }) {
  const router = useRouter();
  const [busy, setBusy] = useState(false);
  return (
    <button
      type="button"
      className="btn danger"
      disabled={busy}
      aria-label={`${label}：${name}`}
      onClick={async () => {
        setBusy(true);
        await fetch(`/api/v1/tokens/${tokenId}`, { method: 'DELETE' }).catch(() => null);
        setBusy(false);
        router.refresh();
      }}
    >
      {label}
    </button>
  );
}

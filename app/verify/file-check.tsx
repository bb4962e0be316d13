'use client';

import { useRouter } from 'next/navigation';
import { useId, useState } from 'react';

/**
 * Reads the case number and fingerprint an approval record PDF carries (its document
 * information, or the QR code's link) in the browser and opens their verification. The file
 * stays on the device. A file whose numbers were changed then fails like any wrong number.
 */
export function readRecordMarks(bytes: Uint8Array): { caseNo: string; hash: string } | null {
  const text = new TextDecoder('latin1').decode(bytes);
  const info = /\/ZijingRecord\s*\(([A-Z0-9-]{3,40}) ([0-9a-f]{64})\)/.exec(text);
  if (info) return { caseNo: info[1]!, hash: info[2]! };
  const link = /\/verify\/([A-Z0-9-]{3,40})\?h=([0-9a-f]{64})/.exec(text);
  return link ? { caseNo: link[1]!, hash: link[2]! } : null;
}

export function FileCheck({ labels }: { labels: { title: string; hint: string; choose: string; unreadable: string; checking: string } }) {
  const router = useRouter();
  const inputId = useId();
  const [state, setState] = useState<'idle' | 'reading' | 'unreadable'>('idle');
  return (
    <section className="card verify-file" aria-labelledby={`${inputId}-title`}>
      <h2 id={`${inputId}-title`}>{labels.title}</h2>
      <p className="muted">{labels.hint}</p>
      <label htmlFor={inputId}>{labels.choose}</label>
      <input
        id={inputId}
        type="file"
        accept="application/pdf,.pdf"
        onChange={async (event) => {
          const file = event.target.files?.[0];
          if (!file) return;
          setState('reading');
          const marks = readRecordMarks(new Uint8Array(await file.arrayBuffer()));
          if (!marks) {
            setState('unreadable');
            return;
          }
          setState('idle');
          router.push(`/verify/${encodeURIComponent(marks.caseNo)}?h=${marks.hash}`);
        }}
      />
      <p role="status" aria-live="polite" className={state === 'unreadable' ? 'alert error' : 'muted'}>
        {state === 'reading' ? labels.checking : state === 'unreadable' ? labels.unreadable : ''}
      </p>
    </section>
  );
}

'use client';

import { useState } from 'react';

/** Copies a value to the clipboard and says so (for screen readers too). */
export function CopyButton({ value, label, doneLabel, name }: { value: string; label: string; doneLabel: string; name: string }) {
  const [done, setDone] = useState(false);
  return (
    <button
      type="button"
      className="btn secondary"
      aria-label={`${label}：${name}`}
      onClick={() => {
        void navigator.clipboard?.writeText(value).then(() => {
          setDone(true);
          setTimeout(() => setDone(false), 2000);
        });
      }}
    >
      <span aria-live="polite">{done ? doneLabel : label}</span>
    </button>
  );
}

'use client';

import { useId, useState } from 'react';
import { challengeIn, POW_HEADER, solveChallenge } from '../../_components/proof-of-work';

export interface AttachmentLabels {
  add: string;
  hint: string;
  uploading: string;
  uploaded: string;
  remove: string;
  errorType: string;
  errorSize: string;
  errorCount: string;
  networkError: string;
}

/** An uploaded attachment and the claim secret that lets this letter (and only it) take it. */
export interface LetterAttachment {
  id: string;
  claim: string;
  filename: string;
  size: number;
}

export const MAX_ATTACHMENTS = 5;
const TYPES = ['image/jpeg', 'image/png', 'image/webp', 'image/heic', 'image/heif', 'application/pdf'];
const EXTENSIONS = /\.(jpe?g|png|webp|heic|heif|pdf)$/i;

/** What the browser can tell before sending (the server decides by the file's bytes). */
function looksAccepted(file: File): boolean {
  return file.type ? TYPES.includes(file.type.toLowerCase()) : EXTENSIONS.test(file.name);
}

function fill(text: string, values: Record<string, string | number>): string {
  return text.replace(/\{(\w+)\}/g, (_, k: string) => String(values[k] ?? `{${k}}`));
}

/**
 * POST /api/v1/mailbox/attachments with progress (fetch cannot report upload progress; XHR can).
 * A busy site may ask for a proof of work first (lib/pow.ts): solved, then sent once more.
 */
function send(file: File, onProgress: (percent: number) => void, networkError: string, proof?: string): Promise<LetterAttachment | string> {
  return new Promise((resolve) => {
    const xhr = new XMLHttpRequest();
    xhr.open('POST', '/api/v1/mailbox/attachments');
    if (proof) xhr.setRequestHeader(POW_HEADER, proof);
    xhr.upload.onprogress = (e) => {
      if (e.lengthComputable) onProgress(Math.round((e.loaded / e.total) * 100));
    };
    xhr.onerror = () => resolve(networkError);
    xhr.onload = () => {
      let json: (LetterAttachment & { error?: { message: string } }) | null = null;
      try {
        json = JSON.parse(xhr.responseText);
      } catch {
        // Not JSON (a proxy's error page): the generic message.
      }
      const challenge = proof ? null : challengeIn(xhr.status, json);
      if (challenge) void solveChallenge(challenge).then((solved) => resolve(send(file, onProgress, networkError, solved)));
      else if (xhr.status === 201 && json?.id && json.claim) resolve({ id: json.id, claim: json.claim, filename: json.filename, size: json.size });
      else resolve(json?.error?.message ?? networkError);
    };
    const body = new FormData();
    body.append('file', file);
    xhr.send(body);
  });
}

/** The letter's optional files: camera-friendly picker, progress, the chosen files with 移除. */
export function LetterAttachments({
  labels,
  maxBytes,
  files,
  onChange,
  onBusy,
}: {
  labels: AttachmentLabels;
  maxBytes: number;
  files: LetterAttachment[];
  onChange: (files: LetterAttachment[]) => void;
  onBusy: (busy: boolean) => void;
}) {
  const id = useId();
  const [progress, setProgress] = useState<{ name: string; percent: number } | null>(null);
  const [errors, setErrors] = useState<string[]>([]);
  const mb = Math.floor(maxBytes / 1024 / 1024);

  async function onPick(list: File[]) {
    const problems: string[] = [];
    let current = files;
    const room = MAX_ATTACHMENTS - current.length;
    if (list.length > room) problems.push(labels.errorCount);
    onBusy(true);
    for (const file of list.slice(0, Math.max(room, 0))) {
      if (!looksAccepted(file)) {
        problems.push(fill(labels.errorType, { name: file.name }));
        continue;
      }
      if (file.size > maxBytes) {
        problems.push(fill(labels.errorSize, { name: file.name, mb }));
        continue;
      }
      setProgress({ name: file.name, percent: 0 });
      const result = await send(file, (percent) => setProgress({ name: file.name, percent }), labels.networkError);
      if (typeof result === 'string') problems.push(`${file.name}：${result}`);
      else {
        current = [...current, result];
        onChange(current);
      }
    }
    setProgress(null);
    onBusy(false);
    setErrors(problems);
  }

  return (
    <div className="field" data-testid="letter-attachments">
      <label htmlFor={id}>{labels.add}</label>
      <span className="hint" id={`${id}-hint`}>
        {fill(labels.hint, { mb })}
      </span>
      {files.length > 0 ? (
        <ul className="mb-files">
          {files.map((f) => (
            <li className="file-row" key={f.id}>
              <span className="grow">
                {f.filename} <span className="muted">({Math.max(1, Math.ceil(f.size / 1024))} KB · {labels.uploaded})</span>
              </span>
              <button
                type="button"
                className="btn secondary"
                aria-label={`${labels.remove} ${f.filename}`}
                onClick={() => onChange(files.filter((x) => x.id !== f.id))}
              >
                {labels.remove}
              </button>
            </li>
          ))}
        </ul>
      ) : null}
      {progress ? (
        <div role="status" aria-live="polite" data-testid="attachment-progress">
          <span>{fill(labels.uploading, { name: progress.name, percent: progress.percent })}</span>
          <div className="progress" aria-hidden="true">
            <span style={{ width: `${progress.percent}%` }} />
          </div>
        </div>
      ) : null}
      {files.length < MAX_ATTACHMENTS ? (
        <input
          id={id}
          type="file"
          multiple
          accept="image/*,application/pdf"
          aria-describedby={`${id}-hint${errors.length ? ` ${id}-error` : ''}`}
          aria-invalid={errors.length ? true : undefined}
          disabled={progress !== null}
          onChange={(e) => {
            const picked = Array.from(e.currentTarget.files ?? []);
            e.currentTarget.value = '';
            if (picked.length) void onPick(picked);
          }}
          style={{ minHeight: 44, maxWidth: '100%' }}
        />
      ) : null}
      {errors.length ? (
        <span className="error" id={`${id}-error`} role="alert">
          {errors.join('；')}
        </span>
      ) : null}
    </div>
  );
}

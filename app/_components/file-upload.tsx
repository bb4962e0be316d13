'use client';

import { useId, useState } from 'react';
import { uploadFile, type UploadedFile } from './api-client';

export interface FileUploadLabels {
  label: string;
  hint: string;
  addFile: string;
  uploading: string;
  uploaded: string;
  remove: string;
  network: string;
}

/** Evidence upload with a progress bar; the server checks type (by content), size and ownership. */
export function FileUpload({
  name,
  labels,
  files,
  onChange,
  error,
  max = 5,
}: {
  name: string;
  labels: FileUploadLabels;
  files: UploadedFile[];
  onChange: (files: UploadedFile[]) => void;
  error?: string;
  max?: number;
}) {
  const id = useId();
  const [progress, setProgress] = useState<number | null>(null);
  const [uploadError, setUploadError] = useState<string | null>(null);

  async function onPick(list: FileList | null) {
    const picked = list?.[0];
    if (!picked) return;
    setUploadError(null);
    setProgress(0);
    const result = await uploadFile(picked, setProgress, labels.network);
    setProgress(null);
    if (result.ok) onChange([...files, result.data]);
    else setUploadError(result.message);
  }

  const shownError = uploadError ?? error;
  return (
    <div className="field">
      <label htmlFor={id}>{labels.label}</label>
      <span className="hint" id={`${id}-hint`}>
        {labels.hint}
      </span>
      {files.map((f) => (
        <div className="file-row" key={f.id}>
          <span className="grow">
            {f.filename} <span className="muted">({Math.ceil(f.size / 1024)} KB · {labels.uploaded})</span>
          </span>
          <button type="button" className="btn secondary" onClick={() => onChange(files.filter((x) => x.id !== f.id))}>
            {labels.remove}
          </button>
        </div>
      ))}
      {progress !== null ? (
        <div role="status" aria-live="polite">
          <span>{labels.uploading.replace('{percent}', String(progress))}</span>
          <div className="progress" aria-hidden="true">
            <span style={{ width: `${progress}%` }} />
          </div>
        </div>
      ) : null}
      {files.length < max ? (
        <input
          id={id}
          name={name}
          type="file"
          accept="application/pdf,image/jpeg,image/png,image/webp,image/heic,.heic"
          aria-describedby={`${id}-hint${shownError ? ` ${id}-error` : ''}`}
          aria-invalid={shownError ? true : undefined}
          disabled={progress !== null}
          onChange={(e) => {
            void onPick(e.currentTarget.files);
            e.currentTarget.value = '';
          }}
          style={{ minHeight: 44 }}
        />
      ) : null}
      {shownError ? (
        <span className="error" id={`${id}-error`} role="alert">
          {shownError}
        </span>
      ) : null}
    </div>
  );
}

import { challengeIn, POW_HEADER, solveChallenge } from './proof-of-work';

/** Browser-side calls to our JSON API, turning every failure into a message the user can read. */
export type ApiResult<T> = { ok: true; data: T } | { ok: false; status: number; message: string; fields?: Record<string, string> };

/** A busy site may ask an anonymous caller for a proof of work once (lib/pow.ts): solved here, then sent again. */
export async function sendJson<T>(method: 'POST' | 'PATCH' | 'PUT' | 'DELETE', url: string, body: unknown, networkMessage: string): Promise<ApiResult<T>> {
  let res: Response;
  let json: { error?: { message: string; fields?: Record<string, string> } } | null;
  const headers: Record<string, string> = { 'Content-Type': 'application/json' };
  try {
    res = await fetch(url, { method, headers, body: JSON.stringify(body) });
    json = await res.json().catch(() => null);
    const challenge = challengeIn(res.status, json);
    if (challenge) {
      headers[POW_HEADER] = await solveChallenge(challenge);
      res = await fetch(url, { method, headers, body: JSON.stringify(body) });
      json = await res.json().catch(() => null);
    }
  } catch {
    return { ok: false, status: 0, message: networkMessage };
  }
  if (res.ok) return { ok: true, data: json as T };
  return { ok: false, status: res.status, message: json?.error?.message ?? networkMessage, fields: json?.error?.fields };
}

export interface UploadedFile {
  id: string;
  filename: string;
  size: number;
  sha256: string;
  contentType: string;
}

/** Uploads one file with progress (fetch cannot report upload progress; XHR can). */
export function uploadFile(
  file: File,
  onProgress: (percent: number) => void,
  networkMessage: string,
): Promise<ApiResult<UploadedFile>> {
  return new Promise((resolve) => {
    const xhr = new XMLHttpRequest();
    xhr.open('POST', '/api/v1/uploads');
    xhr.upload.onprogress = (e) => {
      if (e.lengthComputable) onProgress(Math.round((e.loaded / e.total) * 100));
    };
    xhr.onerror = () => resolve({ ok: false, status: 0, message: networkMessage });
    xhr.onload = () => {
      let json: { error?: { message: string } } | null = null;
      try {
        json = JSON.parse(xhr.responseText);
      } catch {
        // Not JSON (a proxy's error page): fall through to the generic message.
      }
      if (xhr.status === 201 && json) resolve({ ok: true, data: json as unknown as UploadedFile });
      else resolve({ ok: false, status: xhr.status, message: json?.error?.message ?? networkMessage });
    };
    const body = new FormData();
    body.append('file', file);
    xhr.send(body);
  });
}

/** Browser-side calls to our JSON API, turning every failure into a message the user can read. */
export type ApiResult<T> = { ok: true; data: T } | { ok: false; status: number; message: string; fields?: Record<string, string> };

export async function sendJson<T>(method: 'POST' | 'PATCH', url: string, body: unknown, networkMessage: string): Promise<ApiResult<T>> {
  let res: Response;
  try {
    res = await fetch(url, { method, headers: { 'Content-Type': 'application/json' }, body: JSON.stringify(body) });
  } catch {
    return { ok: false, status: 0, message: networkMessage };
  }
  const json = (await res.json().catch(() => null)) as { error?: { message: string; fields?: Record<string, string> } } | null;
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

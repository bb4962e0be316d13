import { AppError } from '@/workflows/engine/errors';

/** Bodies of JSON API requests (process forms, events, settings): generous for text, far from a flood. */
export const JSON_BODY_MAX = 1024 * 1024;

const defaultTooLarge = (max: number) =>
  new AppError('PAYLOAD_TOO_LARGE', `body over ${max} bytes`, {
    zh: `请求内容过大（最多 ${Math.max(1, Math.round(max / 1024))} KB）`,
    en: `The request is too large (at most ${Math.max(1, Math.round(max / 1024))} KB)`,
  });

/**
 * A request body, read with a byte count that stops at `max`. A declared Content-Length over
 * the limit is refused before reading; a chunked body (no length) is counted while it streams
 * and abandoned at the limit, so nothing bigger is ever held in memory. Every body reader
 * (JSON, text, multipart) goes through here.
 */
export async function readBodyBytes(req: Request, max: number, tooLarge: () => Error = () => defaultTooLarge(max)): Promise<Uint8Array> {
  const declared = Number(req.headers.get('content-length') ?? '0');
  if (declared > max) throw tooLarge();
  if (!req.body) return new Uint8Array();
  const reader = req.body.getReader();
  const chunks: Uint8Array[] = [];
  let total = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    total += value.byteLength;
    if (total > max) {
      await reader.cancel().catch(() => {});
      throw tooLarge();
    }
    chunks.push(value);
  }
  const bytes = new Uint8Array(total);
  let at = 0;
  for (const c of chunks) {
    bytes.set(c, at);
    at += c.byteLength;
  }
  return bytes;
}

export async function readBodyText(req: Request, max: number, tooLarge?: () => Error): Promise<string> {
  return new TextDecoder().decode(await readBodyBytes(req, max, tooLarge));
}

/** Parses JSON read within the limit; malformed JSON is INVALID_INPUT. */
export async function readBodyJson(req: Request, max = JSON_BODY_MAX, tooLarge?: () => Error): Promise<unknown> {
  const text = await readBodyText(req, max, tooLarge);
  try {
    return JSON.parse(text) as unknown;
  } catch {
    throw new AppError('INVALID_INPUT', 'malformed JSON', { zh: '请求内容不是有效的 JSON', en: 'Malformed JSON' });
  }
}

/** A multipart or url-encoded form read within the limit; a malformed one is INVALID_INPUT. */
export async function readBodyForm(req: Request, max: number, tooLarge?: () => Error): Promise<FormData> {
  const bytes = await readBodyBytes(req, max, tooLarge);
  try {
    return await new Response(bytes as Uint8Array<ArrayBuffer>, { headers: { 'content-type': req.headers.get('content-type') ?? '' } }).formData();
  } catch {
    throw new AppError('INVALID_INPUT', 'malformed form body', { zh: '上传格式错误，请重新选择文件', en: 'Malformed upload' });
  }
}

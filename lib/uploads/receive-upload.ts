import type { NextRequest } from 'next/server';
import { AppError } from '@/workflows/engine/errors';
import { readBodyForm } from '../body-limit';
import { now } from '../clock';
import { getDb } from '../db';
import { env } from '../env';
import { getStorage } from '../storage';
import { saveUpload, type SavedUpload } from './save-upload';
import { assertUploadQuota } from './upload-quota';

const tooLarge = (max: number, what: string) =>
  new AppError('PAYLOAD_TOO_LARGE', what, {
    zh: `文件不能超过 ${Math.floor(max / 1024 / 1024)} MB`,
    en: `Files may be at most ${Math.floor(max / 1024 / 1024)} MB`,
  });

/** Refuses a request whose declared size is over the limit, before its body is read. */
export function assertDeclaredSize(req: NextRequest, max: number): void {
  const declared = Number(req.headers.get('content-length') ?? '0');
  if (declared > max + ENVELOPE) throw tooLarge(max, `declared ${declared}`);
}

/** The multipart envelope around a file: boundaries, headers, the file name. */
const ENVELOPE = 64 * 1024;

/**
 * Reads the multipart field `file` of an upload request. The body is counted while it streams
 * (a chunked body declares no length) and abandoned past the limit (lib/body-limit.ts).
 */
export async function readUploadFile(req: NextRequest, max: number): Promise<{ name: string; bytes: Uint8Array }> {
  assertDeclaredSize(req, max);
  const form = await readBodyForm(req, max + ENVELOPE, () => tooLarge(max, 'streamed body over the limit'));
  const file = form.get('file');
  if (!(file instanceof File)) {
    throw new AppError('INVALID_INPUT', 'no file field', { zh: '请选择要上传的文件', en: 'Choose a file to upload' });
  }
  // A chunked body declares no length: the file's own size is checked before its bytes are copied.
  if (file.size > max) throw tooLarge(max, `${file.size} > ${max}`);
  return { name: file.name, bytes: new Uint8Array(await file.arrayBuffer()) };
}

/** Reads the multipart field `file` of an upload request and stores it for its owner. */
export async function receiveUpload(req: NextRequest, ownerId: string): Promise<SavedUpload> {
  const max = env().uploadMaxBytes;
  const db = await getDb();
  const at = await now(db);
  await assertUploadQuota(db, ownerId, Math.min(Number(req.headers.get('content-length') ?? '0') || 0, max), at);
  const file = await readUploadFile(req, max);
  await assertUploadQuota(db, ownerId, file.bytes.length, at);
  return saveUpload(db, getStorage(), file, ownerId, max, { at });
}

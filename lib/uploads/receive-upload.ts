import type { NextRequest } from 'next/server';
import { AppError } from '@/workflows/engine/errors';
import { now } from '../clock';
import { getDb } from '../db';
import { env } from '../env';
import { getStorage } from '../storage';
import { saveUpload, type SavedUpload } from './save-upload';

const tooLarge = (max: number, what: string) =>
  new AppError('PAYLOAD_TOO_LARGE', what, {
    zh: `文件不能超过 ${Math.floor(max / 1024 / 1024)} MB`,
    en: `Files may be at most ${Math.floor(max / 1024 / 1024)} MB`,
  });

/** Refuses a request whose declared size is over the limit, before its body is read. */
export function assertDeclaredSize(req: NextRequest, max: number): void {
  const declared = Number(req.headers.get('content-length') ?? '0');
  if (declared > max + 64 * 1024) throw tooLarge(max, `declared ${declared}`);
}

/** Reads the multipart field `file` of an upload request (size checked first: see assertDeclaredSize). */
export async function readUploadFile(req: NextRequest, max: number): Promise<{ name: string; bytes: Uint8Array }> {
  assertDeclaredSize(req, max);
  let form: FormData;
  try {
    form = await req.formData();
  } catch {
    throw new AppError('INVALID_INPUT', 'not multipart', { zh: '上传格式错误，请重新选择文件', en: 'Malformed upload' });
  }
  const file = form.get('file');
  if (!(file instanceof File)) {
    throw new AppError('INVALID_INPUT', 'no file field', { zh: '请选择要上传的文件', en: 'Choose a file to upload' });
  }
  // A chunked body declares no length: the file's own size is checked before its bytes are copied.
  if (file.size > max) throw tooLarge(max, `${file.size} > ${max}`);
  return { name: file.name, bytes: new Uint8Array(await file.arrayBuffer()) };
}

/** Reads the multipart field `file` of an upload request and stores it for its owner. */
export async function receiveUpload(req: NextRequest, ownerId: string | null): Promise<SavedUpload> {
  const max = env().uploadMaxBytes;
  const file = await readUploadFile(req, max);
  const db = await getDb();
  return saveUpload(db, getStorage(), file, ownerId, max, { at: await now(db) });
}

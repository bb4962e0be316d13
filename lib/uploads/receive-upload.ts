import type { NextRequest } from 'next/server';
import { AppError } from '@/workflows/engine/errors';
import { getDb } from '../db';
import { env } from '../env';
import { getStorage } from '../storage';
import { saveUpload, type SavedUpload } from './save-upload';

/** Reads the multipart field `file` of an upload request and stores it for its owner. */
export async function receiveUpload(req: NextRequest, ownerId: string | null): Promise<SavedUpload> {
  const max = env().uploadMaxBytes;
  const declared = Number(req.headers.get('content-length') ?? '0');
  // Refuse before reading: the body of an oversize request never reaches memory.
  if (declared > max + 64 * 1024) {
    throw new AppError('PAYLOAD_TOO_LARGE', `declared ${declared}`, {
      zh: `文件不能超过 ${Math.floor(max / 1024 / 1024)} MB`,
      en: `Files may be at most ${Math.floor(max / 1024 / 1024)} MB`,
    });
  }
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
  return saveUpload(await getDb(), getStorage(), { name: file.name, bytes: new Uint8Array(await file.arrayBuffer()) }, ownerId, max);
}

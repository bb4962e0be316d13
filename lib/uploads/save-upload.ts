import { createHash, randomUUID } from 'node:crypto';
import type { Db } from '@/db/client';
import { uploads } from '@/db/schema';
import { AppError } from '@/workflows/engine/errors';
import type { Storage } from '../storage';
import { nameForType, sniffType } from './sniff-type';

export interface SavedUpload {
  id: string;
  filename: string;
  sha256: string;
  size: number;
  contentType: string;
}

/** Keeps a displayable name: no path, no control or bidi-override characters, bounded length. */
export function cleanFilename(name: string): string {
  const base = name.split(/[\\/]/).pop() ?? '';
  // eslint-disable-next-line no-control-regex -- control characters are what this strips
  const cleaned = base.replace(/[\u0000-\u001f\u007f\u202a-\u202e\u2066-\u2069]/g, '').trim().slice(0, 120);
  return cleaned || 'file';
}

/**
 * Validates and stores one uploaded file: size limit, type by magic bytes (the extension and
 * the browser's claimed type are ignored), a generated storage key, and its SHA-256.
 * The file belongs to its owner until an instance attaches it.
 */
export async function saveUpload(
  db: Db,
  storage: Storage,
  file: { name: string; bytes: Uint8Array },
  ownerId: string | null,
  maxBytes: number,
  opts: {
    /** For an owner-less upload: the hash of its claim secret and when the claim runs out. */
    claim?: { hash: string; expiresAt: Date };
    /** The app clock's now (the unattached-upload sweep compares with it); the database's otherwise. */
    at?: Date;
  } = {},
): Promise<SavedUpload> {
  const { claim, at } = opts;
  if (file.bytes.length === 0) {
    throw new AppError('INVALID_INPUT', 'empty file', { zh: '文件是空的', en: 'The file is empty' });
  }
  if (file.bytes.length > maxBytes) {
    const mb = Math.floor(maxBytes / 1024 / 1024);
    throw new AppError('PAYLOAD_TOO_LARGE', `${file.bytes.length} > ${maxBytes}`, {
      zh: `文件不能超过 ${mb} MB`,
      en: `Files may be at most ${mb} MB`,
    });
  }
  const contentType = sniffType(file.bytes);
  if (!contentType) {
    throw new AppError('UNSUPPORTED_MEDIA_TYPE', 'unrecognised content', {
      zh: '只接受 PDF、JPG、PNG、HEIC 或 WebP 文件（按文件内容识别）',
      en: 'Only PDF, JPG, PNG, HEIC or WebP files are accepted (checked by content)',
    });
  }
  const id = randomUUID();
  const sha256 = createHash('sha256').update(file.bytes).digest('hex');
  const storageKey = `${id.slice(0, 2)}/${id}`;
  const filename = nameForType(cleanFilename(file.name), contentType);
  await storage.put(storageKey, file.bytes, contentType);
  try {
    await db.insert(uploads).values({
      id,
      ownerId,
      filename,
      contentType,
      size: file.bytes.length,
      sha256,
      storageKey,
      claimHash: claim?.hash ?? null,
      claimExpiresAt: claim?.expiresAt ?? null,
      ...(at ? { createdAt: at } : {}),
    });
  } catch (error) {
    await storage.delete(storageKey);
    throw error;
  }
  return { id, filename, sha256, size: file.bytes.length, contentType };
}

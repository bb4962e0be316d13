import { and, eq, inArray, isNull, or } from 'drizzle-orm';
import type { Tx } from '@/db/client';
import { uploads } from '@/db/schema';
import { AppError } from './errors';

export interface AttachmentRef {
  id: string;
  filename: string;
  contentType: string;
  size: number;
  sha256: string;
}

/**
 * Checks that the uploads are the actor's own and unused elsewhere, and returns what the event
 * log records of them (the SHA-256 is the evidence trace). Link them with linkUploads once the
 * instance row exists.
 */
export async function findAttachableUploads(
  tx: Tx,
  ids: string[],
  ownerId: string | null,
  instanceId: string,
): Promise<AttachmentRef[]> {
  const unique = [...new Set(ids)];
  if (unique.length === 0) return [];
  const rows = await tx
    .select()
    .from(uploads)
    .where(
      and(
        inArray(uploads.id, unique),
        ownerId ? eq(uploads.ownerId, ownerId) : isNull(uploads.ownerId),
        or(isNull(uploads.instanceId), eq(uploads.instanceId, instanceId)),
      ),
    );
  if (rows.length !== unique.length) {
    throw new AppError('INVALID_INPUT', 'unknown or foreign upload id', {
      zh: '附件无效或已被使用，请重新上传',
      en: 'An attachment is invalid or already used; please upload it again',
    });
  }
  return rows.map((u) => ({ id: u.id, filename: u.filename, contentType: u.contentType, size: u.size, sha256: u.sha256 }));
}

export async function linkUploads(tx: Tx, attachments: AttachmentRef[], instanceId: string): Promise<void> {
  if (attachments.length === 0) return;
  await tx
    .update(uploads)
    .set({ instanceId })
    .where(inArray(uploads.id, attachments.map((a) => a.id)));
}

import { eq } from 'drizzle-orm';
import type { Db } from '@/db/client';
import { uploads } from '@/db/schema';
import type { Actor } from '@/workflows/engine/actor';
import { AppError } from '@/workflows/engine/errors';
import { authorize, isUuid, loadInstanceFacts } from '../policy';
import type { Storage } from '../storage';

/**
 * A file for a permitted viewer: its owner, or anyone who may see the instance it is attached to
 * (for a 校长信箱 letter also every member of the office and the departments it was assigned to,
 * after their tasks are done). An owner-less upload not yet attached is nobody's to read here.
 */
export async function readUpload(db: Db, storage: Storage, viewer: Actor, id: string) {
  const notFound = new AppError('NOT_FOUND', `upload ${id}`);
  if (!isUuid(id)) throw notFound;
  const [row] = await db.select().from(uploads).where(eq(uploads.id, id));
  if (!row) throw notFound;
  const instance = row.instanceId !== null ? await loadInstanceFacts(db, viewer, row.instanceId) : null;
  authorize(viewer, 'upload.read', { kind: 'upload', ownerId: row.ownerId, instance });
  return { row, bytes: await storage.get(row.storageKey) };
}

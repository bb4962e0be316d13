import { eq } from 'drizzle-orm';
import type { Db } from '@/db/client';
import { uploads } from '@/db/schema';
import type { Actor } from '@/workflows/engine/actor';
import { AppError } from '@/workflows/engine/errors';
import { canViewInstance, isUuid } from '../authz';
import { isOnDesk } from '../mailbox/office';
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
  const allowed =
    (row.ownerId !== null && row.ownerId === viewer.id) ||
    (row.instanceId !== null && ((await canViewInstance(db, viewer, row.instanceId)) || (await isOnDesk(db, viewer, row.instanceId))));
  if (!allowed) throw notFound;
  return { row, bytes: await storage.get(row.storageKey) };
}

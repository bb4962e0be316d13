import { and, eq, inArray, isNotNull, isNull, lt, notExists, or, sql } from 'drizzle-orm';
import type { Db } from '@/db/client';
import { formDrafts, notices, uploads } from '@/db/schema';
import type { Storage } from '../storage';

/** How long an account's upload waits to be attached to an application before it is removed. */
export const ABANDONED_UPLOAD_MS = 24 * 3_600_000;

/**
 * Deletes uploads nobody attached, row and stored file: files picked for a form that was never
 * sent (an account's upload after a day, unless a draft keeps it), and 校长信箱 attachments whose claim ran out (an
 * hour, lib/mailbox/attachments.ts). Uploads of an instance and attachments of a notice stay.
 * Run by the timer runner, `limit` at a time. The rows go first (DELETE … RETURNING): of
 * several app servers, one removes each file; an upload attached while the sweep runs is kept
 * (the delete re-checks that it is still unattached).
 */
export async function purgeUnattachedUploads(db: Db, storage: Storage, now: Date, limit = 100): Promise<number> {
  const abandonedBefore = new Date(now.getTime() - ABANDONED_UPLOAD_MS);
  const stale = db
    .select({ id: uploads.id })
    .from(uploads)
    .where(
      and(
        isNull(uploads.instanceId),
        or(and(isNull(uploads.ownerId), lt(uploads.claimExpiresAt, now)), and(isNotNull(uploads.ownerId), lt(uploads.createdAt, abandonedBefore))),
        notExists(db.select({ one: sql`1` }).from(notices).where(eq(notices.attachmentId, uploads.id))),
        // Files picked for a draft stay with it, however long it waits (lib/drafts).
        notExists(db.select({ one: sql`1` }).from(formDrafts).where(sql`${formDrafts.uploadIds} @> jsonb_build_array(${uploads.id}::text)`)),
      ),
    )
    .limit(limit);
  const gone = await db
    .delete(uploads)
    .where(and(inArray(uploads.id, stale), isNull(uploads.instanceId)))
    .returning({ storageKey: uploads.storageKey });
  for (const g of gone) {
    await storage.delete(g.storageKey).catch((error: unknown) => console.error('[uploads] could not delete an unattached file', error));
  }
  return gone.length;
}

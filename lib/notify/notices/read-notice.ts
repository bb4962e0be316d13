import { and, desc, eq, inArray, isNull, sql } from 'drizzle-orm';
import type { Db } from '@/db/client';
import { messages, noticeRecipients, notices, NOTIFY_CHANNELS, outbox, uploads, users } from '@/db/schema';
import type { Actor } from '@/workflows/engine/actor';
import { AppError } from '@/workflows/engine/errors';
import { authorize, isAdmin, isUuid } from '../../policy';

type NoticeRow = typeof notices.$inferSelect;

/** A notice for its author, an administrator, or one of its recipients; anyone else learns nothing. */
export async function getNotice(db: Db, viewer: Actor, id: string) {
  const missing = new AppError('NOT_FOUND', `notice ${id}`);
  if (!isUuid(id)) throw missing;
  const [notice] = await db.select().from(notices).where(eq(notices.id, id));
  if (!notice) throw missing;
  const [mine] = await db
    .select()
    .from(noticeRecipients)
    .where(and(eq(noticeRecipients.noticeId, id), eq(noticeRecipients.userId, viewer.id)));
  authorize(viewer, 'notice.read', { kind: 'notice', authorId: notice.authorId, viewerIsRecipient: Boolean(mine) });
  // The author's view (delivery figures) for its author and administrators; recipients read it.
  const isAuthor = notice.authorId === viewer.id || isAdmin(viewer);
  const [file] = notice.attachmentId
    ? await db.select({ id: uploads.id, filename: uploads.filename }).from(uploads).where(eq(uploads.id, notice.attachmentId))
    : [];
  return { notice, recipient: mine ?? null, isAuthor, attachment: file ?? null };
}

/** Opening a notice reads its message; acknowledging is a separate, explicit step. */
export async function markNoticeRead(db: Db, viewer: Actor, recipient: { messageId: string }, now: Date) {
  await db
    .update(messages)
    .set({ readAt: now })
    .where(and(eq(messages.id, recipient.messageId), eq(messages.userId, viewer.id), isNull(messages.readAt)));
}

export async function acknowledgeNotice(db: Db, viewer: Actor, id: string, now: Date): Promise<void> {
  const { notice, recipient } = await getNotice(db, viewer, id);
  if (!recipient || !notice.requiresAck) throw new AppError('NOT_FOUND', `no acknowledgement for ${viewer.id}`);
  await markNoticeRead(db, viewer, recipient, now);
  await db
    .update(noticeRecipients)
    .set({ acknowledgedAt: now })
    .where(and(eq(noticeRecipients.noticeId, id), eq(noticeRecipients.userId, viewer.id), isNull(noticeRecipients.acknowledgedAt)));
}

/** Per person: delivered on which channels, read, acknowledged (for the author). */
export async function noticeRecipientsStatus(db: Db, notice: NoticeRow, limit = 500) {
  const rows = await db
    .select({
      userId: users.id,
      name: users.name,
      username: users.username,
      readAt: messages.readAt,
      acknowledgedAt: noticeRecipients.acknowledgedAt,
      delivered: sql<string[]>`coalesce(array_agg(${outbox.kind}) filter (where ${outbox.status} = 'sent'), '{}')`,
    })
    .from(noticeRecipients)
    .innerJoin(users, eq(users.id, noticeRecipients.userId))
    .innerJoin(messages, eq(messages.id, noticeRecipients.messageId))
    .leftJoin(outbox, and(eq(outbox.messageId, noticeRecipients.messageId), inArray(outbox.kind, [...NOTIFY_CHANNELS])))
    .where(eq(noticeRecipients.noticeId, notice.id))
    .groupBy(users.id, users.name, users.username, messages.readAt, noticeRecipients.acknowledgedAt)
    .orderBy(users.username)
    .limit(limit);
  const [totals] = await db
    .select({
      read: sql<number>`count(${messages.readAt})::int`,
      acknowledged: sql<number>`count(${noticeRecipients.acknowledgedAt})::int`,
    })
    .from(noticeRecipients)
    .innerJoin(messages, eq(messages.id, noticeRecipients.messageId))
    .where(eq(noticeRecipients.noticeId, notice.id));
  const [delivered] = await db
    .select({ n: sql<number>`count(distinct ${outbox.userId})::int` })
    .from(outbox)
    .innerJoin(noticeRecipients, and(eq(noticeRecipients.messageId, outbox.messageId), eq(noticeRecipients.noticeId, notice.id)))
    .where(and(eq(outbox.status, 'sent'), inArray(outbox.kind, [...NOTIFY_CHANNELS])));
  return { rows, read: totals?.read ?? 0, acknowledged: totals?.acknowledged ?? 0, delivered: delivered?.n ?? 0 };
}

export async function listMyNotices(db: Db, author: Actor) {
  return db.select().from(notices).where(eq(notices.authorId, author.id)).orderBy(desc(notices.createdAt)).limit(100);
}

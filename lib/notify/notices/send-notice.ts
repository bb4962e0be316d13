import { randomUUID } from 'node:crypto';
import { eq } from 'drizzle-orm';
import { z } from 'zod';
import type { Db } from '@/db/client';
import { messages, noticeRecipients, notices, uploads, type NotifyChannel } from '@/db/schema';
import type { Actor } from '@/workflows/engine/actor';
import { AppError } from '@/workflows/engine/errors';
import { assertCanSendNotices } from '../../authz-notify';
import { planMessages } from '../plan-deliveries';
import { MAX_RECIPIENTS, resolveRecipients, targetInput } from './resolve-recipients';

export const noticeInput = z.object({
  title: z.string().trim().min(1).max(120),
  body: z.string().trim().min(1).max(5_000),
  attachmentId: z.uuid().optional(),
  requiresAck: z.boolean().default(false),
  urgent: z.boolean().default(false),
  target: targetInput,
});
export type NoticeInput = z.infer<typeof noticeInput>;

export interface SendContext {
  channels: NotifyChannel[];
  quietHours: { start: number; end: number } | null;
  now: Date;
}

const CHUNK = 1_000;

/** How many people a target reaches, and which listed ids name nobody, before sending. */
export async function previewNotice(db: Db, actor: Actor, target: NoticeInput['target']) {
  assertCanSendNotices(actor);
  const { userIds, unknown } = await resolveRecipients(db, target);
  return { count: userIds.length, unknown };
}

/**
 * Sends a notice: the notice, one message-center row per recipient and their delivery rows,
 * in one transaction (all or nothing); the queue delivers afterwards. Unknown ids in an
 * uploaded list are reported and left out, the rest are sent.
 */
export async function sendNotice(db: Db, actor: Actor, input: NoticeInput, ctx: SendContext) {
  assertCanSendNotices(actor);
  if (input.attachmentId) {
    const [file] = await db.select({ ownerId: uploads.ownerId }).from(uploads).where(eq(uploads.id, input.attachmentId));
    if (!file || file.ownerId !== actor.id) throw new AppError('NOT_FOUND', `upload ${input.attachmentId}`);
  }
  const { userIds, unknown } = await resolveRecipients(db, input.target);
  if (userIds.length === 0) {
    throw new AppError('INVALID_INPUT', 'no recipients', { zh: '没有符合条件的接收人', en: 'Nobody matches these recipients' });
  }
  if (userIds.length > MAX_RECIPIENTS) throw new AppError('PAYLOAD_TOO_LARGE', 'too many recipients');
  const noticeId = randomUUID();
  const params = {
    titleZh: input.title,
    titleEn: input.title,
    bodyPreview: input.body.slice(0, 200),
    noticeId,
    urgent: String(input.urgent),
  };
  await db.transaction(async (tx) => {
    await tx.insert(notices).values({
      id: noticeId,
      authorId: actor.id,
      title: input.title,
      body: input.body,
      attachmentId: input.attachmentId ?? null,
      requiresAck: input.requiresAck,
      urgent: input.urgent,
      recipientCount: userIds.length,
      createdAt: ctx.now,
    });
    for (let i = 0; i < userIds.length; i += CHUNK) {
      const rows = userIds.slice(i, i + CHUNK).map((userId) => ({
        id: randomUUID(),
        userId,
        kind: 'notice',
        params,
        link: `/notices/${noticeId}`,
        createdAt: ctx.now,
      }));
      await tx.insert(messages).values(rows);
      await tx.insert(noticeRecipients).values(rows.map((r) => ({ noticeId, userId: r.userId, messageId: r.id })));
      await planMessages(tx, rows, ctx);
    }
  });
  return { noticeId, count: userIds.length, unknown };
}

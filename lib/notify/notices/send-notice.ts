import { randomUUID } from 'node:crypto';
import { eq, sql } from 'drizzle-orm';
import { z } from 'zod';
import type { Db } from '@/db/client';
import { messages, noticeRecipients, notices, uploads, type NotifyChannel } from '@/db/schema';
import type { Actor } from '@/workflows/engine/actor';
import { AppError } from '@/workflows/engine/errors';
import { authorize, noticeListReach } from '../../policy';
import { queryRows } from '../../admin/rows';
import { planDeliveriesSql } from '../plan-deliveries';
import { countRecipients, MAX_RECIPIENTS, recipientsSql, targetInput, unknownUsernames } from './resolve-recipients';

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

/** Whether this sender may send this draft (and mark it urgent); the org units it may reach. */
function authorizeDraft(actor: Actor, draft: Pick<NoticeInput, 'target' | 'urgent'>) {
  authorize(actor, 'notice.compose');
  authorize(actor, 'notice.send', { kind: 'notice-draft', target: draft.target, urgent: draft.urgent });
  return noticeListReach(actor, draft.urgent);
}

/** How many people a draft reaches, and which listed ids reach nobody, before sending. */
export async function previewNotice(db: Db, actor: Actor, draft: Pick<NoticeInput, 'target' | 'urgent'>) {
  const reach = authorizeDraft(actor, draft);
  const [count, unknown] = [await countRecipients(db, draft.target, reach), await unknownUsernames(db, draft.target, reach)];
  return { count, unknown };
}

const noRecipients = () =>
  new AppError('INVALID_INPUT', 'no recipients', { zh: '没有符合条件的接收人', en: 'Nobody matches these recipients' });

/**
 * Sends a notice: the notice, one message-center row per recipient, their recipient rows and
 * delivery rows, in one transaction (all or nothing); the queue delivers afterwards. Set-based:
 * the recipients are resolved, and messages, recipient and delivery rows written, by one
 * INSERT … SELECT statement, so 10,000 recipients cost a handful of round trips, not thousands.
 * Unknown ids in an uploaded list are reported and left out, the rest are sent.
 */
export async function sendNotice(db: Db, actor: Actor, input: NoticeInput, ctx: SendContext) {
  const reach = authorizeDraft(actor, input);
  if (input.attachmentId) {
    const [file] = await db.select({ ownerId: uploads.ownerId }).from(uploads).where(eq(uploads.id, input.attachmentId));
    if (!file || file.ownerId !== actor.id) throw new AppError('NOT_FOUND', `upload ${input.attachmentId}`);
  }
  const noticeId = randomUUID();
  const params = {
    titleZh: input.title,
    titleEn: input.title,
    bodyPreview: input.body.slice(0, 200),
    noticeId,
    urgent: String(input.urgent),
  };
  const kind = 'notice';
  const deliveries = planDeliveriesSql(sql`m`, { kind, params }, ctx);
  const count = await db.transaction(async (tx) => {
    await tx.insert(notices).values({
      id: noticeId,
      authorId: actor.id,
      title: input.title,
      body: input.body,
      attachmentId: input.attachmentId ?? null,
      requiresAck: input.requiresAck,
      urgent: input.urgent,
      recipientCount: 0, // set below, once the statement has counted them
      createdAt: ctx.now,
    });
    const at = ctx.now.toISOString();
    const [row] = await queryRows<{ n: number }>(
      tx,
      sql`with r as (${recipientsSql(input.target, reach)}),
      m as (
        insert into ${messages} (id, user_id, kind, params, link, created_at)
        select gen_random_uuid(), r.user_id, ${kind}, ${JSON.stringify(params)}::jsonb, ${`/notices/${noticeId}`}, ${at}::timestamptz
        from r
        returning id, user_id
      ),
      nr as (
        insert into ${noticeRecipients} (notice_id, user_id, message_id)
        select ${noticeId}::uuid, m.user_id, m.id from m
      )
      ${deliveries ? sql`, d as (${deliveries})` : sql``}
      select count(*)::int as n from m`,
    );
    const n = row?.n ?? 0;
    // Throwing rolls everything back: nothing of an empty or oversized notice stays.
    if (n === 0) throw noRecipients();
    if (n > MAX_RECIPIENTS) throw new AppError('PAYLOAD_TOO_LARGE', 'too many recipients');
    await tx.update(notices).set({ recipientCount: n }).where(eq(notices.id, noticeId));
    return n;
  });
  const unknown = await unknownUsernames(db, input.target, reach);
  return { noticeId, count, unknown };
}

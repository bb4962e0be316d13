import { and, desc, eq, sql } from 'drizzle-orm';
import type { Db, Queryable } from '@/db/client';
import { messages, outbox, processInstances, users, webhooks } from '@/db/schema';
import { addressedSummary } from './handlers/channel';

/** Every kind in the operator's words (zh / en); the page never shows a code id. */
export const KIND_LABELS: Record<string, { zh: string; en: string }> = {
  message: { zh: '消息推送分发', en: 'Message fan-out' },
  email: { zh: '邮件', en: 'E-mail' },
  wecom: { zh: '企业微信', en: 'WeChat Work' },
  webpush: { zh: 'Web Push 推送', en: 'Web Push' },
  webhook: { zh: '对外 Webhook', en: 'Outgoing webhook' },
  'instance-event': { zh: '办件事件分发', en: 'Instance event fan-out' },
  job: { zh: '外部系统工单', en: 'Job for an external system' },
};

export interface FailedDelivery {
  id: string;
  kind: string;
  /** Who or what it was for: a person's name, a masked address, a webhook URL, a case. */
  target: string;
  /** A person's campus id (学工号), apart: it is an id by nature, shown as such (never translated). */
  campusId: string | null;
  /** Why the last attempt failed, as the handler put it (guard refusals name no address). */
  error: string;
  attempts: number;
  createdAt: Date;
  lastTriedAt: Date;
}

/** The failed deliveries an operator sees on 运维, newest first. */
export async function listFailedDeliveries(db: Db, limit: number): Promise<FailedDelivery[]> {
  const rows = await db
    .select({
      o: outbox,
      userName: users.name,
      username: users.username,
      messageKind: messages.kind,
      webhookUrl: webhooks.url,
      instanceTitle: processInstances.title,
    })
    .from(outbox)
    .leftJoin(users, eq(users.id, outbox.userId))
    .leftJoin(messages, eq(messages.id, outbox.messageId))
    .leftJoin(webhooks, sql`${outbox.kind} = 'webhook' and ${webhooks.id}::text = ${outbox.payload}->>'webhookId'`)
    .leftJoin(processInstances, eq(processInstances.id, outbox.instanceId))
    .where(eq(outbox.status, 'failed'))
    .orderBy(desc(outbox.createdAt))
    .limit(limit);
  return rows.map(({ o, userName, username, webhookUrl, instanceTitle }) => {
    const addressed = addressedSummary(o.payload);
    const title = instanceTitle ? instanceTitle.zh : '';
    const target = userName
      ? userName
      : addressed
        ? addressed.to
        : webhookUrl
          ? webhookUrl
          : title;
    return {
      id: o.id,
      kind: o.kind,
      target,
      campusId: userName ? username : null,
      error: o.lastError ?? '',
      attempts: o.attempts,
      createdAt: o.createdAt,
      lastTriedAt: o.notBefore,
    };
  });
}

/**
 * Puts one failed delivery back in the queue with a fresh attempt budget, due now. Idempotent:
 * only a row still marked failed changes, so a second click never resets a delivery in flight.
 * Returns whether it was put back (false for an id that is not, or no longer, failed).
 */
export async function retryFailedDelivery(db: Queryable, id: string, now: Date): Promise<boolean> {
  const rows = await db
    .update(outbox)
    .set({ status: 'pending', attempts: 0, notBefore: now, lockedUntil: null })
    .where(and(eq(outbox.id, id), eq(outbox.status, 'failed')))
    .returning({ id: outbox.id });
  return rows.length === 1;
}

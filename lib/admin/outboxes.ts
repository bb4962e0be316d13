import { and, desc, eq } from 'drizzle-orm';
import { integrationOutbox, messages, notifyDeliveries, users, webhookDeliveries, webhooks } from '@/db/schema';
import { isUuid } from '@/lib/authz';
import { retryDeliveries } from '@/lib/notify/admin-deliveries';
import type { RetryableOutbox } from './outbox-hooks';

/**
 * The three outboxes whose failures an operator retries from 运维 (operations): notification
 * deliveries (WeChat Work, e-mail, Web Push), the admins' outgoing webhooks, and jobs handed to
 * external systems (the dorm-repair maintenance system). Each retry gives a fresh attempt budget
 * and is idempotent: only a row still marked failed is put back.
 */
const notify: RetryableOutbox = {
  channel: 'notify',
  label: { zh: '消息推送（企业微信 / 邮件 / Web Push）', en: 'Notifications (WeChat Work / e-mail / Web Push)' },
  async listFailed(db, limit) {
    const rows = await db
      .select({ d: notifyDeliveries, kind: messages.kind, userName: users.name })
      .from(notifyDeliveries)
      .innerJoin(messages, eq(messages.id, notifyDeliveries.messageId))
      .innerJoin(users, eq(users.id, notifyDeliveries.userId))
      .where(eq(notifyDeliveries.status, 'failed'))
      .orderBy(desc(notifyDeliveries.createdAt))
      .limit(limit);
    return rows.map(({ d, kind, userName }) => ({
      id: d.id,
      summary: `${d.channel} → ${userName} (${kind})`,
      error: d.lastError ?? '',
      failedAt: d.nextAttemptAt,
      attempts: d.attempts,
    }));
  },
  async retry(db, id) {
    if (isUuid(id)) await retryDeliveries(db, new Date(), [id]);
  },
};

const webhook: RetryableOutbox = {
  channel: 'webhook',
  label: { zh: '对外 Webhook', en: 'Outgoing webhooks' },
  async listFailed(db, limit) {
    const rows = await db
      .select({ d: webhookDeliveries, url: webhooks.url })
      .from(webhookDeliveries)
      .innerJoin(webhooks, eq(webhooks.id, webhookDeliveries.webhookId))
      .where(eq(webhookDeliveries.status, 'failed'))
      .orderBy(desc(webhookDeliveries.createdAt))
      .limit(limit);
    return rows.map(({ d, url }) => ({
      id: d.id,
      summary: `${d.event} → ${url}`,
      error: d.lastError ?? (d.lastStatus ? `HTTP ${d.lastStatus}` : ''),
      failedAt: d.nextAttemptAt,
      attempts: d.attempts,
    }));
  },
  async retry(db, id) {
    if (!isUuid(id)) return;
    await db
      .update(webhookDeliveries)
      .set({ status: 'pending', attempts: 0, nextAttemptAt: new Date() })
      .where(and(eq(webhookDeliveries.id, id), eq(webhookDeliveries.status, 'failed')));
  },
};

const jobs: RetryableOutbox = {
  channel: 'jobs',
  label: { zh: '外部系统工单（宿舍报修维修系统）', en: 'Jobs for external systems (dorm repair maintenance)' },
  async listFailed(db, limit) {
    const rows = await db
      .select()
      .from(integrationOutbox)
      .where(eq(integrationOutbox.status, 'failed'))
      .orderBy(desc(integrationOutbox.createdAt))
      .limit(limit);
    return rows.map((r) => ({ id: r.id, summary: `${r.hook} · ${r.instanceId}`, error: r.lastError ?? '', failedAt: r.nextAttemptAt, attempts: r.attempts }));
  },
  async retry(db, id) {
    if (!isUuid(id)) return;
    await db
      .update(integrationOutbox)
      .set({ status: 'pending', attempts: 0, nextAttemptAt: new Date() })
      .where(and(eq(integrationOutbox.id, id), eq(integrationOutbox.status, 'failed')));
  },
};

export const OUTBOXES: RetryableOutbox[] = [notify, webhook, jobs];


import { boolean, index, integer, jsonb, pgTable, text, timestamp, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import { messages } from './messages';
import { processInstances, tasks } from './instances';
import { users } from './org';
import { uploads } from './uploads';

export const NOTIFY_CHANNELS = ['wecom', 'email', 'webpush'] as const;
export type NotifyChannel = (typeof NOTIFY_CHANNELS)[number];

/** A channel delivery's status: the outbox's (db/schema/outbox.ts), where channel deliveries live. */
export { OUTBOX_STATUSES as DELIVERY_STATUSES, type OutboxStatus as DeliveryStatus } from './outbox';

/** A user's channel choices and per-kind opt-outs; no row = every configured channel, nothing muted. */
export const notifyPreferences = pgTable('notify_preferences', {
  userId: uuid('user_id')
    .primaryKey()
    .references(() => users.id, { onDelete: 'cascade' }),
  channels: jsonb('channels').$type<NotifyChannel[]>().notNull(),
  mutedKinds: jsonb('muted_kinds').$type<string[]>().notNull(),
  digest: boolean('digest').notNull().default(true),
  updatedAt: timestamp('updated_at', { withTimezone: true }).notNull(),
});

export const pushSubscriptions = pgTable(
  'push_subscriptions',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    userId: uuid('user_id')
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    endpoint: text('endpoint').notNull(),
    p256dh: text('p256dh').notNull(),
    auth: text('auth').notNull(),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull(),
  },
  (t) => [uniqueIndex('push_subscriptions_endpoint_uq').on(t.endpoint), index('push_subscriptions_user_idx').on(t.userId)],
);

/** Single-use action links: the signed token names this row; using it stamps usedAt. */
export const actionTokens = pgTable(
  'action_tokens',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    userId: uuid('user_id')
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    instanceId: uuid('instance_id')
      .notNull()
      .references(() => processInstances.id),
    taskId: uuid('task_id')
      .notNull()
      .references(() => tasks.id),
    action: text('action').notNull(),
    expiresAt: timestamp('expires_at', { withTimezone: true }).notNull(),
    usedAt: timestamp('used_at', { withTimezone: true }),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull(),
  },
  (t) => [index('action_tokens_task_idx').on(t.taskId)],
);

/** A business notice (e.g. 周转房缴费通知) sent in bulk by an authorised handler. */
export const notices = pgTable('notices', {
  id: uuid('id').primaryKey().defaultRandom(),
  authorId: uuid('author_id')
    .notNull()
    .references(() => users.id),
  title: text('title').notNull(),
  body: text('body').notNull(),
  attachmentId: uuid('attachment_id').references(() => uploads.id),
  requiresAck: boolean('requires_ack').notNull().default(false),
  urgent: boolean('urgent').notNull().default(false),
  recipientCount: integer('recipient_count').notNull(),
  createdAt: timestamp('created_at', { withTimezone: true }).notNull(),
});

export const noticeRecipients = pgTable(
  'notice_recipients',
  {
    noticeId: uuid('notice_id')
      .notNull()
      .references(() => notices.id, { onDelete: 'cascade' }),
    userId: uuid('user_id')
      .notNull()
      .references(() => users.id),
    messageId: uuid('message_id')
      .notNull()
      .references(() => messages.id),
    acknowledgedAt: timestamp('acknowledged_at', { withTimezone: true }),
  },
  (t) => [
    uniqueIndex('notice_recipients_uq').on(t.noticeId, t.userId),
    index('notice_recipients_user_idx').on(t.userId),
  ],
);

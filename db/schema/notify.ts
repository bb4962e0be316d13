import { sql } from 'drizzle-orm';
import { boolean, check, index, integer, jsonb, pgTable, text, timestamp, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import { messages } from './messages';
import { processInstances, tasks } from './instances';
import { users } from './org';
import { uploads } from './uploads';

export const NOTIFY_CHANNELS = ['wecom', 'email', 'webpush'] as const;
export type NotifyChannel = (typeof NOTIFY_CHANNELS)[number];

export const DELIVERY_STATUSES = ['pending', 'sent', 'failed', 'skipped', 'digested'] as const;
export type DeliveryStatus = (typeof DELIVERY_STATUSES)[number];

/**
 * One row per (message, channel): the durable queue every external channel delivers from.
 * The unique key makes planning idempotent, so a message never goes out twice on a channel.
 *
 * A row may instead be addressed to an e-mail address (someone without an account, e.g. the
 * writer of a 校长信箱 letter): then message and user are null, `toAddress` says where, and
 * `sealedContent` carries the mail itself, encrypted (it may hold a capability link) and wiped
 * once the mail is sent. It goes through the same claim, retries, backoff and admin retry.
 */
export const notifyDeliveries = pgTable(
  'notify_deliveries',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    messageId: uuid('message_id').references(() => messages.id, { onDelete: 'cascade' }),
    userId: uuid('user_id').references(() => users.id),
    channel: text('channel', { enum: NOTIFY_CHANNELS }).notNull(),
    /** For a row addressed to an e-mail address instead of a user (channel 'email'). */
    toAddress: text('to_address'),
    /** AES-256-GCM sealed {title, text, url} of an addressed row; null once sent. */
    sealedContent: text('sealed_content'),
    /** What an addressed row is about (e.g. 'mailbox.received'), for the operations page. */
    topic: text('topic'),
    status: text('status', { enum: DELIVERY_STATUSES }).notNull().default('pending'),
    attempts: integer('attempts').notNull().default(0),
    /** Not before: quiet hours and retry backoff move it forward. */
    nextAttemptAt: timestamp('next_attempt_at', { withTimezone: true }).notNull(),
    /** Held by one worker until then; a crashed worker's claim simply expires. */
    lockedUntil: timestamp('locked_until', { withTimezone: true }),
    lastError: text('last_error'),
    /** Why a skipped row was skipped, or the partial failure of a sent one (e.g. WeCom invaliduser). */
    note: text('note'),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull(),
    sentAt: timestamp('sent_at', { withTimezone: true }),
  },
  (t) => [
    uniqueIndex('notify_deliveries_message_channel_uq').on(t.messageId, t.channel),
    index('notify_deliveries_due_idx').on(t.status, t.nextAttemptAt),
    index('notify_deliveries_user_idx').on(t.userId, t.channel, t.status),
    check(
      'notify_deliveries_recipient_ck',
      sql`(${t.messageId} is not null and ${t.userId} is not null and ${t.toAddress} is null) or (${t.messageId} is null and ${t.userId} is null and ${t.toAddress} is not null and ${t.channel} = 'email')`,
    ),
  ],
);

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

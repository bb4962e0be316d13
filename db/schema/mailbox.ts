import { index, pgTable, text, timestamp, uuid } from 'drizzle-orm/pg-core';
import { processInstances } from './instances';
import { users } from './org';

/**
 * The capabilities of a 校长信箱 letter (a presidents-mailbox instance). The tracking token and
 * the query code are never stored: only their hashes, so a copy of the database opens no letter.
 */
export const mailboxLetters = pgTable(
  'mailbox_letters',
  {
    instanceId: uuid('instance_id')
      .primaryKey()
      .references(() => processInstances.id),
    /** SHA-256 (hex) of the tracking token (256 random bits). */
    tokenHash: text('token_hash').notNull().unique(),
    /** HMAC-SHA-256 (hex, installation key) of the query code. */
    codeHash: text('code_hash').notNull().unique(),
    /** HMAC of the normalised contact, when one was given: the code lookup asks for it too. */
    contactHash: text('contact_hash'),
    /** Where the notifications work may e-mail the writer (only when they gave an address). */
    email: text('email'),
    /**
     * The signed-in writer, as a one-way reference only (HMAC of their account id with the
     * installation key, lib/policy/writer.ts): enough for the writer's own views (我的申请) to find
     * the letter, useless to any staff view. null: written without an account.
     */
    writerRef: text('writer_ref'),
    tokenIssuedAt: timestamp('token_issued_at', { withTimezone: true }).notNull(),
    tokenExpiresAt: timestamp('token_expires_at', { withTimezone: true }).notNull(),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull(),
  },
  (t) => [index('mailbox_letters_created_idx').on(t.createdAt), index('mailbox_letters_writer_idx').on(t.writerRef)],
);

/** 公开回复: a letter and its reply as published, with personal data masked by the office. */
export const mailboxPublications = pgTable(
  'mailbox_publications',
  {
    instanceId: uuid('instance_id')
      .primaryKey()
      .references(() => processInstances.id),
    category: text('category').notNull(),
    subject: text('subject').notNull(),
    content: text('content').notNull(),
    reply: text('reply').notNull(),
    publishedBy: uuid('published_by')
      .notNull()
      .references(() => users.id),
    publishedAt: timestamp('published_at', { withTimezone: true }).notNull(),
  },
  (t) => [index('mailbox_publications_at_idx').on(t.publishedAt)],
);

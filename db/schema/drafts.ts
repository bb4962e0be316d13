import { index, jsonb, pgTable, text, timestamp, unique, uuid } from 'drizzle-orm/pg-core';
import { users } from './org';

/**
 * 草稿: a half-filled application form, one per person and process, kept on the server so it
 * survives navigating away and opens on another device. Its files stay with it: `uploadIds`
 * keeps them from the sweep of unattached uploads (lib/uploads/purge-unattached.ts).
 */
export const formDrafts = pgTable(
  'form_drafts',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    userId: uuid('user_id')
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    processId: text('process_id').notNull(),
    /** The form's text fields as typed (not validated: a draft may be incomplete). */
    values: jsonb('values').$type<Record<string, string>>().notNull(),
    /** The form's file fields: upload ids per field. */
    files: jsonb('files').$type<Record<string, string[]>>().notNull(),
    /** Every upload id of `files`, flat: what the upload sweep spares. */
    uploadIds: jsonb('upload_ids').$type<string[]>().notNull(),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull(),
  },
  (t) => [unique('form_drafts_user_process_uq').on(t.userId, t.processId), index('form_drafts_user_idx').on(t.userId, t.updatedAt)],
);

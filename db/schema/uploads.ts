import { index, integer, pgTable, text, timestamp, uuid } from 'drizzle-orm/pg-core';
import { processInstances } from './instances';
import { users } from './org';

export const uploads = pgTable(
  'uploads',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    ownerId: uuid('owner_id').references(() => users.id),
    /** The name the user's file had; shown, never used as a path. */
    filename: text('filename').notNull(),
    contentType: text('content_type').notNull(),
    size: integer('size').notNull(),
    sha256: text('sha256').notNull(),
    storageKey: text('storage_key').notNull(),
    instanceId: uuid('instance_id').references(() => processInstances.id),
    /**
     * An upload without an owner (a 校长信箱 writer without an account) is claimed by presenting
     * the secret its upload response returned: only its SHA-256 is kept, and only until then.
     */
    claimHash: text('claim_hash'),
    /** After this the unclaimed upload can no longer be attached (it is left for cleanup). */
    claimExpiresAt: timestamp('claim_expires_at', { withTimezone: true }),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index('uploads_instance_idx').on(t.instanceId), index('uploads_owner_idx').on(t.ownerId)],
);

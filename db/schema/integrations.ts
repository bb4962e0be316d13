import { bigserial, boolean, index, integer, jsonb, pgTable, text, timestamp, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import { users } from './org';

/**
 * API tokens of users and service accounts. Only the SHA-256 of the secret is stored; the
 * secret itself is shown once, at creation. Revocation sets revokedAt and takes effect on the
 * next request, because every request looks the token up.
 */
export const apiTokens = pgTable(
  'api_tokens',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    userId: uuid('user_id')
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    name: text('name').notNull(),
    /** The first characters of the secret, shown in lists so a user can tell tokens apart. */
    prefix: text('prefix').notNull(),
    secretHash: text('secret_hash').notNull(),
    scopes: jsonb('scopes').$type<string[]>().notNull(),
    expiresAt: timestamp('expires_at', { withTimezone: true }),
    revokedAt: timestamp('revoked_at', { withTimezone: true }),
    lastUsedAt: timestamp('last_used_at', { withTimezone: true }),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [uniqueIndex('api_tokens_hash_uq').on(t.secretHash), index('api_tokens_user_idx').on(t.userId)],
);

/** Every use of a token: when, which request, and whether it was allowed. */
export const apiTokenUses = pgTable(
  'api_token_uses',
  {
    id: bigserial('id', { mode: 'number' }).primaryKey(),
    tokenId: uuid('token_id')
      .notNull()
      .references(() => apiTokens.id, { onDelete: 'cascade' }),
    method: text('method').notNull(),
    path: text('path').notNull(),
    /** 'ok', 'scope' (refused for a missing scope). */
    outcome: text('outcome').notNull(),
    ip: text('ip'),
    at: timestamp('at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index('api_token_uses_token_idx').on(t.tokenId, t.at)],
);

/**
 * One-time sign-in proofs already consumed (CAS tickets, WeChat Work codes): a second use of the
 * same value is refused even when the identity provider would still accept it.
 */
export const ssoUsedProofs = pgTable('sso_used_proofs', {
  proof: text('proof').primaryKey(),
  usedAt: timestamp('used_at', { withTimezone: true }).notNull().defaultNow(),
});

/**
 * 掌上校园 data supplied by the university's systems (timetable, grades, exams, term calendar,
 * campus card), one row per natural key of its dataset. `ownerUsername` is the campus id the
 * row belongs to (null for rows everyone may read, like the term calendar).
 */
export const campusRecords = pgTable(
  'campus_records',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    dataset: text('dataset').notNull(),
    naturalKey: text('natural_key').notNull(),
    ownerUsername: text('owner_username'),
    data: jsonb('data').$type<Record<string, string | number | null>>().notNull(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    uniqueIndex('campus_records_key_uq').on(t.dataset, t.naturalKey),
    index('campus_records_owner_idx').on(t.dataset, t.ownerUsername),
  ],
);

/** Import and push runs with their validation report, for the admin's history. */
export const campusImports = pgTable('campus_imports', {
  id: uuid('id').primaryKey().defaultRandom(),
  dataset: text('dataset').notNull(),
  source: text('source', { enum: ['csv', 'push'] }).notNull(),
  actorId: uuid('actor_id').references(() => users.id),
  rows: integer('rows').notNull(),
  applied: boolean('applied').notNull(),
  errors: jsonb('errors').$type<Array<{ row: number; message: string }>>().notNull(),
  encoding: text('encoding'),
  createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
});

export const WEBHOOK_EVENTS = ['instance.started', 'instance.state_changed', 'instance.finished'] as const;
export type WebhookEvent = (typeof WEBHOOK_EVENTS)[number];

/** An outgoing webhook registered by an admin: a URL, its secret and the events it wants. */
export const webhooks = pgTable('webhooks', {
  id: uuid('id').primaryKey().defaultRandom(),
  url: text('url').notNull(),
  /** null = every process. */
  processId: text('process_id'),
  events: jsonb('events').$type<WebhookEvent[]>().notNull(),
  secret: text('secret').notNull(),
  active: boolean('active').notNull().default(true),
  createdBy: uuid('created_by').references(() => users.id),
  createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
});

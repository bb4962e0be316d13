import { index, integer, jsonb, pgTable, text, timestamp, uuid } from 'drizzle-orm/pg-core';
import { processInstances } from './instances';

/**
 * Outgoing webhooks (e.g. a dorm repair job for the maintenance system), written in the
 * transaction of the transition that causes them and delivered after commit with retries.
 * The row id is the job id the external system quotes in its callback.
 */
export const integrationOutbox = pgTable(
  'integration_outbox',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    hook: text('hook').notNull(),
    instanceId: uuid('instance_id')
      .notNull()
      .references(() => processInstances.id),
    payload: jsonb('payload').$type<Record<string, unknown>>().notNull(),
    status: text('status', { enum: ['pending', 'delivered', 'failed'] }).notNull().default('pending'),
    attempts: integer('attempts').notNull().default(0),
    nextAttemptAt: timestamp('next_attempt_at', { withTimezone: true }).notNull(),
    lastError: text('last_error'),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull(),
    deliveredAt: timestamp('delivered_at', { withTimezone: true }),
    /** When the external system reported the job done through the signed callback. */
    completedAt: timestamp('completed_at', { withTimezone: true }),
  },
  (t) => [index('integration_outbox_due_idx').on(t.status, t.nextAttemptAt), index('integration_outbox_instance_idx').on(t.instanceId)],
);

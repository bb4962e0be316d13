import { sql } from 'drizzle-orm';
import { bigserial, boolean, index, integer, jsonb, pgTable, text, timestamp, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import { orgUnits, users } from './org';

export const INSTANCE_STATUSES = ['active', 'completed', 'rejected', 'withdrawn', 'cancelled'] as const;
export type InstanceStatus = (typeof INSTANCE_STATUSES)[number];

/** One running (or finished) process: an XState actor persisted after every event. */
export const processInstances = pgTable(
  'process_instances',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    processId: text('process_id').notNull(),
    processVersion: integer('process_version').notNull(),
    /**
     * 流水号 shown to people (TC-20261201-0007): set by the database on insert (trigger, see
     * db/schema/case-numbers.ts), never by a writer; null only if a writer bypassed the trigger.
     */
    caseNo: text('case_no'),
    /** XState persisted snapshot; only meaningful together with processId + processVersion. */
    snapshot: jsonb('snapshot').notNull(),
    /** Active leaf state ids joined by ',', denormalised from the snapshot for queries and heatmaps. */
    state: text('state').notNull(),
    status: text('status', { enum: INSTANCE_STATUSES }).notNull().default('active'),
    /** Shown in task lists, in both languages. */
    title: jsonb('title').$type<{ zh: string; en: string }>().notNull(),
    applicantId: uuid('applicant_id').references(() => users.id),
    applicantOrgId: text('applicant_org_id').references(() => orgUnits.id),
    /** Optimistic-concurrency counter: bumped by every applied event. */
    revision: integer('revision').notNull().default(0),
    /** Hash of the newest event-log row: the next row chains onto it without a lookup. */
    lastHash: text('last_hash').notNull(),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull(),
    stateSince: timestamp('state_since', { withTimezone: true }).notNull(),
    completedAt: timestamp('completed_at', { withTimezone: true }),
    /** Generated demo history (【示例】): counted in dashboards only when the admin asks. */
    sample: boolean('sample').notNull().default(false),
  },
  (t) => [
    // Sample instances are few; their ids are read whole to leave them out of live figures.
    index('instances_sample_idx').on(t.id).where(sql`sample`),
    // Instance search (newest first within a process) and anything else by process.
    index('instances_process_created_idx').on(t.processId, t.createdAt),
    index('instances_applicant_idx').on(t.applicantId, t.createdAt),
    index('instances_created_idx').on(t.createdAt),
    uniqueIndex('instances_case_no_uq').on(t.caseNo),
    index('instances_org_idx').on(t.applicantOrgId, t.createdAt),
    // Monitoring: live counts per state of one definition version (heatmap), running only.
    index('instances_active_state_idx').on(t.processId, t.processVersion, t.state).where(sql`status = 'active'`),
    // Monitoring: running instances of some departments or processes, read from the index
    // alone (overdue tasks of a leader's scope join these, lib/admin/stats/tables.ts).
    index('instances_active_org_idx').on(t.applicantOrgId, t.processId, t.id).where(sql`status = 'active'`),
  ],
);

/** Append-only, hash-chained log: each row hashes the previous row of the same instance. */
export const instanceEvents = pgTable(
  'instance_events',
  {
    id: bigserial('id', { mode: 'number' }).primaryKey(),
    instanceId: uuid('instance_id')
      .notNull()
      .references(() => processInstances.id),
    seq: integer('seq').notNull(),
    type: text('type').notNull(),
    actorId: uuid('actor_id').references(() => users.id),
    /** How the actor acted: the task role, 'applicant', or 'system' for timers. */
    actorRole: text('actor_role').notNull(),
    comment: text('comment'),
    payload: jsonb('payload').notNull(),
    fromState: text('from_state'),
    toState: text('to_state').notNull(),
    at: timestamp('at', { withTimezone: true }).notNull(),
    prevHash: text('prev_hash').notNull(),
    hash: text('hash').notNull(),
  },
  (t) => [uniqueIndex('instance_events_seq_uq').on(t.instanceId, t.seq), index('instance_events_at_idx').on(t.at)],
);

export const TASK_STATUSES = ['open', 'done', 'cancelled'] as const;

/**
 * Why an open task sits with someone other than the person it returns to (returnsTo):
 * - delegate (委派): the delegate writes an opinion, then the task goes back;
 * - signBefore (前加签): the added signer signs first, then the task goes back;
 * - signAfter (后加签): the holder has signed; the added signer now decides in their place.
 */
export const TASK_HANDOVERS = ['delegate', 'signBefore', 'signAfter'] as const;
export type TaskHandover = (typeof TASK_HANDOVERS)[number];

/**
 * Work waiting on people, projected from the instance's active states (state meta.task)
 * in the same transaction that writes the snapshot — never edited on its own.
 */
export const tasks = pgTable(
  'tasks',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    instanceId: uuid('instance_id')
      .notNull()
      .references(() => processInstances.id),
    state: text('state').notNull(),
    role: text('role').notNull(),
    /** Scope the role must be held in; null = university-wide. */
    orgUnitId: text('org_unit_id').references(() => orgUnits.id),
    /** A named person (the applicant, or a reassignment); candidates by role otherwise. */
    assigneeId: uuid('assignee_id').references(() => users.id),
    actions: jsonb('actions').$type<string[]>().notNull(),
    status: text('status', { enum: TASK_STATUSES }).notNull().default('open'),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull(),
    dueAt: timestamp('due_at', { withTimezone: true }),
    completedAt: timestamp('completed_at', { withTimezone: true }),
    completedBy: uuid('completed_by').references(() => users.id),
    outcome: text('outcome'),
    /** The holder a delegated or added-signer task goes back to (workflows/engine/plan-task-ops.ts). */
    returnsTo: uuid('returns_to').references(() => users.id),
    handover: text('handover', { enum: TASK_HANDOVERS }),
    /** 代理: the person this task would have gone to, who was away; it went to their deputy (assigneeId). */
    onBehalfOf: uuid('on_behalf_of').references(() => users.id),
    /** 催办: how often the applicant urged this task, and when last (once a working day). */
    urgeCount: integer('urge_count').notNull().default(0),
    urgedAt: timestamp('urged_at', { withTimezone: true }),
  },
  (t) => [
    // 待办: one range per role binding, oldest first (lib/instances/list-tasks.ts).
    index('tasks_status_role_org_created_idx').on(t.status, t.role, t.orgUnitId, t.createdAt),
    index('tasks_assignee_idx').on(t.assigneeId, t.status),
    index('tasks_completed_by_idx').on(t.completedBy, t.completedAt),
    index('tasks_instance_idx').on(t.instanceId),
    // Monitoring: overdue open tasks by department, read from the index alone.
    index('tasks_open_due_idx').on(t.dueAt, t.orgUnitId, t.instanceId).where(sql`status = 'open'`),
  ],
);

/** Durable timers (deadlines, reminders): XState `after` delays do not survive a restore. */
export const timers = pgTable(
  'timers',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    instanceId: uuid('instance_id')
      .notNull()
      .references(() => processInstances.id),
    state: text('state').notNull(),
    eventType: text('event_type').notNull(),
    fireAt: timestamp('fire_at', { withTimezone: true }).notNull(),
    status: text('status', { enum: ['pending', 'fired', 'cancelled'] }).notNull().default('pending'),
    firedAt: timestamp('fired_at', { withTimezone: true }),
  },
  (t) => [index('timers_due_idx').on(t.status, t.fireAt), index('timers_instance_idx').on(t.instanceId)],
);

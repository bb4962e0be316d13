import { boolean, index, jsonb, pgTable, primaryKey, text, timestamp, uuid } from 'drizzle-orm/pg-core';
import { orgUnits, users } from './org';

export const CATALOG_STATUSES = ['building', 'testing', 'online', 'retired'] as const;
export type CatalogStatus = (typeof CATALOG_STATUSES)[number];
export const BUILD_MODES = ['workflow', 'app', 'wecom-app', 'workflow+integration'] as const;
export type BuildMode = (typeof BUILD_MODES)[number];
export const CHANNELS = ['pc', 'mobile'] as const;
export type Channel = (typeof CHANNELS)[number];
export const AUDIENCES = ['student', 'staff', 'cadre', 'public'] as const;
export type Audience = (typeof AUDIENCES)[number];

/**
 * One entry of the service catalog (办事大厅). An entry either starts one of our workflows
 * (processId, which may name a process not yet registered) or links out to an external app.
 */
export const catalogServices = pgTable(
  'catalog_services',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    /** Stable code used in URLs and CSV files; for our workflows usually the process id. */
    code: text('code').notNull().unique(),
    nameZh: text('name_zh').notNull(),
    nameEn: text('name_en').notNull(),
    /** Other words people search by (e.g. 体测 for 体质测试), separated by spaces. */
    keywords: text('keywords').notNull().default(''),
    theme: text('theme').notNull(),
    departmentId: text('department_id')
      .notNull()
      .references(() => orgUnits.id),
    audience: jsonb('audience').$type<Audience[]>().notNull(),
    channels: jsonb('channels').$type<Channel[]>().notNull(),
    buildMode: text('build_mode', { enum: BUILD_MODES }).notNull(),
    processId: text('process_id'),
    externalUrl: text('external_url'),
    status: text('status', { enum: CATALOG_STATUSES }).notNull(),
    /** Usernames who may see and start the service while it is 在测. */
    testers: jsonb('testers').$type<string[]>().notNull().default([]),
    /** 办事指南: who may apply, materials, time limit, contact (Chinese first, English optional). */
    guide: jsonb('guide').$type<CatalogGuide>().notNull(),
    /** When applications are accepted (e.g. 医保不参保: until 30 September each year); null: always. */
    applicationWindow: jsonb('application_window').$type<ApplicationWindow>(),
    /** Illustrative demo rows, never real services: shown with a 示例 mark. */
    isSample: boolean('is_sample').notNull().default(false),
    onlineAt: timestamp('online_at', { withTimezone: true }),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index('catalog_services_dept_idx').on(t.departmentId), index('catalog_services_status_idx').on(t.status)],
);

/**
 * A yearly application window in China Standard Time, both days included: 'MM-DD'. Without
 * `opens` it opens on 1 January; `opens` after `closes` spans the turn of the year.
 */
export interface ApplicationWindow {
  opens?: string;
  closes: string;
}

export interface CatalogGuide {
  whoZh: string;
  whoEn: string;
  materialsZh: string;
  materialsEn: string;
  timeLimitZh: string;
  timeLimitEn: string;
  contact: string;
}

/** Every lifecycle change with its reason: the history an admin reads on the service page. */
export const catalogStatusChanges = pgTable(
  'catalog_status_changes',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    serviceId: uuid('service_id')
      .notNull()
      .references(() => catalogServices.id, { onDelete: 'cascade' }),
    fromStatus: text('from_status', { enum: CATALOG_STATUSES }),
    toStatus: text('to_status', { enum: CATALOG_STATUSES }).notNull(),
    reason: text('reason').notNull(),
    actorId: uuid('actor_id').references(() => users.id),
    at: timestamp('at', { withTimezone: true }).notNull(),
  },
  (t) => [index('catalog_status_changes_service_idx').on(t.serviceId, t.at)],
);

export const catalogFavourites = pgTable(
  'catalog_favourites',
  {
    userId: uuid('user_id')
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    serviceId: uuid('service_id')
      .notNull()
      .references(() => catalogServices.id, { onDelete: 'cascade' }),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [primaryKey({ columns: [t.userId, t.serviceId] })],
);

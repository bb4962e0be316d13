import { boolean, index, integer, pgTable, text, timestamp, uniqueIndex, uuid } from 'drizzle-orm/pg-core';

/** Departments (职能部门), colleges (学院) and the school itself; roles are scoped to one of these. */
export const orgUnits = pgTable('org_units', {
  id: text('id').primaryKey(),
  nameZh: text('name_zh').notNull(),
  nameEn: text('name_en').notNull(),
  kind: text('kind', { enum: ['department', 'college', 'school'] }).notNull(),
  sort: integer('sort').notNull().default(0),
  active: boolean('active').notNull().default(true),
});

export const users = pgTable(
  'users',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    /** Campus id (学号/工号); the key single sign-on matches on. */
    username: text('username').notNull(),
    name: text('name').notNull(),
    kind: text('kind', { enum: ['student', 'staff'] }).notNull(),
    /** A student's college, a staff member's department. */
    orgUnitId: text('org_unit_id').notNull().references(() => orgUnits.id),
    isCadre: boolean('is_cadre').notNull().default(false),
    email: text('email'),
    phone: text('phone'),
    passwordHash: text('password_hash'),
    locale: text('locale', { enum: ['zh', 'en'] }).notNull().default('zh'),
    active: boolean('active').notNull().default(true),
    /** Bumped to end every session of the user (deactivation, password change). */
    sessionVersion: integer('session_version').notNull().default(0),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [uniqueIndex('users_username_uq').on(t.username), index('users_org_idx').on(t.orgUnitId)],
);

export const ROLES = [
  'counselor',
  'handler',
  'dept_leader',
  'school_leader',
  'mailbox_office',
  'process_admin',
  'system_admin',
] as const;
export type Role = (typeof ROLES)[number];

/** A role held within an org unit (null = university-wide). */
export const roleBindings = pgTable(
  'role_bindings',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    userId: uuid('user_id')
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    role: text('role', { enum: ROLES }).notNull(),
    orgUnitId: text('org_unit_id').references(() => orgUnits.id),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    uniqueIndex('role_bindings_uq').on(t.userId, t.role, t.orgUnitId),
    index('role_bindings_role_org_idx').on(t.role, t.orgUnitId),
  ],
);

import path from 'node:path';
import { z } from 'zod';
import { notifySchema, readNotifyEnv, type NotifyEnv } from './notify/env';

const booleanFlag = z
  .enum(['true', 'false', '1', '0'])
  .transform((v) => v === 'true' || v === '1')
  .optional();

const schema = z.object({
  NODE_ENV: z.enum(['development', 'production', 'test']).default('development'),
  PORT: z.coerce.number().int().min(1).max(65535).default(3000),
  /** Where the embedded database and local uploads live. */
  DATA_DIR: z.string().min(1).default('./data'),
  /** postgres://… selects a PostgreSQL server; absent selects embedded PGlite. */
  DATABASE_URL: z
    .string()
    .regex(/^postgres(ql)?:\/\//, 'DATABASE_URL must start with postgres:// or postgresql://')
    .optional(),
  DATABASE_MAX_CONNECTIONS: z.coerce.number().int().min(1).max(200).default(10),
  /** Signs session cookies; generated and kept in the database when absent. */
  AUTH_SECRET: z.string().min(32, 'AUTH_SECRET must be at least 32 characters').optional(),
  /** Password login for the demo accounts: on by default only in embedded mode. */
  DEMO_LOGIN: booleanFlag,
  /** Seed the demo org, accounts and data on first start: on by default only in embedded mode. */
  SEED_DEMO: booleanFlag,
  /** Largest accepted upload, in bytes. */
  UPLOAD_MAX_BYTES: z.coerce.number().int().min(1024).default(10 * 1024 * 1024),
  /** Lets tests move the engine's clock (never set in production). */
  TEST_CLOCK: booleanFlag,
  /** Where dorm-repair jobs are sent (the maintenance system); unset keeps them queued. */
  DORM_REPAIR_WEBHOOK_URL: z.url({ message: 'DORM_REPAIR_WEBHOOK_URL must be a URL' }).optional(),
  /** Shared HMAC-SHA256 secret that signs outgoing jobs and verifies the system's callbacks. */
  DORM_REPAIR_WEBHOOK_SECRET: z.string().min(16, 'DORM_REPAIR_WEBHOOK_SECRET must be at least 16 characters').optional(),
  /** Load a generated sample history for the dashboards: default on only in embedded demo mode outside tests. */
  DEMO_HISTORY: booleanFlag,
  ...notifySchema,
});

export type Env = {
  nodeEnv: 'development' | 'production' | 'test';
  port: number;
  dataDir: string;
  databaseUrl: string | undefined;
  databaseMaxConnections: number;
  authSecret: string | undefined;
  demoLogin: boolean;
  seedDemo: boolean;
  uploadMaxBytes: number;
  testClock: boolean;
  dormRepairWebhook: { url: string | undefined; secret: string | undefined };
  demoHistory: boolean;
  notify: NotifyEnv;
};

let cached: Env | undefined;

/** Reads and validates the environment once; the defaults give the zero-setup embedded mode. */
export function env(): Env {
  if (cached) return cached;
  const parsed = schema.safeParse(process.env);
  if (!parsed.success) {
    const lines = parsed.error.issues.map((i) => `  ${i.path.join('.')}: ${i.message}`).join('\n');
    throw new Error(`Invalid environment:\n${lines}`);
  }
  const e = parsed.data;
  const embedded = !e.DATABASE_URL;
  cached = {
    nodeEnv: e.NODE_ENV,
    port: e.PORT,
    dataDir: path.resolve(e.DATA_DIR),
    databaseUrl: e.DATABASE_URL,
    databaseMaxConnections: e.DATABASE_MAX_CONNECTIONS,
    authSecret: e.AUTH_SECRET,
    demoLogin: e.DEMO_LOGIN ?? embedded,
    seedDemo: e.SEED_DEMO ?? embedded,
    uploadMaxBytes: e.UPLOAD_MAX_BYTES,
    testClock: e.TEST_CLOCK ?? false,
    dormRepairWebhook: { url: e.DORM_REPAIR_WEBHOOK_URL, secret: e.DORM_REPAIR_WEBHOOK_SECRET },
    demoHistory: e.DEMO_HISTORY ?? (embedded && (e.SEED_DEMO ?? embedded) && !(e.TEST_CLOCK ?? false) && e.NODE_ENV !== 'test'),
    notify: readNotifyEnv(e, e.PORT),
  };
  return cached;
}

import { randomBytes } from 'node:crypto';
import { eq } from 'drizzle-orm';
import { openDatabase, type Database, type Db } from '@/db/client';
import { settings } from '@/db/schema';
import { seedCampusDemo } from '@/db/seed/seed-campus-demo';
import { seedDemoAccounts, seedOrgUnits } from '@/db/seed/seed-demo';
import { env } from './env';
import { startTimerRunner } from './timer-runner';
import { startWebhookRunner } from './webhooks/webhook-runner';

interface Handle {
  database: Database;
  authSecret: string;
}

// One connection for the process, kept across dev-server hot reloads.
const globalForDb = globalThis as unknown as { zjDb?: Promise<Handle> };

async function open(): Promise<Handle> {
  if (process.env.NEXT_PHASE === 'phase-production-build') {
    throw new Error('The database must not be opened while building: mark the page dynamic.');
  }
  const e = env();
  const database = await openDatabase(
    e.databaseUrl
      ? { kind: 'postgresql', url: e.databaseUrl, maxConnections: e.databaseMaxConnections }
      : { kind: 'pglite', dataDir: e.dataDir },
  );
  await seedOrgUnits(database.db);
  if (e.seedDemo) {
    await seedDemoAccounts(database.db);
    await seedCampusDemo(database.db);
  }
  const authSecret = e.authSecret ?? (await sharedSecret(database.db));
  startTimerRunner(database.db);
  startWebhookRunner(database.db);
  return { database, authSecret };
}

/** A secret generated once per installation and shared by every app server through the database. */
async function sharedSecret(db: Db): Promise<string> {
  await db
    .insert(settings)
    .values({ key: 'auth_secret', value: randomBytes(48).toString('base64url') })
    .onConflictDoNothing();
  const [row] = await db.select().from(settings).where(eq(settings.key, 'auth_secret'));
  return row!.value;
}

function handle(): Promise<Handle> {
  globalForDb.zjDb ??= open().catch((error) => {
    globalForDb.zjDb = undefined;
    throw error;
  });
  return globalForDb.zjDb;
}

export async function getDb(): Promise<Db> {
  return (await handle()).database.db;
}

export async function getDatabaseKind(): Promise<Database['kind']> {
  return (await handle()).database.kind;
}

export async function getAuthSecret(): Promise<string> {
  return (await handle()).authSecret;
}

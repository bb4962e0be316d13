import { AsyncLocalStorage } from 'node:async_hooks';
import { randomBytes } from 'node:crypto';
import { eq } from 'drizzle-orm';
import { openDatabase, type Database, type Db, type Queryable } from '@/db/client';
import { settings } from '@/db/schema';
import { seedCalendar } from '@/db/seed/calendar';
import { seedCampusDemo } from '@/db/seed/seed-campus-demo';
import { seedDemoAccounts, seedOrgUnits } from '@/db/seed/seed-demo';
import { seedCatalog } from './catalog/seed-catalog';
import { syncCasePrefixes } from './instances/case-prefixes';
import { now } from './clock';
import { loadDemoHistory } from './admin/demo/load-demo-history';
import { env } from './env';
import '@/lib/engine/provide-engine';

interface Handle {
  database: Database;
  authSecret: string;
}

// One connection for the process, kept across dev-server hot reloads. Opening it starts nothing in
// the background: the timer runner and the outbox dispatcher start once per server from
// instrumentation.ts (lib/start-server.ts).
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
  await seedCalendar(database.db);
  if (e.seedDemo) {
    await seedDemoAccounts(database.db);
    await seedCampusDemo(database.db);
  }
  await seedCatalog(database.db, { demo: e.seedDemo, now: await now(database.db) });
  await syncCasePrefixes(database.db);
  const authSecret = e.authSecret ?? (await sharedSecret(database.db));
  // In the background: the first start should not wait for the sample history.
  if (e.demoHistory) loadDemoHistory(database.db, new Date()).catch((error) => console.error('demo history:', error));
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

/**
 * Inside withTransaction, getDb() is that transaction: code a handler calls writes in it
 * (Idempotency-Key rows commit with the business write, lib/api/idempotency.ts).
 */
const ambient = new AsyncLocalStorage<Db>();

export function withTransaction<T>(tx: Queryable, fn: () => Promise<T>): Promise<T> {
  // A transaction runs every query a database does (drizzle's PgTransaction extends PgDatabase).
  return ambient.run(tx as Db, fn);
}

export async function getDb(): Promise<Db> {
  return ambient.getStore() ?? (await handle()).database.db;
}

export async function getDatabaseKind(): Promise<Database['kind']> {
  return (await handle()).database.kind;
}

export async function getAuthSecret(): Promise<string> {
  return (await handle()).authSecret;
}

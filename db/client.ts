import { mkdirSync } from 'node:fs';
import path from 'node:path';
import type { PgDatabase, PgQueryResultHKT, PgTransaction } from 'drizzle-orm/pg-core';
import type { ExtractTablesWithRelations } from 'drizzle-orm';
import * as schema from './schema';
import { acquireDataDirLock } from './data-dir-lock';

export type Schema = typeof schema;
export type Db = PgDatabase<PgQueryResultHKT, Schema>;
export type Tx = PgTransaction<PgQueryResultHKT, Schema, ExtractTablesWithRelations<Schema>>;
/** Anything that can run queries: the database or an open transaction. */
export type Queryable = Db | Tx;

export type DatabaseConfig =
  | { kind: 'pglite'; dataDir: string }
  | { kind: 'postgresql'; url: string; maxConnections?: number };

export interface Database {
  db: Db;
  kind: DatabaseConfig['kind'];
  close(): Promise<void>;
}

const migrationsFolder = path.join(process.cwd(), 'db', 'migrations');

/** Opens the database, applies pending migrations, and returns a drizzle handle. */
export async function openDatabase(config: DatabaseConfig): Promise<Database> {
  return config.kind === 'pglite' ? openPglite(config.dataDir) : openPostgres(config.url, config.maxConnections);
}

async function openPglite(dataDir: string): Promise<Database> {
  const pgDir = path.join(dataDir, 'pglite');
  mkdirSync(dataDir, { recursive: true });
  // PGlite has no lock of its own: two processes on one directory silently lose writes.
  const release = acquireDataDirLock(dataDir);
  try {
    const { PGlite } = await import('@electric-sql/pglite');
    const { drizzle } = await import('drizzle-orm/pglite');
    const { migrate } = await import('drizzle-orm/pglite/migrator');
    const client = await PGlite.create(pgDir);
    const db = drizzle(client, { schema });
    await migrate(db, { migrationsFolder });
    return {
      db: db as unknown as Db,
      kind: 'pglite',
      async close() {
        await client.close();
        release();
      },
    };
  } catch (error) {
    release();
    throw error;
  }
}

async function openPostgres(url: string, maxConnections = 10): Promise<Database> {
  const { default: postgres } = await import('postgres');
  const { drizzle } = await import('drizzle-orm/postgres-js');
  const { migrate } = await import('drizzle-orm/postgres-js/migrator');
  const client = postgres(url, { max: maxConnections, onnotice: () => {} });
  const db = drizzle(client, { schema });
  // Several app servers may start at once; one migrates while the others wait.
  const lockClient = postgres(url, { max: 1, onnotice: () => {} });
  try {
    await lockClient`select pg_advisory_lock(7461001)`;
    await migrate(db, { migrationsFolder });
    await lockClient`select pg_advisory_unlock(7461001)`;
  } finally {
    await lockClient.end();
  }
  return {
    db: db as unknown as Db,
    kind: 'postgresql',
    async close() {
      await client.end({ timeout: 5 });
    },
  };
}

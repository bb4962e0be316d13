import { mkdirSync } from 'node:fs';
import path from 'node:path';
import type { PgDatabase, PgQueryResultHKT, PgTransaction } from 'drizzle-orm/pg-core';
import type { ExtractTablesWithRelations } from 'drizzle-orm';
import * as schema from './schema';
import { acquireDataDirLock } from './data-dir-lock';
import { pipelinedClient } from './postgres-pipeline';
import { noDelaySocket } from './postgres-socket';

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

export interface OpenOptions {
  /**
   * false: the caller knows the schema is current (a copy of a template migrated from this very
   * db/ folder, tests/helpers/db-template.ts), so the migrator's read of every migration is skipped.
   */
  migrate?: boolean;
}

/** Opens the database, applies pending migrations, and returns a drizzle handle. */
export async function openDatabase(config: DatabaseConfig, options: OpenOptions = {}): Promise<Database> {
  const migrate = options.migrate ?? true;
  return config.kind === 'pglite' ? openPglite(config.dataDir, migrate) : openPostgres(config.url, config.maxConnections, migrate);
}

async function openPglite(dataDir: string, runMigrations: boolean): Promise<Database> {
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
    if (runMigrations) await migrate(db, { migrationsFolder });
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

async function openPostgres(url: string, maxConnections = 10, runMigrations = true): Promise<Database> {
  const { default: postgres } = await import('postgres');
  const { drizzle } = await import('drizzle-orm/postgres-js');
  const { migrate } = await import('drizzle-orm/postgres-js/migrator');
  // Nagle off, so a pipelined batch leaves at once (db/postgres-socket.ts); prepared statements,
  // BEGIN sent with the first statements (db/postgres-pipeline.ts).
  // (`socket` is a documented postgres.js option its typings leave out.)
  const options = { max: maxConnections, onnotice: () => {}, socket: noDelaySocket() };
  const client = postgres(url, options);
  const db = drizzle(pipelinedClient(client), { schema });
  if (!runMigrations) return { db: db as unknown as Db, kind: 'postgresql', close: () => client.end({ timeout: 5 }) };
  // Several app servers may start at once; one migrates while the others wait.
  const lockClient = postgres(url, { max: 1, onnotice: () => {} });
  try {
    await lockClient`select pg_advisory_lock(7461001)`;
    await migrate(drizzle(client, { schema }), { migrationsFolder });
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

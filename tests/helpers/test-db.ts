/**
 * A fresh, seeded database for one node:test integration test file.
 *
 *   TEST_DB=pglite (default)  embedded PGlite in a new temp directory, removed on close
 *   TEST_DB=postgres          a new database zj_test_<hex> on TEST_DATABASE_URL's server
 *                             (default postgres://postgres@127.0.0.1:5432/postgres), dropped on close
 *
 * Call close() in an after() hook so the temp database never outlives the test process.
 */
import { randomBytes } from 'node:crypto';
import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import postgres from 'postgres';
import { openDatabase, type Db } from '@/db/client';
import { seedCalendar } from '@/db/seed/calendar';
import { seedDemoAccounts, seedOrgUnits } from '@/db/seed/seed-demo';

// The real protocol peers of these tests (webhook receivers, SSO, WeChat Work and push stand-ins)
// listen on loopback, which the outgoing-request guard refuses unless configured (lib/net).
process.env.OUTBOUND_ALLOWED_NETWORKS ??= '127.0.0.0/8,::1';
process.env.PUSH_ALLOWED_NETWORKS ??= '127.0.0.0/8,::1';

export const DEFAULT_TEST_DATABASE_URL = 'postgres://postgres@127.0.0.1:5432/postgres';

export interface TestDatabase {
  db: Db;
  kind: 'pglite' | 'postgresql';
  /** The server database's URL (postgres mode only), for tools that open their own connection. */
  url?: string;
  close(): Promise<void>;
}

export async function createTestDatabase(): Promise<TestDatabase> {
  const mode = (process.env.TEST_DB ?? 'pglite').toLowerCase();
  let opened: TestDatabase;
  if (mode === 'pglite') opened = await createPglite();
  else if (mode === 'postgres' || mode === 'postgresql') opened = await createPostgres();
  else throw new Error(`TEST_DB must be 'pglite' or 'postgres', got '${process.env.TEST_DB}'`);
  try {
    await seedOrgUnits(opened.db);
    await seedCalendar(opened.db);
    await seedDemoAccounts(opened.db);
  } catch (error) {
    await opened.close().catch(() => {});
    throw error;
  }
  return opened;
}

async function createPglite(): Promise<TestDatabase> {
  const dataDir = await mkdtemp(path.join(os.tmpdir(), 'zj-test-'));
  let database;
  try {
    database = await openDatabase({ kind: 'pglite', dataDir });
  } catch (error) {
    await rm(dataDir, { recursive: true, force: true });
    throw error;
  }
  let closed = false;
  return {
    db: database.db,
    kind: 'pglite',
    async close() {
      if (closed) return;
      closed = true;
      try {
        await database.close();
      } finally {
        await rm(dataDir, { recursive: true, force: true });
      }
    },
  };
}

/** Runs one statement on the server's maintenance database with a short-lived connection. */
async function admin(baseUrl: string, statement: string): Promise<void> {
  const sql = postgres(baseUrl, { max: 1, onnotice: () => {}, connect_timeout: 10 });
  try {
    await sql.unsafe(statement);
  } finally {
    await sql.end({ timeout: 5 });
  }
}

async function createPostgres(): Promise<TestDatabase> {
  const baseUrl = process.env.TEST_DATABASE_URL || DEFAULT_TEST_DATABASE_URL;
  // Hex only, so quoting the identifier is safe.
  const name = `zj_test_${randomBytes(6).toString('hex')}`;
  await admin(baseUrl, `create database "${name}"`);
  const drop = () => admin(baseUrl, `drop database if exists "${name}" with (force)`);
  const url = new URL(baseUrl);
  url.pathname = `/${name}`;
  let database;
  try {
    database = await openDatabase({ kind: 'postgresql', url: url.toString(), maxConnections: 5 });
  } catch (error) {
    await drop().catch(() => {});
    throw error;
  }
  let closed = false;
  return {
    db: database.db,
    kind: 'postgresql',
    url: url.toString(),
    async close() {
      if (closed) return;
      closed = true;
      try {
        await database.close();
      } finally {
        await drop();
      }
    },
  };
}

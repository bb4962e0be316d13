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
import { openDatabase, type Db } from '@/db/client';
// Tests drive the engine directly: hand it the definitions and effect writers, as the app does.
import '@/lib/engine/provide-engine';
import { adminStatement, copyPgliteTemplate, createFromPostgresTemplate } from './db-template';

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

/** A copy of the migrated, seeded template (tests/helpers/db-template.ts): migrations are not run again. */
export async function createTestDatabase(): Promise<TestDatabase> {
  const mode = (process.env.TEST_DB ?? 'pglite').toLowerCase();
  if (mode === 'pglite') return createPglite();
  if (mode === 'postgres' || mode === 'postgresql') return createPostgres();
  throw new Error(`TEST_DB must be 'pglite' or 'postgres', got '${process.env.TEST_DB}'`);
}

async function createPglite(): Promise<TestDatabase> {
  const dataDir = await mkdtemp(path.join(os.tmpdir(), 'zj-test-'));
  let database;
  try {
    await copyPgliteTemplate(dataDir);
    database = await openDatabase({ kind: 'pglite', dataDir }, { migrate: false });
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

async function createPostgres(): Promise<TestDatabase> {
  const baseUrl = process.env.TEST_DATABASE_URL || DEFAULT_TEST_DATABASE_URL;
  // Hex only, so quoting the identifier is safe.
  const name = `zj_test_${randomBytes(6).toString('hex')}`;
  const drop = () => adminStatement(baseUrl, `drop database if exists "${name}" with (force)`);
  let database;
  let url;
  try {
    url = await createFromPostgresTemplate(baseUrl, name);
    database = await openDatabase({ kind: 'postgresql', url, maxConnections: 5 }, { migrate: false });
  } catch (error) {
    await drop().catch(() => {});
    throw error;
  }
  let closed = false;
  return {
    db: database.db,
    kind: 'postgresql',
    url,
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

#!/usr/bin/env node
// Playwright's webServer (run with `node --import tsx`): a FRESH database for one e2e run, copied
// from the migrated, seeded template the integration tests use (tests/helpers/db-template.ts; a
// fresh PGlite would spend ~15 s of CPU on initdb, migrations and password hashing per server),
// then `next start -p $PORT` on the existing build. Torn down (server stopped, database dropped /
// temp dir removed) on SIGTERM/SIGINT.
//   E2E_DB=pglite (default) | postgres   TEST_DATABASE_URL (server for postgres mode)   PORT (3100)
import { spawn, spawnSync } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import postgres from 'postgres';
import { copyPgliteTemplate, createFromPostgresTemplate } from '../tests/helpers/db-template.ts';
import { startStandIns } from './sso-stand-ins.mjs';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const nextBin = path.join(root, 'node_modules', 'next', 'dist', 'bin', 'next');
const log = (line) => console.error(`[serve-test] ${line}`);

const TEST_AUTH_SECRET = 'e2e-test-secret-not-for-production-0123456789abc'; // 48 characters
const mode = (process.env.E2E_DB || 'pglite').toLowerCase();
const port = process.env.PORT || '3100';
const baseUrl = process.env.TEST_DATABASE_URL || 'postgres://postgres@127.0.0.1:5432/postgres';

if (!existsSync(path.join(root, '.next', 'BUILD_ID'))) {
  log('no build found (.next/BUILD_ID missing): run `node node_modules/next/dist/bin/next build` first');
  process.exit(1);
}
if (mode !== 'pglite' && mode !== 'postgres' && mode !== 'postgresql') {
  log(`E2E_DB must be 'pglite' or 'postgres', got '${process.env.E2E_DB}'`);
  process.exit(1);
}

/** What to undo: set as soon as it exists. */
let tempDir = null;
let dbName = null;
let server = null;
let cleaning = null;

async function adminQuery(statement) {
  const sql = postgres(baseUrl, { max: 1, onnotice: () => {}, connect_timeout: 10 });
  try {
    await sql.unsafe(statement);
  } finally {
    await sql.end({ timeout: 5 });
  }
}

function removeTempDirSync() {
  if (!tempDir) return;
  try {
    rmSync(tempDir, { recursive: true, force: true, maxRetries: 3 });
    log(`removed ${tempDir}`);
  } catch (error) {
    log(`could not remove ${tempDir}: ${error.message}`);
  }
  tempDir = null;
}

async function dropDatabase() {
  if (!dbName) return;
  const name = dbName;
  dbName = null;
  try {
    await adminQuery(`drop database if exists "${name}" with (force)`);
    log(`dropped database ${name}`);
  } catch (error) {
    log(`could not drop database ${name}: ${error.message}`);
  }
}

/** Last resort from the synchronous 'exit' handler: drop through a child node process. */
function dropDatabaseSync() {
  if (!dbName) return;
  const script =
    "import postgres from 'postgres';" +
    'const sql = postgres(process.argv[1], { max: 1, onnotice: () => {} });' +
    'await sql.unsafe(`drop database if exists "${process.argv[2]}" with (force)`);' +
    'await sql.end({ timeout: 5 });';
  spawnSync(process.execPath, ['--input-type=module', '-e', script, baseUrl, dbName], {
    cwd: root,
    stdio: 'inherit',
    timeout: 15_000,
  });
  dbName = null;
}

function stopServer() {
  if (!server || server.exitCode !== null || server.signalCode !== null) return Promise.resolve();
  return new Promise((resolve) => {
    const killer = setTimeout(() => server.kill('SIGKILL'), 8_000);
    server.once('exit', () => {
      clearTimeout(killer);
      resolve();
    });
    server.kill('SIGTERM');
  });
}

function cleanup() {
  cleaning ??= (async () => {
    await stopServer();
    await standIns?.stop().catch(() => {});
    await dropDatabase();
    removeTempDirSync();
  })();
  return cleaning;
}

for (const signal of ['SIGINT', 'SIGTERM', 'SIGHUP']) {
  process.on(signal, () => {
    log(`${signal}: stopping`);
    cleanup().finally(() => process.exit(0));
  });
}
process.on('exit', () => {
  // Reached without the async cleanup only on an unexpected exit.
  if (server && server.exitCode === null && server.signalCode === null) server.kill('SIGKILL');
  dropDatabaseSync();
  removeTempDirSync();
});

const env = {
  ...process.env,
  PORT: port,
  TEST_CLOCK: 'true',
  AUTH_SECRET: TEST_AUTH_SECRET,
  NEXTAUTH_URL: `http://127.0.0.1:${port}`,
  AUTH_TRUST_HOST: 'true',
  DEMO_LOGIN: 'true',
  SEED_DEMO: 'true',
  // The stand-ins (SSO, webhook receivers, push) listen on loopback, which the outgoing-request guard
  // refuses unless the operator allows it (lib/net).
  // One server runs every spec, and a few demo accounts file everything: per-person daily
  // allowances are tested in tests/security-quotas.test.ts, not here.
  START_LIMIT_PER_HOUR: process.env.START_LIMIT_PER_HOUR ?? '100000',
  START_LIMIT_PER_DAY: process.env.START_LIMIT_PER_DAY ?? '100000',
  UPLOAD_QUOTA_BYTES_PER_DAY: process.env.UPLOAD_QUOTA_BYTES_PER_DAY ?? String(10 * 1024 ** 3),
  UPLOAD_UNATTACHED_MAX_BYTES: process.env.UPLOAD_UNATTACHED_MAX_BYTES ?? String(10 * 1024 ** 3),
  // Specs stand in for a reverse proxy (X-Forwarded-For from loopback) to act as many clients.
  TRUSTED_PROXIES: process.env.TRUSTED_PROXIES ?? '127.0.0.0/8,::1',
  OUTBOUND_ALLOWED_NETWORKS: process.env.OUTBOUND_ALLOWED_NETWORKS ?? '127.0.0.0/8,::1',
  PUSH_ALLOWED_NETWORKS: process.env.PUSH_ALLOWED_NETWORKS ?? '127.0.0.0/8,::1',
};

// Identity providers (OIDC: oidc-provider; CAS and WeChat Work stand-ins) on PORT+5 and PORT+6, so e2e can sign in through them.
let standIns = null;
try {
  standIns = await startStandIns(Number(port) + 5, '127.0.0.1', env.NEXTAUTH_URL);
  Object.assign(env, standIns.env);
  log(`SSO stand-ins: OIDC ${standIns.env.OIDC_ISSUER}, CAS ${standIns.env.CAS_BASE_URL}, WeCom ${standIns.env.WECOM_SSO_API_BASE}`);
} catch (error) {
  log(`could not start the SSO stand-ins (SSO e2e will fail): ${error.message}`);
}

try {
  if (mode === 'pglite') {
    tempDir = mkdtempSync(path.join(os.tmpdir(), 'zj-e2e-'));
    await copyPgliteTemplate(tempDir);
    env.DATA_DIR = tempDir;
    delete env.DATABASE_URL;
    log(`embedded PGlite in ${tempDir}`);
  } else {
    const name = `zj_e2e_${randomBytes(6).toString('hex')}`;
    dbName = name;
    const url = new URL(await createFromPostgresTemplate(baseUrl, name));
    env.DATABASE_URL = url.toString();
    env.DATA_DIR = tempDir = mkdtempSync(path.join(os.tmpdir(), 'zj-e2e-uploads-'));
    log(`PostgreSQL database ${name} on ${url.host}`);
  }
} catch (error) {
  log(`could not prepare the database: ${error.message}`);
  await cleanup();
  process.exit(1);
}

server = spawn(process.execPath, [nextBin, 'start', '-p', port], { cwd: root, env, stdio: 'inherit' });
server.on('error', (error) => log(`could not start next: ${error.message}`));
server.on('exit', (code, signal) => {
  if (cleaning) return; // we are stopping it
  log(`next start exited on its own (code ${code}, signal ${signal})`);
  cleanup().finally(() => process.exit(code || 1));
});

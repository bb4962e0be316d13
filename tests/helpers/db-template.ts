/**
 * One migrated and seeded database per version of db/, copied for each test file instead of
 * migrated and seeded again: a fresh PGlite costs ~15 s of CPU (initdb + migrations + bcrypt),
 * a copy of its directory well under one; on PostgreSQL `create database … template` does the same.
 *
 * The template's name carries a hash of everything under db/ (schema, migrations, seeds) and the
 * PGlite version, so a change there builds a new one. Several test processes may start at once:
 * each builds under a private name and renames it into place; a loser throws its copy away.
 */
import { createHash, randomBytes } from 'node:crypto';
import { copyFile, mkdir, mkdtemp, readdir, readFile, rename, rm, stat } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import postgres from 'postgres';
import { openDatabase, type Db } from '@/db/client';
import { seedCalendar } from '@/db/seed/calendar';
import { seedDemoAccounts, seedOrgUnits } from '@/db/seed/seed-demo';

// From __filename: tsx defines it but not __dirname when an ES module (scripts/serve-test.mjs) imports this file.
const ROOT = path.resolve(path.dirname(__filename), '..', '..');

/** What every test database starts with. */
export async function seedTestDatabase(db: Db): Promise<void> {
  await seedOrgUnits(db);
  await seedCalendar(db);
  await seedDemoAccounts(db);
}

let keyPromise: Promise<string> | undefined;

/** 16 hex digits that change whenever db/, this file or the PGlite version does. */
export function templateKey(): Promise<string> {
  keyPromise ??= (async () => {
    const hash = createHash('sha256');
    const files = (await readdir(path.join(ROOT, 'db'), { recursive: true, withFileTypes: true }))
      .filter((entry) => entry.isFile())
      .map((entry) => path.join(entry.parentPath, entry.name))
      .sort();
    for (const file of [...files, __filename, path.join(ROOT, 'node_modules/@electric-sql/pglite/package.json')]) {
      hash.update(path.relative(ROOT, file)).update('\0').update(await readFile(file)).update('\0');
    }
    return hash.digest('hex').slice(0, 16);
  })();
  return keyPromise;
}

const exists = (p: string) => stat(p).then(() => true, () => false);

/** The PGlite data directory (the `pglite` folder openDatabase uses) of the template, built if missing. */
export async function pgliteTemplate(): Promise<string> {
  const final = path.join(os.tmpdir(), `zj-test-template-${await templateKey()}`);
  if (await exists(final)) return final;
  const building = await mkdtemp(path.join(os.tmpdir(), 'zj-test-template-building-'));
  try {
    const database = await openDatabase({ kind: 'pglite', dataDir: building });
    try {
      await seedTestDatabase(database.db);
    } finally {
      await database.close();
    }
    await rm(path.join(building, 'pglite.lock'), { force: true });
    await rename(building, final).catch(async (error: NodeJS.ErrnoException) => {
      // Another process won the race: its template is as good as ours.
      if (!(await exists(final))) throw error;
    });
  } finally {
    await rm(building, { recursive: true, force: true });
  }
  return final;
}

/** Copies the template into dataDir (which openDatabase then opens with { migrate: false }). */
export async function copyPgliteTemplate(dataDir: string): Promise<void> {
  await copyTree(path.join(await pgliteTemplate(), 'pglite'), path.join(dataDir, 'pglite'));
}

/**
 * A plain recursive copy of ~1,200 files by copyFile (the kernel copies the bytes): Node 20's
 * fs.cp checks every entry in JavaScript and cost 1.3 s of CPU per test file here, this 0.1 s.
 */
async function copyTree(from: string, to: string): Promise<void> {
  const entries = await readdir(from, { recursive: true, withFileTypes: true });
  await mkdir(to, { recursive: true });
  for (const dir of entries.filter((e) => e.isDirectory())) await mkdir(path.join(to, path.relative(from, path.join(dir.parentPath, dir.name))), { recursive: true });
  const files = entries.filter((e) => e.isFile()).map((e) => path.relative(from, path.join(e.parentPath, e.name)));
  for (let i = 0; i < files.length; i += 64) {
    await Promise.all(files.slice(i, i + 64).map((file) => copyFile(path.join(from, file), path.join(to, file))));
  }
}

/** Runs one statement on the server's maintenance database with a short-lived connection. */
export async function adminStatement(baseUrl: string, statement: string): Promise<unknown> {
  const sql = postgres(baseUrl, { max: 1, onnotice: () => {}, connect_timeout: 10 });
  try {
    return await sql.unsafe(statement);
  } finally {
    await sql.end({ timeout: 5 });
  }
}

function databaseUrl(baseUrl: string, name: string): string {
  const url = new URL(baseUrl);
  url.pathname = `/${name}`;
  return url.toString();
}

/** The name of the template database on the server, built if missing. */
export async function postgresTemplate(baseUrl: string): Promise<string> {
  const final = `zj_template_${await templateKey()}`;
  const found = (await adminStatement(baseUrl, `select 1 from pg_database where datname = '${final}'`)) as unknown[];
  if (found.length) return final;
  // Hex only, so quoting the identifiers is safe.
  const building = `zj_template_building_${randomBytes(6).toString('hex')}`;
  await adminStatement(baseUrl, `create database "${building}"`);
  try {
    const database = await openDatabase({ kind: 'postgresql', url: databaseUrl(baseUrl, building), maxConnections: 2 });
    try {
      await seedTestDatabase(database.db);
    } finally {
      await database.close();
    }
    await adminStatement(baseUrl, `alter database "${building}" rename to "${final}"`).catch(async (error) => {
      const raced = (await adminStatement(baseUrl, `select 1 from pg_database where datname = '${final}'`)) as unknown[];
      if (!raced.length) throw error;
    });
  } finally {
    await adminStatement(baseUrl, `drop database if exists "${building}" with (force)`);
  }
  return final;
}

/** A new database on the server, copied from the template; returns its URL. */
export async function createFromPostgresTemplate(baseUrl: string, name: string): Promise<string> {
  const template = await postgresTemplate(baseUrl);
  await adminStatement(baseUrl, `create database "${name}" template "${template}"`);
  return databaseUrl(baseUrl, name);
}

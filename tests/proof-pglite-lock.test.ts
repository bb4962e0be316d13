import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { after, before, test } from 'node:test';
import { sql } from 'drizzle-orm';
import { openDatabase, type Database } from '@/db/client';

// PGlite has no lock of its own (two processes on one directory silently lose writes): the
// data-dir lock must refuse the second process by name and leave the first one working.
let dir: string;
let first: Database;

before(async () => {
  dir = await mkdtemp(path.join(os.tmpdir(), 'zj-lock-'));
  first = await openDatabase({ kind: 'pglite', dataDir: dir });
  await first.db.execute(sql`create table probe (n int)`);
  await first.db.execute(sql`insert into probe values (1)`);
});
after(async () => {
  await first?.close();
  await rm(dir, { recursive: true, force: true });
});

test('a second process on the same DATA_DIR is refused, naming the holder; the first is unharmed', () => {
  const child = spawnSync(process.execPath, ['--import', 'tsx', path.join('tests', 'helpers', 'open-pglite-child.ts'), dir], {
    cwd: process.cwd(),
    encoding: 'utf8',
    timeout: 60_000,
  });
  assert.equal(child.status, 3, `second process should be refused; got ${child.status}: ${child.stdout}${child.stderr}`);
  assert.match(child.stderr, new RegExp(`in use by another process \\(pid ${process.pid} on `));
  assert.match(child.stderr, /DATABASE_URL/, 'the message says what to do instead');
});

test('the first process still reads and writes after the refusal', async () => {
  await first.db.execute(sql`insert into probe values (2)`);
  const rows = await first.db.execute(sql`select count(*)::int as n from probe`);
  const n = (rows as unknown as { rows?: Array<{ n: number }> }).rows?.[0]?.n ?? (rows as unknown as Array<{ n: number }>)[0]?.n;
  assert.equal(n, 2);
});

import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { and, count, eq } from 'drizzle-orm';
import { apiTokenUses, campusImports, campusRecords } from '@/db/schema';
import { loadActor, type SessionUser } from '@/lib/auth/load-actor';
import { applyDataset } from '@/lib/campus/apply-dataset';
import { importCsv } from '@/lib/campus/import-csv';
import { authenticateToken } from '@/lib/tokens/authenticate-token';
import { createToken } from '@/lib/tokens/create-token';
import { revokeToken } from '@/lib/tokens/revoke-token';
import { createTestDatabase, type TestDatabase } from './helpers/test-db';

let t: TestDatabase;
let admin: SessionUser;
let student: SessionUser;
const NOW = new Date('2026-11-27T08:00:00Z');
const req = { method: 'PUT', path: '/api/v1/integrations/grades', ip: null };

before(async () => {
  t = await createTestDatabase();
  admin = (await loadActor(t.db, { username: 'admin' }))!;
  student = (await loadActor(t.db, { username: 'student' }))!;
});
after(() => t.close());

function gradeRow(i: number) {
  return { studentId: `s${i % 5000}`, term: '2026-2027-1', course: `课程${Math.floor(i / 5000)}`, credit: 2, score: '90', gradePoint: 4 };
}

test('a token is shown once, stored hashed, scope-checked, logged on every use, and revocation is immediate', async () => {
  const token = await createToken(t.db, admin, { name: '教务系统', scopes: ['dataset:grades'], expiresInDays: 30 }, NOW);
  const user = await authenticateToken(t.db, token.secret, req, 'dataset:grades', NOW);
  assert.equal(user.username, 'admin');
  assert.deepEqual(user.scopes, ['dataset:grades']);
  await assert.rejects(authenticateToken(t.db, token.secret, req, 'dataset:timetable', NOW), { code: 'FORBIDDEN' });
  const uses = await t.db.select().from(apiTokenUses).where(eq(apiTokenUses.tokenId, token.id));
  assert.deepEqual(uses.map((u) => u.outcome).sort(), ['ok', 'scope']);
  await revokeToken(t.db, admin, token.id, NOW);
  await assert.rejects(authenticateToken(t.db, token.secret, req, 'dataset:grades', NOW), { code: 'UNAUTHENTICATED' });
  const later = new Date(NOW.getTime() + 31 * 86_400_000);
  const other = await createToken(t.db, admin, { name: 'x', scopes: ['api'], expiresInDays: 30 }, NOW);
  await assert.rejects(authenticateToken(t.db, other.secret, req, 'api', later), { code: 'UNAUTHENTICATED' }, 'expired');
});

test('a student may not mint a dataset token, nor revoke someone else’s', async () => {
  await assert.rejects(createToken(t.db, student, { name: 'x', scopes: ['dataset:grades'], expiresInDays: 1 }, NOW), { code: 'FORBIDDEN' });
  const adminToken = await createToken(t.db, admin, { name: 'y', scopes: ['api'], expiresInDays: 1 }, NOW);
  await assert.rejects(revokeToken(t.db, student, adminToken.id, NOW), { code: 'NOT_FOUND' });
});

test('100,000 rows with 10 bad ones: the 10 are reported and nothing is applied; a fixed batch applies, twice idempotently', async () => {
  const rows: Array<Record<string, unknown>> = Array.from({ length: 100_000 }, (_, i) => gradeRow(i));
  const bad = [7, 1000, 20_000, 33_333, 50_000, 60_001, 70_000, 80_000, 90_000, 99_999];
  for (const i of bad) rows[i] = { ...rows[i], gradePoint: 9 };
  let started = performance.now();
  const rejected = await applyDataset(t.db, { datasetId: 'grades', rows, source: 'push', actorId: admin.id, now: NOW });
  const validateMs = performance.now() - started;
  assert.equal(rejected.applied, false);
  assert.equal(rejected.errorCount, 10);
  assert.deepEqual(rejected.errors.map((e) => e.row), bad.map((i) => i + 1));
  const [none] = await t.db.select({ n: count() }).from(campusRecords).where(eq(campusRecords.dataset, 'grades'));
  assert.equal(none!.n, 0);

  // Applying all 100,000 is measured by bench/integrations-push.ts; here 10,000 keep the suite quick.
  const fixed = rows.slice(0, 10_000).map((_, i) => gradeRow(i));
  started = performance.now();
  const applied = await applyDataset(t.db, { datasetId: 'grades', rows: fixed, source: 'push', actorId: admin.id, now: NOW });
  const applyMs = performance.now() - started;
  assert.equal(applied.applied, true);
  assert.equal(applied.inserted, 10_000);
  const again = await applyDataset(t.db, { datasetId: 'grades', rows: fixed, source: 'push', actorId: admin.id, now: NOW });
  assert.deepEqual([again.inserted, again.updated], [0, 10_000]);
  const [all] = await t.db.select({ n: count() }).from(campusRecords).where(eq(campusRecords.dataset, 'grades'));
  assert.equal(all!.n, 10_000);
  console.log(`# ${t.kind}: 100k rows validate+reject ${validateMs.toFixed(0)} ms; 10k rows apply ${applyMs.toFixed(0)} ms`);
  const logged = await t.db.select().from(campusImports).where(eq(campusImports.dataset, 'grades'));
  assert.equal(logged.length, 3);
});

test('a GBK CSV is detected and imported; a CSV with one bad row applies nothing', async () => {
  const csv = '学号,学期,课程,星期,节次,周次,地点,教师\r\nstudent,2026-2027-1,数据结构,2,3-4,1-16,教学楼 B201,陈老师\r\n';
  const gbk = new Uint8Array(Buffer.from(encodeGbk(csv)));
  const report = await importCsv(t.db, { datasetId: 'timetable', bytes: gbk, actorId: admin.id, now: NOW });
  assert.equal(report.encoding, 'gb18030');
  assert.equal(report.applied, true);
  const [row] = await t.db
    .select()
    .from(campusRecords)
    .where(and(eq(campusRecords.dataset, 'timetable'), eq(campusRecords.ownerUsername, 'student')));
  assert.equal(row!.data.course, '数据结构');
  const badCsv = new TextEncoder().encode(csv + 'student2,2026-2027-1,植物学,9,1-2,1-16,x,y\r\nstudent2,2026-2027-1,化学,1,1-2,1-16,x,y\r\n');
  const rejected = await importCsv(t.db, { datasetId: 'timetable', bytes: badCsv, actorId: admin.id, now: NOW });
  assert.equal(rejected.applied, false);
  assert.deepEqual(rejected.errors.map((e) => e.row), [3], 'the line number of the bad row');
  const [n] = await t.db.select({ n: count() }).from(campusRecords).where(eq(campusRecords.ownerUsername, 'student2'));
  assert.equal(n!.n, 0);
});

/** GBK bytes for the few characters the test uses, via the platform decoder's inverse. */
function encodeGbk(text: string): number[] {
  const decoder = new TextDecoder('gb18030');
  const table = new Map<string, number[]>();
  for (let hi = 0x81; hi <= 0xfe; hi++) {
    for (let lo = 0x40; lo <= 0xfe; lo++) {
      if (lo === 0x7f) continue;
      const ch = decoder.decode(Uint8Array.from([hi, lo]));
      if (ch.length === 1 && !table.has(ch)) table.set(ch, [hi, lo]);
    }
  }
  return [...text].flatMap((ch) => (ch.charCodeAt(0) < 0x80 ? [ch.charCodeAt(0)] : table.get(ch)!));
}

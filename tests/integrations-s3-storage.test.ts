import assert from 'node:assert/strict';
import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { after, before, test } from 'node:test';
import { eq } from 'drizzle-orm';
// @ts-expect-error: s3rver ships no types
import S3rver from 's3rver';
import { uploads } from '@/db/schema';
import { loadActor } from '@/lib/auth/load-actor';
import { s3Storage } from '@/lib/storage/s3';
import { readUpload } from '@/lib/uploads/read-upload';
import { saveUpload } from '@/lib/uploads/save-upload';
import { createTestDatabase, type TestDatabase } from './helpers/test-db';

let PORT = 0;
let t: TestDatabase;
let dir: string;
let server: { run(): Promise<unknown>; close(): Promise<void> };
const PDF = new TextEncoder().encode('%PDF-1.4\n1 0 obj<</Type/Catalog>>endobj\ntrailer<</Root 1 0 R>>\n%%EOF\n');

before(async () => {
  t = await createTestDatabase();
  dir = await mkdtemp(path.join(os.tmpdir(), 'zj-s3rver-'));
  server = new S3rver({ port: 0, address: '127.0.0.1', silent: true, directory: dir, configureBuckets: [{ name: 'evidence' }] });
  // Any free port: test files run in parallel, in both database modes at once.
  PORT = ((await server.run()) as { port: number }).port;
});
after(async () => {
  await server.close();
  await rm(dir, { recursive: true, force: true });
  await t.close();
});

const storage = () =>
  s3Storage({
    bucket: 'evidence',
    endpoint: `http://127.0.0.1:${PORT}`,
    region: 'us-east-1',
    accessKeyId: 'S3RVER',
    secretAccessKey: 'S3RVER',
    forcePathStyle: true,
    prefix: 'zj/',
  });

test('an evidence upload round-trips through the S3 driver: same checks, same bytes, same SHA-256', async () => {
  const student = (await loadActor(t.db, { username: 'student' }))!;
  const s3 = storage();
  const saved = await saveUpload(t.db, s3, { name: '证明.pdf', bytes: PDF }, student.id, 1024 * 1024);
  const [row] = await t.db.select().from(uploads).where(eq(uploads.id, saved.id));
  assert.equal(row!.contentType, 'application/pdf');
  const { bytes } = await readUpload(t.db, s3, student, saved.id);
  assert.deepEqual(Buffer.from(bytes), Buffer.from(PDF));
  const counselor2 = (await loadActor(t.db, { username: 'counselor2' }))!;
  await assert.rejects(readUpload(t.db, s3, counselor2, saved.id), { code: 'NOT_FOUND' }, 'same permission check as on disk');
  await assert.rejects(saveUpload(t.db, s3, { name: 'x.pdf', bytes: new TextEncoder().encode('not a pdf') }, student.id, 1024), {
    code: 'UNSUPPORTED_MEDIA_TYPE',
  });
  await s3.delete(row!.storageKey);
  await assert.rejects(s3.get(row!.storageKey));
});

import assert from 'node:assert/strict';
import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { after, before, describe, test } from 'node:test';
import { eq } from 'drizzle-orm';
import { notices, uploads } from '@/db/schema';
import type { Storage } from '@/lib/storage';
import { localDiskStorage } from '@/lib/storage/local-disk';
import { ABANDONED_UPLOAD_MS, purgeUnattachedUploads } from '@/lib/uploads/purge-unattached';
import { saveUpload } from '@/lib/uploads/save-upload';
import { startInstance } from '@/workflows/engine/start-instance';
import { loadActors } from './helpers/process-fixtures';
import { createTestDatabase, type TestDatabase } from './helpers/test-db';

const PDF = new TextEncoder().encode('%PDF-1.4\n1 0 obj<</Type/Catalog>>endobj\ntrailer<</Root 1 0 R>>\n%%EOF\n');
let t: TestDatabase;
let dir: string;
let storage: Storage;

before(async () => {
  t = await createTestDatabase();
  dir = await mkdtemp(path.join(os.tmpdir(), 'zj-purge-'));
  storage = localDiskStorage(dir);
});
after(async () => {
  await t.close();
  await rm(dir, { recursive: true, force: true });
});

describe('uploads nobody attached', () => {
  test('a file picked for a form never sent is removed after a day; files of applications and notices stay', async () => {
    const { student, admin } = await loadActors(t.db, ['student', 'admin']);
    const save = async (ownerId: string) => (await saveUpload(t.db, storage, { name: 'proof.pdf', bytes: PDF }, ownerId, 1024 * 1024)).id;
    const abandoned = await save(student!.id);
    const submitted = await save(student!.id);
    await startInstance(t.db, { processId: 'fitness-test-exemption', actor: student!, input: { kind: 'defer', reason: '住院治疗中', evidence: [submitted] }, now: new Date() });
    const noticeFile = await save(admin!.id);
    await t.db.insert(notices).values({ authorId: admin!.id, title: '缴费说明', body: '见附件', attachmentId: noticeFile, recipientCount: 0, createdAt: new Date() });
    const [abandonedRow] = await t.db.select().from(uploads).where(eq(uploads.id, abandoned));

    const soon = new Date(Date.now() + ABANDONED_UPLOAD_MS - 60_000);
    assert.equal(await purgeUnattachedUploads(t.db, storage, soon), 0, 'a day has not passed');
    const later = new Date(Date.now() + ABANDONED_UPLOAD_MS + 60_000);
    assert.equal(await purgeUnattachedUploads(t.db, storage, later), 1);
    const left = new Set((await t.db.select({ id: uploads.id }).from(uploads)).map((r) => r.id));
    assert.deepEqual([left.has(abandoned), left.has(submitted), left.has(noticeFile)], [false, true, true]);
    await assert.rejects(storage.get(abandonedRow!.storageKey), 'the stored file is gone too');
    assert.equal(await purgeUnattachedUploads(t.db, storage, later), 0, 'nothing twice');
  });
});

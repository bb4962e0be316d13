import assert from 'node:assert/strict';
import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { after, before, describe, test } from 'node:test';
import { eq } from 'drizzle-orm';
import { uploads } from '@/db/schema';
import type { SessionUser } from '@/lib/auth/load-actor';
import { discardDraft, getDraft, listDrafts, saveDraft } from '@/lib/drafts/drafts';
import type { Storage } from '@/lib/storage';
import { localDiskStorage } from '@/lib/storage/local-disk';
import { ABANDONED_UPLOAD_MS, purgeUnattachedUploads } from '@/lib/uploads/purge-unattached';
import { saveUpload } from '@/lib/uploads/save-upload';
import { expectCode, loadActors } from './helpers/process-fixtures';
import { createTestDatabase, type TestDatabase } from './helpers/test-db';

// Issue 18 item 3: a half-typed form is kept on the server, per person and process, with its files.
const PDF = new TextEncoder().encode('%PDF-1.4\n1 0 obj<</Type/Catalog>>endobj\ntrailer<</Root 1 0 R>>\n%%EOF\n');
let t: TestDatabase;
let a: Record<string, SessionUser>;
let dir: string;
let storage: Storage;
const now = new Date();

before(async () => {
  t = await createTestDatabase();
  a = await loadActors(t.db, ['student', 'student2', 'cadre']);
  dir = await mkdtemp(path.join(os.tmpdir(), 'zj-drafts-'));
  storage = localDiskStorage(dir);
});
after(async () => {
  await t.close();
  await rm(dir, { recursive: true, force: true });
});

const upload = async (owner: SessionUser) => (await saveUpload(t.db, storage, { name: '参保证明.pdf', bytes: PDF }, owner.id, 1024 * 1024)).id;

describe('drafts', () => {
  test('saved as typed, replaced on the next save, read back with its files, listed, deleted', async () => {
    const proof = await upload(a.student!);
    await saveDraft(t.db, a.student!, 'insurance-opt-out', { values: { insurer: '湛江' }, files: {} }, now);
    const later = new Date(now.getTime() + 60_000);
    const saved = await saveDraft(t.db, a.student!, 'insurance-opt-out', { values: { insurer: '湛江市城镇职工医保', note: '' }, files: { proof: [proof] } }, later);
    assert.equal(saved.updatedAt, later.toISOString());
    const draft = await getDraft(t.db, a.student!, 'insurance-opt-out');
    assert.deepEqual(draft?.values, { insurer: '湛江市城镇职工医保', note: '' });
    assert.deepEqual(draft?.files.proof?.map((f) => f.filename), ['参保证明.pdf']);
    assert.deepEqual((await listDrafts(t.db, a.student!)).map((d) => [d.processId, d.title.zh]), [['insurance-opt-out', '城乡居民医保不参保申请']]);
    // Per person: another student has none.
    assert.equal(await getDraft(t.db, a.student2!, 'insurance-opt-out'), null);
    await discardDraft(t.db, a.student!, 'insurance-opt-out');
    assert.equal(await getDraft(t.db, a.student!, 'insurance-opt-out'), null);
    assert.deepEqual(await listDrafts(t.db, a.student!), []);
  });

  test('only the person’s own unsent files stay with it; forms they may not send keep no draft; bad input is a 400', async () => {
    const others = await upload(a.student2!);
    await saveDraft(t.db, a.student!, 'insurance-opt-out', { values: {}, files: { proof: [others] } }, now);
    assert.deepEqual((await getDraft(t.db, a.student!, 'insurance-opt-out'))?.files.proof, []);
    await expectCode(saveDraft(t.db, a.cadre!, 'insurance-opt-out', { values: {}, files: {} }, now), 'FORBIDDEN');
    await expectCode(saveDraft(t.db, a.student!, 'no-such-process', { values: {}, files: {} }, now), 'NOT_FOUND');
    await expectCode(saveDraft(t.db, a.student!, 'insurance-opt-out', { values: { insurer: 'x'.repeat(6000) } }, now), 'INVALID_INPUT');
    await expectCode(saveDraft(t.db, a.student!, 'insurance-opt-out', { values: { 'bad name': 'x' } }, now), 'INVALID_INPUT');
    await discardDraft(t.db, a.student!, 'insurance-opt-out');
  });

  test('the upload sweep spares a draft’s files however old, and takes them once the draft is gone', async () => {
    const kept = await upload(a.student!);
    const loose = await upload(a.student!);
    await saveDraft(t.db, a.student!, 'insurance-opt-out', { values: { insurer: '某保险' }, files: { proof: [kept] } }, now);
    const dayLater = new Date(Date.now() + ABANDONED_UPLOAD_MS + 60_000);
    await purgeUnattachedUploads(t.db, storage, dayLater);
    const left = async () => (await t.db.select({ id: uploads.id }).from(uploads).where(eq(uploads.ownerId, a.student!.id))).map((u) => u.id);
    assert.ok((await left()).includes(kept), 'the draft keeps its file');
    assert.ok(!(await left()).includes(loose), 'a file of no draft and no application goes');
    await discardDraft(t.db, a.student!, 'insurance-opt-out');
    await purgeUnattachedUploads(t.db, storage, dayLater);
    assert.ok(!(await left()).includes(kept), 'after the draft is deleted it goes too');
  });
});

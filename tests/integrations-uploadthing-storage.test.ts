import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { loadActor } from '@/lib/auth/load-actor';
import { uploadthingStorage } from '@/lib/storage/uploadthing';
import { readUpload } from '@/lib/uploads/read-upload';
import { saveUpload } from '@/lib/uploads/save-upload';
// @ts-expect-error: a plain ESM script without types
import { startUploadthingStandIn } from '../scripts/uploadthing-stand-in.mjs';
import { createTestDatabase, type TestDatabase } from './helpers/test-db';

let t: TestDatabase;
let standIn: { env: Record<string, string>; stats: Record<string, number>; stop(): Promise<void> };
const PNG = Buffer.concat([Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]), Buffer.alloc(64, 7)]);

before(async () => {
  t = await createTestDatabase();
  standIn = await startUploadthingStandIn(0, { apiKey: 'sk_live_standin', appId: 'standinapp' });
  // The SDK reads its URL overrides from the environment, as it would in production.
  Object.assign(process.env, standIn.env);
});
after(async () => {
  await standIn.stop();
  await t.close();
});

test('the uploadthing driver stores, reads back and deletes an upload through the SDK (signed URLs verified)', async () => {
  const student = (await loadActor(t.db, { username: 'student' }))!;
  const storage = uploadthingStorage(standIn.env.UPLOADTHING_TOKEN!);
  const saved = await saveUpload(t.db, storage, { name: 'photo.png', bytes: new Uint8Array(PNG) }, student.id, 1024 * 1024);
  assert.equal(saved.contentType, 'image/png');
  const { row, bytes } = await readUpload(t.db, storage, student, saved.id);
  assert.deepEqual(Buffer.from(bytes), PNG);
  await storage.delete(row.storageKey);
  assert.deepEqual(standIn.stats, { uploads: 1, deletes: 1, reads: 1 });
  await assert.rejects(storage.get(row.storageKey), /404/);
});

test('a token with the wrong API key is refused by the (stand-in) ingest', async () => {
  const wrong = Buffer.from(JSON.stringify({ apiKey: 'sk_live_wrong', appId: 'standinapp', regions: ['standin'] })).toString('base64');
  await assert.rejects(uploadthingStorage(wrong).put('aa/x', new Uint8Array(PNG), 'image/png'));
});

import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { eq } from 'drizzle-orm';
import { processInstances, uploads } from '@/db/schema';
import { loadActor } from '@/lib/auth/load-actor';
import { env } from '@/lib/env';
import { toErrorBody } from '@/lib/errors';
import { assertMayStart } from '@/lib/instances/start-limit';
import { assertUploadQuota } from '@/lib/uploads/upload-quota';
import { createTestDatabase, type TestDatabase } from './helpers/test-db';

// Issue 15 item 7: one student filed 1,479 dorm repairs in minutes and uploaded 40 × 10 MB in 22 s.
let t: TestDatabase;
const now = new Date();
before(async () => {
  t = await createTestDatabase();
});
after(() => t.close());

const MB = 1024 * 1024;

describe('per-person creation limits', () => {
  test('starting applications: the hourly limit is a clear 429 for that person only', async () => {
    const student = (await loadActor(t.db, { username: 'student' }))!;
    const other = (await loadActor(t.db, { username: 'student2' })) ?? (await loadActor(t.db, { username: 'counselor' }))!;
    const { perHour } = env().startLimit;
    const before = await t.db.select({ id: processInstances.id }).from(processInstances).where(eq(processInstances.applicantId, student.id));
    assert.equal(await assertMayStart(t.db, student.id, now).then(() => 'OK'), 'OK');
    // Stand-ins for applications filed within the hour (the limit counts the instances themselves).
    assert.ok(before.length < perHour);
    const at = new Date(now.getTime() - 60_000);
    await t.db.insert(processInstances).values(
      Array.from({ length: perHour }, () => ({
        processId: 'dorm-repair',
        processVersion: 1,
        snapshot: {},
        state: 'triage',
        title: { zh: '宿舍报修', en: 'Dorm repair' },
        applicantId: student.id,
        lastHash: 'x',
        createdAt: at,
        updatedAt: at,
        stateSince: at,
      })),
    );
    const error = await assertMayStart(t.db, student.id, now).catch((e: unknown) => e);
    const { status, body } = toErrorBody(error, 'zh');
    assert.equal(status, 429);
    assert.match(body.error.message, /提交申请过于频繁/);
    assert.equal(await assertMayStart(t.db, other.id, now).then(() => 'OK'), 'OK');
  });

  test('uploads: unattached bytes and bytes per day, with messages that say which', async () => {
    const student = (await loadActor(t.db, { username: 'counselor' }))!;
    const { unattached, perDay } = env().uploadQuota;
    const row = (size: number, attached: boolean) => ({
      ownerId: student.id,
      filename: 'x.pdf',
      contentType: 'application/pdf',
      size,
      sha256: 'x',
      storageKey: `q/${crypto.randomUUID()}`,
      createdAt: new Date(now.getTime() - 60_000),
      ...(attached ? {} : { instanceId: null }),
    });
    await t.db.insert(uploads).values(row(unattached - MB, false));
    assert.equal(await assertUploadQuota(t.db, student.id, MB / 2, now).then(() => 'OK'), 'OK');
    let { status, body } = toErrorBody(await assertUploadQuota(t.db, student.id, 2 * MB, now).catch((e: unknown) => e), 'zh');
    assert.equal(status, 429);
    assert.match(body.error.message, /尚未提交的附件已达 50 MB/);
    // A day's worth, mostly attached or not: the daily allowance speaks first.
    await t.db.delete(uploads).where(eq(uploads.ownerId, student.id));
    await t.db.insert(uploads).values(row(perDay - MB, false));
    ({ status, body } = toErrorBody(await assertUploadQuota(t.db, student.id, 2 * MB, now).catch((e: unknown) => e), 'zh'));
    assert.equal(status, 429);
    assert.match(body.error.message, /今日上传已达上限/);
  });
});

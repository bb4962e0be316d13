import assert from 'node:assert/strict';
import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { after, before, beforeEach, describe, test } from 'node:test';
import { eq, like } from 'drizzle-orm';
import { instanceEvents, rateLimits, uploads } from '@/db/schema';
import { loadActor, type SessionUser } from '@/lib/auth/load-actor';
import { toErrorBody } from '@/lib/errors';
import {
  ATTACHMENT_CLAIM_MS,
  ATTACHMENTS_PER_IP,
  readLetterAttachment,
  uploadLetterAttachment,
} from '@/lib/mailbox/attachments';
import { forgetMailboxKey } from '@/lib/mailbox/capability';
import { findLetterByToken } from '@/lib/mailbox/find-letter';
import { sendLetterEvent } from '@/lib/mailbox/send-letter-event';
import { submitLetter } from '@/lib/mailbox/submit-letter';
import { trackLetter } from '@/lib/mailbox/track-view';
import { localDiskStorage } from '@/lib/storage/local-disk';
import type { Storage } from '@/lib/storage';
import { readUpload } from '@/lib/uploads/read-upload';
import { purgeUnattachedUploads } from '@/lib/uploads/purge-unattached';
import { saveUpload } from '@/lib/uploads/save-upload';
import { weekdayCalendar } from '@/workflows/engine/calendar';
import { isAppError } from '@/workflows/engine/errors';
import { startInstance } from '@/workflows/engine/start-instance';
import { outcomeCode } from './helpers/process-fixtures';
import { createTestDatabase, type TestDatabase } from './helpers/test-db';

let t: TestDatabase;
let storage: Storage;
let dir: string;
const actors: Record<string, SessionUser> = {};
const at = new Date('2026-03-02T02:00:00Z'); // a Monday, 10:00 in China
const MAX = 1024 * 1024;

const JPEG = new Uint8Array([0xff, 0xd8, 0xff, 0xe0, 0x00, 0x10, 0x4a, 0x46, 0x49, 0x46, 0x00, 0x01, 0x01, 0x00, 0x00, 0x01]);
const PDF = new TextEncoder().encode('%PDF-1.4\n1 0 obj<</Type/Catalog>>endobj\ntrailer<</Root 1 0 R>>\n%%EOF\n');
const HTML_AS_PDF = new TextEncoder().encode('<!doctype html><html><script>alert(document.cookie)</script></html>');

const letter = (attachments: string[]) => ({
  category: 'help',
  subject: '宿舍漏水',
  content: '东区 12 栋 305 天花板漏水，照片见附件。',
  anonymous: true,
  consentPublish: false,
  attachments,
});

let ipCounter = 0;
/** Each test writes from its own address, so only the rate-limit test meets the limit. */
const freshIp = () => `192.0.2.${++ipCounter}`;

const upload = (name: string, bytes: Uint8Array, ip = freshIp(), now = at) =>
  uploadLetterAttachment(t.db, storage, { ip, now, maxBytes: MAX, read: async () => ({ name, bytes }) });

const submit = (body: unknown, actor: SessionUser | null = null, now = at) =>
  submitLetter(t.db, { body, actor, ip: freshIp(), now, origin: 'http://campus.test', calendar: weekdayCalendar });

const codeOf = (promise: Promise<unknown>) => outcomeCode(promise);

before(async () => {
  forgetMailboxKey();
  t = await createTestDatabase();
  dir = await mkdtemp(path.join(os.tmpdir(), 'zj-mbx-attach-'));
  storage = localDiskStorage(dir);
  for (const name of ['mailbox', 'logistics', 'security', 'student', 'student2', 'admin']) {
    actors[name] = (await loadActor(t.db, { username: name }))!;
  }
});
after(async () => {
  await t.close();
  await rm(dir, { recursive: true, force: true });
});
beforeEach(async () => {
  await t.db.delete(rateLimits).where(like(rateLimits.key, 'mailbox:%'));
});

describe('校长信箱 attachments from writers without an account', () => {
  test('anonymous upload → letter with the attachment; office and the tracking link read it, nobody else', async () => {
    const photo = await upload('漏水.jpg', JPEG);
    assert.equal(photo.contentType, 'image/jpeg');
    assert.match(photo.claim, /^[A-Za-z0-9_-]{43}$/);
    const [stored] = await t.db.select().from(uploads).where(eq(uploads.id, photo.id));
    assert.equal(stored!.ownerId, null);
    assert.equal(stored!.instanceId, null);
    assert.notEqual(stored!.claimHash, photo.claim, 'only the hash of the claim is kept');
    assert.equal(stored!.claimExpiresAt!.getTime(), at.getTime() + ATTACHMENT_CLAIM_MS);
    // Before it is attached, not even staff can open it: it belongs to no letter yet.
    assert.equal(await codeOf(readUpload(t.db, storage, actors.mailbox!, photo.id)), 'NOT_FOUND');

    const sent = await submit({ letter: letter([photo.id]), attachmentClaims: [{ id: photo.id, claim: photo.claim }] });
    const [row] = await t.db.select().from(uploads).where(eq(uploads.id, photo.id));
    assert.equal(row!.instanceId, sent.instanceId);
    assert.equal(row!.claimHash, null, 'the claim is spent');
    const [submitted] = await t.db.select().from(instanceEvents).where(eq(instanceEvents.instanceId, sent.instanceId));
    assert.equal(JSON.stringify(submitted!.payload).includes(photo.claim), false, 'the claim never reaches the event log');
    assert.deepEqual(
      (submitted!.payload as { attachments: Array<{ id: string; sha256: string }> }).attachments.map((a) => a.id),
      [photo.id],
    );

    // The office reads it through the normal upload authorization; other people get a 404.
    const read = await readUpload(t.db, storage, actors.mailbox!, photo.id);
    assert.deepEqual([...read.bytes], [...JPEG]);
    assert.equal(await codeOf(readUpload(t.db, storage, actors.student!, photo.id)), 'NOT_FOUND');
    assert.equal(await codeOf(readUpload(t.db, storage, actors.logistics!, photo.id)), 'NOT_FOUND');

    // Once assigned, the department reads it too; a department it was not assigned to does not.
    await sendLetterEvent(t.db, actors.mailbox!, sent.instanceId, { type: 'accept' }, at, weekdayCalendar);
    await sendLetterEvent(t.db, actors.mailbox!, sent.instanceId, { type: 'assign', input: { departments: ['logistics'] } }, at, weekdayCalendar);
    assert.equal((await readUpload(t.db, storage, actors.logistics!, photo.id)).row.id, photo.id);
    assert.equal(await codeOf(readUpload(t.db, storage, actors.security!, photo.id)), 'NOT_FOUND');

    // The writer: through the tracking link (listed on the tracking view, served by id).
    const token = sent.trackingUrl.split('/').pop()!;
    const opened = await findLetterByToken(t.db, token, '198.51.100.1', at);
    const view = await trackLetter(t.db, opened.instanceId, weekdayCalendar);
    assert.deepEqual(view.attachments, [{ id: photo.id, filename: '漏水.jpg', contentType: 'image/jpeg', size: JPEG.length }]);
    const mine = await readLetterAttachment(t.db, storage, opened.instanceId, photo.id);
    assert.deepEqual([...mine.bytes], [...JPEG]);

    // Another letter's link does not open this file.
    const other = await submit({ letter: letter([]) });
    assert.equal(await codeOf(readLetterAttachment(t.db, storage, other.instanceId, photo.id)), 'NOT_FOUND');
    assert.equal(await codeOf(readLetterAttachment(t.db, storage, opened.instanceId, 'not-a-uuid')), 'NOT_FOUND');
  });

  test('an upload cannot be attached twice, without its claim, with a wrong claim, or after the hour', async () => {
    const pdf = await upload('证明.pdf', PDF);
    const refused = async (body: unknown, actor: SessionUser | null = null, now = at) => {
      const error = await submit(body, actor, now).catch((e: unknown) => e);
      assert.ok(isAppError(error), String(error));
      assert.equal(error.code, 'INVALID_INPUT');
      assert.match(toErrorBody(error, 'zh').body.error.message, /附件无效或已被使用/);
    };
    // Knowing the id is not enough (anonymous, or a signed-in stranger).
    await refused({ letter: letter([pdf.id]) });
    await refused({ letter: letter([pdf.id]) }, actors.student2!);
    await refused({ letter: letter([pdf.id]), attachmentClaims: [{ id: pdf.id, claim: 'x'.repeat(43) }] });
    // Another upload's claim does not open this one.
    const other = await upload('other.pdf', PDF);
    await refused({ letter: letter([pdf.id]), attachmentClaims: [{ id: pdf.id, claim: other.claim }] });
    // Too late.
    await refused({ letter: letter([pdf.id]), attachmentClaims: [{ id: pdf.id, claim: pdf.claim }] }, null, new Date(at.getTime() + ATTACHMENT_CLAIM_MS + 1));
    // Nothing was attached by the refusals.
    const [untouched] = await t.db.select().from(uploads).where(eq(uploads.id, pdf.id));
    assert.equal(untouched!.instanceId, null);

    const claims = [{ id: pdf.id, claim: pdf.claim }];
    await submit({ letter: letter([pdf.id]), attachmentClaims: claims });
    // The same upload and claim again: refused (attachable once, to a new letter only).
    await refused({ letter: letter([pdf.id]), attachmentClaims: claims });
    await refused({ letter: letter([pdf.id]), attachmentClaims: claims }, actors.student!);

    // Nor can a claimed-or-not anonymous upload go on another process (only a new letter passes claims).
    const loose = await upload('loose.pdf', PDF);
    const fitness = await startInstance(t.db, {
      processId: 'fitness-test-exemption',
      actor: actors.student!,
      input: { kind: 'exempt', reason: '膝关节术后康复期，医嘱禁止剧烈运动', evidence: [loose.id] },
      now: at,
    }).catch((e: unknown) => e);
    assert.ok(isAppError(fitness));
    assert.match(toErrorBody(fitness, 'zh').body.error.message, /附件无效或已被使用/);
  });

  test('two letters racing for one upload: exactly one gets it', async () => {
    const photo = await upload('race.png', new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 0x0d, 0x49, 0x48]));
    const body = { letter: letter([photo.id]), attachmentClaims: [{ id: photo.id, claim: photo.claim }] };
    const outcomes = await Promise.all([codeOf(submit(body)), codeOf(submit(body))]);
    assert.deepEqual(outcomes.sort(), ['INVALID_INPUT', 'OK']);
  });

  test('a signed-in writer may attach their own uploads (no claim needed), not someone else’s', async () => {
    const mineId = (
      await saveUpload(t.db, storage, { name: 'mine.pdf', bytes: PDF }, actors.student!.id, MAX)
    ).id;
    const sent = await submit({ letter: { ...letter([mineId]), anonymous: false, contact: 'student@example.com' } }, actors.student!);
    const [row] = await t.db.select().from(uploads).where(eq(uploads.id, mineId));
    assert.equal(row!.instanceId, sent.instanceId);
    const theirs = (await saveUpload(t.db, storage, { name: 'theirs.pdf', bytes: PDF }, actors.student2!.id, MAX)).id;
    assert.equal(await codeOf(submit({ letter: letter([theirs]) }, actors.student!)), 'INVALID_INPUT');
    assert.equal(await codeOf(submit({ letter: letter([theirs]) })), 'INVALID_INPUT');
    // A signed-in writer may also use the anonymous upload path with its claim.
    const anon = await upload('anon.jpg', JPEG);
    assert.equal(await codeOf(submit({ letter: letter([anon.id]), attachmentClaims: [{ id: anon.id, claim: anon.claim }] }, actors.student!)), 'OK');
  });

  test('a disguised file (HTML named .pdf), an empty one and an oversize one are refused and not stored', async () => {
    const before = (await t.db.select().from(uploads)).length;
    assert.equal(await codeOf(upload('报告.pdf', HTML_AS_PDF)), 'UNSUPPORTED_MEDIA_TYPE');
    const error = await upload('报告.pdf', HTML_AS_PDF).catch((e: unknown) => e);
    assert.match(toErrorBody(error, 'zh').body.error.message, /只接受 PDF、JPG、PNG、HEIC 或 WebP/);
    assert.equal(await codeOf(upload('empty.jpg', new Uint8Array())), 'INVALID_INPUT');
    assert.equal(await codeOf(upload('big.pdf', new Uint8Array(MAX + 1).fill(0x25))), 'PAYLOAD_TOO_LARGE');
    assert.equal((await t.db.select().from(uploads)).length, before);
  });

  test('more than 5 attachments on one letter are refused', async () => {
    const six = [];
    for (let i = 0; i < 6; i++) six.push(await upload(`p${i}.jpg`, JPEG));
    const error = await submit({ letter: letter(six.map((u) => u.id)), attachmentClaims: six.slice(0, 5).map((u) => ({ id: u.id, claim: u.claim })) }).catch(
      (e: unknown) => e,
    );
    assert.ok(isAppError(error));
    assert.equal(error.code, 'INVALID_INPUT');
    assert.match(toErrorBody(error, 'zh').body.error.message, /最多 5 个附件/);
  });

  test('uploads from one address trip its rate limit (counted before the body is read)', async () => {
    const ip = '203.0.113.50';
    let reads = 0;
    const tryUpload = () =>
      uploadLetterAttachment(t.db, storage, {
        ip,
        now: at,
        maxBytes: MAX,
        read: async () => {
          reads++;
          return { name: 'x.jpg', bytes: JPEG };
        },
      });
    for (let i = 0; i < ATTACHMENTS_PER_IP; i++) assert.equal(await codeOf(tryUpload()), 'OK');
    const error = await tryUpload().catch((e: unknown) => e);
    assert.ok(isAppError(error));
    assert.equal(error.code, 'RATE_LIMITED');
    const { status, body } = toErrorBody(error, 'zh');
    assert.equal(status, 429);
    assert.match(body.error.message, /上传过于频繁/);
    assert.equal(reads, ATTACHMENTS_PER_IP, 'the refused request was not read');
    // Another address is not affected; the next hour the address may upload again.
    assert.equal(await codeOf(upload('y.jpg', JPEG, '203.0.113.51')), 'OK');
    assert.equal(await codeOf(upload('z.jpg', JPEG, ip, new Date(at.getTime() + 3_600_001))), 'OK');
  });

  test('unclaimed attachments are swept after their hour; attached ones and users’ own uploads stay', async () => {
    const later = new Date(at.getTime() + 10 * ATTACHMENT_CLAIM_MS);
    await purgeUnattachedUploads(t.db, storage, later, 10_000); // what earlier tests left
    const stale = await upload('stale.jpg', JPEG, freshIp(), later);
    const kept = await upload('kept.jpg', JPEG, freshIp(), later);
    await submit({ letter: letter([kept.id]), attachmentClaims: [{ id: kept.id, claim: kept.claim }] }, null, later);
    const own = (await saveUpload(t.db, storage, { name: 'own.pdf', bytes: PDF }, actors.student!.id, MAX)).id;
    const [staleRow] = await t.db.select().from(uploads).where(eq(uploads.id, stale.id));
    assert.equal(await purgeUnattachedUploads(t.db, storage, later), 0, 'nothing expired yet');
    assert.equal(await purgeUnattachedUploads(t.db, storage, new Date(later.getTime() + ATTACHMENT_CLAIM_MS + 1)), 1);
    const left = new Set((await t.db.select({ id: uploads.id }).from(uploads)).map((r) => r.id));
    assert.equal(left.has(stale.id), false);
    assert.equal(left.has(kept.id), true);
    assert.equal(left.has(own), true);
    await assert.rejects(storage.get(staleRow!.storageKey));
  });
});

import assert from 'node:assert/strict';
import { createHash, randomBytes } from 'node:crypto';
import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { after, before, beforeEach, describe, test } from 'node:test';
import { like } from 'drizzle-orm';
import { rateLimits } from '@/db/schema';
import { loadActor } from '@/lib/auth/load-actor';
import { toErrorBody } from '@/lib/errors';
import { ATTACHMENTS_BUSY, ATTACHMENTS_PER_IP, uploadLetterAttachment } from '@/lib/mailbox/attachments';
import { forgetMailboxKey } from '@/lib/mailbox/capability';
import { findLetterByToken } from '@/lib/mailbox/find-letter';
import { FAILURES_PER_IP, LETTERS_BUSY, LETTERS_PER_IP } from '@/lib/mailbox/lookup-limit';
import { submitLetter } from '@/lib/mailbox/submit-letter';
import { leadingZeroBits } from '@/lib/pow';
import { localDiskStorage } from '@/lib/storage/local-disk';
import type { Storage } from '@/lib/storage';
import { isAppError } from '@/workflows/engine/errors';
import { outcomeCode } from './helpers/process-fixtures';
import { createTestDatabase, type TestDatabase } from './helpers/test-db';

// Issue 15 item 4: a global limit counts only requests the per-client limit let through and,
// when reached, costs anonymous clients a proof of work instead of refusing everyone.
let t: TestDatabase;
let storage: Storage;
let dir: string;
const now = new Date();
const letter = { category: 'suggestion', subject: '建议', content: '内容', anonymous: true, consentPublish: false };
const JPEG = new Uint8Array([0xff, 0xd8, 0xff, 0xe0, 0x00, 0x10, 0x4a, 0x46, 0x49, 0x46, 0x00, 0x01, 0x01, 0x00, 0x00, 0x01]);
const codeOf = (p: Promise<unknown>) => outcomeCode(p, 'OK');
const send = (ip: string, proof: string | null = null, actor: Awaited<ReturnType<typeof loadActor>> = null) =>
  submitLetter(t.db, { body: { letter }, actor, ip, proof, now, origin: 'http://x' });
const upload = (ip: string, proof: string | null = null) =>
  uploadLetterAttachment(t.db, storage, { ip, proof, now, maxBytes: 1 << 20, read: async () => ({ name: 'a.jpg', bytes: JPEG }) });

/** What the browser does (app/_components/proof-of-work.ts), here with node's SHA-256. */
function solve(challenge: string, bits: number): string {
  for (let n = 0; ; n++) {
    if (leadingZeroBits(createHash('sha256').update(`${challenge}:${n.toString(36)}`).digest()) >= bits) return `${challenge}:${n.toString(36)}`;
  }
}

async function challengeOf(p: Promise<unknown>): Promise<{ challenge: string; bits: number }> {
  const error = await p.then(
    () => null,
    (e: unknown) => e,
  );
  assert.ok(isAppError(error), `expected a challenge, got ${String(error)}`);
  const { status, body } = toErrorBody(error, 'zh');
  assert.equal(status, 429);
  assert.equal(body.error.code, 'CHALLENGE_REQUIRED');
  assert.match(body.error.message, /安全验证/);
  return body.error.challenge!;
}

/** Puts the site-wide counter at `count` hits in the current window. */
const setGlobal = (key: string, count: number) =>
  t.db.insert(rateLimits).values({ key, count, windowStart: now }).onConflictDoUpdate({ target: rateLimits.key, set: { count, windowStart: now } });

before(async () => {
  forgetMailboxKey();
  t = await createTestDatabase();
  dir = await mkdtemp(path.join(os.tmpdir(), 'zj-sec-limits-'));
  storage = localDiskStorage(dir);
});
after(async () => {
  await t.close();
  await rm(dir, { recursive: true, force: true });
});
beforeEach(async () => {
  await t.db.delete(rateLimits).where(like(rateLimits.key, 'mailbox:%'));
});

describe('site-wide limits cannot be turned against everyone', () => {
  test('a flood refused by its own limit adds nothing to the site-wide count (letters)', async () => {
    const codes = [];
    for (let i = 0; i < LETTERS_BUSY + 10; i++) codes.push(await codeOf(send('198.51.100.1')));
    assert.equal(codes.filter((c) => c === 'OK').length, LETTERS_PER_IP);
    assert.equal(codes.filter((c) => c === 'RATE_LIMITED').length, LETTERS_BUSY + 10 - LETTERS_PER_IP);
    // Before the fix every refused request counted too: the writer below got 429 for an hour.
    assert.equal(await codeOf(send('203.0.113.5')), 'OK');
  });

  test('a busy site asks anonymous writers for a proof of work, once per proof; signed-in writers pass', async () => {
    await setGlobal('mailbox:submit:*', LETTERS_BUSY);
    const { challenge, bits } = await challengeOf(send('203.0.113.6'));
    const proof = solve(challenge, bits);
    assert.equal(await codeOf(send('203.0.113.6', proof)), 'OK');
    // Spent: the same proof again is a new challenge; a forged or lazy one too.
    await challengeOf(send('203.0.113.7', proof));
    await challengeOf(send('203.0.113.8', `${challenge}:0`));
    await challengeOf(send('203.0.113.9', `${challenge.replace(/.$/, (c) => (c === 'A' ? 'B' : 'A'))}:${proof.split(':')[1]}`));
    const student = await loadActor(t.db, { username: 'student' });
    assert.equal(await codeOf(send('203.0.113.10', null, student)), 'OK');
  });

  test('attachments: the per-client limit first, then a proof of work when busy, never a site-wide 429', async () => {
    for (let i = 0; i < ATTACHMENTS_PER_IP + 30; i++) await codeOf(upload('198.51.100.2'));
    assert.equal(await codeOf(upload('203.0.113.20')), 'OK');
    await setGlobal('mailbox:upload:*', ATTACHMENTS_BUSY);
    const { challenge, bits } = await challengeOf(upload('203.0.113.21'));
    assert.equal(await codeOf(upload('203.0.113.21', solve(challenge, bits))), 'OK');
  });

  test('620 random tokens from 62 addresses: right links still open for everyone', async () => {
    const sent = await send('203.0.113.30');
    const token = sent.trackingUrl.split('/').pop()!;
    for (let a = 0; a < 62; a++) {
      for (let i = 0; i < FAILURES_PER_IP; i++) await codeOf(findLetterByToken(t.db, randomBytes(32).toString('base64url'), `10.66.0.${a}`, now));
    }
    assert.equal(await outcomeCode(findLetterByToken(t.db, token, '203.0.113.31', now), 'FOUND'), 'FOUND');
  });
});

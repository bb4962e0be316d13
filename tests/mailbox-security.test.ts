import assert from 'node:assert/strict';
import { randomBytes } from 'node:crypto';
import { after, before, beforeEach, describe, test } from 'node:test';
import { eq, like } from 'drizzle-orm';
import { mailboxLetters, rateLimits } from '@/db/schema';
import { toErrorBody } from '@/lib/errors';
import { CODE_ALPHABET, forgetMailboxKey, newQueryCode } from '@/lib/mailbox/capability';
import { findLetterByCode, findLetterByToken } from '@/lib/mailbox/find-letter';
import { FAILURES_BUSY, FAILURES_PER_IP, FAILURES_PER_IP_WHEN_BUSY } from '@/lib/mailbox/lookup-limit';
import { submitLetter } from '@/lib/mailbox/submit-letter';
import { trackLetter } from '@/lib/mailbox/track-view';
import { isAppError } from '@/workflows/engine/errors';
import { LETTER_CONTENT_MAX } from '@/workflows/presidents-mailbox/form';
import { outcomeCode } from './helpers/process-fixtures';
import { createTestDatabase, type TestDatabase } from './helpers/test-db';

let t: TestDatabase;
const now = new Date();
const letter = { category: 'suggestion', subject: '建议', content: '内容', anonymous: true, consentPublish: false };

const codeOf = (promise: Promise<unknown>) => outcomeCode(promise, 'FOUND');

before(async () => {
  forgetMailboxKey();
  t = await createTestDatabase();
});
after(() => t.close());
beforeEach(async () => {
  await t.db.delete(rateLimits).where(like(rateLimits.key, 'mailbox:%'));
});

describe('mailbox capabilities', () => {
  test('1,000 random tokens from one client find nothing and trip its rate limit', async () => {
    await submitLetter(t.db, { body: { letter }, actor: null, ip: 'writer', now, origin: 'http://x' });
    const outcomes = new Map<string, number>();
    for (let i = 0; i < 1000; i++) {
      const code = await codeOf(findLetterByToken(t.db, randomBytes(32).toString('base64url'), '198.51.100.7', now));
      outcomes.set(code, (outcomes.get(code) ?? 0) + 1);
    }
    assert.equal(outcomes.get('FOUND'), undefined);
    assert.equal(outcomes.get('NOT_FOUND'), FAILURES_PER_IP);
    assert.equal(outcomes.get('RATE_LIMITED'), 1000 - FAILURES_PER_IP);
    const { status, body } = toErrorBody(await findLetterByToken(t.db, 'x', '198.51.100.7', now).catch((e) => e), 'zh');
    assert.equal(status, 429);
    assert.match(body.error.message, /尝试次数过多/);
  });

  test('1,000 random codes from many clients find nothing; the busy site tightens each client, never locks out a right code', async () => {
    const sent = await submitLetter(t.db, { body: { letter }, actor: null, ip: 'writer-busy', now, origin: 'http://x' });
    const outcomes = new Map<string, number>();
    for (let i = 0; i < 1000; i++) {
      const code = await codeOf(findLetterByCode(t.db, newQueryCode(), '', `203.0.113.${i % 250}-${i}`, now));
      outcomes.set(code, (outcomes.get(code) ?? 0) + 1);
    }
    assert.equal(outcomes.get('FOUND'), undefined);
    // Each client failed once: nobody was refused because of the others (the old global limit refused 400 here).
    assert.equal(outcomes.get('NOT_FOUND'), 1000);
    assert.ok(1000 >= FAILURES_BUSY);
    // The site is busy now: the writer's right code and link still open the letter …
    assert.equal(await codeOf(findLetterByCode(t.db, sent.queryCode, '', '198.51.100.77', now)), 'FOUND');
    assert.equal(await codeOf(findLetterByToken(t.db, sent.trackingUrl.split('/').pop()!, '198.51.100.78', now)), 'FOUND');
    // … while a guessing client gets fewer tries than usual.
    const guesses = [];
    for (let i = 0; i < FAILURES_PER_IP; i++) guesses.push(await codeOf(findLetterByCode(t.db, newQueryCode(), '', 'guesser', now)));
    assert.deepEqual(guesses.slice(FAILURES_PER_IP_WHEN_BUSY - 1), ['NOT_FOUND', ...Array(FAILURES_PER_IP - FAILURES_PER_IP_WHEN_BUSY).fill('RATE_LIMITED')]);
    assert.equal(newQueryCode().split('').every((c) => CODE_ALPHABET.includes(c)), true);
  });

  test('wrong, truncated, expired and unknown tokens get the same 404', async () => {
    const sent = await submitLetter(t.db, { body: { letter }, actor: null, ip: 'writer2', now, origin: 'http://x' });
    const token = sent.trackingUrl.split('/').pop()!;
    const [row] = await t.db.select().from(mailboxLetters).where(eq(mailboxLetters.instanceId, sent.instanceId));
    const bodies = [];
    // Run one after another (a rejected promise left waiting would be reported as unhandled).
    for (const attempt of [
      () => findLetterByToken(t.db, token.slice(0, 20), 'a', now),
      () => findLetterByToken(t.db, `${token.slice(0, -1)}${token.endsWith('A') ? 'B' : 'A'}`, 'a', now),
      () => findLetterByToken(t.db, token, 'a', new Date(row!.tokenExpiresAt.getTime() + 1)),
      () => findLetterByToken(t.db, '<script>', 'a', now),
    ]) {
      bodies.push(JSON.stringify(toErrorBody(await attempt().catch((e: unknown) => e), 'zh')));
    }
    assert.equal(new Set(bodies).size, 1);
    assert.match(bodies[0]!, /"status":404/);
  });

  test('script tags, RTL overrides and 50,000 characters are stored as text; more is refused', async () => {
    const hostile = `<script>alert(1)</script>\u202Egnp.exe ${'长'.repeat(LETTER_CONTENT_MAX - 40)}`;
    const sent = await submitLetter(t.db, {
      body: { letter: { ...letter, subject: '<img src=x onerror=alert(1)>', content: hostile } },
      actor: null,
      ip: 'writer3',
      now,
      origin: 'http://x',
    });
    const view = await trackLetter(t.db, sent.instanceId);
    assert.equal(view.content, hostile);
    assert.equal(view.subject, '<img src=x onerror=alert(1)>');
    const tooLong = { letter: { ...letter, content: 'x'.repeat(LETTER_CONTENT_MAX + 1) } };
    const error = await submitLetter(t.db, { body: tooLong, actor: null, ip: 'writer3', now, origin: 'http://x' }).catch((e) => e);
    assert.equal(isAppError(error) && error.code, 'INVALID_INPUT');
  });

  test('the honeypot and the per-client submission limit stop bots', async () => {
    const bot = await submitLetter(t.db, { body: { letter, website: 'http://spam' }, actor: null, ip: 'bot', now, origin: 'http://x' }).catch((e) => e);
    assert.equal(isAppError(bot) && bot.code, 'INVALID_INPUT');
    const codes = [];
    for (let i = 0; i < 12; i++) codes.push(await codeOf(submitLetter(t.db, { body: { letter }, actor: null, ip: 'flood', now, origin: 'http://x' })));
    assert.deepEqual(codes.slice(-2), ['RATE_LIMITED', 'RATE_LIMITED']);
  });
});

/**
 * 校长信箱 writer e-mail: a writer who gives an address gets the tracking link and query code by
 * e-mail on submit, and a mail when the letter is replied (or not accepted); both are queued in
 * the transaction of the letter / transition and delivered by the notification queue to the
 * SMTP stand-in. No address, or no SMTP configured: nothing is sent.
 */
import assert from 'node:assert/strict';
import { after, before, beforeEach, describe, test } from 'node:test';
import { and, eq, sql } from 'drizzle-orm';
import { outbox } from '@/db/schema';
import { loadActor, type SessionUser } from '@/lib/auth/load-actor';
import { forgetMailboxKey } from '@/lib/mailbox/capability';
import { sendLetterEvent } from '@/lib/mailbox/send-letter-event';
import { submitLetter } from '@/lib/mailbox/submit-letter';
import { listDeliveries } from '@/lib/notify/admin-deliveries';
import { emailSender } from '@/lib/notify/channels/email';
import { createDispatcher, dispatchDue } from '@/lib/outbox/dispatcher';
import { notifyHandlers } from '@/lib/outbox/handlers';
import { weekdayCalendar } from '@/workflows/engine/calendar';
import { startSmtpStandIn } from './helpers/standins/smtp';
import { createTestDatabase, type TestDatabase } from './helpers/test-db';

let t: TestDatabase;
let smtp: Awaited<ReturnType<typeof startSmtpStandIn>>;
const actors: Record<string, SessionUser> = {};
const at = new Date('2026-03-02T02:00:00Z');
const letter = {
  category: 'suggestion',
  subject: '图书馆延长开放时间',
  content: '期末周希望图书馆开放到 24 点。',
  anonymous: true,
  contact: 'writer@example.com',
  consentPublish: false,
};
let ip = 0;
const submit = (l: Record<string, unknown>) =>
  submitLetter(t.db, { body: { letter: l }, actor: null, ip: `10.9.0.${++ip}`, now: at, origin: 'http://campus.test' });
const office = (id: string, body: unknown) => sendLetterEvent(t.db, actors.mailbox!, id, body, at, weekdayCalendar);

/** The mail as a reader sees it: quoted-printable soft breaks and escapes undone. */
const bodyOf = (raw: string) =>
  Buffer.from(
    raw.replace(/=\r?\n/g, '').replace(/=([0-9A-F]{2})/g, (_, h: string) => String.fromCharCode(parseInt(h, 16))),
    'latin1',
  ).toString('utf8');

/** Runs the outbox once, as the queue does after commit. */
const deliver = () =>
  dispatchDue(
    createDispatcher(t.db, {
      policy: { baseMs: 20, maxMs: 200, maxAttempts: 5 },
      now: async () => new Date(),
      handlers: notifyHandlers(new Map([['email', emailSender({ url: smtp.url, from: 'mailbox@campus.test' })]]), {
        secret: 'test-secret-for-action-links-0123456789',
        publicUrl: 'http://campus.test',
        actionLinkTtlMs: 3600_000,
        digestThreshold: 1000,
        quietHours: null,
      }),
    }),
  );
/** E-mails addressed to someone without an account (the writer). */
const addressed = and(eq(outbox.kind, 'email'), sql`${outbox.payload} ? 'to'`);

before(async () => {
  forgetMailboxKey();
  smtp = await startSmtpStandIn(0);
  t = await createTestDatabase();
  for (const name of ['mailbox', 'logistics']) actors[name] = (await loadActor(t.db, { username: name }))!;
});
after(async () => {
  delete process.env.SMTP_URL;
  await t.close();
  await smtp.stop();
});
beforeEach(() => {
  process.env.SMTP_URL = smtp.url;
  smtp.mails.length = 0;
});

describe('校长信箱 writer e-mail', () => {
  test('on submit: exactly one mail with the tracking link and query code; a reply mail later', async () => {
    const sent = await submit(letter);
    const token = sent.trackingUrl.split('/').pop()!;
    const [queued] = await t.db.select().from(outbox).where(addressed);
    assert.equal((queued!.payload as { to: string }).to, 'writer@example.com');
    assert.equal(queued!.userId, null);
    assert.equal(JSON.stringify(queued).includes(token), false, 'the link is stored sealed');
    assert.equal(JSON.stringify(queued).includes(sent.queryCode), false, 'the code is stored sealed');

    await deliver();
    await deliver(); // a second pass sends nothing again
    assert.equal(smtp.mails.length, 1);
    assert.deepEqual(smtp.mails[0]!.to, ['writer@example.com']);
    const first = bodyOf(smtp.mails[0]!.raw);
    assert.ok(first.includes(sent.trackingUrl), 'the mail carries the tracking link');
    assert.ok(first.includes(sent.queryCode), 'and the query code');
    const [done] = await t.db.select().from(outbox).where(addressed);
    assert.equal(done!.status, 'sent');
    assert.equal((done!.payload as { sealed?: string }).sealed, undefined, 'the content is wiped once sent');
    const listed = (await listDeliveries(t.db, {})).find((r) => r.id === done!.id)!;
    assert.equal(listed.userName, 'w***@example.com', 'operators see the address masked');

    const id = sent.instanceId;
    await office(id, { type: 'accept' });
    await office(id, { type: 'assign', input: { departments: ['logistics'] } });
    await sendLetterEvent(t.db, actors.logistics!, id, { type: 'submitDraft', input: { reply: '期末周延长至 23 点。' } }, at, weekdayCalendar);
    await deliver();
    assert.equal(smtp.mails.length, 1, 'accepting, assigning and drafting mail nothing');
    await office(id, { type: 'approveDraft', input: { orgUnitId: 'logistics' } });
    await deliver();
    assert.equal(smtp.mails.length, 2);
    const reply = bodyOf(smtp.mails[1]!.raw);
    assert.deepEqual(smtp.mails[1]!.to, ['writer@example.com']);
    assert.ok(reply.includes('已答复'));
    assert.ok(reply.includes('http://campus.test/mailbox/track'));
    assert.equal(reply.includes(token), false, 'later mails never carry the link');
  });

  test('not accepted: the writer is told', async () => {
    const sent = await submit({ ...letter, contact: 'other@example.com' });
    await deliver();
    await office(sent.instanceId, { type: 'outOfScope', comment: '不属于学校职责范围' });
    await deliver();
    assert.equal(smtp.mails.length, 2);
    assert.ok(bodyOf(smtp.mails[1]!.raw).includes('不予受理'));
  });

  test('an anonymous letter without an e-mail address sends nothing', async () => {
    const before = (await t.db.select().from(outbox).where(addressed)).length;
    const sent = await submit({ ...letter, contact: undefined });
    await office(sent.instanceId, { type: 'outOfScope', comment: '重复' });
    await deliver();
    assert.equal(smtp.mails.length, 0);
    assert.equal((await t.db.select().from(outbox).where(addressed)).length, before);
  });

  test('SMTP not configured: nothing queued, the submit screen still gets link and code', async () => {
    delete process.env.SMTP_URL;
    const before = (await t.db.select().from(outbox).where(addressed)).length;
    const sent = await submit(letter);
    assert.match(sent.trackingUrl, /\/mailbox\/track\//);
    assert.match(sent.queryCode, /^[A-HJ-NP-Z2-9]{10}$/);
    assert.equal((await t.db.select().from(outbox).where(addressed)).length, before);
    await deliver();
    assert.equal(smtp.mails.length, 0);
  });
});

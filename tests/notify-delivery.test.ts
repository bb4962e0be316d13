import assert from 'node:assert/strict';
import { after, before, beforeEach, describe, test } from 'node:test';
import { and, eq, inArray } from 'drizzle-orm';
import { messages, notifyPreferences, outbox, pushSubscriptions, uploads, users } from '@/db/schema';
import { loadActor, type SessionUser } from '@/lib/auth/load-actor';
import { emailSender } from '@/lib/notify/channels/email';
import type { ChannelSender } from '@/lib/notify/channels/types';
import { webPushSender } from '@/lib/notify/channels/webpush';
import { wecomSender } from '@/lib/notify/channels/wecom';
import { createDispatcher, dispatchDue, type Dispatcher } from '@/lib/outbox/dispatcher';
import { notifyHandlers } from '@/lib/outbox/handlers';
import { startPgBossQueue } from '@/lib/outbox/pgboss-queue';
import { startPoller } from '@/lib/outbox/poller';
import { startInstance } from '@/workflows/engine/start-instance';
import { startPushStandIn } from './helpers/standins/push';
import { startSmtpStandIn } from './helpers/standins/smtp';
import { WecomStandIn } from './helpers/standins/wecom';
import { createTestDatabase, type TestDatabase } from './helpers/test-db';

// Stand-ins on this area's ports (3245+).
// A matching pair: the push service (web-push-testing) checks the VAPID signature against the key
// the subscription was made for (the earlier public key here was not this private key's).
const VAPID = {
  publicKey: 'BD71OPzm45NUHQGLpLPxMyxOGhVb67dEi-6KAdxM-XBrjx7c9E0Yf1MBZq6cF9LBP4l5HdHnG7sm80wv4B4iCAw',
  privateKey: 'ZatJ0cSyC1cZuKqMQH8hVB9vvn1eW4RuI9s8n8rGcGA',
};

let t: TestDatabase;
let student: SessionUser;
let counselor: SessionUser;
const wecom = new WecomStandIn(0);
let smtp: Awaited<ReturnType<typeof startSmtpStandIn>>;
let push: Awaited<ReturnType<typeof startPushStandIn>>;

/** The outbox dispatcher with these channels only (the installation's is built from the environment). */
function deps(senders: ChannelSender[], over: { digestThreshold?: number } = {}): Dispatcher {
  const handlers = notifyHandlers(new Map(senders.map((s) => [s.channel, s])), {
    secret: 'test-secret-for-action-links-0123456789',
    publicUrl: 'http://portal.test',
    actionLinkTtlMs: 3600_000,
    digestThreshold: over.digestThreshold ?? 1000,
    quietHours: null,
  });
  return createDispatcher(t.db, { policy: { baseMs: 20, maxMs: 200, maxAttempts: 1000 }, now: async () => new Date(), handlers });
}
/** Channel deliveries (not the messages' fan-out rows). */
const channelRows = () => t.db.select().from(outbox).where(inArray(outbox.kind, ['wecom', 'email', 'webpush']));
const wecomChannel = () => wecomSender({ corpId: 'ww-test-corp', secret: 'test-secret', agentId: 1000002, baseUrl: wecom.baseUrl });

async function apply(n: number): Promise<void> {
  for (let i = 0; i < n; i++) {
    const [upload] = await t.db
      .insert(uploads)
      .values({ ownerId: student.id, filename: 'c.pdf', contentType: 'application/pdf', size: 10, sha256: 'ab'.repeat(32), storageKey: `k/${i}` })
      .returning();
    await startInstance(t.db, {
      processId: 'fitness-test-exemption',
      actor: student,
      input: { kind: 'exempt', reason: `膝关节韧带损伤，医嘱半年内禁止剧烈运动（${i}）`, evidence: [upload!.id] },
      now: new Date(),
    });
  }
}

async function until(check: () => Promise<boolean> | boolean, ms = 30_000): Promise<void> {
  const end = Date.now() + ms;
  while (!(await check())) {
    if (Date.now() > end) throw new Error('timed out waiting');
    await new Promise((r) => setTimeout(r, 50));
  }
}

/** Delivers everything due now, as the queue does after commit. */
async function drainWith(d: Dispatcher) {
  await dispatchDue(d);
}

before(async () => {
  t = await createTestDatabase();
  student = (await loadActor(t.db, { username: 'student' }))!;
  counselor = (await loadActor(t.db, { username: 'counselor' }))!;
  await wecom.start();
  smtp = await startSmtpStandIn(0);
  push = await startPushStandIn(0);
});
after(async () => {
  await wecom.stop();
  await smtp?.stop();
  await push?.stop();
  await t.close();
});
beforeEach(async () => {
  // Anything left from a previous test is planned and marked, so counts start at zero.
  await drainWith(deps([]));
  await t.db.update(outbox).set({ status: 'skipped' }).where(eq(outbox.status, 'pending'));
  wecom.messages.length = 0;
  smtp.mails.length = 0;
});

describe('durable delivery', () => {
  test('WeCom down during 100 transitions: after it returns exactly 100 messages arrive', async () => {
    const d = deps([wecomChannel()]);
    // PostgreSQL: the pg-boss queue; PGlite: the in-process poller (pg-boss needs a server).
    const stop = t.kind === 'postgresql' && t.url
      ? await startPgBossQueue(d, t.url)
      : (() => {
          const s = startPoller(d, 100);
          return async () => s();
        })();
    try {
      await wecom.stop();
      const before = await t.db.select({ id: messages.id }).from(messages);
      await apply(100);
      const fresh = (await t.db.select({ id: messages.id, userId: messages.userId }).from(messages)).filter(
        (m) => !before.some((b) => b.id === m.id),
      );
      assert.equal(fresh.length, 100, 'the transitions committed their 100 messages while WeCom was down');
      assert.ok(fresh.every((m) => m.userId === counselor.id));
      // Let the queue fail against the closed port for a while.
      await until(async () => {
        const rows = await t.db.select().from(outbox).where(eq(outbox.kind, 'wecom'));
        return rows.filter((r) => r.status === 'pending' && r.attempts >= 1 && r.lastError).length >= 100;
      }, 180_000);
      assert.equal(wecom.messages.length, 0);
      await wecom.start();
      await until(() => wecom.messages.length >= 100, 180_000);
      await new Promise((r) => setTimeout(r, 1_500));
      assert.equal(wecom.messages.length, 100, 'none lost, none twice');
      const urls = new Set(wecom.messages.map((m) => m.textcard.url));
      assert.equal(urls.size, 100);
      assert.ok(wecom.messages.every((m) => m.touser === 'counselor' && m.textcard.url.startsWith('http://portal.test/act/')));
      const sent = await t.db
        .select()
        .from(outbox)
        .where(and(eq(outbox.kind, 'wecom'), eq(outbox.status, 'sent'), inArray(outbox.messageId, fresh.map((m) => m.id))));
      assert.equal(sent.length, 100);
    } finally {
      await stop();
      await wecom.start().catch(() => {}); // already running unless the test failed while it was down
    }
  });

  test('WeCom: an expired token (42001) is fetched again; HTTP 500 is retried; invaliduser is a failure', async () => {
    const d = deps([wecomChannel()]);
    await apply(1);
    await drainWith(d);
    assert.equal(wecom.messages.length, 1);
    wecom.messages.length = 0;
    const issued = wecom.tokensIssued;
    wecom.expireNext = 1;
    await apply(1);
    await drainWith(d);
    assert.equal(wecom.messages.length, 1);
    assert.equal(wecom.tokensIssued, issued + 1, 'one new token after 42001');

    wecom.failNext = 1;
    await apply(1);
    await drainWith(d);
    assert.equal(wecom.messages.length, 1, 'the 500 did not deliver');
    await new Promise((r) => setTimeout(r, 50));
    await drainWith(d);
    assert.equal(wecom.messages.length, 2, 'the retry did');

    wecom.invalidUsers.add('counselor');
    await apply(1);
    await drainWith(d);
    wecom.invalidUsers.clear();
    const [last] = await t.db.select().from(outbox).where(and(eq(outbox.kind, 'wecom'), eq(outbox.status, 'failed')));
    assert.match(last!.lastError ?? '', /invaliduser/);
  });

  test('e-mail over SMTP; a 550 bounce fails without retrying', async () => {
    await t.db.update(users).set({ email: 'counselor@campus.test' }).where(eq(users.id, counselor.id));
    const d = deps([emailSender({ url: smtp.url, from: '紫荆e站 <no-reply@campus.test>' })]);
    await apply(1);
    await drainWith(d);
    assert.equal(smtp.mails.length, 1);
    assert.deepEqual(smtp.mails[0]!.to, ['counselor@campus.test']);
    assert.match(smtp.mails[0]!.raw, /portal\.test\/act\//);

    await t.db.update(users).set({ email: 'bounce@campus.test' }).where(eq(users.id, counselor.id));
    await apply(1);
    await drainWith(d);
    const failed = await t.db.select().from(outbox).where(and(eq(outbox.kind, 'email'), eq(outbox.status, 'failed')));
    assert.equal(failed.length, 1);
    assert.equal(failed[0]!.attempts, 1);
    await t.db.update(users).set({ email: null }).where(eq(users.id, counselor.id));
  });

  test('Web Push: encrypted payload decrypts at the endpoint; an expired (410) subscription is removed', async () => {
    const live = await push.subscribe(VAPID.publicKey);
    const gone = await push.expired(VAPID.publicKey);
    for (const s of [live, gone]) {
      await t.db.insert(pushSubscriptions).values({ userId: counselor.id, endpoint: s.endpoint, p256dh: s.p256dh, auth: s.auth, createdAt: new Date() });
    }
    const d = deps([webPushSender(t.db, { ...VAPID, subject: 'mailto:admin@campus.test', insecureTls: true })]);
    await apply(1);
    await drainWith(d);
    const received = await push.messages(live);
    assert.equal(received.length, 1);
    assert.match(received[0]!.title!, /新待办/);
    assert.match(received[0]!.url!, /\/act\//);
    const left = await t.db.select().from(pushSubscriptions).where(eq(pushSubscriptions.userId, counselor.id));
    assert.deepEqual(left.map((s) => s.endpoint), [live.endpoint]);
    await t.db.delete(pushSubscriptions).where(eq(pushSubscriptions.userId, counselor.id));
  });

  test('per-user choices: a channel turned off or a muted kind is skipped, not sent', async () => {
    await t.db
      .insert(notifyPreferences)
      .values({ userId: counselor.id, channels: ['email'], mutedKinds: [], digest: true, updatedAt: new Date() });
    const d = deps([wecomChannel()]);
    await apply(1);
    await drainWith(d);
    assert.equal(wecom.messages.length, 0);
    await t.db.update(notifyPreferences).set({ channels: ['wecom'], mutedKinds: ['task.new'] }).where(eq(notifyPreferences.userId, counselor.id));
    await apply(1);
    await drainWith(d);
    assert.equal(wecom.messages.length, 0);
    const notes = (await channelRows()).filter((r) => r.status === 'skipped');
    assert.ok(notes.some((n) => n.note === 'channel off in settings'));
    assert.ok(notes.some((n) => n.note === 'kind muted in settings'));
    await t.db.delete(notifyPreferences).where(eq(notifyPreferences.userId, counselor.id));
  });

  test('many new tasks at once become one digest', async () => {
    const d = deps([wecomChannel()], { digestThreshold: 3 });
    await apply(4);
    await drainWith(d);
    assert.equal(wecom.messages.length, 1);
    assert.match(wecom.messages[0]!.textcard.title, /4 项新待办/);
    assert.equal(wecom.messages[0]!.textcard.url, 'http://portal.test/tasks');
  });
});

import assert from 'node:assert/strict';
import { after, before, beforeEach, describe, test } from 'node:test';
import { and, eq, inArray } from 'drizzle-orm';
import { messages, notifyDeliveries, notifyPreferences, pushSubscriptions, uploads, users } from '@/db/schema';
import { loadActor, type SessionUser } from '@/lib/auth/load-actor';
import { emailSender } from '@/lib/notify/channels/email';
import type { ChannelSender } from '@/lib/notify/channels/types';
import { webPushSender } from '@/lib/notify/channels/webpush';
import { wecomSender } from '@/lib/notify/channels/wecom';
import type { DeliveryDeps } from '@/lib/notify/deliver';
import { startPgBossQueue } from '@/lib/notify/pgboss-queue';
import { pollOnce, startPoller, type TickContext } from '@/lib/notify/poller';
import { startInstance } from '@/workflows/engine/start-instance';
import { startPushStandIn } from './helpers/standins/push';
import { startSmtpStandIn } from './helpers/standins/smtp';
import { WecomStandIn } from './helpers/standins/wecom';
import { createTestDatabase, type TestDatabase } from './helpers/test-db';

// Stand-ins on this area's ports (3245+).
const VAPID = {
  publicKey: 'BAAuUAw6GQFaVF0_VPZp6Z6v0lr-6xjFUh3pqXhXKyWSOrZfm-jFugx7Vtae7iSWOlQY5M6t7ZxHq1U4PB5NNHc',
  privateKey: 'ZatJ0cSyC1cZuKqMQH8hVB9vvn1eW4RuI9s8n8rGcGA',
};

let t: TestDatabase;
let student: SessionUser;
let counselor: SessionUser;
const wecom = new WecomStandIn(0);
let smtp: Awaited<ReturnType<typeof startSmtpStandIn>>;
let push: Awaited<ReturnType<typeof startPushStandIn>>;

function deps(senders: ChannelSender[], over: Partial<DeliveryDeps> = {}): DeliveryDeps {
  return {
    senders: new Map(senders.map((s) => [s.channel, s])),
    secret: 'test-secret-for-action-links-0123456789',
    publicUrl: 'http://portal.test',
    actionLinkTtlMs: 3600_000,
    retryBaseMs: 20,
    retryMaxMs: 200,
    maxAttempts: 1000,
    digestThreshold: 1000,
    ...over,
  };
}
const tick = (d: DeliveryDeps): TickContext => ({ deps: d, quietHours: null, now: async () => new Date() });
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

/** Delivers every new message once now, so each test starts from an empty queue. */
async function drainWith(d: DeliveryDeps) {
  await pollOnce(t.db, tick(d));
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
  await t.db.update(notifyDeliveries).set({ status: 'skipped' }).where(eq(notifyDeliveries.status, 'pending'));
  wecom.messages.length = 0;
  smtp.mails.length = 0;
  push.received.length = 0;
});

describe('durable delivery', () => {
  test('WeCom down during 100 transitions: after it returns exactly 100 messages arrive', async () => {
    const d = deps([wecomChannel()]);
    // PostgreSQL: the pg-boss queue; PGlite: the in-process poller (pg-boss needs a server).
    const stop = t.kind === 'postgresql' && t.url
      ? await startPgBossQueue(t.db, t.url, tick(d), 100)
      : (() => {
          const s = startPoller(t.db, tick(d), 100);
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
        const rows = await t.db.select().from(notifyDeliveries).where(eq(notifyDeliveries.channel, 'wecom'));
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
        .from(notifyDeliveries)
        .where(and(eq(notifyDeliveries.status, 'sent'), inArray(notifyDeliveries.messageId, fresh.map((m) => m.id))));
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
    const [last] = await t.db.select().from(notifyDeliveries).where(eq(notifyDeliveries.status, 'failed'));
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
    const failed = await t.db.select().from(notifyDeliveries).where(and(eq(notifyDeliveries.channel, 'email'), eq(notifyDeliveries.status, 'failed')));
    assert.equal(failed.length, 1);
    assert.equal(failed[0]!.attempts, 1);
    await t.db.update(users).set({ email: null }).where(eq(users.id, counselor.id));
  });

  test('Web Push: encrypted payload decrypts at the endpoint; an expired (410) subscription is removed', async () => {
    const live = push.subscribe('counselor-phone');
    const gone = push.expired('counselor-old-laptop');
    for (const s of [live, gone]) {
      await t.db.insert(pushSubscriptions).values({ userId: counselor.id, ...s, createdAt: new Date() });
    }
    const d = deps([webPushSender(t.db, { ...VAPID, subject: 'mailto:admin@campus.test', insecureTls: true })]);
    await apply(1);
    await drainWith(d);
    assert.equal(push.received.length, 1);
    assert.match(push.received[0]!.payload.title!, /新待办/);
    assert.match(push.received[0]!.payload.url!, /\/act\//);
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
    const notes = await t.db.select({ note: notifyDeliveries.note }).from(notifyDeliveries).where(eq(notifyDeliveries.status, 'skipped'));
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

import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { eq } from 'drizzle-orm';
import { pushSubscriptions } from '@/db/schema';
import { loadActor, type SessionUser } from '@/lib/auth/load-actor';
import { webPushSender } from '@/lib/notify/channels/webpush';
import { saveSubscription } from '@/lib/notify/push-subscriptions';
import { registerWebhook } from '@/lib/webhooks/manage-webhooks';
import { outcomeCode } from './helpers/process-fixtures';
import { createTestDatabase, type TestDatabase } from './helpers/test-db';

// Issue 15 items 13–14: outgoing requests that a user or an admin aims inside the network.
let t: TestDatabase;
let student: SessionUser;
let admin: SessionUser;
const VAPID = {
  publicKey: 'BAAuUAw6GQFaVF0_VPZp6Z6v0lr-6xjFUh3pqXhXKyWSOrZfm-jFugx7Vtae7iSWOlQY5M6t7ZxHq1U4PB5NNHc',
  privateKey: 'ZatJ0cSyC1cZuKqMQH8hVB9vvn1eW4RuI9s8n8rGcGA',
  subject: 'mailto:admin@campus.test',
  insecureTls: true,
};
const keys = { p256dh: 'BNcRdreALRFXTkOOUHK1EtK2wtaz5Ry4YfYCA_0QTpQtUbVlUls0VJXg7A8u-Ts1XbjhazAkj7I99e8QcYP7DkM', auth: 'tBHItJI5svbpez7KI4CCXg' };
const message = { title: '新待办', text: '体测免测申请待审核', url: 'http://portal.test/tasks', urgent: false };
const metadata = ['169.254.169.254', '[::ffff:169.254.169.254]', '[::ffff:a9fe:a9fe]', '[::a9fe:a9fe]', '[64:ff9b::a9fe:a9fe]', '0xa9fea9fe', '2852039166'];

before(async () => {
  t = await createTestDatabase();
  student = (await loadActor(t.db, { username: 'student' }))!;
  admin = (await loadActor(t.db, { username: 'admin' }))!;
});
after(() => t.close());

test('a student cannot register a push endpoint at the metadata service or inside the network, in any spelling', async () => {
  for (const host of metadata) {
    const code = await outcomeCode(saveSubscription(t.db, student.id, { endpoint: `https://${host}/latest/meta-data`, keys }, new Date()));
    assert.equal(code, 'INVALID_INPUT', host);
  }
  assert.equal(await outcomeCode(saveSubscription(t.db, student.id, { endpoint: 'https://push.example.com/sub/1', keys }, new Date())), 'OK');
  assert.equal((await t.db.select().from(pushSubscriptions)).length, 1);
  await t.db.delete(pushSubscriptions);
});

test('a push endpoint refused at send time is dropped, and no error text describes the network', async () => {
  const push = webPushSender(t.db, VAPID);
  const recipient = { userId: student.id, username: 'student', email: null };
  // Rows that got in some other way (before the check existed, or a name that now resolves inside).
  await t.db.insert(pushSubscriptions).values({ userId: student.id, endpoint: 'https://[::ffff:a9fe:a9fe]/push/x', ...keys, createdAt: new Date() });
  const refused = await push.send(recipient, message);
  assert.equal(refused.outcome, 'failed');
  assert.doesNotMatch(JSON.stringify(refused), /169\.254|a9fe/);
  assert.equal((await t.db.select().from(pushSubscriptions).where(eq(pushSubscriptions.userId, student.id))).length, 0, 'dropped');

  // A closed port on an allowed network reads like any other unreachable host: no port-scan oracle.
  await t.db.insert(pushSubscriptions).values({ userId: student.id, endpoint: 'https://127.0.0.1:1/push/y', ...keys, createdAt: new Date() });
  const closed = await push.send(recipient, message);
  assert.deepEqual(closed, { outcome: 'retry', error: '无法连接目标 / could not reach the destination' });
  await t.db.delete(pushSubscriptions);
});

test('an admin cannot register a webhook at the metadata service in any spelling', async () => {
  for (const host of metadata) {
    const code = await outcomeCode(registerWebhook(t.db, admin, { url: `http://${host}/hook`, events: ['instance.started'] }));
    assert.equal(code, 'INVALID_INPUT', host);
  }
  assert.equal(await outcomeCode(registerWebhook(t.db, admin, { url: 'https://hooks.example.com/zijing', events: ['instance.started'] })), 'OK');
});

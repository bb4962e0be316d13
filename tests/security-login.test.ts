import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { and, eq } from 'drizzle-orm';
import { messages, users } from '@/db/schema';
import { mayTryPassword, OWNER_ALERT_AFTER, PAIR_TRIES, recordPasswordFailure, recordPasswordSuccess } from '@/lib/auth/login-throttle';
import { createTestDatabase, type TestDatabase } from './helpers/test-db';

// Issue 15 item 5: wrong passwords from strangers must not lock the owner out.
let t: TestDatabase;
const now = new Date();
before(async () => {
  t = await createTestDatabase();
});
after(() => t.close());

/** One password attempt as lib/auth/options.ts makes it; `right` says whether the password was right. */
async function attempt(username: string, ip: string, right: boolean): Promise<'throttled' | 'ok' | 'wrong'> {
  if (!(await mayTryPassword(t.db, username, ip, 100, now))) return 'throttled';
  if (right) {
    await recordPasswordSuccess(t.db, username, ip);
    return 'ok';
  }
  await recordPasswordFailure(t.db, username, ip, now);
  return 'wrong';
}

describe('password guessing is slowed per account and address, never a lock strangers can set', () => {
  test('10 wrong passwords from 10 addresses: the owner still signs in, and is told', async () => {
    for (let i = 0; i < 10; i++) assert.equal(await attempt('admin', `203.0.113.${i}`, false), 'wrong');
    assert.equal(await attempt('admin', '198.51.100.10', true), 'ok');
    const [admin] = await t.db.select({ id: users.id }).from(users).where(eq(users.username, 'admin'));
    const told = await t.db.select().from(messages).where(and(eq(messages.userId, admin!.id), eq(messages.kind, 'security.login-failures')));
    assert.equal(told.length, 1);
    assert.match(told[0]!.params.textZh!, /没有被锁定/);
    assert.equal(OWNER_ALERT_AFTER, 10);
  });

  test('one address guessing one account is stopped after a few tries; other accounts and addresses are not', async () => {
    const tries = [];
    for (let i = 0; i < PAIR_TRIES + 3; i++) tries.push(await attempt('student', '203.0.113.50', false));
    assert.deepEqual(tries, [...Array(PAIR_TRIES).fill('wrong'), 'throttled', 'throttled', 'throttled']);
    // Even the right password from that address waits; the owner elsewhere does not.
    assert.equal(await attempt('student', '203.0.113.50', true), 'throttled');
    assert.equal(await attempt('student', '198.51.100.11', true), 'ok');
    assert.equal(await attempt('counselor', '203.0.113.50', true), 'ok');
  });
});

import assert from 'node:assert/strict';
import { test } from 'node:test';
import { count } from 'drizzle-orm';
import { orgUnits, users } from '@/db/schema';
import { DEMO_ACCOUNTS } from '@/db/seed/demo-accounts';
import { createTestDatabase } from './helpers/test-db';

test('a fresh test database is migrated and seeded', async () => {
  const { db, close } = await createTestDatabase();
  try {
    const [userRow] = await db.select({ n: count() }).from(users);
    assert.equal(userRow?.n, DEMO_ACCOUNTS.length, 'every demo account');
    const [orgRow] = await db.select({ n: count() }).from(orgUnits);
    assert.equal(orgRow?.n, 39, '1 school + 30 departments + 8 colleges');
  } finally {
    await close();
  }
});

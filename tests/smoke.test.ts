import assert from 'node:assert/strict';
import { test } from 'node:test';
import { count } from 'drizzle-orm';
import { orgUnits, users } from '@/db/schema';
import { createTestDatabase } from './helpers/test-db';

test('a fresh test database is migrated and seeded', async () => {
  const { db, close } = await createTestDatabase();
  try {
    const [userRow] = await db.select({ n: count() }).from(users);
    assert.equal(userRow?.n, 14, 'the 14 demo accounts');
    const [orgRow] = await db.select({ n: count() }).from(orgUnits);
    assert.equal(orgRow?.n, 39, '1 school + 30 departments + 8 colleges');
  } finally {
    await close();
  }
});

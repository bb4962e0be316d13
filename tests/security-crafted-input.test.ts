import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { eq } from 'drizzle-orm';
import { processInstances } from '@/db/schema';
import { loadDemoHistory } from '@/lib/admin/demo/load-demo-history';
import { loadActor } from '@/lib/auth/load-actor';
import { showText } from '@/lib/mailbox/display';
import { listDeskLetters } from '@/lib/mailbox/desk-list';
import { createTestDatabase, type TestDatabase } from './helpers/test-db';

// Issue 15 item 17: /mailbox-office was a 500 on a fresh demo start (demo letters have no subject).
let t: TestDatabase;
before(async () => {
  t = await createTestDatabase();
});
after(() => t.close());

describe('the 校长信箱 desk reads letters with missing form fields', () => {
  test('a demo history with mailbox letters lists without throwing', async () => {
    const now = new Date();
    assert.ok((await loadDemoHistory(t.db, now, 300, 60)) > 0);
    // Demo letters (no subject, no category) stay off the desk as samples (#17); taken as real ones
    // they stand for any letter whose form lacks fields (an import, an older version).
    await t.db.update(processInstances).set({ sample: false }).where(eq(processInstances.processId, 'presidents-mailbox'));
    const office = (await loadActor(t.db, { username: 'mailbox' }))!;
    const letters = await listDeskLetters(t.db, office, now, 'all');
    assert.ok(letters.length > 0, 'the demo history has mailbox letters');
    for (const l of letters) {
      assert.equal(typeof showText(l.subject), 'string');
      assert.equal(typeof l.category, 'string');
      assert.ok(Array.isArray(l.departments));
    }
  });
});

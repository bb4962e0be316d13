import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { and, eq, inArray } from 'drizzle-orm';
import { instanceEvents, messages, outbox, processInstances } from '@/db/schema';
import type { SessionUser } from '@/lib/auth/load-actor';
import { parseCsv } from '@/lib/csv';
import { batchCsv } from '@/lib/housing/batch-csv';
import { issueHousingNotices } from '@/lib/housing/issue-notices';
import { listHousingBatches, loadHousingBatch } from '@/lib/housing/ledger';
import { remindOverdueTenants } from '@/lib/housing/remind-overdue';
import { applyEvent } from '@/workflows/engine/apply-event';
import { remindApplicant } from '@/workflows/engine/instance-ops';
import { addDays, dayFromNow, expectCode, fakeUpload, loadActors } from './helpers/process-fixtures';
import { createTestDatabase, type TestDatabase } from './helpers/test-db';

let t: TestDatabase;
let a: Record<string, SessionUser>;
const now = new Date();
const due = dayFromNow(10, now);
const key = { period: '2027年3月', dueDate: due };
// Two weeks on: past the due date (CST), so whoever has not paid is overdue.
const later = addDays(now, 14);

before(async () => {
  t = await createTestDatabase();
  a = await loadActors(t.db, ['assets', 'admin', 'cadre', 'cadre2', 'org', 'student']);
});
after(() => t.close());

async function noticeOf(username: string): Promise<string> {
  const rows = await t.db
    .select({ id: processInstances.id, applicantId: processInstances.applicantId })
    .from(processInstances)
    .where(eq(processInstances.processId, 'housing-payment-notice'));
  return rows.find((r) => r.applicantId === a[username]!.id)!.id;
}

describe('周转房缴费台账 (资产管理处 ledger)', () => {
  test('a batch shows who acknowledged, who paid with which receipt, who is overdue; only the office sees it', async () => {
    const csv = [`cadre,3-201,${key.period},650.00,${due}`, `cadre2,3-202,${key.period},720.50,${due}`, `org,5-101,${key.period},600,${due}`].join('\n');
    await issueHousingNotices(t.db, a.assets!, { csv }, now);
    await applyEvent(t.db, { instanceId: await noticeOf('cadre'), actor: a.cadre!, type: 'acknowledge', now });
    const receipt = await fakeUpload(t.db, a.cadre2!.id, '缴费凭证.pdf');
    await applyEvent(t.db, { instanceId: await noticeOf('cadre2'), actor: a.cadre2!, type: 'markPaid', input: { receipt: [receipt] }, now });

    const [batch] = (await listHousingBatches(t.db, a.assets!, now)).filter((b) => b.period === key.period);
    assert.deepEqual(
      { total: batch!.total, acknowledged: batch!.acknowledged, paid: batch!.paid, confirmed: batch!.confirmed, overdue: batch!.overdue, amount: batch!.amount },
      { total: 3, acknowledged: 2, paid: 1, confirmed: 0, overdue: 0, amount: '1970.50' },
      'paying straight away counts as acknowledged; nobody is overdue before the due date',
    );
    const [lateBatch] = (await listHousingBatches(t.db, a.assets!, later)).filter((b) => b.period === key.period);
    assert.equal(lateBatch!.overdue, 2, 'after the due date: the two who have not paid');

    const rows = await loadHousingBatch(t.db, a.assets!, key, later);
    const by = Object.fromEntries(rows.map((r) => [r.username, r]));
    assert.deepEqual(rows.map((r) => r.username).slice(0, 2).sort(), ['cadre', 'org'], 'the overdue come first');
    assert.equal(by.org!.standing, 'unread');
    assert.equal(by.org!.acknowledgedAt, null);
    assert.equal(by.cadre!.standing, 'acknowledged');
    assert.ok(by.cadre!.acknowledgedAt);
    assert.equal(by.cadre2!.standing, 'receiptSent');
    assert.equal(by.cadre2!.overdue, false);
    assert.deepEqual(by.cadre2!.receipts.map((f) => f.filename), ['缴费凭证.pdf']);

    // The office's spreadsheet: one row per tenant, in Chinese, through the one CSV module.
    const sheet = parseCsv(batchCsv(key, rows));
    assert.equal(sheet.length, 4);
    assert.equal(sheet[0]![0], '流水号');
    const orgRow = sheet.find((r) => r[2] === 'org')!;
    assert.equal(orgRow[7], '未确认');
    assert.equal(orgRow[8], '是');
    assert.equal(sheet.find((r) => r[2] === 'cadre2')![12], '缴费凭证.pdf');

    for (const outsider of ['org', 'student']) {
      await expectCode(listHousingBatches(t.db, a[outsider]!, now), 'FORBIDDEN');
      await expectCode(loadHousingBatch(t.db, a[outsider]!, key, now), 'FORBIDDEN');
      await expectCode(remindOverdueTenants(t.db, a[outsider]!, key, later), 'FORBIDDEN');
    }
    assert.equal((await loadHousingBatch(t.db, a.admin!, key, now)).length, 3, 'administrators see it too');

    // Generated demo history (【示例】, process_instances.sample) is no notice the office sent: the demo's
    // sample notices showed as a batch "{period}（{due} 截止）" of 104 tenants with ¥0.00.
    await t.db.update(processInstances).set({ sample: true }).where(eq(processInstances.id, await noticeOf('org')));
    const [withoutSample] = (await listHousingBatches(t.db, a.assets!, now)).filter((b) => b.period === key.period);
    assert.equal(withoutSample!.total, 2);
    assert.deepEqual((await loadHousingBatch(t.db, a.assets!, key, now)).map((r) => r.username).sort(), ['cadre', 'cadre2']);
    await t.db.update(processInstances).set({ sample: false }).where(eq(processInstances.id, await noticeOf('org')));
  });

  test('催缴 reminds each overdue tenant once a day, through the outbox, recorded in the log; the paid are left alone', async () => {
    const overdue = [await noticeOf('cadre'), await noticeOf('org')];
    const paid = await noticeOf('cadre2');
    assert.deepEqual(await remindOverdueTenants(t.db, a.assets!, key, later), { reminded: 2, skipped: 0 });

    const reminders = await t.db
      .select({ id: messages.id, userId: messages.userId, instanceId: messages.instanceId })
      .from(messages)
      .where(and(eq(messages.kind, 'instance.reminder'), inArray(messages.instanceId, [...overdue, paid])));
    assert.deepEqual(reminders.map((m) => m.instanceId).sort(), [...overdue].sort(), 'one message to each overdue tenant, none to who paid');
    assert.equal(reminders.find((m) => m.instanceId === overdue[1])!.userId, a.org!.id);
    const queued = await t.db.select({ messageId: outbox.messageId }).from(outbox).where(inArray(outbox.messageId, reminders.map((m) => m.id)));
    assert.equal(queued.length, 2, 'each delivered through the outbox');
    const logged = await t.db.select().from(instanceEvents).where(and(eq(instanceEvents.instanceId, overdue[1]!), eq(instanceEvents.type, 'instance.remind')));
    assert.equal(logged.length, 1);
    assert.equal(logged[0]!.actorId, a.assets!.id);

    assert.deepEqual(await remindOverdueTenants(t.db, a.assets!, key, addDays(later, 0.01)), { reminded: 0, skipped: 2 }, 'not twice the same day');
    const rows = await loadHousingBatch(t.db, a.assets!, key, later);
    assert.equal(rows.find((r) => r.username === 'org')!.reminders, 1);
    assert.equal(rows.find((r) => r.username === 'org')!.remindedToday, true);
    assert.deepEqual(await remindOverdueTenants(t.db, a.assets!, key, addDays(later, 1)), { reminded: 2, skipped: 0 }, 'again the next day');

    // The engine refuses a reminder for a notice that no longer waits on its tenant, and from anyone but the office.
    await expectCode(remindApplicant(t.db, { instanceId: paid, actor: a.assets!, now: later }), 'EVENT_NOT_ALLOWED');
    await expectCode(remindApplicant(t.db, { instanceId: overdue[0]!, actor: a.org!, now: addDays(later, 2) }), 'FORBIDDEN');
    // The tenant still pays as usual afterwards: a reminder is not a decision.
    await applyEvent(t.db, { instanceId: overdue[1]!, actor: a.org!, type: 'acknowledge', now: later });
  });
});

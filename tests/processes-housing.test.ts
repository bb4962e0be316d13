import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { and, count, eq, sql } from 'drizzle-orm';
import { messages, processInstances } from '@/db/schema';
import type { SessionUser } from '@/lib/auth/load-actor';
import { issueHousingNotices } from '@/lib/housing/issue-notices';
import { isAppError } from '@/workflows/engine/errors';
import { applyEvent } from '@/workflows/engine/apply-event';
import { fireDueTimers } from '@/workflows/engine/fire-due-timers';
import { addDays, dayFromNow, expectCode, fakeUpload, loadActors } from './helpers/process-fixtures';
import { createTestDatabase, type TestDatabase } from './helpers/test-db';

let t: TestDatabase;
let a: Record<string, SessionUser>;
const now = new Date();
const due = dayFromNow(10);

before(async () => {
  t = await createTestDatabase();
  a = await loadActors(t.db, ['assets', 'cadre', 'cadre2', 'org', 'student']);
});
after(() => t.close());

const notices = () => (t.db.select({ n: count() }).from(processInstances).where(eq(processInstances.processId, 'housing-payment-notice')));

describe('housing-payment-notice', () => {
  test('duplicate rows and amounts with letters are refused with their line numbers; nothing written', async () => {
    const csv = ['租户工号,房号,缴费期间,金额,截止日期', `cadre,3-201,2026年12月,650.00,${due}`, `cadre2,3-202,2026年12月,65O,${due}`, `cadre,3-201,2026年12月,650.00,${due}`].join('\n');
    await assert.rejects(issueHousingNotices(t.db, a.assets!, { csv }, now), (e: unknown) => {
      assert.ok(isAppError(e) && e.code === 'INVALID_INPUT');
      assert.deepEqual((e.details!.rows as Array<{ line: number }>).map((r) => r.line), [3, 4]);
      assert.match(e.userMessage!.zh, /第 3 行：金额只能是数字/);
      assert.match(e.userMessage!.zh, /第 4 行：与第 2 行重复/);
      return true;
    });
    assert.equal((await notices())[0]!.n, 0);
    // The same list pasted out of a spreadsheet (tab-separated, spaces around cells) reads alike.
    const pasted = [' 租户工号\t房号\t缴费期间\t金额\t截止日期', `cadre\t3-201\t2026年12月\t 650.00\t${due} `, `cadre2\t3-202\t2026年12月\t720\t${due}`].join('\r\n');
    assert.deepEqual(await issueHousingNotices(t.db, a.assets!, { csv: pasted, dryRun: true }, now), { total: 2, issued: 0, next: 0 });
    await expectCode(issueHousingNotices(t.db, a.org!, { csv: `cadre,3-201,2026年12月,650.00,${due}` }, now), 'FORBIDDEN');
  });

  test('issued per tenant → acknowledged → paid with receipt → confirmed; overdue reminders after the due date', async () => {
    const csv = [`cadre,3-201,2026年12月,650.00,${due}`, `cadre2,3-202,2026年12月,720.50,${due}`].join('\n');
    assert.deepEqual(await issueHousingNotices(t.db, a.assets!, { csv, dryRun: true }, now), { total: 2, issued: 0, next: 0 });
    assert.deepEqual(await issueHousingNotices(t.db, a.assets!, { csv, from: 0 }, now), { total: 2, issued: 2, next: null });
    const rows = await t.db.select().from(processInstances).where(eq(processInstances.processId, 'housing-payment-notice'));
    const mine = rows.find((r) => r.applicantId === a.cadre2!.id)!;
    assert.equal(rows.find((r) => r.applicantId === a.cadre!.id)!.state, 'notified');

    await applyEvent(t.db, { instanceId: mine.id, actor: a.cadre2!, type: 'acknowledge', now });
    await fireDueTimers(t.db, addDays(now, 9));
    const reminded = () =>
      t.db.select().from(messages).where(and(eq(messages.userId, a.cadre2!.id), eq(messages.instanceId, mine.id), eq(messages.kind, 'instance.reminder')));
    assert.equal((await reminded()).length, 0, 'no reminder before the due date');
    await fireDueTimers(t.db, addDays(now, 16));
    assert.equal((await reminded()).length, 1, 'reminded after it');

    await expectCode(applyEvent(t.db, { instanceId: mine.id, actor: a.cadre2!, type: 'markPaid', input: { receipt: [] }, now }), 'INVALID_INPUT');
    const receipt = await fakeUpload(t.db, a.cadre2!.id, 'receipt.pdf');
    await applyEvent(t.db, { instanceId: mine.id, actor: a.cadre2!, type: 'markPaid', input: { receipt: [receipt] }, now });
    const done = await applyEvent(t.db, { instanceId: mine.id, actor: a.assets!, type: 'confirm', now });
    assert.equal(done.instance.status, 'completed');
  });

  test('a notice already issued for the same tenant, room and period is refused; a chunked run is not its own duplicate', async () => {
    // From the previous test: cadre / 3-201 / 2026年12月 exists. A new period for the same room is fine.
    const again = [`cadre,3-201,2026年12月,650.00,${due}`, `cadre,3-201,2027年1月,650.00,${due}`].join('\n');
    await assert.rejects(issueHousingNotices(t.db, a.assets!, { csv: again }, now), (e: unknown) => {
      assert.ok(isAppError(e) && e.code === 'INVALID_INPUT');
      assert.match(e.userMessage!.zh, /第 1 行：cadre 的 3-201 2026年12月 缴费通知已发出过/);
      assert.deepEqual((e.details!.rows as Array<{ line: number }>).map((r) => r.line), [1]);
      return true;
    });
    const fresh = `cadre,3-201,2027年1月,650.00,${due}`;
    assert.deepEqual(await issueHousingNotices(t.db, a.assets!, { csv: fresh }, now), { total: 1, issued: 1, next: null });
    // The same call retried (say the answer was lost) issues nothing twice.
    await expectCode(issueHousingNotices(t.db, a.assets!, { csv: fresh }, now), 'INVALID_INPUT');
  });

  test('two clerks issuing the same list at once: one run issues it, the other is refused, nobody gets two notices', async () => {
    const list = [`cadre,3-201,2027年2月,650.00,${due}`, `cadre,5-102,2027年2月,720.00,${due}`].join('\n');
    const runs = await Promise.allSettled(Array.from({ length: 4 }, () => issueHousingNotices(t.db, a.assets!, { csv: list }, now)));
    assert.equal(runs.filter((r) => r.status === 'fulfilled').length, 1);
    for (const r of runs.filter((x): x is PromiseRejectedResult => x.status === 'rejected')) {
      assert.ok(isAppError(r.reason) && r.reason.code === 'INVALID_INPUT', String(r.reason));
      assert.match(r.reason.userMessage!.zh, /缴费通知已发出过/);
    }
    const [issued] = await t.db
      .select({ n: count() })
      .from(processInstances)
      .where(and(eq(processInstances.processId, 'housing-payment-notice'), sql`${processInstances.snapshot}->'context'->'form'->>'period' = '2027年2月'`));
    assert.equal(issued!.n, 2);
  });
});

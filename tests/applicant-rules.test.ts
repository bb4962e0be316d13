import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { count, eq } from 'drizzle-orm';
import { catalogServices, processInstances } from '@/db/schema';
import type { SessionUser } from '@/lib/auth/load-actor';
import { SEED_ENTRIES } from '@/lib/catalog/seed-entries';
import { getInstanceView } from '@/lib/instances/get-instance-view';
import { toErrorBody } from '@/lib/errors';
import { applyEvent } from '@/workflows/engine/apply-event';
import { windowState } from '@/workflows/engine/application-window';
import { isAppError } from '@/workflows/engine/errors';
import { startInstance } from '@/workflows/engine/start-instance';
import { addDays, dayFromNow, expectCode, fakeUpload, loadActors } from './helpers/process-fixtures';
import { createTestDatabase, type TestDatabase } from './helpers/test-db';

// Issue 18 item 8: the rules the guides state hold, at the engine, with words for the person.
let t: TestDatabase;
let a: Record<string, SessionUser>;
const now = new Date();

before(async () => {
  t = await createTestDatabase();
  a = await loadActors(t.db, ['student', 'cadre', 'cadre2', 'leader', 'leader2', 'org']);
  await t.db.insert(catalogServices).values(SEED_ENTRIES.find((e) => e.code === 'insurance-opt-out')!);
});
after(() => t.close());

async function refusal(promise: Promise<unknown>): Promise<{ code: string; zh: string; en: string; status: number }> {
  try {
    await promise;
  } catch (error) {
    assert.ok(isAppError(error), String(error));
    const { status, body } = toErrorBody(error, 'zh');
    const en = toErrorBody(error, 'en').body.error.message;
    return { code: error.code, zh: body.error.message, en, status };
  }
  throw new Error('expected a refusal');
}

describe('医保不参保: the catalog entry’s window (每年 9 月 30 日前)', () => {
  const start = async (at: Date) =>
    startInstance(t.db, { processId: 'insurance-opt-out', actor: a.student!, input: { insurer: '湛江市城镇职工医保', proof: [await fakeUpload(t.db, a.student!.id)] }, now: at });

  test('on 2 December it is refused (4xx), naming the next window, and nothing is written', async () => {
    const before = (await t.db.select({ n: count() }).from(processInstances))[0]!.n;
    const r = await refusal(start(new Date('2026-12-02T02:00:00Z')));
    assert.equal(r.code, 'EVENT_NOT_ALLOWED');
    assert.ok(r.status >= 400 && r.status < 500);
    assert.match(r.zh, /不在申请时间内/);
    assert.match(r.zh, /每年 9 月 30 日前/);
    assert.match(r.zh, /2027 年 1 月 1 日至 2027 年 9 月 30 日/);
    assert.match(r.en, /1 January 2027 to 30 September 2027/);
    assert.equal((await t.db.select({ n: count() }).from(processInstances))[0]!.n, before);
  });

  test('the last day counts in Beijing time: 23:00 on 30 September is in, 00:30 on 1 October is out', async () => {
    const inside = await start(new Date('2027-09-30T15:00:00Z'));
    assert.equal(inside.instance.status, 'active');
    await expectCode(start(new Date('2027-09-30T16:30:00Z')), 'EVENT_NOT_ALLOWED');
  });

  test('windows across the turn of the year and with an opening day', () => {
    assert.deepEqual(windowState({ opens: '11-01', closes: '02-28' }, new Date('2026-12-02T02:00:00Z')), { open: true, closes: '2027-02-28' });
    assert.deepEqual(windowState({ opens: '11-01', closes: '02-28' }, new Date('2027-03-02T02:00:00Z')), { open: false, opens: '2027-11-01', closes: '2028-02-28' });
    assert.deepEqual(windowState({ opens: '09-01', closes: '09-30' }, new Date('2026-08-02T02:00:00Z')), { open: false, opens: '2026-09-01', closes: '2026-09-30' });
  });
});

describe('销假 asks for the actual return date', () => {
  async function onLeave(): Promise<{ id: string; startDate: string }> {
    const form = { leaveType: 'personal', reason: '处理家中事务', deputy: 'cadre', contact: '13800000000', startDate: dayFromNow(1), endDate: dayFromNow(3) };
    const { instance } = await startInstance(t.db, { processId: 'cadre-leave', actor: a.cadre2!, input: form, now });
    await applyEvent(t.db, { instanceId: instance.id, actor: a.cadre!, type: 'approve', now });
    await applyEvent(t.db, { instanceId: instance.id, actor: a.org!, type: 'file', now });
    return { id: instance.id, startDate: form.startDate };
  }

  test('without a date, before the leave began or in the future it is refused with words; a real one closes the leave', async () => {
    const { id, startDate } = await onLeave();
    const back = addDays(now, 4);
    const send = (input: unknown, at = back) => applyEvent(t.db, { instanceId: id, actor: a.cadre2!, type: 'reportBack', input, now: at });
    await expectCode(send({}), 'INVALID_INPUT');
    const early = await refusal(send({ returnedOn: dayFromNow(0) }));
    assert.equal(early.code, 'INVALID_INPUT');
    assert.equal(early.zh, `实际返岗日期不能早于假期开始日期（${startDate}）`);
    assert.equal(early.status, 400);
    assert.match((await refusal(send({ returnedOn: dayFromNow(10) }))).zh, /不能晚于今天/);
    const done = await send({ returnedOn: dayFromNow(3) });
    assert.equal(done.instance.status, 'completed');
    const [row] = await t.db.select().from(processInstances).where(eq(processInstances.id, id));
    assert.equal((row!.snapshot as { context: { returnedOn?: string } }).context.returnedOn, dayFromNow(3));
  });
});

describe('因私出国: the passport-return deadline', () => {
  test('the cadre sees the deadline; 证照已交回 is refused before the trip ended and accepted after', async () => {
    const form = { countries: ['日本'], purpose: '探亲', fundedBy: 'self', contact: '+81 90 0000 0000', startDate: dayFromNow(5), endDate: dayFromNow(8) };
    const { instance } = await startInstance(t.db, { processId: 'cadre-private-travel', actor: a.cadre2!, input: form, now });
    const id = instance.id;
    for (const [who, type] of [
      ['cadre', 'approve'],
      ['org', 'approve'],
      // v2: the school leaders' step is 会签 of 周校长 and 钟副校长.
      ['leader', 'approve'],
      ['leader2', 'approve'],
      ['org', 'issuePassport'],
    ] as const) {
      await applyEvent(t.db, { instanceId: id, actor: a[who]!, type, now });
    }
    const view = await getInstanceView(t.db, a.cadre2!, id);
    assert.deepEqual(
      view.deadlines.map((d) => [d.on, d.label.zh]),
      [[dayFromNow(18), '交回证照（回国后 10 日内）']],
    );
    const early = await refusal(applyEvent(t.db, { instanceId: id, actor: a.org!, type: 'receivePassport', now: addDays(now, 6) }));
    assert.equal(early.zh, `行程尚未结束（${form.endDate} 回国），不能登记证照已交回`);
    assert.ok(early.status >= 400 && early.status < 500);
    const closed = await applyEvent(t.db, { instanceId: id, actor: a.org!, type: 'receivePassport', now: addDays(now, 9) });
    assert.equal(closed.instance.status, 'completed');
    assert.deepEqual((await getInstanceView(t.db, a.cadre2!, id)).deadlines, []);
  });
});

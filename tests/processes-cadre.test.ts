import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { and, count, eq, inArray } from 'drizzle-orm';
import { calendarDays, messages, processInstances, timers } from '@/db/schema';
import type { SessionUser } from '@/lib/auth/load-actor';
import { applyEvent } from '@/workflows/engine/apply-event';
import { fireDueTimers } from '@/workflows/engine/fire-due-timers';
import { startInstance } from '@/workflows/engine/start-instance';
import { addDays, dayFromNow, expectCode, loadActors } from './helpers/process-fixtures';
import { createTestDatabase, type TestDatabase } from './helpers/test-db';

let t: TestDatabase;
let a: Record<string, SessionUser>;
const now = new Date();

const leave = (over: Record<string, unknown> = {}) => ({
  leaveType: 'personal',
  reason: '处理家中事务',
  deputy: 'cadre',
  contact: '13800000000',
  startDate: dayFromNow(14),
  endDate: dayFromNow(15),
  ...over,
});

async function instanceCount(): Promise<number> {
  return (await t.db.select({ n: count() }).from(processInstances))[0]!.n;
}

async function reminders(userId: string, instanceId: string): Promise<number> {
  const rows = await t.db
    .select()
    .from(messages)
    .where(and(eq(messages.userId, userId), eq(messages.instanceId, instanceId), eq(messages.kind, 'instance.reminder')));
  return rows.length;
}

before(async () => {
  t = await createTestDatabase();
  a = await loadActors(t.db, ['cadre', 'cadre2', 'leader', 'leader2', 'org', 'student', 'doctor']);
});
after(() => t.close());

describe('cadre-leave', () => {
  test('bad input is refused with a 4xx and nothing is written', async () => {
    const before = await instanceCount();
    const start = (actor: SessionUser, input: unknown) => startInstance(t.db, { processId: 'cadre-leave', actor, input, now });
    await expectCode(start(a.student!, leave()), 'FORBIDDEN');
    await expectCode(start(a.org!, leave()), 'FORBIDDEN'); // staff, but not a cadre
    await expectCode(start(a.cadre2!, leave({ deputy: 'cadre2' })), 'INVALID_INPUT');
    await expectCode(start(a.cadre2!, leave({ deputy: 'org' })), 'INVALID_INPUT'); // another department
    await expectCode(start(a.cadre2!, leave({ deputy: 'nobody' })), 'INVALID_INPUT');
    await expectCode(start(a.cadre2!, leave({ startDate: dayFromNow(-1) })), 'INVALID_INPUT');
    await expectCode(start(a.cadre2!, leave({ endDate: dayFromNow(13) })), 'INVALID_INPUT');
    await expectCode(start(a.cadre2!, leave({ endDate: dayFromNow(60) })), 'INVALID_INPUT');
    assert.equal(await instanceCount(), before);
  });

  test('long leave: dept leader → school leaders in turn (依次) → 组织部 files → reminder after the end date → 销假', async () => {
    const form = leave({ startDate: dayFromNow(7), endDate: dayFromNow(20) });
    const { instance } = await startInstance(t.db, { processId: 'cadre-leave', actor: a.cadre2!, input: form, now });
    const id = instance.id;
    await applyEvent(t.db, { instanceId: id, actor: a.cadre!, type: 'approve', now });
    await applyEvent(t.db, { instanceId: id, actor: a.leader!, type: 'approve', now });
    const s = await applyEvent(t.db, { instanceId: id, actor: a.leader2!, type: 'approve', now });
    assert.equal(s.instance.state, 'orgFiling');
    await expectCode(applyEvent(t.db, { instanceId: id, actor: a.cadre2!, type: 'withdraw', now }), 'EVENT_NOT_ALLOWED');
    const filed = await applyEvent(t.db, { instanceId: id, actor: a.org!, type: 'file', now });
    assert.equal(filed.instance.state, 'onLeave');

    const [timer] = await t.db.select().from(timers).where(and(eq(timers.instanceId, id), eq(timers.status, 'pending')));
    assert.ok(timer!.fireAt > new Date(`${form.endDate}T23:59:59+08:00`), 'the reminder counts from the end date');
    await fireDueTimers(t.db, addDays(now, 10));
    assert.equal(await reminders(a.cadre2!.id, id), 0, 'not before the end date');
    await fireDueTimers(t.db, addDays(now, 30));
    assert.equal(await reminders(a.cadre2!.id, id), 1, 'reminded once after it');

    const done = await applyEvent(t.db, { instanceId: id, actor: a.cadre2!, type: 'reportBack', input: { returnedOn: form.endDate }, now: addDays(now, 30) });
    assert.equal(done.instance.status, 'completed');
  });

  test('a leave over a public holiday counts only its working days: no school leader for 国庆 week', async () => {
    // Seven calendar days, five of them weekdays, all declared holidays by the university calendar.
    const days = Array.from({ length: 7 }, (_, i) => dayFromNow(40 + i));
    await t.db.insert(calendarDays).values(days.map((day) => ({ day, kind: 'holiday' as const, nameZh: '国庆节', nameEn: 'National Day' })));
    try {
      const { instance } = await startInstance(t.db, {
        processId: 'cadre-leave',
        actor: a.cadre2!,
        input: leave({ startDate: days[0], endDate: days[6] }),
        now,
      });
      const approved = await applyEvent(t.db, { instanceId: instance.id, actor: a.cadre!, type: 'approve', now });
      assert.equal(approved.instance.state, 'orgFiling');
    } finally {
      await t.db.delete(calendarDays).where(inArray(calendarDays.day, days));
    }
  });

  test('short leave skips the school leader; return keeps the form, resubmit re-checks the deputy', async () => {
    const { instance } = await startInstance(t.db, { processId: 'cadre-leave', actor: a.cadre2!, input: leave(), now });
    await applyEvent(t.db, { instanceId: instance.id, actor: a.cadre!, type: 'return', comment: '请补充代理人安排', now });
    await expectCode(
      applyEvent(t.db, { instanceId: instance.id, actor: a.cadre2!, type: 'resubmit', input: leave({ deputy: 'cadre2' }), now }),
      'INVALID_INPUT',
    );
    await applyEvent(t.db, { instanceId: instance.id, actor: a.cadre2!, type: 'resubmit', input: leave({ reason: '处理家中事务，已安排代理人' }), now });
    const approved = await applyEvent(t.db, { instanceId: instance.id, actor: a.cadre!, type: 'approve', now });
    assert.equal(approved.instance.state, 'orgFiling');
  });
});

describe('cadre-leave-city-report', () => {
  test('editable until it starts; an unacknowledged report reminds 组织部', async () => {
    const form = { destination: '北京', contact: '13800000000', startDate: dayFromNow(10), endDate: dayFromNow(12) };
    const { instance } = await startInstance(t.db, { processId: 'cadre-leave-city-report', actor: a.cadre2!, input: form, now });
    const id = instance.id;
    await applyEvent(t.db, { instanceId: id, actor: a.cadre2!, type: 'edit', input: { ...form, destination: '上海' }, now });
    await fireDueTimers(t.db, addDays(now, 5));
    assert.equal(await reminders(a.org!.id, id), 1, '组织部 reminded');
    await applyEvent(t.db, { instanceId: id, actor: a.org!, type: 'acknowledge', now: addDays(now, 5) });
    await expectCode(
      applyEvent(t.db, { instanceId: id, actor: a.cadre2!, type: 'edit', input: { ...form, destination: '广州' }, now: addDays(now, 11) }),
      'EVENT_NOT_ALLOWED',
    );
    await fireDueTimers(t.db, addDays(now, 14));
    const [row] = await t.db.select().from(processInstances).where(eq(processInstances.id, id));
    assert.equal(row!.state, 'closed');
    assert.equal((row!.snapshot as { context: { form: { destination: string } } }).context.form.destination, '上海');
  });
});

describe('cadre-private-travel', () => {
  test('passport not returned within 10 days: reminder, then escalation to 组织部', async () => {
    const form = { countries: ['日本'], purpose: '探亲', fundedBy: 'self', contact: '+81 90 0000 0000', startDate: dayFromNow(20), endDate: dayFromNow(25) };
    const { instance } = await startInstance(t.db, { processId: 'cadre-private-travel', actor: a.cadre2!, input: form, now });
    const id = instance.id;
    await applyEvent(t.db, { instanceId: id, actor: a.cadre!, type: 'approve', now });
    await applyEvent(t.db, { instanceId: id, actor: a.org!, type: 'approve', now });
    await applyEvent(t.db, { instanceId: id, actor: a.leader!, type: 'approve', now });
    await applyEvent(t.db, { instanceId: id, actor: a.leader2!, type: 'approve', now }); // 会签: both school leaders
    await applyEvent(t.db, { instanceId: id, actor: a.org!, type: 'issuePassport', now });
    await fireDueTimers(t.db, addDays(now, 33));
    assert.equal(await reminders(a.cadre2!.id, id), 1);
    await fireDueTimers(t.db, addDays(now, 36));
    const [row] = await t.db.select().from(processInstances).where(eq(processInstances.id, id));
    assert.equal(row!.state, 'returnOverdue');
    const closed = await applyEvent(t.db, { instanceId: id, actor: a.org!, type: 'receivePassport', now: addDays(now, 37) });
    assert.equal(closed.instance.status, 'completed');
  });
});

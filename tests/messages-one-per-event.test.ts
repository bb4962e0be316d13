/**
 * Issue 18 item 14, in the database: one message per event per person, titles that name the
 * process, the step and the outcome, and opening a message reads it.
 */
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { and, eq } from 'drizzle-orm';
import { messages, roleBindings } from '@/db/schema';
import type { SessionUser } from '@/lib/auth/load-actor';
import { sendLetterEvent } from '@/lib/mailbox/send-letter-event';
import { submitLetter } from '@/lib/mailbox/submit-letter';
import { countUnread, listMessages, openMessage } from '@/lib/messages/list-messages';
import { messageTitle } from '@/lib/messages/message-title';
import { applyEvent } from '@/workflows/engine/apply-event';
import { weekdayCalendar } from '@/workflows/engine/calendar';
import { startInstance } from '@/workflows/engine/start-instance';
import { fakeUpload, loadActors } from './helpers/process-fixtures';
import { createTestDatabase, type TestDatabase } from './helpers/test-db';

let t: TestDatabase;
let a: Record<string, SessionUser>;
let clock = new Date('2026-03-02T02:00:00Z').getTime();
const tick = () => new Date((clock += 60_000));

before(async () => {
  t = await createTestDatabase();
  a = await loadActors(t.db, ['student', 'counselor', 'doctor', 'mailbox', 'logistics']);
});
after(() => t.close());

const toldAt = (userId: string, at: Date) => t.db.select().from(messages).where(and(eq(messages.userId, userId), eq(messages.createdAt, at)));

describe('messages', () => {
  test('a return tells the student once; two offices’ 核实通过 read as two different lines', async () => {
    const form = { kind: 'defer', reason: '住院治疗中', evidence: [await fakeUpload(t.db, a.student!.id)] };
    const { instance } = await startInstance(t.db, { processId: 'fitness-test-exemption', actor: a.student!, input: form, now: tick() });
    const id = instance.id;
    const returnedAt = tick();
    await applyEvent(t.db, { instanceId: id, actor: a.counselor!, type: 'return', comment: '请补充诊断证明', now: returnedAt });
    const told = await toldAt(a.student!.id, returnedAt);
    assert.equal(told.length, 1, 'the return opens a task for the student and tells them: one message, not two');
    assert.equal(messageTitle(told[0]!, 'zh'), '体质测试免测/缓测申请 · 辅导员核实 · 退回修改');

    await applyEvent(t.db, { instanceId: id, actor: a.student!, type: 'resubmit', input: form, now: tick() });
    await applyEvent(t.db, { instanceId: id, actor: a.counselor!, type: 'approve', now: tick() });
    await applyEvent(t.db, { instanceId: id, actor: a.doctor!, type: 'approve', now: tick() });
    const mine = (await listMessages(t.db, a.student!)).filter((m) => m.instanceId === id);
    assert.deepEqual(
      mine.map((m) => messageTitle(m, 'zh')),
      ['体质测试免测/缓测申请 · 校医院核实 · 已通过', '体质测试免测/缓测申请 · 辅导员核实 · 已通过', '体质测试免测/缓测申请 · 辅导员核实 · 退回修改'],
    );
    assert.equal(messageTitle(mine[0]!, 'en'), 'Physical fitness test exemption / deferral · University hospital verification · approved');
    assert.ok(mine.every((m) => m.caseNo && m.caseNo === mine[0]!.caseNo), `each carries the case number of its application: ${mine.map((m) => m.caseNo)}`);
  });

  test('a person who holds the roles of two tasks one event opens hears once', async () => {
    // 后勤 handler also answers for 资产管理处: both departments get the letter in one event.
    await t.db.insert(roleBindings).values({ userId: a.logistics!.id, role: 'handler', orgUnitId: 'assets' });
    const sent = await submitLetter(t.db, {
      body: { letter: { category: 'suggestion', subject: '图书馆延长开放', content: '期末周希望图书馆开放到 24 点。', anonymous: true, contact: 'w@example.com', consentPublish: false } },
      actor: null,
      ip: '10.0.0.9',
      now: tick(),
      origin: 'http://campus.test',
    });
    await sendLetterEvent(t.db, a.mailbox!, sent.instanceId, { type: 'accept' }, tick(), weekdayCalendar);
    const assignedAt = tick();
    await sendLetterEvent(t.db, a.mailbox!, sent.instanceId, { type: 'assign', input: { departments: ['logistics', 'assets'] } }, assignedAt, weekdayCalendar);
    const told = await toldAt(a.logistics!.id, assignedAt);
    assert.equal(told.length, 1, 'two tasks, one person: one message');
    assert.equal(told[0]!.kind, 'task.new');
  });

  test('opening a message reads it and goes where it points; another person’s message is out of reach', async () => {
    const [first] = (await listMessages(t.db, a.student!)).filter((m) => !m.readAt);
    const before = await countUnread(t.db, a.student!);
    assert.equal(await openMessage(t.db, a.counselor!, tick(), first!.id), null);
    assert.equal(await countUnread(t.db, a.student!), before, 'someone else opening it changes nothing');
    assert.equal(await openMessage(t.db, a.student!, tick(), first!.id), `/applications/${first!.instanceId}`);
    assert.equal(await countUnread(t.db, a.student!), before - 1);
  });
});

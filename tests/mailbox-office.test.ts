import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { loadActor, type SessionUser } from '@/lib/auth/load-actor';
import { forgetMailboxKey } from '@/lib/mailbox/capability';
import { getDeskLetter } from '@/lib/mailbox/desk-letter';
import { duplicateCandidates } from '@/lib/mailbox/duplicate-candidates';
import { sendLetterEvent } from '@/lib/mailbox/send-letter-event';
import { submitLetter } from '@/lib/mailbox/submit-letter';
import { trackLetter } from '@/lib/mailbox/track-view';
import { and, eq } from 'drizzle-orm';
import { tasks, timers } from '@/db/schema';
import { parseStatsFilters } from '@/lib/admin/stats/filters';
import { statsTable } from '@/lib/admin/stats/tables';
import { findLetterByToken } from '@/lib/mailbox/find-letter';
import { mailboxStats } from '@/lib/mailbox/stats';
import { rateReply } from '@/lib/mailbox/writer-actions';
import { calendarFromDays, weekdayCalendar } from '@/workflows/engine/calendar';
import { isAppError } from '@/workflows/engine/errors';
import { fireDueTimers } from '@/workflows/engine/fire-due-timers';
import { createTestDatabase, type TestDatabase } from './helpers/test-db';

let t: TestDatabase;
const actors: Record<string, SessionUser> = {};
const at = new Date('2026-03-02T02:00:00Z'); // a Monday, 10:00 in China
const base = { category: 'complaint', anonymous: true, contact: 'w@example.com', consentPublish: false };
const send = (subject: string, content: string) =>
  submitLetter(t.db, { body: { letter: { ...base, subject, content } }, actor: null, ip: '10.0.9.1', now: at, origin: 'http://campus.test' });
const submit = async (subject: string, content: string) => (await send(subject, content)).instanceId;
const office = (id: string, body: unknown) => sendLetterEvent(t.db, actors.mailbox!, id, body, at, weekdayCalendar);

before(async () => {
  forgetMailboxKey();
  t = await createTestDatabase();
  for (const name of ['mailbox', 'logistics', 'assets', 'leader']) actors[name] = (await loadActor(t.db, { username: name }))!;
});
after(() => t.close());

describe('校长信箱 office desk', () => {
  test('merging a duplicate: the office picks from letters ranked by subject and content, shown by 流水号', async () => {
    const first = await submit('三饭堂午餐排队太久', '三饭堂中午排队超过 30 分钟，希望增加窗口。');
    const other = await submit('图书馆考试周延长开放', '希望考试周图书馆开到晚上 12 点。');
    const again = await submit('三饭堂中午排队时间太长', '中午在三饭堂排队要半小时，能否多开几个窗口？');

    const candidates = await duplicateCandidates(t.db, actors.mailbox!, again, at);
    assert.equal(candidates[0]!.id, first, 'the same complaint in other words comes first');
    assert.match(candidates[0]!.caseNo ?? '', /^[A-Z]{2}-\d{8}-\d{4}$/);
    assert.equal(candidates[0]!.subject, '三饭堂午餐排队太久');
    assert.ok(candidates.every((c) => c.id !== again), 'never the letter itself');
    const unrelated = candidates.find((c) => c.id === other);
    assert.ok(!unrelated || unrelated.score < candidates[0]!.score);
    // A department on the desk does not merge: nothing is offered to it.
    assert.deepEqual(await duplicateCandidates(t.db, actors.logistics!, again, at).catch(() => []), []);

    await office(again, { type: 'markDuplicate', comment: '同一问题', input: { duplicateOf: candidates[0]!.id } });
    const merged = await trackLetter(t.db, again);
    assert.equal(merged.stage, 'merged');
    // The merged letter is no longer offered as an original.
    const fourth = await submit('三饭堂排队', '排队太久');
    assert.ok((await duplicateCandidates(t.db, actors.mailbox!, fourth, at)).every((c) => c.id !== again));
  });

  test('merging by a typed 流水号: forgiving of case and spaces, refused in Chinese when it names no open letter', async () => {
    const first = await submit('操场路灯不亮', '西操场晚上路灯坏了三盏。');
    const again = await submit('西操场路灯坏了', '西操场有几盏路灯不亮，晚上跑步看不清。');
    const late = await submit('操场灯', '路灯还是没修。');
    const caseNo = async (id: string) => (await getDeskLetter(t.db, actors.mailbox!, id)).caseNo!;
    const refused = async (id: string, typed: string, zh: RegExp) =>
      assert.rejects(office(id, { type: 'markDuplicate', comment: '同一问题', input: { duplicateCaseNo: typed } }), (e: unknown) => {
        assert.ok(isAppError(e) && e.code === 'INVALID_INPUT', String(e));
        assert.match(e.userMessage!.zh, zh);
        return true;
      });
    await refused(again, 'XZ-19990101-0001', /^找不到流水号为 XZ-19990101-0001 的来信$/);
    await refused(again, '', /请填写原信件的流水号/);
    await refused(again, await caseNo(again), /不能与本信自身合并/);

    const typed = ` ${(await caseNo(first)).toLowerCase().replace('-', '－')} `;
    await office(again, { type: 'markDuplicate', comment: '同一问题', input: { duplicateCaseNo: typed } });
    assert.equal((await trackLetter(t.db, again)).stage, 'merged');
    assert.equal((await getDeskLetter(t.db, actors.mailbox!, again)).context.duplicateOf, first);
    // The merged letter is closed: nothing more merges into it.
    await refused(late, await caseNo(again), /已办结，只能合并到尚在办理的来信/);
  });

  test('a returned draft keeps its text and the office note for the rewrite', async () => {
    const id = await submit('宿舍热水不热', '热水只有温的。');
    await office(id, { type: 'accept' });
    await office(id, { type: 'assign', input: { departments: ['logistics'] } });
    await sendLetterEvent(t.db, actors.logistics!, id, { type: 'submitDraft', input: { reply: '已检修锅炉。' } }, at, weekdayCalendar);
    await office(id, { type: 'returnDraft', comment: '请写明恢复时间', input: { orgUnitId: 'logistics' } });
    const desk = await getDeskLetter(t.db, actors.logistics!, id);
    assert.deepEqual(desk.actions, ['submitDraft', 'requestTransfer']);
    assert.deepEqual(desk.myOrgs, ['logistics']);
    const mine = desk.context.assignments.find((a) => a.orgUnitId === 'logistics')!;
    assert.equal(mine.status, 'drafting');
    assert.equal(mine.draft, '已检修锅炉。');
    assert.equal(mine.note, '请写明恢复时间');
  });
});

describe('好差评 on 校长信箱: five levels, a 差评 reopens the letter for its departments', () => {
  // 清明 on the Friday: five working days from Monday 10:00 end the next Tuesday, not Monday.
  const calendar = calendarFromDays([{ day: '2026-03-06', kind: 'holiday' }]);
  const dept = (name: string, id: string, body: unknown, when = at) => sendLetterEvent(t.db, actors[name]!, id, body, when, calendar);
  const DAY = 86_400_000;

  async function repliedLetter(subject: string) {
    const sent = await send(subject, `${subject}，请尽快处理。`);
    const id = sent.instanceId;
    await office(id, { type: 'accept' });
    await office(id, { type: 'assign', input: { departments: ['logistics', 'assets'] } });
    await dept('logistics', id, { type: 'submitDraft', input: { reply: '已增开窗口。' } });
    await dept('assets', id, { type: 'submitDraft', input: { reply: '将添置设备。' } });
    await office(id, { type: 'approveDraft', input: { orgUnitId: 'logistics' } });
    await office(id, { type: 'approveDraft', input: { orgUnitId: 'assets' } });
    const letter = await findLetterByToken(t.db, sent.trackingUrl.split('/').pop()!, '10.0.9.2', at);
    return { id, letter };
  }

  test('不满意 reopens for the departments with 5 working days on the university calendar; overdue goes to the leader; a second 差评 to the office', async () => {
    const { id, letter } = await repliedLetter('澡堂热水不稳定');
    const view = await trackLetter(t.db, id, calendar);
    assert.deepEqual(
      view.ratingChoices.map((c) => c.label.zh),
      ['非常满意', '满意', '基本满意', '不满意', '非常不满意'],
    );
    await assert.rejects(rateReply(t.db, letter, { rating: 'great' }, at, calendar), (e: unknown) => isAppError(e) && e.code === 'INVALID_INPUT');
    // The writer cannot set the department's deadline: the engine's 5 working days stand.
    await rateReply(t.db, letter, { rating: '2', comment: '水温还是忽冷忽热', deadline: '2027-01-01T00:00:00Z' }, at, calendar);

    const reopened = await trackLetter(t.db, id, calendar);
    assert.equal(reopened.stage, 'reopened');
    assert.equal(reopened.rating?.label.zh, '不满意');
    const due = '2026-03-10T02:00:00.000Z'; // Tuesday 10:00 CST: Mon–Thu, the holiday skipped, Mon, Tue
    assert.equal(reopened.deadline, due);
    const open = await t.db.select().from(tasks).where(and(eq(tasks.instanceId, id), eq(tasks.status, 'open')));
    const handlers = open.filter((x) => x.role === 'handler');
    assert.deepEqual(handlers.map((x) => x.orgUnitId).sort(), ['assets', 'logistics']);
    assert.ok(handlers.every((x) => x.dueAt?.toISOString() === due), 'each department owes its answer by the deadline');
    const [overdue] = await t.db.select().from(timers).where(and(eq(timers.instanceId, id), eq(timers.eventType, 'reopenOverdue')));
    assert.equal(overdue!.fireAt.toISOString(), due);

    // The department sees why: the writer's words are the note it answers; the desk log has the rating in words.
    const desk = await getDeskLetter(t.db, actors.logistics!, id);
    assert.equal(desk.context.assignments.find((a) => a.orgUnitId === 'logistics')!.note, '水温还是忽冷忽热');
    assert.equal(desk.history.find((h) => h.type === 'rate')!.rating, 2);
    assert.equal(desk.history.find((h) => h.type === 'rate')!.ratingComment, '水温还是忽冷忽热', 'the log carries what the writer wrote with the rating');
    assert.equal(desk.history.find((h) => h.type === 'rate')!.actorRole, 'writer');
    // The step in words, the department's own work among it (a parallel region's inner state).
    assert.deepEqual(desk.stateLabels.map((l) => l.zh), ['差评重新办理', '承办部门重新答复（差评）']);

    // Not answered in time: the school leader is asked to urge.
    await fireDueTimers(t.db, new Date(Date.parse(due) + 60_000));
    const afterDue = await t.db.select().from(tasks).where(and(eq(tasks.instanceId, id), eq(tasks.status, 'open')));
    assert.ok(afterDue.some((x) => x.role === 'school_leader' && x.state === 'reopened.clock.overdue'));

    const later = new Date(Date.parse(due) + DAY);
    await dept('logistics', id, { type: 'submitDraft', input: { reply: '已更换恒温阀。' } }, later);
    await dept('assets', id, { type: 'submitDraft', input: { reply: '已更换热水器。' } }, later);
    await sendLetterEvent(t.db, actors.mailbox!, id, { type: 'approveDraft', input: { orgUnitId: 'logistics' } }, later, calendar);
    await sendLetterEvent(t.db, actors.mailbox!, id, { type: 'approveDraft', input: { orgUnitId: 'assets' } }, later, calendar);
    const again = await trackLetter(t.db, id, calendar);
    assert.equal(again.stage, 'replied');
    assert.deepEqual(again.replies.map((r) => r.round), [1, 1, 2, 2]);
    assert.ok(again.canRate);

    await rateReply(t.db, letter, { rating: 1 }, later, calendar);
    assert.equal((await trackLetter(t.db, id, calendar)).stage, 'supervising');
  });

  test('满意 closes; satisfaction per responsible department counts each level', async () => {
    const { id, letter } = await repliedLetter('操场照明不足');
    await rateReply(t.db, letter, { rating: 5 }, at, calendar);
    assert.equal((await trackLetter(t.db, id, calendar)).status, 'completed');

    const scope = { kind: 'all' } as const;
    const filters = parseStatsFilters(scope, { from: '2026-03-01', to: '2026-03-31' }, at);
    const table = await statsTable(t.db, scope, 'satisfaction-by-department', filters, at);
    assert.deepEqual(table.columns, ['department', 'rated', 'verySatisfied', 'satisfied', 'fairlySatisfied', 'dissatisfied', 'veryDissatisfied']);
    // Both departments answered both letters: 非常满意 here, 不满意 then 非常不满意 on the reopened one.
    for (const d of ['logistics', 'assets']) {
      assert.deepEqual(table.rows.find((r) => r[0] === d), [d, 3, 1, 0, 0, 1, 1]);
    }
    const stats = await mailboxStats(t.db, at);
    const logistics = stats.satisfaction.find((s) => s.orgUnitId === 'logistics')!;
    assert.ok(logistics.rated >= 3 && logistics.satisfied >= 1 && logistics.satisfied < logistics.rated);
  });
});

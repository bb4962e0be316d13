import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { loadActor, type SessionUser } from '@/lib/auth/load-actor';
import { forgetMailboxKey } from '@/lib/mailbox/capability';
import { getDeskLetter } from '@/lib/mailbox/desk-letter';
import { duplicateCandidates } from '@/lib/mailbox/duplicate-candidates';
import { sendLetterEvent } from '@/lib/mailbox/send-letter-event';
import { submitLetter } from '@/lib/mailbox/submit-letter';
import { trackLetter } from '@/lib/mailbox/track-view';
import { weekdayCalendar } from '@/workflows/engine/calendar';
import { createTestDatabase, type TestDatabase } from './helpers/test-db';

let t: TestDatabase;
const actors: Record<string, SessionUser> = {};
const at = new Date('2026-03-02T02:00:00Z'); // a Monday, 10:00 in China
const base = { category: 'complaint', anonymous: true, contact: 'w@example.com', consentPublish: false };
const submit = async (subject: string, content: string) =>
  (await submitLetter(t.db, { body: { letter: { ...base, subject, content } }, actor: null, ip: '10.0.9.1', now: at, origin: 'http://campus.test' })).instanceId;
const office = (id: string, body: unknown) => sendLetterEvent(t.db, actors.mailbox!, id, body, at, weekdayCalendar);

before(async () => {
  forgetMailboxKey();
  t = await createTestDatabase();
  for (const name of ['mailbox', 'logistics']) actors[name] = (await loadActor(t.db, { username: name }))!;
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

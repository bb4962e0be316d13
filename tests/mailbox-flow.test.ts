import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { and, eq } from 'drizzle-orm';
import { instanceEvents, mailboxLetters, messages, tasks } from '@/db/schema';
import { loadActor, type SessionUser } from '@/lib/auth/load-actor';
import { forgetMailboxKey } from '@/lib/mailbox/capability';
import { findLetterByCode, findLetterByToken } from '@/lib/mailbox/find-letter';
import { listDeskLetters } from '@/lib/mailbox/desk-list';
import { publishLetter, listPublicLetters, suggestPublication } from '@/lib/mailbox/publications';
import { sendLetterEvent } from '@/lib/mailbox/send-letter-event';
import { mailboxStats } from '@/lib/mailbox/stats';
import { submitLetter } from '@/lib/mailbox/submit-letter';
import { trackLetter } from '@/lib/mailbox/track-view';
import { askFollowUp, rateReply, reissueCapability } from '@/lib/mailbox/writer-actions';
import { listApplications } from '@/lib/instances/list-applications';
import { weekdayCalendar } from '@/workflows/engine/calendar';
import { isAppError } from '@/workflows/engine/errors';
import { fireDueTimers } from '@/workflows/engine/fire-due-timers';
import { verifyChain } from '@/workflows/engine/hash-chain';
import { createTestDatabase, type TestDatabase } from './helpers/test-db';

let t: TestDatabase;
const actors: Record<string, SessionUser> = {};
const at = new Date('2026-03-02T02:00:00Z'); // a Monday, 10:00 in China
const DAY = 86_400_000;
const letter = {
  category: 'complaint',
  subject: '三饭堂午餐排队太久',
  content: '我是张小明，学号 2017123456，电话 13812345678。三饭堂中午排队超过 30 分钟，希望增加窗口。',
  anonymous: true,
  contact: 'writer@example.com',
  consentPublish: true,
};

async function expectCode(promise: Promise<unknown>, code: string) {
  await assert.rejects(promise, (e: unknown) => isAppError(e) && e.code === code);
}

const submit = (body: unknown, actor: SessionUser | null = null, ip = '10.0.0.1') =>
  submitLetter(t.db, { body, actor, ip, now: at, origin: 'http://campus.test' });
const tokenOf = (url: string) => url.split('/').pop()!;
const office = (id: string, body: unknown, when = at) => sendLetterEvent(t.db, actors.mailbox!, id, body, when, weekdayCalendar);

before(async () => {
  forgetMailboxKey();
  t = await createTestDatabase();
  for (const name of ['mailbox', 'logistics', 'assets', 'security', 'student', 'leader']) {
    actors[name] = (await loadActor(t.db, { username: name }))!;
  }
});
after(() => t.close());

describe('presidents-mailbox end to end in the database', () => {
  test('anonymous letter → accept → two departments draft in parallel → review → replied → 不满意 reopens', async () => {
    const sent = await submit({ letter });
    assert.match(sent.trackingUrl, /^http:\/\/campus\.test\/mailbox\/track\/[A-Za-z0-9_-]{43}$/);
    assert.match(sent.queryCode, /^[A-HJ-NP-Z2-9]{10}$/);
    const [row] = await t.db.select().from(mailboxLetters).where(eq(mailboxLetters.instanceId, sent.instanceId));
    assert.notEqual(row!.tokenHash, tokenOf(sent.trackingUrl));
    assert.equal(row!.tokenHash.length, 64);
    assert.equal(JSON.stringify(row).includes(sent.queryCode), false);

    const found = await findLetterByToken(t.db, tokenOf(sent.trackingUrl), '10.0.0.2', at);
    assert.equal(found.instanceId, sent.instanceId);
    const byCode = await findLetterByCode(t.db, sent.queryCode.toLowerCase(), ' Writer@Example.com ', '10.0.0.2', at);
    assert.equal(byCode.instanceId, sent.instanceId);
    await expectCode(findLetterByCode(t.db, sent.queryCode, 'someone@else.com', '10.0.0.2', at), 'NOT_FOUND');

    const id = sent.instanceId;
    let view = await trackLetter(t.db, id);
    assert.equal(view.stage, 'received');
    assert.ok(view.deadline);

    // A department cannot triage; the office can.
    await expectCode(sendLetterEvent(t.db, actors.logistics!, id, { type: 'accept' }, at, weekdayCalendar), 'NOT_FOUND');
    await office(id, { type: 'accept' });
    await expectCode(office(id, { type: 'assign', input: { departments: ['nowhere'] } }), 'INVALID_INPUT');
    await office(id, { type: 'assign', input: { departments: ['logistics', 'assets'] } });
    const handlerTasks = await t.db.select().from(tasks).where(and(eq(tasks.instanceId, id), eq(tasks.status, 'open')));
    assert.deepEqual(handlerTasks.filter((x) => x.role === 'handler').map((x) => x.orgUnitId).sort(), ['assets', 'logistics']);
    assert.equal((await listDeskLetters(t.db, actors.logistics!, at)).length, 1);
    assert.equal((await listDeskLetters(t.db, actors.security!, at)).length, 0);

    const handler = (name: string, body: unknown) => sendLetterEvent(t.db, actors[name]!, id, body, at, weekdayCalendar);
    await handler('logistics', { type: 'submitDraft', input: { reply: '已增开两个窗口。' } });
    await expectCode(handler('logistics', { type: 'submitDraft', input: { reply: 'again' } }), 'CONFLICT');
    await handler('assets', { type: 'submitDraft', input: { reply: '将添置自助点餐机。' } });
    await office(id, { type: 'returnDraft', comment: '请写明时间', input: { orgUnitId: 'assets' } });
    await handler('assets', { type: 'submitDraft', input: { reply: '下月起添置自助点餐机。' } });
    await office(id, { type: 'approveDraft', input: { orgUnitId: 'logistics' } });
    view = await trackLetter(t.db, id);
    assert.equal(view.stage, 'handling');
    await office(id, { type: 'approveDraft', input: { orgUnitId: 'assets' } });
    view = await trackLetter(t.db, id);
    assert.equal(view.stage, 'replied');
    assert.deepEqual(view.replies.map((r) => r.text), ['已增开两个窗口。', '下月起添置自助点餐机。']);
    assert.ok(view.canRate && view.canFollowUp);
    assert.equal(JSON.stringify(view).includes('请写明时间'), false, 'internal comments stay inside');

    const draft = await suggestPublication(t.db, id);
    assert.equal(draft.content.includes('2017123456'), false);
    assert.equal(draft.content.includes('13812345678'), false);
    assert.equal(draft.content.includes('张小明'), false);
    await publishLetter(t.db, actors.mailbox!, id, draft, at);
    await expectCode(publishLetter(t.db, actors.logistics!, id, draft, at), 'FORBIDDEN');
    assert.equal((await listPublicLetters(t.db, { q: '窗口' })).length, 1);
    assert.equal((await listPublicLetters(t.db, { category: 'suggestion' })).length, 0);
    assert.equal((await listPublicLetters(t.db, { q: '%' })).length, 0);

    // 不满意 reopens the letter for the departments (tests/mailbox-office.test.ts follows it on).
    await rateReply(t.db, found, { rating: 2, comment: '窗口还是不够' }, at);
    await expectCode(rateReply(t.db, found, { rating: 4 }, at), 'CONFLICT');
    view = await trackLetter(t.db, id);
    assert.equal(view.stage, 'reopened');
    assert.ok(view.steps.some((s) => s.label.zh.includes('重新打开')));
    await expectCode(askFollowUp(t.db, found, { question: '还有问题' }, at), 'CONFLICT');

    const logRows = await t.db.select().from(instanceEvents).where(eq(instanceEvents.instanceId, id)).orderBy(instanceEvents.seq);
    assert.ok(logRows.some((e) => e.actorRole === 'writer'));
    assert.equal(verifyChain(logRows).ok, true);

    const stats = await mailboxStats(t.db, at);
    assert.equal(stats.perMonth[0]!.count >= 1, true);
    assert.deepEqual(stats.satisfaction.map((s) => s.orgUnitId).sort(), ['assets', 'logistics']);
  });

  test('one follow-up, then a second is a conflict; revoke and re-issue kills the old link', async () => {
    const sent = await submit({ letter: { ...letter, subject: '宿舍热水' } });
    const id = sent.instanceId;
    await office(id, { type: 'accept' });
    await office(id, { type: 'assign', input: { departments: ['logistics'] } });
    await sendLetterEvent(t.db, actors.logistics!, id, { type: 'submitDraft', input: { reply: '已修复。' } }, at, weekdayCalendar);
    await office(id, { type: 'approveDraft', input: { orgUnitId: 'logistics' } });
    const row = await findLetterByToken(t.db, tokenOf(sent.trackingUrl), '10.0.0.3', at);
    await askFollowUp(t.db, row, { question: '几楼修好了？' }, at);
    assert.equal((await trackLetter(t.db, id)).stage, 'handling');
    await sendLetterEvent(t.db, actors.logistics!, id, { type: 'submitDraft', input: { reply: '全部楼层。' } }, at, weekdayCalendar);
    await office(id, { type: 'approveDraft', input: { orgUnitId: 'logistics' } });
    const view = await trackLetter(t.db, id);
    assert.deepEqual(view.replies.map((r) => r.round), [1, 2]);
    await expectCode(askFollowUp(t.db, row, { question: '再问' }, at), 'CONFLICT');

    const issued = await reissueCapability(t.db, row, at, 'http://campus.test');
    await expectCode(findLetterByToken(t.db, tokenOf(sent.trackingUrl), '10.0.0.3', at), 'NOT_FOUND');
    await expectCode(findLetterByCode(t.db, sent.queryCode, 'writer@example.com', '10.0.0.3', at), 'NOT_FOUND');
    assert.equal((await findLetterByToken(t.db, issued.token, '10.0.0.3', at)).instanceId, id);
    await expectCode(findLetterByToken(t.db, issued.token, '10.0.0.3', new Date(at.getTime() + 400 * DAY)), 'NOT_FOUND');
  });

  test('time limits: reminder, then escalation to the school leader; merge as duplicate', async () => {
    const sent = await submit({ letter: { ...letter, subject: '图书馆空调' } });
    const id = sent.instanceId;
    await fireDueTimers(t.db, new Date(at.getTime() + 2 * DAY + 60_000));
    let open = await t.db.select().from(tasks).where(and(eq(tasks.instanceId, id), eq(tasks.status, 'open')));
    assert.deepEqual(open.map((x) => x.state), ['triage.office.reminded']);
    await fireDueTimers(t.db, new Date(at.getTime() + 3 * DAY + 60_000));
    open = await t.db.select().from(tasks).where(and(eq(tasks.instanceId, id), eq(tasks.status, 'open')));
    assert.ok(open.some((x) => x.role === 'school_leader'));
    const leaderMessages = await t.db.select().from(messages).where(eq(messages.userId, actors.leader!.id));
    assert.ok(leaderMessages.some((m) => m.instanceId === id));
    assert.ok((await trackLetter(t.db, id)).steps.some((s) => s.label.zh.includes('校领导')));

    const dup = await submit({ letter: { ...letter, subject: '图书馆空调又坏了' } });
    await expectCode(office(dup.instanceId, { type: 'markDuplicate', comment: '同一问题', input: { duplicateOf: dup.instanceId } }), 'INVALID_INPUT');
    await office(dup.instanceId, { type: 'markDuplicate', comment: '同一问题', input: { duplicateOf: id } });
    const merged = await trackLetter(t.db, dup.instanceId);
    assert.equal(merged.stage, 'merged');
    assert.equal(merged.mergedInto?.stage, 'received');
  });

  test('a signed-in writer finds the letter under 我的申请', async () => {
    const sent = await submit({ letter: { ...letter, anonymous: false, name: '李明', subject: '实名来信' } }, actors.student!);
    const apps = await listApplications(t.db, actors.student!);
    assert.ok(apps.some((a) => a.id === sent.instanceId));
  });
});

import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { eq, or, sql } from 'drizzle-orm';
import { instanceEvents, mailboxLetters, messages, orgUnits, outbox, processInstances, tasks, users } from '@/db/schema';
import { getInstanceDetail } from '@/lib/admin/get-instance-detail';
import { searchInstances } from '@/lib/admin/search-instances';
import { parseStatsFilters } from '@/lib/admin/stats/filters';
import { exportStatsTable } from '@/lib/admin/stats/export-table';
import { statsTable } from '@/lib/admin/stats/tables';
import { loadActor, type SessionUser } from '@/lib/auth/load-actor';
import { getInstanceView } from '@/lib/instances/get-instance-view';
import { listApplications } from '@/lib/instances/list-applications';
import { listTasks } from '@/lib/instances/list-tasks';
import { forgetMailboxKey } from '@/lib/mailbox/capability';
import { getDeskLetter } from '@/lib/mailbox/desk-letter';
import { listDeskLetters } from '@/lib/mailbox/desk-list';
import { listMessages } from '@/lib/messages/list-messages';
import { messageTitle } from '@/lib/messages/message-title';
import { composeMessage } from '@/lib/notify/compose';
import { approvalRecord } from '@/lib/records/approval-record';
import { sendLetterEvent } from '@/lib/mailbox/send-letter-event';
import { submitLetter } from '@/lib/mailbox/submit-letter';
import { trackLetter } from '@/lib/mailbox/track-view';
import { adminScope } from '@/lib/policy';
import { weekdayCalendar } from '@/workflows/engine/calendar';
import { isAppError } from '@/workflows/engine/errors';
import { createTestDatabase, type TestDatabase } from './helpers/test-db';

/**
 * Issue 15 #1 and #2: an anonymous 校长信箱 letter from a signed-in writer (cadre2, 人事处) carries
 * no identity any staff view can reach — admin, the writer's own department leader (cadre), the
 * office and the assigned department — and its writer sees no internal comment or staff name.
 * Every lib view model that shows an instance or a letter is walked as each audience.
 */
let t: TestDatabase;
const a: Record<string, SessionUser> = {};
const at = new Date('2026-03-02T02:00:00Z'); // a Monday, 10:00 in China
const INTERNAL = ['内部批注：承办部门的意见', '内部批注：请补充完成时间'];
let id: string;
let writerIdentity: string[];
let staffNames: string[];

const office = (body: unknown) => sendLetterEvent(t.db, a.mailbox!, id, body, at, weekdayCalendar);
const handler = (body: unknown) => sendLetterEvent(t.db, a.logistics!, id, body, at, weekdayCalendar);

/** Fails naming the first identity string found in what a view returned. */
function assertNone(what: string, value: unknown, forbidden: string[]) {
  const text = JSON.stringify(value);
  for (const s of forbidden) assert.equal(text.includes(s), false, `${what} contains ${s}`);
}

before(async () => {
  forgetMailboxKey();
  t = await createTestDatabase();
  for (const n of ['admin', 'cadre', 'cadre2', 'mailbox', 'logistics']) a[n] = (await loadActor(t.db, { username: n }))!;
  const [hr] = await t.db.select().from(orgUnits).where(eq(orgUnits.id, a.cadre2!.orgUnitId));
  writerIdentity = [a.cadre2!.id, a.cadre2!.name, a.cadre2!.username, hr!.nameZh, hr!.nameEn];
  staffNames = [a.mailbox!.name, a.logistics!.name];

  const sent = await submitLetter(t.db, {
    // The writer even types their name: an anonymous letter drops it.
    body: { letter: { category: 'complaint', subject: '会议室预约系统经常失败', content: '预约经常提示失败，希望尽快修复。', anonymous: true, name: a.cadre2!.name } },
    actor: a.cadre2!,
    ip: '10.0.0.1',
    now: at,
    origin: 'http://campus.test',
  });
  id = sent.instanceId;
  await office({ type: 'accept' });
  await office({ type: 'assign', input: { departments: ['logistics'] } });
  await handler({ type: 'submitDraft', comment: INTERNAL[0], input: { reply: '已联系厂商修复。' } });
  await office({ type: 'returnDraft', comment: INTERNAL[1], input: { orgUnitId: 'logistics' } });
  await handler({ type: 'submitDraft', input: { reply: '已于本周修复预约系统。' } });
});
after(() => t.close());

describe('an anonymous letter from a signed-in writer', () => {
  test('is stored without the writer: no applicant, department or actor; only a one-way reference', async () => {
    const [row] = await t.db.select().from(processInstances).where(eq(processInstances.id, id));
    assert.equal(row!.applicantId, null);
    assert.equal(row!.applicantOrgId, null);
    assertNone('the instance row', row, writerIdentity);
    const events = await t.db.select().from(instanceEvents).where(eq(instanceEvents.instanceId, id));
    assertNone('the event log', events, writerIdentity);
    assertNone('its tasks', await t.db.select().from(tasks).where(eq(tasks.instanceId, id)), writerIdentity);
    const [letter] = await t.db.select().from(mailboxLetters).where(eq(mailboxLetters.instanceId, id));
    assert.match(letter!.writerRef ?? '', /^[0-9a-f]{64}$/);
    assertNone('the letter row', letter, writerIdentity);
    const about = await t.db
      .select()
      .from(messages)
      .where(or(sql`${messages.link} like ${`%${id}%`}`, sql`${messages.params}::text like ${`%${id}%`}`));
    assertNone('messages about it', about, writerIdentity);
    assertNone('outbox rows about it', await t.db.select().from(outbox).where(sql`${outbox.payload}::text like ${`%${id}%`}`), writerIdentity);
  });

  test('admin: monitoring list, search by the writer’s name, detail, record API view, desk — nobody named', async () => {
    const all = { kind: 'all' } as const;
    const listed = await searchInstances(t.db, all, { process: 'presidents-mailbox' });
    assert.ok(listed.some((h) => h.id === id));
    assertNone('/admin/instances', listed, writerIdentity);
    for (const q of [a.cadre2!.name, a.cadre2!.username]) {
      assert.equal((await searchInstances(t.db, all, { q })).some((h) => h.id === id), false, `found by ${q}`);
    }
    assertNone('/admin/instances/<id>', await getInstanceDetail(t.db, all, id), writerIdentity);
    const view = await getInstanceView(t.db, a.admin!, id);
    assert.equal(view.applicant, null);
    assertNone('GET /api/v1/instances/<id> as admin', view, writerIdentity);
    assertNone('/mailbox-office/<id> as admin', await getDeskLetter(t.db, a.admin!, id), writerIdentity);
  });

  test('office and assigned department: desk queue, desk history, 待办 — nobody named', async () => {
    const desk = await getDeskLetter(t.db, a.mailbox!, id);
    assert.equal(desk.writerName, null);
    assert.equal(desk.history[0]!.actorName, null, 'no 提交申请 · <name>');
    assert.ok(JSON.stringify(desk).includes(INTERNAL[1]!), 'the office keeps its own comments');
    assertNone('/mailbox-office/<id> as the office', desk, writerIdentity);
    assertNone('/mailbox-office as the office', await listDeskLetters(t.db, a.mailbox!, at, 'all'), writerIdentity);
    assertNone('/mailbox-office/<id> as the department', await getDeskLetter(t.db, a.logistics!, id), writerIdentity);
    assertNone('/tasks as the office', await listTasks(t.db, a.mailbox!, 'open'), writerIdentity);
    assertNone('/tasks done as the department', await listTasks(t.db, a.logistics!, 'done'), writerIdentity);
    assertNone('/api/v1/instances/<id> as the department', await getInstanceView(t.db, a.logistics!, id), writerIdentity);
  });

  test("the writer's department leader neither sees it nor finds it in the department's statistics", async () => {
    const scope = adminScope(a.cadre!)!;
    assert.deepEqual(scope, { kind: 'departments', orgUnitIds: [a.cadre2!.orgUnitId] });
    assert.equal((await searchInstances(t.db, scope, {})).some((h) => h.id === id), false);
    await assert.rejects(getInstanceDetail(t.db, scope, id), (e: unknown) => isAppError(e) && e.code === 'NOT_FOUND');
    await assert.rejects(getInstanceView(t.db, a.cadre!, id), (e: unknown) => isAppError(e) && e.code === 'NOT_FOUND');
    for (const who of [scope, { kind: 'all' } as const]) {
      const filters = parseStatsFilters(who, { department: a.cadre2!.orgUnitId, process: 'presidents-mailbox' }, at);
      const table = await statsTable(t.db, who, 'by-department', filters, at);
      assert.deepEqual(table.rows, [], `${who.kind}: the letter is not counted for the writer's department`);
    }
    const { csv } = await exportStatsTable(t.db, a.admin!, 'by-department', new URLSearchParams({ process: 'presidents-mailbox' }), 'zh', at);
    assertNone('the by-department CSV', csv, writerIdentity);
  });

  test('the writer finds it under 我的申请 and sees no internal comment and no staff name', async () => {
    const apps = await listApplications(t.db, a.cadre2!);
    assert.ok(apps.some((x) => x.id === id), '我的申请 lists it (through the one-way reference)');
    const view = await getInstanceView(t.db, a.cadre2!, id);
    assert.equal(view.audience, 'applicant');
    assertNone('/applications/<id> (GET /api/v1/instances/<id>) as the writer', view, [...INTERNAL, ...staffNames]);
    assertNone('the tracking view', await trackLetter(t.db, id), [...INTERNAL, ...staffNames, ...writerIdentity.slice(1)]);
    // Someone else in the writer's department is no writer.
    await assert.rejects(getInstanceView(t.db, a.cadre!, id), (e: unknown) => isAppError(e) && e.code === 'NOT_FOUND');
  });

  test('the approval record (PDF content) as admin, office and department names no writer', async () => {
    const subject = () => [['主题', '会议室预约系统经常失败']] as Array<[string, string]>;
    for (const viewer of [a.admin!, a.mailbox!, a.logistics!]) {
      for (const locale of ['zh', 'en'] as const) {
        const record = await approvalRecord(t.db, viewer, id, locale, subject, at);
        assertNone(`the approval record as ${viewer.username} (${locale})`, record.content, writerIdentity);
        assert.ok(JSON.stringify(record.content.facts).includes(locale === 'zh' ? '匿名' : 'Anonymous'), 'the applicant line says anonymous');
      }
    }
  });

  test('the messages staff receive about it — message centre rows, their titles, the e-mail/WeChat text — name no writer', async () => {
    const ctx = { secret: 'test-secret', publicUrl: 'http://campus.test', actionLinkTtlMs: 86_400_000, now: at };
    let seen = 0;
    for (const staff of [a.mailbox!, a.logistics!, a.admin!]) {
      const [row] = await t.db.select().from(users).where(eq(users.id, staff.id));
      const about = (await listMessages(t.db, staff, 500)).filter((m) => m.instanceId === id);
      seen += about.length;
      assertNone(`/messages as ${staff.username}`, about, writerIdentity);
      for (const m of about) {
        for (const locale of ['zh', 'en'] as const) assertNone(`a message title as ${staff.username}`, messageTitle(m, locale), writerIdentity);
        assertNone(`the outgoing message to ${staff.username}`, await composeMessage(t.db, ctx, m, row!), writerIdentity);
      }
    }
    assert.ok(seen >= 2, 'the office and the department were told about the letter');
  });
});

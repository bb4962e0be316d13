import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { and, eq, inArray } from 'drizzle-orm';
import { actionTokens, messages, noticeRecipients, notices, notifyPreferences, outbox, tasks, uploads, users } from '@/db/schema';
import { loadActor, type SessionUser } from '@/lib/auth/load-actor';
import { checkActionToken, consumeActionToken, createActionToken } from '@/lib/notify/action-links';
import { acknowledgeNotice, getNotice, noticeRecipientsStatus } from '@/lib/notify/notices/read-notice';
import { noticeInput, previewNotice, sendNotice } from '@/lib/notify/notices/send-notice';
import { startInstance } from '@/workflows/engine/start-instance';
import { isAppError } from '@/workflows/engine/errors';
import { createTestDatabase, type TestDatabase } from './helpers/test-db';

const SECRET = 'action-link-secret-for-tests-0123456789';
let t: TestDatabase;
const a: Record<string, SessionUser> = {};

before(async () => {
  t = await createTestDatabase();
  for (const n of ['student', 'student2', 'counselor', 'counselor2', 'assets', 'admin', 'doctor', 'cadre']) a[n] = (await loadActor(t.db, { username: n }))!;
});
after(() => t.close());

async function openTask() {
  const [upload] = await t.db
    .insert(uploads)
    .values({ ownerId: a.student!.id, filename: 'c.pdf', contentType: 'application/pdf', size: 10, sha256: 'ab'.repeat(32), storageKey: 'k' })
    .returning();
  const { instance } = await startInstance(t.db, {
    processId: 'fitness-test-exemption',
    actor: a.student!,
    input: { kind: 'exempt', reason: '膝关节韧带损伤，医嘱半年内禁止剧烈运动', evidence: [upload!.id] },
    now: new Date(),
  });
  const [task] = await t.db.select().from(tasks).where(eq(tasks.instanceId, instance.id));
  return task!;
}

describe('action links', () => {
  test('signed, single-use, short-lived, and only for the person it was sent to', async () => {
    const task = await openTask();
    const now = new Date();
    const make = (ttlMs = 3600_000) =>
      createActionToken(t.db, SECRET, { userId: a.counselor!.id, instanceId: task.instanceId, taskId: task.id, action: '*', now, ttlMs });
    const good = await make();
    const ok = await checkActionToken(t.db, SECRET, good, a.counselor!, now);
    assert.equal(ok.ok, true);

    const tampered = good.slice(0, -2) + (good.endsWith('AA') ? 'BB' : 'AA');
    assert.deepEqual(await checkActionToken(t.db, SECRET, tampered, a.counselor!, now), { ok: false, problem: 'invalid' });
    assert.deepEqual(await checkActionToken(t.db, 'another-secret-entirely-0123456789', good, a.counselor!, now), { ok: false, problem: 'invalid' });
    assert.deepEqual(await checkActionToken(t.db, SECRET, 'garbage', a.counselor!, now), { ok: false, problem: 'invalid' });
    // A longer life written into the link breaks its signature.
    const [id, , mac] = good.split('.');
    const stretched = `${id}.${(now.getTime() + 10 * 86400_000).toString(36)}.${mac}`;
    assert.deepEqual(await checkActionToken(t.db, SECRET, stretched, a.counselor!, now), { ok: false, problem: 'invalid' });

    assert.deepEqual(await checkActionToken(t.db, SECRET, good, a.counselor2!, now), { ok: false, problem: 'other-user' });
    const later = new Date(now.getTime() + 2 * 3600_000);
    assert.deepEqual(await checkActionToken(t.db, SECRET, good, a.counselor!, later), { ok: false, problem: 'expired' });

    const okToken = ok.ok ? ok.token : null;
    assert.equal(await consumeActionToken(t.db, okToken!.id, now), true);
    assert.equal(await consumeActionToken(t.db, okToken!.id, now), false, 'a second use loses');
    assert.deepEqual(await checkActionToken(t.db, SECRET, good, a.counselor!, now), { ok: false, problem: 'used' });

    const other = await make();
    await t.db.update(tasks).set({ status: 'done' }).where(eq(tasks.id, task.id));
    assert.deepEqual(await checkActionToken(t.db, SECRET, other, a.counselor!, now), { ok: false, problem: 'task-closed' });
    assert.equal((await t.db.select().from(actionTokens)).length, 2);
  });
});

describe('bulk notices', () => {
  const base = { title: '周转房缴费通知', body: '请于本月 30 日前缴纳 11 月周转房租金。', requiresAck: true, urgent: false };
  const ctx = () => ({ channels: ['wecom' as const], quietHours: null, now: new Date() });

  test('only authorised handlers send; a student is refused', async () => {
    const input = noticeInput.parse({ ...base, target: { kind: 'org', orgUnitId: 'engineering' } });
    await assert.rejects(sendNotice(t.db, a.student!, input, ctx()), (e: unknown) => isAppError(e) && e.code === 'FORBIDDEN');
  });

  test('a handler notifies their own unit only, never urgently; previews decide like sending (issue 15 #18)', async () => {
    const refused = (e: unknown) => isAppError(e) && e.code === 'FORBIDDEN';
    const doctor = a.doctor!; // handler of 校医院 (hospital)
    const urgentList = { target: { kind: 'list' as const, usernames: ['student', 'nobody-9'] }, urgent: true };
    for (const draft of [
      { target: { kind: 'org' as const, orgUnitId: 'engineering' }, urgent: false },
      { target: { kind: 'role' as const, role: 'counselor' as const }, urgent: false },
      { target: { kind: 'role' as const, role: 'counselor' as const, orgUnitId: 'engineering' }, urgent: false },
      { target: { kind: 'org' as const, orgUnitId: 'hospital' }, urgent: true },
      urgentList,
    ]) {
      await assert.rejects(previewNotice(t.db, doctor, draft), refused, JSON.stringify(draft));
      await assert.rejects(sendNotice(t.db, doctor, noticeInput.parse({ ...base, ...draft }), ctx()), refused, JSON.stringify(draft));
    }
    assert.ok((await previewNotice(t.db, doctor, { target: { kind: 'org', orgUnitId: 'hospital' }, urgent: false })).count >= 1);
    // A department leader sends urgently to their own unit; an urgent list reaches only its people, and
    // an id outside it is reported exactly like one that names nobody (no oracle for who exists).
    const leader = a.cadre!; // dept_leader of 人事处 (hr)
    await assert.rejects(previewNotice(t.db, leader, { target: { kind: 'org', orgUnitId: 'engineering' }, urgent: true }), refused);
    const own = await previewNotice(t.db, leader, { target: { kind: 'list', usernames: ['cadre2', 'student', 'nobody-9'] }, urgent: true });
    assert.deepEqual(own, { count: 1, unknown: ['student', 'nobody-9'] });
  });

  test('an oversized notice is refused at the boundary', () => {
    const r = noticeInput.safeParse({ ...base, body: '长'.repeat(5_001), target: { kind: 'org', orgUnitId: 'engineering' } });
    assert.equal(r.success, false);
  });

  test('an uploaded list with unknown ids: reported, the rest sent; read and acknowledged per person', async () => {
    const target = { kind: 'list' as const, usernames: ['student', 'student2', 'nobody-1', 'nobody-2', 'student'] };
    const preview = await previewNotice(t.db, a.assets!, { target, urgent: false });
    assert.deepEqual(preview, { count: 2, unknown: ['nobody-1', 'nobody-2'] });
    const sent = await sendNotice(t.db, a.assets!, noticeInput.parse({ ...base, target }), ctx());
    assert.equal(sent.count, 2);
    assert.deepEqual(sent.unknown, ['nobody-1', 'nobody-2']);

    const recips = await t.db.select().from(noticeRecipients).where(eq(noticeRecipients.noticeId, sent.noticeId));
    assert.equal(recips.length, 2);
    const deliveries = await t.db
      .select()
      .from(outbox)
      .innerJoin(messages, eq(messages.id, outbox.messageId))
      .where(eq(messages.kind, 'notice'));
    assert.equal(deliveries.length, 2, 'queued in the same transaction');

    await assert.rejects(getNotice(t.db, a.counselor!, sent.noticeId), (e: unknown) => isAppError(e) && e.code === 'NOT_FOUND');
    await acknowledgeNotice(t.db, a.student!, sent.noticeId, new Date());
    const { notice } = await getNotice(t.db, a.assets!, sent.noticeId);
    const stats = await noticeRecipientsStatus(t.db, notice);
    assert.equal(stats.read, 1);
    assert.equal(stats.acknowledged, 1);
    assert.equal(stats.rows.find((r) => r.username === 'student')!.acknowledgedAt instanceof Date, true);
    assert.equal(stats.rows.find((r) => r.username === 'student2')!.readAt, null);
  });

  test('set-based sending keeps the per-user rules: channel off, kind muted, quiet hours, urgent', async () => {
    const now = new Date('2025-11-03T15:00:00Z'); // 23:00 in Shanghai: inside 22:00-07:00
    const quietHours = { start: 22 * 60, end: 7 * 60 };
    const channels = ['wecom' as const, 'email' as const];
    await t.db.insert(notifyPreferences).values([
      { userId: a.student!.id, channels: ['email'], mutedKinds: [], digest: true, updatedAt: now },
      { userId: a.student2!.id, channels: ['wecom', 'email'], mutedKinds: ['notice'], digest: true, updatedAt: now },
    ]);
    const target = { kind: 'list' as const, usernames: ['student', 'student2', 'counselor'] };
    const rowsOf = async (noticeId: string) => {
      const rows = await t.db
        .select({ username: users.username, channel: outbox.kind, status: outbox.status, note: outbox.note, at: outbox.notBefore })
        .from(outbox)
        .innerJoin(noticeRecipients, and(eq(noticeRecipients.messageId, outbox.messageId), eq(noticeRecipients.noticeId, noticeId)))
        .innerJoin(users, eq(users.id, outbox.userId));
      return Object.fromEntries(rows.map((r) => [`${r.username}/${r.channel}`, r]));
    };
    const quiet = await sendNotice(t.db, a.assets!, noticeInput.parse({ ...base, target }), { channels, quietHours, now });
    const q = await rowsOf(quiet.noticeId);
    assert.equal(Object.keys(q).length, 6, 'one row per recipient and channel');
    assert.deepEqual([q['student/wecom']!.status, q['student/wecom']!.note], ['skipped', 'channel off in settings']);
    assert.equal(q['student/email']!.status, 'pending');
    assert.deepEqual([q['student2/email']!.status, q['student2/email']!.note], ['skipped', 'kind muted in settings']);
    assert.equal(q['counselor/wecom']!.status, 'pending', 'no saved choice: every channel');
    assert.equal(q['counselor/email']!.at.toISOString(), '2025-11-03T23:00:00.000Z', 'held until 07:00 Shanghai');
    const [notice] = await t.db.select().from(notices).where(eq(notices.id, quiet.noticeId));
    assert.equal(notice!.recipientCount, 3);

    // Urgent is a leader's or an administrator's decision, never a handler's (lib/policy notice.send).
    const urgent = await sendNotice(t.db, a.admin!, noticeInput.parse({ ...base, urgent: true, target }), { channels, quietHours, now });
    const u = await rowsOf(urgent.noticeId);
    assert.equal(u['student2/email']!.status, 'pending', 'urgent cuts through a muted kind');
    assert.equal(u['student/wecom']!.status, 'skipped', 'but not through a channel turned off');
    assert.equal(u['counselor/email']!.at.toISOString(), now.toISOString(), 'and not held by quiet hours');
    await t.db.delete(notifyPreferences).where(inArray(notifyPreferences.userId, [a.student!.id, a.student2!.id]));
  });

  test('nobody matching: refused, nothing written', async () => {
    const before = (await t.db.select().from(notices)).length;
    const input = noticeInput.parse({ ...base, target: { kind: 'list', usernames: ['nobody-3'] } });
    await assert.rejects(sendNotice(t.db, a.assets!, input, ctx()), (e: unknown) => isAppError(e) && e.code === 'INVALID_INPUT');
    assert.equal((await t.db.select().from(notices)).length, before);
  });

  test('by org unit and by role', async () => {
    const org = await previewNotice(t.db, a.admin!, { target: { kind: 'org', orgUnitId: 'engineering' }, urgent: false });
    const engineering = await t.db.select().from(users).where(eq(users.orgUnitId, 'engineering'));
    assert.equal(org.count, engineering.length);
    const role = await previewNotice(t.db, a.admin!, { target: { kind: 'role', role: 'counselor' }, urgent: false });
    assert.equal(role.count, 2);
  });
});

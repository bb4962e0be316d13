/**
 * 代理 (issue 16, item 3) through the lib entry points the API calls, on a real database
 * (TEST_DB=pglite | postgres): a counselor away → the task of their college goes to their deputy,
 * the timeline says so, it ends by itself; refusals (self, outsiders, chains, loops — also two
 * settings made at once).
 */
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { and, eq } from 'drizzle-orm';
import { roleBindings, tasks, users } from '@/db/schema';
import { loadActor, type SessionUser } from '@/lib/auth/load-actor';
import { getInstanceView } from '@/lib/instances/get-instance-view';
import { clearOutOfOffice, deputyCandidates, getOutOfOffice, setOutOfOffice } from '@/lib/out-of-office';
import { applyEvent } from '@/workflows/engine/apply-event';
import { isAppError } from '@/workflows/engine/errors';
import { expectCode, loadActors, outcomeCode, startFitnessDeferral } from './helpers/process-fixtures';
import { createTestDatabase, type TestDatabase } from './helpers/test-db';

let t: TestDatabase;
let a: Record<string, SessionUser>;
const monday = new Date('2026-03-02T02:00:00Z');

async function openTask(id: string) {
  const [task] = await t.db.select().from(tasks).where(and(eq(tasks.instanceId, id), eq(tasks.status, 'open')));
  return task!;
}

async function refusal(promise: Promise<unknown>): Promise<{ zh: string; en: string }> {
  try {
    await promise;
  } catch (e) {
    if (isAppError(e) && e.code === 'INVALID_INPUT' && e.userMessage) return e.userMessage;
    throw e;
  }
  throw new Error('not refused');
}

before(async () => {
  t = await createTestDatabase();
  a = await loadActors(t.db, ['student', 'student2', 'counselor', 'engoffice', 'counselor2']);
});
after(() => t.close());

describe('代理', () => {
  test('陈老师 away: the new application’s task goes to 何老师 on her behalf, the timeline says so; after the end date it comes to the pool again', async () => {
    const people = (await deputyCandidates(t.db, a.counselor!, { q: 'he' })).people.map((p) => p.username);
    assert.deepEqual(people, ['engoffice'], 'pinyin search; staff of the college');
    await setOutOfOffice(t.db, a.counselor!, { deputy: 'engoffice', startsOn: '2026-03-02', endsOn: '2026-03-04', reason: '出差' }, monday);
    assert.equal((await getOutOfOffice(t.db, a.counselor!, monday)).current?.active, true);
    assert.deepEqual((await getOutOfOffice(t.db, a.engoffice!, monday)).standsInFor.map((s) => s.name), ['陈老师']);

    const id = await startFitnessDeferral(t.db, a.student!, monday);
    const task = await openTask(id);
    assert.deepEqual([task.assigneeId, task.onBehalfOf], [a.engoffice!.id, a.counselor!.id]);
    const view = await getInstanceView(t.db, a.engoffice!, id);
    assert.deepEqual(view.timeline[0]!.deputies, [{ deputyName: '何老师', forName: '陈老师' }]);
    assert.equal(view.openTasks[0]!.onBehalfOfName, '陈老师');
    // The applicant sees who handles their application (as with 转办); a confidential process would hide it (views.ts).
    assert.deepEqual((await getInstanceView(t.db, a.student!, id)).timeline[0]!.deputies, [{ deputyName: '何老师', forName: '陈老师' }]);
    await expectCode(applyEvent(t.db, { instanceId: id, actor: a.counselor!, type: 'approve', now: monday }), 'FORBIDDEN');
    await applyEvent(t.db, { instanceId: id, actor: a.engoffice!, type: 'approve', now: monday });

    const thursday = new Date('2026-03-05T01:00:00Z');
    assert.equal((await getOutOfOffice(t.db, a.counselor!, thursday)).current, null, 'ended by itself');
    const later = await startFitnessDeferral(t.db, a.student!, thursday);
    assert.deepEqual([(await openTask(later)).assigneeId, (await openTask(later)).onBehalfOf], [null, null]);
  });

  test('refused: oneself and past dates with a reason (INVALID_INPUT), a student or another college by the policy (FORBIDDEN)', async () => {
    const at = new Date('2026-04-01T02:00:00Z');
    const set = (who: SessionUser, deputy: string, startsOn = '2026-04-01', endsOn = '2026-04-03') => setOutOfOffice(t.db, who, { deputy, startsOn, endsOn }, at);
    assert.match((await refusal(set(a.counselor!, 'counselor'))).zh, /不能指定自己为代理人/);
    // Whom the policy lets be named at all (lib/policy 'me.deputy'): a student or another college's counselor is forbidden.
    await expectCode(set(a.counselor!, 'student'), 'FORBIDDEN');
    await expectCode(set(a.counselor!, 'counselor2'), 'FORBIDDEN');
    assert.match((await refusal(set(a.counselor!, 'engoffice', '2026-03-01', '2026-03-02'))).zh, /结束日期已过/);
    await expectCode(set(a.counselor!, 'nobody-here'), 'INVALID_INPUT');
    // Students have no 代理; staff without an approval role have nothing to hand on (me.deputy).
    await expectCode(getOutOfOffice(t.db, a.student!, at), 'FORBIDDEN');
    await expectCode(set(a.engoffice!, 'counselor'), 'FORBIDDEN');
  });

  test('no chains, no loops — also when both are set at the same moment', async () => {
    // A second counselor of 工程学院: two people who may stand in for each other.
    const [u] = await t.db.insert(users).values({ username: 'counselor3', name: '钱老师', kind: 'staff', orgUnitId: 'engineering' }).returning();
    await t.db.insert(roleBindings).values({ userId: u!.id, role: 'counselor', orgUnitId: 'engineering' });
    a.counselor3 = (await loadActor(t.db, { username: 'counselor3' }))!;
    const at = new Date('2026-05-04T02:00:00Z');
    const set = (who: SessionUser, deputy: string) => setOutOfOffice(t.db, who, { deputy, startsOn: '2026-05-04', endsOn: '2026-05-08' }, at);
    await set(a.counselor!, 'counselor3');
    assert.match((await refusal(set(a.counselor3!, 'counselor'))).zh, /陈老师 在 2026-05-04 至 2026-05-08 也不在岗/);
    assert.match((await refusal(set(a.counselor3!, 'engoffice'))).zh, /您是 陈老师 在 2026-05-04 至 2026-05-08 的代理人/);
    await clearOutOfOffice(t.db, a.counselor!, at);

    const outcomes = await Promise.all([outcomeCode(set(a.counselor!, 'counselor3')), outcomeCode(set(a.counselor3!, 'counselor'))]);
    assert.deepEqual(outcomes.sort(), ['INVALID_INPUT', 'OK']);
  });
});

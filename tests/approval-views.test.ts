import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { eq } from 'drizzle-orm';
import { taskViewPrefs } from '@/db/schema';
import { loadActor, type SessionUser } from '@/lib/auth/load-actor';
import { applyTaskFilters, loadTaskFilters, saveFiltersSchema, saveTaskFilters, type Filterable } from '@/lib/instances/task-filters';
import { createTestDatabase, type TestDatabase } from './helpers/test-db';

// The /tasks filters (issue 16 item 12): kept per person and tab on the server, validated both ways.
let t: TestDatabase;
let counselor: SessionUser;
before(async () => {
  t = await createTestDatabase();
  counselor = (await loadActor(t.db, { username: 'counselor' }))!;
});
after(() => t.close());

describe('task view filters', () => {
  test('a form’s filters are kept per tab; another tab’s stay; clearing empties one tab', async () => {
    const form = saveFiltersSchema.parse({ tab: 'open', process: 'fitness-test-exemption', step: 'counselorReview', waitingDays: '3', overdue: 'on', clear: '' });
    const { tab, clear, ...filters } = form;
    assert.equal(clear, undefined);
    await saveTaskFilters(t.db, counselor.id, tab, filters, new Date());
    await saveTaskFilters(t.db, counselor.id, 'done', saveFiltersSchema.parse({ tab: 'done', process: 'cadre-leave' }), new Date());
    const saved = await loadTaskFilters(t.db, counselor.id);
    assert.deepEqual(saved.open, { process: 'fitness-test-exemption', step: 'counselorReview', waitingDays: 3, overdue: true });
    assert.deepEqual(saved.done, { process: 'cadre-leave' });
    assert.deepEqual(saved.mine, {});
    await saveTaskFilters(t.db, counselor.id, 'open', {}, new Date());
    const after = await loadTaskFilters(t.db, counselor.id);
    assert.deepEqual(after.open, {});
    assert.deepEqual(after.done, { process: 'cadre-leave' });
  });

  test('bad input is refused in Chinese; a stored shape that no longer parses counts as no filter', async () => {
    const bad = saveFiltersSchema.safeParse({ tab: 'open', waitingDays: '5' });
    assert.equal(bad.success, false);
    assert.match(bad.error!.issues[0]!.message, /等待天数无效/);
    assert.match(saveFiltersSchema.safeParse({ tab: 'everything' }).error!.issues[0]!.message, /未知的列表/);
    assert.match(saveFiltersSchema.safeParse({ tab: 'open', process: '<script>' }).error!.issues[0]!.message, /事项无效/);
    await t.db.update(taskViewPrefs).set({ filters: { open: { waitingDays: 'soon' }, done: 'x' } }).where(eq(taskViewPrefs.userId, counselor.id));
    const saved = await loadTaskFilters(t.db, counselor.id);
    assert.deepEqual(saved.open, {});
    assert.deepEqual(saved.done, {});
  });

  test('filters keep what a person would expect: process, step, waiting longer than, overdue', () => {
    const now = Date.parse('2026-12-02T12:00:00Z');
    const day = 24 * 3600 * 1000;
    const row = (process: string, state: string, waitedDays: number, overdue: boolean): Filterable & { id: string } => ({
      id: `${process}/${state}/${waitedDays}`,
      process,
      processTitle: { zh: process, en: process },
      state,
      stateLabel: { zh: state, en: state },
      waitingSince: new Date(now - waitedDays * day).toISOString(),
      dueAt: overdue ? new Date(now - 1000).toISOString() : new Date(now + day).toISOString(),
    });
    const rows = [row('a', 's1', 0.5, false), row('a', 's1', 4, true), row('a', 's2', 10, false), row('b', 's1', 40, true)];
    const ids = (f: Parameters<typeof applyTaskFilters>[1]) => applyTaskFilters(rows, f, now).map((r) => r.id);
    assert.deepEqual(ids({ process: 'a' }), ['a/s1/0.5', 'a/s1/4', 'a/s2/10']);
    assert.deepEqual(ids({ process: 'a', step: 's1' }), ['a/s1/0.5', 'a/s1/4']);
    assert.deepEqual(ids({ waitingDays: 7 }), ['a/s2/10', 'b/s1/40']);
    assert.deepEqual(ids({ overdue: true }), ['a/s1/4', 'b/s1/40']);
  });
});

describe('tab counts', () => {
  // /tasks lists one tab's rows and counts every tab in the database: each count must be what its
  // tab lists, whichever tab is open (我发起的 and 抄送我 once counted their own tab's list, cut at 500).
  test('the counts of 待办, 已办, 我发起的 and 抄送我 are the lengths of their lists, for every demo role', async () => {
    const { listApplications } = await import('@/lib/instances/list-applications');
    const { listCopies } = await import('@/lib/instances/list-copies');
    const { listTasks } = await import('@/lib/instances/list-tasks');
    const { tabCounts } = await import('@/lib/instances/tab-counts');
    const { LIST_CAP } = await import('@/lib/paging');
    const { applyEvent } = await import('@/workflows/engine/apply-event');
    const { copyInstance } = await import('@/workflows/engine/copy-instance');
    const { startFitnessDeferral } = await import('./helpers/process-fixtures');
    // Rows in every tab: two applications, one verified (已办 for the counselor), one copied.
    const student = (await loadActor(t.db, { username: 'student' }))!;
    const first = await startFitnessDeferral(t.db, student);
    const second = await startFitnessDeferral(t.db, student);
    await copyInstance(t.db, { instanceId: first, actor: counselor, usernames: ['counselor2', 'doctor'], now: new Date() });
    await copyInstance(t.db, { instanceId: first, actor: counselor, usernames: ['counselor2'], now: new Date() });
    await applyEvent(t.db, { instanceId: second, actor: counselor, type: 'approve', now: new Date() });
    let seen = 0;
    for (const username of ['student', 'student2', 'counselor', 'counselor2', 'doctor', 'leader', 'admin', 'mailbox', 'cadre2']) {
      const actor = await loadActor(t.db, { username });
      if (!actor) continue;
      const [open, done, mine, cc] = await Promise.all([listTasks(t.db, actor, 'open', LIST_CAP), listTasks(t.db, actor, 'done', LIST_CAP), listApplications(t.db, actor, LIST_CAP), listCopies(t.db, actor, LIST_CAP)]);
      assert.deepEqual(await tabCounts(t.db, actor), { open: open.length, done: done.length, mine: mine.length, cc: cc.length }, username);
      seen += open.length + done.length + mine.length + cc.length;
    }
    assert.ok(seen > 0, 'the demo data gives some rows to count');
  });
});

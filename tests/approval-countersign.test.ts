/**
 * 会签 / 或签 / 依次 (issue 16, item 5) on a real database (TEST_DB=pglite | postgres), through the
 * engine entry points the API calls: 因私出国 v2 (both school leaders sign), 中层干部请假 v2 (或签
 * of the department's leaders, 依次 of the school leaders), two approvals at the same moment, and
 * a v1 instance that started before v2 finishing on v1.
 */
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { and, asc, eq } from 'drizzle-orm';
import { instanceEvents, processInstances, roleBindings, tasks } from '@/db/schema';
import type { SessionUser } from '@/lib/auth/load-actor';
import { getInstanceView } from '@/lib/instances/get-instance-view';
import { applyEvent } from '@/workflows/engine/apply-event';
import { verifyChain } from '@/workflows/engine/hash-chain';
import { startInstance } from '@/workflows/engine/start-instance';
import { withdrawApproval } from '@/workflows/engine/instance-ops';
import { migrateInstance } from '@/workflows/engine/migrate-instance';
import { getDefinition } from '@/workflows/registry';
import { dayFromNow, expectCode, loadActors, outcomeCode } from './helpers/process-fixtures';
import { createTestDatabase, type TestDatabase } from './helpers/test-db';

let t: TestDatabase;
let a: Record<string, SessionUser>;
let clock = Date.now();
const tick = () => new Date((clock += 60_000));

before(async () => {
  t = await createTestDatabase();
  a = await loadActors(t.db, ['cadre', 'cadre2', 'leader', 'leader2', 'org', 'admin']);
});
after(() => t.close());

const travel = () => ({ countries: ['日本'], purpose: '探亲', fundedBy: 'self', contact: '+81 90 0000 0000', startDate: dayFromNow(20), endDate: dayFromNow(25) });
const longLeave = () => ({ leaveType: 'personal', reason: '家事', deputy: 'cadre', contact: '13800000000', startDate: dayFromNow(7), endDate: dayFromNow(20) });

async function groupTasks(id: string, state: string) {
  return t.db.select().from(tasks).where(and(eq(tasks.instanceId, id), eq(tasks.state, state))).orderBy(asc(tasks.createdAt));
}
async function row(id: string) {
  const [r] = await t.db.select().from(processInstances).where(eq(processInstances.id, id));
  return r!;
}
async function log(id: string) {
  return t.db.select().from(instanceEvents).where(eq(instanceEvents.instanceId, id)).orderBy(asc(instanceEvents.seq));
}

/** 因私出国 at its 校领导会签 step (department leader and 组织部 have approved). */
async function travelAtLeaders(version?: number): Promise<string> {
  const { instance } = await startInstance(t.db, { processId: 'cadre-private-travel', version, actor: a.cadre2!, input: travel(), now: tick() });
  await applyEvent(t.db, { instanceId: instance.id, actor: a.cadre!, type: 'approve', now: tick() });
  await applyEvent(t.db, { instanceId: instance.id, actor: a.org!, type: 'approve', now: tick() });
  return instance.id;
}

describe('会签: 因私出国 v2, both school leaders', () => {
  test('a task each; 钟副校长’s yes is a vote (1/2) that leaves the step; 周校长’s yes (2/2) moves on; the page shows who acted', async () => {
    const id = await travelAtLeaders();
    assert.equal((await row(id)).processVersion, 2);
    const seats = await groupTasks(id, 'schoolLeaderApproval');
    assert.deepEqual(seats.map((s) => s.assigneeId).sort(), [a.leader!.id, a.leader2!.id].sort());

    let view = await getInstanceView(t.db, a.leader2!, id);
    assert.deepEqual(view.groups.map((g) => [g.badge.zh, g.approved, g.needed, g.members.map((m) => m.status)]), [['会签 2 人', 0, 2, ['pending', 'pending']]]);

    await applyEvent(t.db, { instanceId: id, actor: a.leader2!, type: 'approve', comment: '同意', now: tick() });
    assert.equal((await row(id)).state, 'schoolLeaderApproval');
    // A member who voted cannot vote again.
    await expectCode(applyEvent(t.db, { instanceId: id, actor: a.leader2!, type: 'approve', now: tick() }), 'CONFLICT');
    view = await getInstanceView(t.db, a.cadre2!, id);
    const [g] = view.groups;
    assert.deepEqual(g!.members.map((m) => [m.name, m.status]).sort(), [['周校长', 'pending'], ['钟副校长', 'approved']].sort());
    const vote = view.timeline.at(-1)!;
    assert.deepEqual([vote.action.zh, vote.actorName, vote.vote?.approved, vote.vote?.of], ['批准', '钟副校长', 1, 2]);

    await applyEvent(t.db, { instanceId: id, actor: a.leader!, type: 'approve', now: tick() });
    assert.equal((await row(id)).state, 'passportIssue');
    view = await getInstanceView(t.db, a.cadre2!, id);
    assert.deepEqual(view.timeline.slice(-2).map((e) => [e.actorName, e.vote?.approved, e.vote?.of]), [['钟副校长', 1, 2], ['周校长', 2, 2]]);
    assert.deepEqual(view.groups, []);
    assert.ok(verifyChain(await log(id)).ok);
  });

  test('one leader’s 不同意 moves at once and closes the other leader’s task', async () => {
    const id = await travelAtLeaders();
    await applyEvent(t.db, { instanceId: id, actor: a.leader2!, type: 'reject', comment: '行程与工作安排冲突', now: tick() });
    const r = await row(id);
    assert.deepEqual([r.state, r.status], ['rejected', 'rejected']);
    const seats = await groupTasks(id, 'schoolLeaderApproval');
    assert.deepEqual(seats.map((s) => [s.assigneeId === a.leader2!.id ? '钟副校长' : '周校长', s.status, s.outcome]).sort(), [['周校长', 'cancelled', 'reject'], ['钟副校长', 'done', 'reject']]);
  });

  test('two leaders approving at the same moment: each counted exactly once, the step moves once', async () => {
    const id = await travelAtLeaders();
    const now = tick();
    const results = await Promise.all([
      outcomeCode(applyEvent(t.db, { instanceId: id, actor: a.leader!, type: 'approve', now })),
      outcomeCode(applyEvent(t.db, { instanceId: id, actor: a.leader2!, type: 'approve', now })),
    ]);
    assert.deepEqual(results, ['OK', 'OK']);
    const r = await row(id);
    assert.equal(r.state, 'passportIssue');
    const events = await log(id);
    const votes = events.filter((e) => e.fromState === 'schoolLeaderApproval');
    assert.deepEqual(votes.map((e) => (e.payload as { vote: { approved: number } }).vote.approved), [1, 2]);
    assert.deepEqual(new Set(votes.map((e) => e.actorId)), new Set([a.leader!.id, a.leader2!.id]));
    assert.ok(verifyChain(events).ok);
  });

  test('a v1 instance started before v2 keeps one school-leader task and goes on to its end on v1', async () => {
    const id = await travelAtLeaders(1);
    const seats = await groupTasks(id, 'schoolLeaderApproval');
    assert.deepEqual(seats.map((s) => [s.assigneeId, s.role]), [[null, 'school_leader']]);
    await applyEvent(t.db, { instanceId: id, actor: a.leader2!, type: 'approve', now: tick() });
    const r = await row(id);
    assert.deepEqual([r.processVersion, r.state], [1, 'passportIssue']);
    // Cancelled on v1 by the applicant before the passport is issued: it ends on the version it started on.
    await applyEvent(t.db, { instanceId: id, actor: a.cadre2!, type: 'cancel', comment: '行程取消', now: tick() });
    assert.deepEqual([(await row(id)).state, (await row(id)).processVersion], ['cancelled', 1]);
  });

  test('撤回审批 by the deciding leader: the 会签 step opens again, a task for each leader, and the group signs afresh', async () => {
    const id = await travelAtLeaders();
    await applyEvent(t.db, { instanceId: id, actor: a.leader!, type: 'approve', now: tick() });
    await applyEvent(t.db, { instanceId: id, actor: a.leader2!, type: 'approve', now: tick() });
    assert.equal((await row(id)).state, 'passportIssue');
    // Only the leader whose yes decided may take it back; the earlier vote is no decision of its own.
    await expectCode(withdrawApproval(t.db, { instanceId: id, actor: a.leader!, now: tick() }), 'EVENT_NOT_ALLOWED');
    await withdrawApproval(t.db, { instanceId: id, actor: a.leader2!, reason: '行程需再核', now: tick() });

    assert.equal((await row(id)).state, 'schoolLeaderApproval');
    const open = (await groupTasks(id, 'schoolLeaderApproval')).filter((s) => s.status === 'open');
    assert.deepEqual(open.map((s) => [s.assigneeId, s.role]).sort(), [[a.leader!.id, 'school_leader'], [a.leader2!.id, 'school_leader']].sort());
    const view = await getInstanceView(t.db, a.cadre2!, id);
    assert.deepEqual(view.groups.map((g) => [g.badge.zh, g.approved, g.members.map((m) => m.status)]), [['会签 2 人', 0, ['pending', 'pending']]]);

    // A vote again, then the decision again.
    await applyEvent(t.db, { instanceId: id, actor: a.leader!, type: 'approve', now: tick() });
    assert.equal((await row(id)).state, 'schoolLeaderApproval');
    await applyEvent(t.db, { instanceId: id, actor: a.leader2!, type: 'approve', now: tick() });
    assert.equal((await row(id)).state, 'passportIssue');
    assert.ok(verifyChain(await log(id)).ok);
  });

  test('migrating a v1 instance waiting at the school leader onto v2 opens a task for each leader (会签), the role task closes', async () => {
    const id = await travelAtLeaders(1);
    const [single] = await groupTasks(id, 'schoolLeaderApproval');
    assert.deepEqual([single!.assigneeId, single!.status], [null, 'open']);
    await migrateInstance(t.db, { instanceId: id, target: getDefinition('cadre-private-travel', 2), actor: a.admin!, now: tick() });

    const seats = await groupTasks(id, 'schoolLeaderApproval');
    assert.deepEqual(seats.filter((s) => s.id === single!.id).map((s) => s.status), ['cancelled']);
    assert.deepEqual(seats.filter((s) => s.status === 'open').map((s) => s.assigneeId).sort(), [a.leader!.id, a.leader2!.id].sort());
    await applyEvent(t.db, { instanceId: id, actor: a.leader2!, type: 'approve', now: tick() });
    assert.deepEqual([(await row(id)).processVersion, (await row(id)).state], [2, 'schoolLeaderApproval']);
    await applyEvent(t.db, { instanceId: id, actor: a.leader!, type: 'approve', now: tick() });
    assert.equal((await row(id)).state, 'passportIssue');
    assert.ok(verifyChain(await log(id)).ok);
  });
});

describe('或签 and 依次: 中层干部请假 v2', () => {
  test('或签 of the department’s leaders: 黄处长 decides; 依次: 周校长 first, then 钟副校长’s task opens, then 组织部', async () => {
    const { instance } = await startInstance(t.db, { processId: 'cadre-leave', actor: a.cadre2!, input: longLeave(), now: tick() });
    const id = instance.id;
    assert.deepEqual((await groupTasks(id, 'deptLeaderReview')).map((s) => s.assigneeId), [a.cadre!.id]);
    await applyEvent(t.db, { instanceId: id, actor: a.cadre!, type: 'approve', now: tick() });
    assert.equal((await row(id)).state, 'schoolLeaderReview');

    // 依次 in 工号 order: leader, then leader2. 钟副校长 cannot act before his turn.
    assert.deepEqual((await groupTasks(id, 'schoolLeaderReview')).map((s) => s.assigneeId), [a.leader!.id]);
    await expectCode(applyEvent(t.db, { instanceId: id, actor: a.leader2!, type: 'approve', now: tick() }), 'FORBIDDEN');
    let view = await getInstanceView(t.db, a.cadre2!, id);
    assert.deepEqual(view.groups[0]!.members.map((m) => [m.name, m.status]), [['周校长', 'pending'], ['钟副校长', 'waiting']]);

    await applyEvent(t.db, { instanceId: id, actor: a.leader!, type: 'approve', now: tick() });
    assert.equal((await row(id)).state, 'schoolLeaderReview');
    assert.deepEqual((await groupTasks(id, 'schoolLeaderReview')).map((s) => [s.assigneeId, s.status]), [[a.leader!.id, 'done'], [a.leader2!.id, 'open']]);
    view = await getInstanceView(t.db, a.cadre2!, id);
    assert.deepEqual(view.groups[0]!.members.map((m) => [m.name, m.status]), [['周校长', 'approved'], ['钟副校长', 'pending']]);

    await applyEvent(t.db, { instanceId: id, actor: a.leader2!, type: 'approve', now: tick() });
    assert.equal((await row(id)).state, 'orgFiling');
  });

  test('或签 with two department leaders: the first yes decides and the other’s task closes (已由他人处理)', async () => {
    // A deputy head of 人事处 for this test: 吴老师 is given the role, then loses it again.
    const [binding] = await t.db.insert(roleBindings).values({ userId: a.org!.id, role: 'dept_leader', orgUnitId: 'hr' }).returning();
    try {
      const { instance } = await startInstance(t.db, { processId: 'cadre-leave', actor: a.cadre2!, input: { ...longLeave(), endDate: dayFromNow(8) }, now: tick() });
      const id = instance.id;
      assert.deepEqual((await groupTasks(id, 'deptLeaderReview')).map((s) => s.assigneeId).sort(), [a.cadre!.id, a.org!.id].sort());
      const org = (await loadActors(t.db, ['org'])).org!;
      await applyEvent(t.db, { instanceId: id, actor: org, type: 'approve', now: tick() });
      assert.equal((await row(id)).state, 'orgFiling');
      const seats = await groupTasks(id, 'deptLeaderReview');
      assert.deepEqual(seats.map((s) => [s.assigneeId === a.cadre!.id ? '黄处长' : '吴老师', s.status]).sort(), [['吴老师', 'done'], ['黄处长', 'cancelled']]);
      await expectCode(applyEvent(t.db, { instanceId: id, actor: a.cadre!, type: 'approve', now: tick() }), 'CONFLICT');
    } finally {
      await t.db.delete(roleBindings).where(eq(roleBindings.id, binding!.id));
    }
  });

  test('撤回审批 back into 或签: 黄处长 takes his yes back; the department leaders’ step opens again, the 依次 task closes', async () => {
    const { instance } = await startInstance(t.db, { processId: 'cadre-leave', actor: a.cadre2!, input: longLeave(), now: tick() });
    const id = instance.id;
    await applyEvent(t.db, { instanceId: id, actor: a.cadre!, type: 'approve', now: tick() });
    assert.deepEqual((await groupTasks(id, 'schoolLeaderReview')).map((s) => [s.assigneeId, s.status]), [[a.leader!.id, 'open']]);
    await withdrawApproval(t.db, { instanceId: id, actor: a.cadre!, now: tick() });
    assert.equal((await row(id)).state, 'deptLeaderReview');
    assert.deepEqual((await groupTasks(id, 'schoolLeaderReview')).map((s) => s.status), ['cancelled']);
    const open = (await groupTasks(id, 'deptLeaderReview')).filter((s) => s.status === 'open');
    assert.deepEqual(open.map((s) => [s.assigneeId, s.role]), [[a.cadre!.id, 'dept_leader']]);
    await applyEvent(t.db, { instanceId: id, actor: a.cadre!, type: 'approve', now: tick() });
    assert.deepEqual((await groupTasks(id, 'schoolLeaderReview')).filter((s) => s.status === 'open').map((s) => s.assigneeId), [a.leader!.id]);
  });

  test('依次: a return by the first leader goes back to the applicant at once; resubmitting starts the group afresh', async () => {
    const { instance } = await startInstance(t.db, { processId: 'cadre-leave', actor: a.cadre2!, input: longLeave(), now: tick() });
    const id = instance.id;
    await applyEvent(t.db, { instanceId: id, actor: a.cadre!, type: 'approve', now: tick() });
    await applyEvent(t.db, { instanceId: id, actor: a.leader!, type: 'return', comment: '请补充工作安排', now: tick() });
    assert.equal((await row(id)).state, 'revising');
    await applyEvent(t.db, { instanceId: id, actor: a.cadre2!, type: 'resubmit', input: longLeave(), now: tick() });
    await applyEvent(t.db, { instanceId: id, actor: a.cadre!, type: 'approve', now: tick() });
    const open = (await groupTasks(id, 'schoolLeaderReview')).filter((s) => s.status === 'open');
    assert.deepEqual(open.map((s) => s.assigneeId), [a.leader!.id]);
  });
});

import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { and, asc, eq, sql } from 'drizzle-orm';
import { instanceEvents, messages, outbox, processInstances, roleBindings, tasks, users, adminAudit } from '@/db/schema';
import { getInstanceDetail } from '@/lib/admin/get-instance-detail';
import { stateHeatmap } from '@/lib/admin/heatmap';
import { loadDemoHistory } from '@/lib/admin/demo/load-demo-history';
import { cancelInstanceAsAdmin, reassignTaskAsAdmin } from '@/lib/admin/operations';
import { parsePeriod } from '@/lib/admin/period';
import { importPeople } from '@/lib/admin/people/import-people';
import { listTasks } from '@/lib/instances/list-tasks';
import { mailboxStats } from '@/lib/mailbox/stats';
import { setUserActive, grantRole, revokeRole } from '@/lib/admin/people/manage-users';
import { searchInstances } from '@/lib/admin/search-instances';
import { exportStatsTable } from '@/lib/admin/stats/export-table';
import { parseStatsFilters } from '@/lib/admin/stats/filters';
import { statsTable } from '@/lib/admin/stats/tables';
import { loadActor, type SessionUser } from '@/lib/auth/load-actor';
import { adminScope, authorize } from '@/lib/policy';
import { applyEvent } from '@/workflows/engine/apply-event';
import { isAppError } from '@/workflows/engine/errors';
import { verifyChain } from '@/workflows/engine/hash-chain';
import { startFitnessDeferral } from './helpers/process-fixtures';
import { createTestDatabase, type TestDatabase } from './helpers/test-db';

let t: TestDatabase;
const a: Record<string, SessionUser> = {};
const now = () => new Date();

async function expectCode(promise: Promise<unknown> | (() => unknown), code: string) {
  const p = typeof promise === 'function' ? Promise.resolve().then(promise) : promise;
  await assert.rejects(p, (e: unknown) => isAppError(e) && e.code === code);
}

const apply = (who: SessionUser) => startFitnessDeferral(t.db, who, now());

before(async () => {
  t = await createTestDatabase();
  for (const name of ['student', 'student2', 'counselor', 'counselor2', 'doctor', 'cadre', 'admin']) a[name] = (await loadActor(t.db, { username: name }))!;
});
after(() => t.close());

describe('access to monitoring (lib/policy admin.monitor / admin.operate)', () => {
  test('admins see all, a dept_leader their department, everyone else is refused', async () => {
    assert.deepEqual(adminScope(a.admin!), { kind: 'all' });
    assert.deepEqual(adminScope(a.cadre!), { kind: 'departments', orgUnitIds: ['hr'] });
    for (const who of ['student', 'counselor', 'doctor']) {
      assert.equal(adminScope(a[who]!), null);
      await expectCode(() => authorize(a[who]!, 'admin.monitor'), 'FORBIDDEN');
    }
    await expectCode(() => authorize(a.cadre!, 'admin.operate'), 'FORBIDDEN');
    await expectCode(exportStatsTable(t.db, a.student!, 'by-process', new URLSearchParams(), 'zh', now()), 'FORBIDDEN');
  });

  test("a leader sees their own department's instances and statistics, not others'", async () => {
    const engineering = await apply(a.student!);
    authorize(a.cadre!, 'admin.monitor');
    const leaderScope = adminScope(a.cadre!)!;
    assert.equal((await searchInstances(t.db, leaderScope, { q: engineering })).length, 0);
    await expectCode(getInstanceDetail(t.db, leaderScope, engineering), 'NOT_FOUND');
    assert.equal((await searchInstances(t.db, { kind: 'all' }, { q: engineering })).length, 1);
    await expectCode(async () => parseStatsFilters(leaderScope, { department: 'engineering' }, now()), 'FORBIDDEN');
    const leaderTable = await statsTable(t.db, leaderScope, 'by-process', parseStatsFilters(leaderScope, {}, now()), now());
    assert.equal(leaderTable.rows.length, 0);
    // An hr staff member's instance is theirs to see (instances of people of their department).
    const [hrUser] = await t.db.insert(users).values({ username: 'hr-staff', name: '人事职员', kind: 'staff', orgUnitId: 'hr' }).returning();
    const [row] = await t.db.update(processInstances).set({ applicantOrgId: 'hr' }).where(eq(processInstances.id, engineering)).returning();
    assert.ok(row && hrUser);
    assert.equal((await getInstanceDetail(t.db, leaderScope, engineering)).instance.id, engineering);
    await t.db.update(processInstances).set({ applicantOrgId: 'engineering' }).where(eq(processInstances.id, engineering));
  });
});

describe('operations (audited in the hash chain)', () => {
  test('reassign a task to a person of the right role only; the old candidates lose it', async () => {
    const id = await apply(a.student!);
    const [task] = await t.db.select().from(tasks).where(and(eq(tasks.instanceId, id), eq(tasks.status, 'open')));
    await expectCode(reassignTaskAsAdmin(t.db, a.admin!, task!.id, { username: 'counselor2' }, now()), 'INVALID_INPUT');
    await expectCode(reassignTaskAsAdmin(t.db, a.cadre!, task!.id, { username: 'counselor' }, now()), 'FORBIDDEN');
    const [second] = await t.db.insert(users).values({ username: 'counselor-eng-2', name: '工程学院第二辅导员', kind: 'staff', orgUnitId: 'engineering' }).returning();
    await t.db.insert(roleBindings).values({ userId: second!.id, role: 'counselor', orgUnitId: 'engineering' });
    await reassignTaskAsAdmin(t.db, a.admin!, task!.id, { username: 'counselor-eng-2', comment: '原辅导员休假' }, now());
    const [after] = await t.db.select().from(tasks).where(eq(tasks.id, task!.id));
    assert.equal(after!.assigneeId, second!.id);
    await expectCode(applyEvent(t.db, { instanceId: id, actor: a.counselor!, type: 'approve', now: now() }), 'FORBIDDEN');
    const secondActor = (await loadActor(t.db, { id: second!.id }))!;
    await applyEvent(t.db, { instanceId: id, actor: secondActor, type: 'approve', now: now() });
    const detail = await getInstanceDetail(t.db, { kind: 'all' }, id);
    assert.deepEqual(detail.events.map((e) => e.type), ['submit', 'admin.reassign', 'approve']);
    assert.equal(detail.chain.ok, true);
  });

  test('cancel needs a reason, ends the instance, closes tasks, is audited; twice is a conflict', async () => {
    const id = await apply(a.student!);
    await expectCode(cancelInstanceAsAdmin(t.db, a.admin!, id, { reason: '  ' }, now()), 'INVALID_INPUT');
    const [before] = await t.db.select().from(processInstances).where(eq(processInstances.id, id));
    await expectCode(cancelInstanceAsAdmin(t.db, a.admin!, id, { reason: '重复申请', expectedRevision: before!.revision + 5 }, now()), 'CONFLICT');
    const res = await cancelInstanceAsAdmin(t.db, a.admin!, id, { reason: '重复申请', expectedRevision: before!.revision }, now());
    assert.equal(res.status, 'cancelled');
    const open = await t.db.select().from(tasks).where(and(eq(tasks.instanceId, id), eq(tasks.status, 'open')));
    assert.equal(open.length, 0);
    const events = await t.db.select().from(instanceEvents).where(eq(instanceEvents.instanceId, id)).orderBy(asc(instanceEvents.seq));
    assert.equal(events.at(-1)!.type, 'admin.cancel');
    assert.equal(events.at(-1)!.comment, '重复申请');
    assert.equal(verifyChain(events).ok, true);
    await expectCode(cancelInstanceAsAdmin(t.db, a.admin!, id, { reason: '再次取消' }, now()), 'CONFLICT');
    await expectCode(cancelInstanceAsAdmin(t.db, a.admin!, 'not-a-uuid', { reason: 'x' }, now()), 'NOT_FOUND');
  });

  test('a tampered event shows up as the first broken entry', async () => {
    const id = await apply(a.student!);
    await applyEvent(t.db, { instanceId: id, actor: a.counselor!, type: 'approve', now: now() });
    await t.db.update(instanceEvents).set({ comment: '篡改' }).where(and(eq(instanceEvents.instanceId, id), eq(instanceEvents.seq, 1)));
    const detail = await getInstanceDetail(t.db, { kind: 'all' }, id);
    assert.deepEqual(detail.chain, { ok: false, firstBrokenSeq: 1 });
  });
});

describe('people administration', () => {
  test('deactivation bumps the session version and is audited; a bad role grant writes nothing', async () => {
    const before = (await loadActor(t.db, { username: 'student2' }))!;
    await setUserActive(t.db, a.admin!, before.id, false, now());
    const [row] = await t.db.select().from(users).where(eq(users.id, before.id));
    assert.equal(row!.active, false);
    assert.equal(row!.sessionVersion, before.sessionVersion + 1);
    assert.equal(await loadActor(t.db, { id: before.id }), null);
    await setUserActive(t.db, a.admin!, before.id, true, now());
    const audits = await t.db.select().from(adminAudit).where(eq(adminAudit.target, `user:${before.id}`));
    assert.deepEqual(audits.map((x) => x.action), ['user.deactivate', 'user.activate']);
    await expectCode(grantRole(t.db, a.admin!, before.id, { role: 'counselor', orgUnitId: 'no-such-unit' }, now()), 'INVALID_INPUT');
    await expectCode(grantRole(t.db, a.admin!, before.id, { role: 'emperor', orgUnitId: null }, now()), 'INVALID_INPUT');
  });

  test('granting or revoking a role ends all of the person’s sessions; a repeated grant changes nothing (issue 15 item 9)', async () => {
    const who = (await loadActor(t.db, { username: 'student2' }))!;
    const version = async () => (await t.db.select({ v: users.sessionVersion }).from(users).where(eq(users.id, who.id)))[0]!.v;
    const grant = () => grantRole(t.db, a.admin!, who.id, { role: 'counselor', orgUnitId: 'engineering' }, now());
    const binding = await grant();
    assert.equal(await version(), who.sessionVersion + 1, 'a granted role ends the old sessions');
    await grant();
    assert.equal(await version(), who.sessionVersion + 1, 'an existing binding granted again is a no-op');
    await revokeRole(t.db, a.admin!, binding.id, now());
    assert.equal(await version(), who.sessionVersion + 2, 'a revoked role ends them too');
  });

  test('CSV import is all or nothing, with a report naming duplicates and unknown units', async () => {
    const count = async () => (await t.db.select({ n: sql<number>`count(*)::int` }).from(users))[0]!.n;
    const n0 = await count();
    const bad = 'username,name,kind,org_unit_id\ns1001,甲,student,engineering\ns1002,乙,student,atlantis\ns1001,丙,student,engineering\ns1003,丁,teacher,engineering\n';
    const r = await importPeople(t.db, a.admin!, bad, now());
    assert.equal(r.ok, false);
    const messages = r.ok ? [] : r.problems.map((p) => `${p.line}:${p.message}`);
    assert.ok(messages.some((m) => m.startsWith('3:') && m.includes('atlantis')), messages.join('|'));
    assert.ok(messages.some((m) => m.startsWith('4:') && m.includes('重复')), messages.join('|'));
    assert.ok(messages.some((m) => m.startsWith('5:')), messages.join('|'));
    assert.equal(await count(), n0);
    const rows = Array.from({ length: 1200 }, (_, i) => `s2${String(i).padStart(4, '0')},学生${i},student,agriculture`).join('\n');
    const ok = await importPeople(t.db, a.admin!, `username,name,kind,org_unit_id\n${rows}\nstudent,李明(更新),student,engineering\n`, now());
    assert.deepEqual(ok, { ok: true, created: 1200, updated: 1, rows: 1201 });
    assert.equal(await count(), n0 + 1200);
  });
});

describe('statistics and heatmap', () => {
  test('demo history loads once; dashboard tables and CSV agree with direct counts; heatmap counts match', async () => {
    const made = await loadDemoHistory(t.db, now(), 300, 200);
    assert.ok(made > 250);
    assert.equal(await loadDemoHistory(t.db, now(), 300, 200), 0);
    const scope = { kind: 'all' } as const;
    const filters = parseStatsFilters(scope, { samples: 'include' }, now());
    const byProcess = await statsTable(t.db, scope, 'by-process', filters, now());
    const [direct] = await t.db
      .select({ total: sql<number>`count(*)::int`, running: sql<number>`count(*) filter (where status = 'active')::int` })
      .from(processInstances)
      .where(sql`created_at >= ${filters.period.from.toISOString()}::timestamptz and created_at < ${filters.period.to.toISOString()}::timestamptz`);
    // One row per process: together they are every instance of the period.
    const sum = (i: number) => byProcess.rows.reduce((n, r) => n + Number(r[i]), 0);
    assert.deepEqual([sum(1), sum(2)], [direct!.total, direct!.running]);
    const { csv } = await exportStatsTable(t.db, a.admin!, 'by-process', new URLSearchParams({ samples: 'include' }), 'zh', now());
    const fitness = byProcess.rows.find((r) => r[0] === 'fitness-test-exemption')!;
    assert.ok(csv.includes(`体质测试免测/缓测申请,${fitness[1]},${fitness[2]},`), csv);
    // The header row is in words too (流程,合计,…): no column id, no untranslated key.
    const header = csv.replace(/^\uFEFF/, '').split(/\r?\n/)[0]!;
    assert.match(header, /^流程,/);
    assert.doesNotMatch(header, /[A-Za-z_]/);
    const byMonth = await statsTable(t.db, scope, 'started-by-month', filters, now());
    assert.equal(byMonth.rows.reduce((n, r) => n + Number(r[1]), 0), direct!.total);
    const heat = await stateHeatmap(t.db, scope, 'fitness-test-exemption', 1, parsePeriod({}, now()), true);
    const live = await t.db
      .select({ n: sql<number>`count(*)::int` })
      .from(processInstances)
      .where(and(eq(processInstances.status, 'active'), eq(processInstances.processId, 'fitness-test-exemption'), eq(processInstances.processVersion, 1)));
    assert.equal(heat.reduce((n, h) => n + h.now, 0), live[0]!.n);
    assert.ok(heat.some((h) => h.medianSeconds !== null && h.p90Seconds! >= h.medianSeconds));
    const [sample] = await t.db.select().from(processInstances).where(sql`title->>'zh' like '【示例】%'`).limit(1);
    assert.equal((await getInstanceDetail(t.db, scope, sample!.id)).chain.ok, true);
    // Samples stay samples: figures leave them out unless asked for, to the instance.
    const realOnly = await statsTable(t.db, scope, 'by-process', parseStatsFilters(scope, {}, now()), now());
    const [real] = await t.db
      .select({ total: sql<number>`count(*)::int` })
      .from(processInstances)
      .where(sql`not sample and created_at >= ${filters.period.from.toISOString()}::timestamptz and created_at < ${filters.period.to.toISOString()}::timestamptz`);
    assert.equal(realOnly.rows.reduce((n, r) => n + Number(r[1]), 0), real!.total);
    assert.ok(real!.total < direct!.total);
    const realHeat = await stateHeatmap(t.db, scope, 'fitness-test-exemption', 1, parsePeriod({}, now()));
    const [realLive] = await t.db
      .select({ n: sql<number>`count(*)::int` })
      .from(processInstances)
      .where(and(eq(processInstances.status, 'active'), eq(processInstances.processId, 'fitness-test-exemption'), eq(processInstances.processVersion, 1), eq(processInstances.sample, false)));
    assert.equal(realHeat.reduce((n, h) => n + h.now, 0), realLive!.n);
    // Samples stay samples: open sample tasks exist, yet no real person's 待办 or 已办 lists one.
    const [openSamples] = await t.db.select({ n: sql<number>`count(*)::int` }).from(tasks).innerJoin(processInstances, eq(processInstances.id, tasks.instanceId)).where(and(eq(tasks.status, 'open'), sql`${processInstances.title}->>'zh' like '【示例】%'`));
    assert.ok(openSamples!.n > 0);
    for (const who of ['counselor', 'counselor2', 'doctor', 'cadre', 'admin']) {
      for (const status of ['open', 'done'] as const) {
        const listed = await listTasks(t.db, a[who]!, status, 1000);
        assert.deepEqual(listed.filter((x) => x.title.zh.startsWith('【示例】')).map((x) => x.title.zh), [], `${who} ${status}`);
      }
    }
    // … nor does anyone get a message, a notification or a delivery about one.
    const [sampleMessages] = await t.db.select({ n: sql<number>`count(*)::int` }).from(messages).innerJoin(processInstances, eq(processInstances.id, messages.instanceId)).where(eq(processInstances.sample, true));
    const [sampleDeliveries] = await t.db.select({ n: sql<number>`count(*)::int` }).from(outbox).innerJoin(processInstances, eq(processInstances.id, outbox.instanceId)).where(eq(processInstances.sample, true));
    assert.deepEqual([sampleMessages!.n, sampleDeliveries!.n], [0, 0]);
    // The 校长信箱 office's statistics count letters people wrote, never generated ones.
    const [letters] = await t.db
      .select({ real: sql<number>`count(*) filter (where not sample)::int`, samples: sql<number>`count(*) filter (where sample)::int` })
      .from(processInstances)
      .where(eq(processInstances.processId, 'presidents-mailbox'));
    assert.ok(letters!.samples > 0);
    const office = await mailboxStats(t.db, now());
    assert.equal(office.perMonth.reduce((n, r) => n + r.count, 0), letters!.real);
  });

  test('an end before the start, or an unknown table, is a clear 4xx', async () => {
    await expectCode(async () => parsePeriod({ from: '2026-10-01', to: '2026-09-01' }, now()), 'INVALID_INPUT');
    await expectCode(async () => parsePeriod({ from: '2026-13-45' }, now()), 'INVALID_INPUT');
    await expectCode(exportStatsTable(t.db, a.admin!, 'nope', new URLSearchParams(), 'zh', now()), 'NOT_FOUND');
    await expectCode(exportStatsTable(t.db, a.admin!, 'by-process', new URLSearchParams({ from: '2026-10-01', to: '2026-09-01' }), 'zh', now()), 'INVALID_INPUT');
  });
});

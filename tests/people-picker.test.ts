/**
 * Issue 18 item 5, in the database: a form's person field (中层干部请假's 代理人) offers the
 * applicant's department colleagues — the people the server accepts — and every view of the
 * application names the person instead of showing their 工号.
 */
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { eq } from 'drizzle-orm';
import { users } from '@/db/schema';
import type { SessionUser } from '@/lib/auth/load-actor';
import { getInstanceView } from '@/lib/instances/get-instance-view';
import { colleaguesOf } from '@/lib/instances/people';
import { matchesPerson } from '@/lib/instances/person-match';
import { startInstance } from '@/workflows/engine/start-instance';
import { dayFromNow, expectCode, loadActors } from './helpers/process-fixtures';
import { createTestDatabase, type TestDatabase } from './helpers/test-db';

let t: TestDatabase;
let a: Record<string, SessionUser>;

before(async () => {
  t = await createTestDatabase();
  a = await loadActors(t.db, ['cadre', 'cadre2']);
});
after(() => t.close());

const leave = (deputy: string) => ({ leaveType: 'personal', reason: '处理家中事务', deputy, contact: '13800000000', startDate: dayFromNow(14), endDate: dayFromNow(15) });

test('the picker offers exactly the colleagues the server accepts, searchable by pinyin', async () => {
  const offered = await colleaguesOf(t.db, a.cadre2!);
  assert.deepEqual(offered.map((p) => [p.username, p.name, p.orgName.zh]), [['cadre', '黄处长', '人事处']], 'the department, not oneself');
  assert.ok(matchesPerson(offered[0]!, 'huang') && matchesPerson(offered[0]!, 'hc') && matchesPerson(offered[0]!, 'cad'));
  // Someone who left is not offered, and the server refuses them too.
  await t.db.update(users).set({ active: false }).where(eq(users.username, 'cadre'));
  assert.deepEqual(await colleaguesOf(t.db, a.cadre2!), []);
  await expectCode(startInstance(t.db, { processId: 'cadre-leave', actor: a.cadre2!, input: leave('cadre'), now: new Date() }), 'INVALID_INPUT');
  await t.db.update(users).set({ active: true }).where(eq(users.username, 'cadre'));
});

test('the application names the deputy: name and department, for the applicant and the approver', async () => {
  const { instance } = await startInstance(t.db, { processId: 'cadre-leave', actor: a.cadre2!, input: leave('cadre'), now: new Date() });
  for (const viewer of [a.cadre2!, a.cadre!]) {
    const view = await getInstanceView(t.db, viewer, instance.id);
    assert.deepEqual(view.people, { cadre: { name: '黄处长', orgName: { zh: '人事处', en: 'Human Resources Office' } } });
  }
});

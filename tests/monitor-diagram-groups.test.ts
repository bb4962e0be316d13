/**
 * The admin diagram's group badge (issue 16 item 5) on a real database (TEST_DB=pglite | postgres):
 * a group step says how many sign (会签 · 2 人) where its members do not depend on the applicant,
 * the role (或签 · 部门负责人) where they do, and for one instance the members of its applicant's unit.
 */
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { eq } from 'drizzle-orm';
import { roleBindings } from '@/db/schema';
import { loadGroupSizes } from '@/lib/admin/diagram/group-sizes';
import { layoutDiagram } from '@/lib/admin/diagram/layout-diagram';
import { labeler } from '@/lib/labels';
import { getDefinition } from '@/workflows/registry';
import { loadActors } from './helpers/process-fixtures';
import { createTestDatabase, type TestDatabase } from './helpers/test-db';

let t: TestDatabase;
before(async () => {
  t = await createTestDatabase();
});
after(() => t.close());

const badges = async (processId: string, version: number, applicant?: { id: string | null; orgUnitId: string | null }, lang: 'zh' | 'en' = 'zh') => {
  const definition = getDefinition(processId, version);
  const layout = await layoutDiagram(definition, labeler(lang, new Map()), await loadGroupSizes(t.db, definition, applicant));
  return Object.fromEntries(layout.nodes.filter((n) => n.group).map((n) => [n.path, n.group]));
};

test('a definition’s diagram: 会签 · 2 人 of the school leaders; 或签 · 部门负责人 (as many as the applicant’s unit has), 依次审批 · 2 人', async () => {
  assert.deepEqual(await badges('cadre-private-travel', 2), { schoolLeaderApproval: '会签 · 2 人' });
  assert.deepEqual(await badges('cadre-leave', 2), { deptLeaderReview: '或签 · 部门负责人', schoolLeaderReview: '依次审批 · 2 人' });
  assert.deepEqual(await badges('cadre-leave', 2, undefined, 'en'), { deptLeaderReview: 'Any one signs · Department leader', schoolLeaderReview: 'In turn · 2 people' });
  // Versions without groups have no badge.
  assert.deepEqual(await badges('cadre-private-travel', 1), {});
});

test('an instance’s diagram counts its applicant’s unit; a second leader there makes it 或签 · 2 人', async () => {
  const a = await loadActors(t.db, ['cadre2', 'org']);
  const applicant = { id: a.cadre2!.id, orgUnitId: a.cadre2!.orgUnitId ?? null };
  assert.deepEqual(await badges('cadre-leave', 2, applicant), { deptLeaderReview: '或签 · 1 人', schoolLeaderReview: '依次审批 · 2 人' });
  const [binding] = await t.db.insert(roleBindings).values({ userId: a.org!.id, role: 'dept_leader', orgUnitId: applicant.orgUnitId }).returning();
  try {
    assert.equal((await badges('cadre-leave', 2, applicant)).deptLeaderReview, '或签 · 2 人');
  } finally {
    await t.db.delete(roleBindings).where(eq(roleBindings.id, binding!.id));
  }
});

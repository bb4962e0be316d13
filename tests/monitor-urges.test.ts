/**
 * 催办 on the monitoring dashboard (issue 16, item 7: "the monitoring shows how often each step is
 * urged"): the 'urges-by-step' table counts urges per step of a process, within the period and the
 * viewer's departments, on a real database (TEST_DB=pglite | postgres).
 */
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import type { SessionUser } from '@/lib/auth/load-actor';
import { parseStatsFilters } from '@/lib/admin/stats/filters';
import { labelRows } from '@/lib/admin/stats/label-rows';
import { statsTable } from '@/lib/admin/stats/tables';
import { operateOnInstance } from '@/lib/instances/instance-operations';
import { getLabeler } from '@/lib/labels';
import type { AdminScope } from '@/lib/policy';
import { addDays, loadActors, startFitnessDeferral } from './helpers/process-fixtures';
import { createTestDatabase, type TestDatabase } from './helpers/test-db';

let t: TestDatabase;
let a: Record<string, SessionUser>;
const start = new Date('2026-03-02T02:00:00Z'); // a Monday

before(async () => {
  t = await createTestDatabase();
  a = await loadActors(t.db, ['student', 'student2']);
});
after(() => t.close());

test('urges per step: two urges on one 辅导员核实, one on another, counted in the period and the department only', async () => {
  const first = await startFitnessDeferral(t.db, a.student!, start);
  const second = await startFitnessDeferral(t.db, a.student!, new Date(start.getTime() + 60_000));
  const late = addDays(start, 6);
  await operateOnInstance(t.db, a.student!, 'urge', first, { reason: '下周就要体测了' }, late);
  await operateOnInstance(t.db, a.student!, 'urge', first, {}, addDays(late, 1));
  await operateOnInstance(t.db, a.student!, 'urge', second, {}, addDays(late, 1));
  // Another college's application, waiting unurged: not a row.
  await startFitnessDeferral(t.db, a.student2!, start);

  const now = addDays(late, 2);
  const all: AdminScope = { kind: 'all' };
  const table = await statsTable(t.db, all, 'urges-by-step', parseStatsFilters(all, { from: '2026-03-01', to: '2026-03-31' }, now, true), now);
  assert.deepEqual(table.columns, ['process', 'step', 'urges', 'urgedTasks', 'stillWaiting']);
  assert.deepEqual(table.rows, [['fitness-test-exemption', 'counselorReview', 3, 2, 2]]);
  // Read as people read it: the process and the step by name.
  const [row] = labelRows(table, await getLabeler(t.db, 'zh'));
  assert.deepEqual(row!.slice(1), ['辅导员核实', 3, 2, 2]);
  assert.doesNotMatch(String(row![0]), /fitness/);

  // A period before the urges, and a department leader of another college: nothing.
  const before = await statsTable(t.db, all, 'urges-by-step', parseStatsFilters(all, { from: '2026-02-01', to: '2026-02-28' }, now, true), now);
  assert.deepEqual(before.rows, []);
  const agriculture: AdminScope = { kind: 'departments', orgUnitIds: ['agriculture'] };
  const theirs = await statsTable(t.db, agriculture, 'urges-by-step', parseStatsFilters(agriculture, { from: '2026-03-01', to: '2026-03-31' }, now, true), now);
  assert.deepEqual(theirs.rows, []);
});

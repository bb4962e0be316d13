import assert from 'node:assert/strict';
import { test } from 'node:test';
import { departmentStats, sortStats } from './stats';

test('counts per department with totals; new means online since the 1st of this month (UTC+8)', () => {
  const now = new Date('2026-09-15T04:00:00Z');
  const { rows, totals } = departmentStats(
    [{ id: 'a' }, { id: 'b' }],
    [
      { departmentId: 'a', status: 'online', onlineAt: new Date('2026-08-31T17:00:00Z') }, // 1 Sep 01:00 in Guangzhou
      { departmentId: 'a', status: 'online', onlineAt: new Date('2026-08-31T15:00:00Z') }, // still August there
      { departmentId: 'a', status: 'testing', onlineAt: null },
      { departmentId: 'b', status: 'building', onlineAt: null },
      { departmentId: 'b', status: 'retired', onlineAt: new Date('2026-09-02T00:00:00Z') },
      { departmentId: 'x', status: 'online', onlineAt: null },
    ],
    now,
  );
  assert.deepEqual(rows[0], { departmentId: 'a', online: 2, newThisMonth: 1, testing: 1, building: 0 });
  assert.deepEqual(totals, { online: 2, newThisMonth: 1, testing: 1, building: 1 });
  assert.deepEqual(sortStats(rows, 'building', 'desc').map((r) => r.departmentId), ['b', 'a']);
});

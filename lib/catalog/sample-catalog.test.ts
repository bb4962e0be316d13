import assert from 'node:assert/strict';
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { test } from 'node:test';
import { DEPARTMENTS } from '@/db/seed/org-units';
import { SEED_TABLE_2017_09 } from './sample-2017-09';
import { buildSampleCatalog } from './sample-catalog';

// shared/ sits beside the repository (CI) or two levels up (a worktree under wt/).
const csvPath =
  [path.join(process.cwd(), '..', 'shared'), path.join(process.cwd(), '..', '..', 'shared')]
    .map((dir) => path.join(dir, 'data', 'departments-2017-09.csv'))
    .find((p) => existsSync(p)) ?? '';

test('the embedded seed table equals the CSV of the seed document', { skip: !csvPath && 'CSV not beside the repo' }, () => {
  const lines = readFileSync(csvPath, 'utf8').trim().split('\n').slice(1);
  assert.equal(lines.length, 30);
  lines.forEach((line, i) => {
    const [name, online, n, pending] = line.split(',');
    assert.equal(DEPARTMENTS[i]![1], name);
    assert.deepEqual(SEED_TABLE_2017_09[i], [DEPARTMENTS[i]![0], Number(online), Number(n), Number(pending)]);
  });
});

test('the sample catalog reproduces the per-department counts around the real entries', () => {
  const rows = buildSampleCatalog([{ departmentId: 'sports', status: 'online' }]);
  const count = (dept: string, status: string) => rows.filter((r) => r.departmentId === dept && r.status === status).length;
  assert.equal(count('sports', 'online'), 5);
  assert.equal(count('union', 'online'), 2);
  assert.equal(count('union', 'testing') + count('union', 'building'), 11);
  assert.equal(new Set(rows.map((r) => r.code)).size, rows.length);
});

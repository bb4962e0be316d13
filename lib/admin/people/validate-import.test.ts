import assert from 'node:assert/strict';
import { test } from 'node:test';
import { toCsv } from '../stats/csv';
import { parseCsv } from './parse-csv';
import { validateImport } from './validate-import';

const units = new Set(['engineering', 'hr']);

test('CSV parsing handles BOM, quotes, doubled quotes, CRLF and blank lines', () => {
  assert.deepEqual(parseCsv('\uFEFFa,b\r\n"x, y","say ""hi"""\r\n\r\n'), [['a', 'b'], ['x, y', 'say "hi"']]);
});

test('a valid file gives rows; optional columns may be missing or reordered', () => {
  const r = validateImport('name,username,org_unit_id,kind,is_cadre\n张三,s001,engineering,student,\n李四,t001,hr,staff,是\n', units);
  assert.deepEqual(r.problems, []);
  assert.equal(r.rows.length, 2);
  assert.equal(r.rows[1]!.isCadre, true);
});

test('every problem is reported with its line, and no rows come back', () => {
  const r = validateImport('username,name,kind,org_unit_id,email\ns001,张三,student,engineering,bad-mail\ns002,,student,mars,\nS001,王五,student,engineering,\n', units);
  assert.equal(r.rows.length, 0);
  const lines = r.problems.map((p) => p.line);
  assert.ok(lines.includes(2) && lines.includes(3) && lines.includes(4), JSON.stringify(r.problems));
  assert.ok(r.problems.some((p) => p.message.includes('mars')));
  assert.ok(r.problems.some((p) => p.message.includes('重复')));
});

test('a missing column is one clear problem', () => {
  assert.deepEqual(validateImport('username,name\n', units).problems, [{ line: 1, message: '缺少列：kind, org_unit_id' }]);
});

test('CSV export quotes separators and defuses spreadsheet formulas', () => {
  const csv = toCsv({ id: 'by-process', columns: ['process', 'total'], rows: [['a,b', 3], ['=cmd()', null]] }, ['流程', '发起']);
  assert.equal(csv, '\uFEFF流程,发起\r\n"a,b",3\r\n\'=cmd(),\r\n');
});

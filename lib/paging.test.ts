import assert from 'node:assert/strict';
import { test } from 'node:test';
import { countText, LIST_CAP, pageOf } from './paging';

const rows = Array.from({ length: 120 }, (_, i) => i + 1);

test('a page of 50: the first, the last (partial) and what a bad address asks for', () => {
  assert.deepEqual({ ...pageOf(rows, undefined, 50), rows: undefined }, { rows: undefined, page: 1, pages: 3, from: 1, to: 50, total: 120 });
  const last = pageOf(rows, '3', 50);
  assert.deepEqual([last.page, last.from, last.to, last.rows.length], [3, 101, 120, 20]);
  assert.equal(pageOf(rows, '99', 50).page, 3);
  assert.equal(pageOf(rows, '-4', 50).page, 1);
  assert.equal(pageOf(rows, 'abc', 50).page, 1);
  assert.equal(pageOf(rows, '2; drop table', 50).page, 2);
});

test('an empty list is one empty page', () => {
  assert.deepEqual(pageOf([], '2', 50), { rows: [], page: 1, pages: 1, from: 0, to: 0, total: 0 });
});

test('a count is exact up to the cap, then "1000+" — the same rule for every tab and badge', () => {
  assert.equal(countText(0), '0');
  assert.equal(countText(LIST_CAP), '1000');
  assert.equal(countText(LIST_CAP + 1), '1000+');
  assert.equal(countText(3, 2), '2+');
});

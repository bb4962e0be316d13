import assert from 'node:assert/strict';
import { test } from 'node:test';
import { meetsInWeek } from './lesson-weeks';

test('周次 as the registrar writes it: ranges, lists, odd and even weeks; unreadable text is not judged', () => {
  assert.equal(meetsInWeek('1-16', 13), true);
  assert.equal(meetsInWeek('1-12', 13), false);
  assert.equal(meetsInWeek('5-8', 6), true);
  assert.equal(meetsInWeek('1-8,10-16', 9), false);
  assert.equal(meetsInWeek('3-15 单周', 13), true);
  assert.equal(meetsInWeek('3-15 单周', 12), false);
  assert.equal(meetsInWeek('2-16 双周', 12), true);
  assert.equal(meetsInWeek('第 5 周', 5), true);
  assert.equal(meetsInWeek('全学期', 3), null);
});

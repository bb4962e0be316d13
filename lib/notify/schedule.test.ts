import assert from 'node:assert/strict';
import { test } from 'node:test';
import { inQuietHours, isUrgent, notBefore } from './schedule';

const quiet = { start: 22 * 60, end: 7 * 60 };

test('quiet hours are 22:00–07:00 in Asia/Shanghai whatever the server zone', () => {
  assert.equal(inQuietHours(new Date('2026-11-27T13:59:00Z'), quiet), false); // 21:59 Shanghai
  assert.equal(inQuietHours(new Date('2026-11-27T14:00:00Z'), quiet), true); // 22:00
  assert.equal(inQuietHours(new Date('2026-11-27T22:59:00Z'), quiet), true); // 06:59
  assert.equal(inQuietHours(new Date('2026-11-27T23:00:00Z'), quiet), false); // 07:00
  assert.equal(inQuietHours(new Date('2026-11-27T14:00:00Z'), null), false);
});

test('a quiet-hours message waits until 07:00 Shanghai; urgent ones do not wait', () => {
  const late = new Date('2026-11-27T15:30:20Z'); // 23:30 Shanghai
  assert.equal(notBefore(late, quiet, false).toISOString(), '2026-11-27T23:00:00.000Z');
  assert.equal(notBefore(late, quiet, true), late);
  const day = new Date('2026-11-27T03:00:00Z');
  assert.equal(notBefore(day, quiet, false), day);
});

test('escalations and flagged notices are urgent', () => {
  assert.equal(isUrgent('task.escalated', {}), true);
  assert.equal(isUrgent('notice', { urgent: 'true' }), true);
  assert.equal(isUrgent('task.new', {}), false);
});

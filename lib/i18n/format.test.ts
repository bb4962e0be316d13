import assert from 'node:assert/strict';
import { test } from 'node:test';
import { formatDate, formatDateTime, formatMoney } from './format';

test('dates read in China Standard Time, in the reader’s language (formatters shared between calls)', () => {
  const iso = '2026-12-02T16:30:00.000Z';
  for (let i = 0; i < 2; i++) {
    assert.equal(formatDateTime(iso, 'zh'), '2026/12/03 00:30');
    assert.equal(formatDateTime(iso, 'en'), '03/12/2026, 00:30');
    assert.equal(formatDate(iso, 'zh'), '2026/12/03');
    assert.equal(formatDate(iso, 'en'), '03/12/2026');
  }
});

test('money: the sign before the currency, two decimals, thousands grouped', () => {
  assert.equal(formatMoney(-32), '-¥32.00');
  assert.equal(formatMoney(1234.5), '¥1,234.50');
  assert.equal(formatMoney('650.00'), '¥650.00');
  assert.equal(formatMoney(-0.001), '¥0.00');
});

import assert from 'node:assert/strict';
import { test } from 'node:test';
import { retryDelayMs } from './retry-policy';

test('backoff doubles from the base and stops at the cap', () => {
  assert.deepEqual([1, 2, 3, 4, 10].map((n) => retryDelayMs(n, { baseMs: 1000, maxMs: 5000 })), [1000, 2000, 4000, 5000, 5000]);
});

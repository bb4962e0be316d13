import assert from 'node:assert/strict';
import { test } from 'node:test';
import { phoneFirst, REPAIR_SERVICES } from './catalog';

test('the hub lists the seed’s six services; on a phone, phone services come first', () => {
  assert.equal(REPAIR_SERVICES.length, 6);
  assert.deepEqual(phoneFirst(REPAIR_SERVICES).map((s) => s.no), [1, 2, 4, 5, 6, 3]);
});

import assert from 'node:assert/strict';
import { test } from 'node:test';
import { isPoorRating, SATISFACTION_LEVELS, satisfactionLevel } from './satisfaction';

test('好差评: five levels in words; repairs store 1–5, the 校长信箱 its three words', () => {
  assert.deepEqual([5, 4, 3, 2, 1].map((n) => SATISFACTION_LEVELS[n as 1].zh), ['非常满意', '满意', '基本满意', '不满意', '非常不满意']);
  assert.equal(satisfactionLevel(5), 5);
  assert.equal(satisfactionLevel('2'), 2);
  assert.equal(satisfactionLevel('satisfied'), 4);
  assert.equal(satisfactionLevel('unsatisfied'), 2);
  for (const bad of [0, 6, 2.5, 'great', null, undefined]) assert.equal(satisfactionLevel(bad), null);
  assert.equal(isPoorRating(2), true);
  assert.equal(isPoorRating(3), false);
});

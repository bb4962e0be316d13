import assert from 'node:assert/strict';
import { test } from 'node:test';
import { bigramDice } from './similarity';

test('bigram Dice: the same complaint in other words scores above an unrelated letter', () => {
  const a = '三饭堂午餐排队太久';
  assert.equal(bigramDice(a, a), 1);
  assert.ok(bigramDice(a, '三饭堂中午排队时间太长') > bigramDice(a, '图书馆考试周延长开放'));
  assert.equal(bigramDice(a, '图书馆延长开放'), 0);
  assert.equal(bigramDice('', a), 0);
  // Punctuation and spacing do not make texts alike or different.
  assert.equal(bigramDice('三饭堂，排队！', '三饭堂 排队'), 1);
  assert.ok(bigramDice('WiFi 断网', 'wifi断网') === 1);
});

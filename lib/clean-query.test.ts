import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { cleanQuery } from './clean-query';

describe('query hygiene (issue 15 item 17: ?q=a&q=b and ?q=%2Fe%00 were 500s)', () => {
  test('clean queries pass untouched', () => {
    assert.equal(cleanQuery(''), null);
    assert.equal(cleanQuery('?q=%E5%AE%BF%E8%88%8D&category=help'), null);
  });
  test('repeated parameters keep their first value; control characters are dropped', () => {
    assert.equal(cleanQuery('?q=a&q=b'), '?q=a');
    assert.equal(cleanQuery('?q=%2Fe%00'), '?q=%2Fe');
    assert.equal(cleanQuery('?callbackUrl=%2Fa%0Ab&x=1&x=2'), '?callbackUrl=%2Fab&x=1');
    assert.equal(cleanQuery('?%00=1'), '?=1');
    // The cleaned query is clean: no redirect loop.
    for (const q of ['?q=a&q=b', '?q=%2Fe%00', '?a%0d=1&a=2']) assert.equal(cleanQuery(cleanQuery(q)!), null);
  });
});

describe('API queries', () => {
  test('control characters are found, plain queries are not', async () => {
    const { queryHasControl } = await import('./clean-query');
    assert.equal(queryHasControl('?q=%2Fe%00'), true);
    assert.equal(queryHasControl('?q=a&q=b'), false);
    assert.equal(queryHasControl('?q=%E5%AE%BF'), false);
  });
});

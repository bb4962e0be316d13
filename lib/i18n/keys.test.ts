import assert from 'node:assert/strict';
import { test } from 'node:test';
import { en } from './en';
import { zh } from './zh';

// The translator walks a key like 'integrations.events.instance.started' by '.', so a dictionary
// key that itself contains a dot can never be reached (the page then fails at render).
function dottedKeys(node: unknown, path: string[] = []): string[] {
  if (!node || typeof node !== 'object') return [];
  return Object.entries(node).flatMap(([k, v]) => [...(k.includes('.') ? [[...path, k].join(' › ')] : []), ...dottedKeys(v, [...path, k])]);
}

test('no dictionary key contains a dot, in either language', () => {
  assert.deepEqual(dottedKeys(zh), []);
  assert.deepEqual(dottedKeys(en), []);
});

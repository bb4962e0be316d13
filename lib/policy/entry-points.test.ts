import assert from 'node:assert/strict';
import path from 'node:path';
import { test } from 'node:test';
import { scanEntryPoints } from './entry-points';
import { POLICY } from './table';

const ROOT = path.resolve(__dirname, '..', '..');
const entries = scanEntryPoints(ROOT);

test('finds the route handlers and server actions of the app', () => {
  assert.ok(entries.filter((e) => e.kind === 'route').length >= 40);
  assert.ok(entries.filter((e) => e.kind === 'action').length >= 10);
});

test('every route handler is built with route() and every server action with action(), each declaring a permission', () => {
  const problems = entries
    .filter((e) => !e.wrapped || e.permission === null)
    .map((e) => `${e.kind} ${e.at} ${e.name}: ${e.wrapped ? 'declares no permission' : `not built with ${e.kind}()`}`);
  assert.deepEqual(problems, []);
});

test('every declared permission is an action of the policy table (or public / signed-in)', () => {
  const known = new Set<string>([...Object.keys(POLICY), 'public', 'signed-in']);
  const unknown = entries.filter((e) => e.permission !== null && !known.has(e.permission)).map((e) => `${e.at} ${e.name}: ${e.permission}`);
  assert.deepEqual(unknown, []);
});

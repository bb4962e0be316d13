import assert from 'node:assert/strict';
import { test } from 'node:test';
import { Validator } from '@seriousme/openapi-schema-validator';
import { scanEntryPoints } from '@/lib/policy/entry-points';
import { openApiDocument } from './document';

/** app/ folder of a route → its URL path as OpenAPI writes it: (groups) dropped, [x] and [...x] → {x}. */
function urlPath(at: string): string {
  const parts = at.split('/').filter((p) => !/^\(.*\)$/.test(p));
  return `/${parts.map((p) => p.replace(/^\[(?:\.\.\.)?(\w+)\]$/, '{$1}')).join('/')}`;
}

const doc = openApiDocument();
const served = scanEntryPoints(process.cwd())
  .filter((e) => e.kind === 'route')
  .map((e) => `${e.name} ${urlPath(e.at)}`)
  .sort();
const documented = Object.entries(doc.paths)
  .flatMap(([path, ops]) => Object.keys(ops).map((method) => `${method.toUpperCase()} ${path}`))
  .sort();

test('every operation a route file serves is in the OpenAPI document', () => {
  assert.ok(served.length > 40, `found only ${served.length} route operations: is the scan looking in app/?`);
  assert.deepEqual(served.filter((o) => !documented.includes(o)), [], 'missing from lib/api/openapi/operations.ts');
});

test('the document describes no operation that no route serves', () => {
  assert.deepEqual(documented.filter((o) => !served.includes(o)), []);
});

test('operationIds are unique; every operation has a summary, security and an error answer in the one shape', () => {
  const ops = Object.values(doc.paths).flatMap((p) => Object.values(p)) as Array<{ operationId: string; summary: string; security: unknown[]; responses: Record<string, { content?: Record<string, { schema: unknown }> }> }>;
  const ids = ops.map((o) => o.operationId);
  assert.deepEqual(ids.filter((id, i) => ids.indexOf(id) !== i), []);
  for (const o of ops) {
    assert.ok(o.summary, o.operationId);
    assert.ok(o.security.length > 0, `${o.operationId}: no security alternative`);
    assert.deepEqual(o.responses['500']?.content?.['application/json']?.schema, { $ref: '#/components/schemas/Error' }, o.operationId);
  }
});

test('the document is valid OpenAPI 3.1 (@seriousme/openapi-schema-validator)', async () => {
  const result = await new Validator().validate(doc as never);
  assert.equal(result.valid, true, JSON.stringify(result.errors, null, 2));
  assert.equal(doc.openapi, '3.1.0');
});

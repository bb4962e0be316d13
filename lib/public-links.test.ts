import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { test } from 'node:test';

// Issue 15 item 12, the class: links people keep (tracking links, their QR codes, e-mailed links) come
// from PUBLIC_URL. Host and X-Forwarded-Host/-Proto are whatever the client wrote, so no code reads them,
// except the same-origin check of state-changing API calls and the proxy's TLS detection.
const ROOT = path.resolve(__dirname, '..');
const ALLOWED = new Set(['lib/api/route.ts', 'proxy.ts']);
const READS_HOST = /\.get\(\s*['"](host|x-forwarded-host|x-forwarded-proto)['"]\s*\)/i;

function sources(dir: string): string[] {
  return readdirSync(path.join(ROOT, dir), { withFileTypes: true }).flatMap((e) => {
    const rel = `${dir}/${e.name}`;
    if (e.isDirectory()) return sources(rel);
    return /\.tsx?$/.test(e.name) && !e.name.endsWith('.test.ts') ? [rel] : [];
  });
}

test('no page, route or library builds a link from the request’s Host or X-Forwarded-* headers', () => {
  const readers = [...sources('app'), ...sources('lib'), 'proxy.ts'].filter((f) => !ALLOWED.has(f) && READS_HOST.test(readFileSync(path.join(ROOT, f), 'utf8')));
  assert.deepEqual(readers, []);
});

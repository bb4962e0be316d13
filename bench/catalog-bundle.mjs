#!/usr/bin/env node
// First-load JS of every route, gzipped (level 9), from the build's own list of each route's chunks
// (.next/diagnostics/route-bundle-stats.json; Next 16's build no longer prints sizes). The baseline,
// measured in the same run, is the framework's own chunk set (_not-found, or the smallest route).
//   node node_modules/next/dist/bin/next build && node bench/catalog-bundle.mjs
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { gzipSync } from 'node:zlib';

const root = process.cwd();
const stats = JSON.parse(readFileSync(path.join(root, '.next/diagnostics/route-bundle-stats.json'), 'utf8'));
const gz = new Map();
const gzipped = (file) => {
  if (!gz.has(file)) gz.set(file, gzipSync(readFileSync(path.join(root, file)), { level: 9 }).length);
  return gz.get(file);
};
const rows = stats
  .map((r) => ({ route: r.route, raw: r.firstLoadUncompressedJsBytes, gzip: r.firstLoadChunkPaths.reduce((n, f) => n + gzipped(f), 0) }))
  .sort((a, b) => a.route.localeCompare(b.route));
const base = rows.find((r) => r.route === '/_not-found') ?? rows.reduce((a, b) => (a.gzip < b.gzip ? a : b));
const kb = (n) => (n / 1024).toFixed(1).padStart(7);
console.log(`baseline ${base.route}: ${kb(base.gzip)} KB gzip`);
console.log('route                              raw KB  gzip KB  vs baseline');
for (const r of rows) console.log(`${r.route.padEnd(32)} ${kb(r.raw)}  ${kb(r.gzip)}  ${(r.gzip / base.gzip).toFixed(2)}x`);
const worst = rows.reduce((a, b) => (a.gzip > b.gzip ? a : b));
console.log(`largest: ${worst.route} ${kb(worst.gzip).trim()} KB gzip (target ≤ 200 KB)`);

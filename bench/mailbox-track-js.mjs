#!/usr/bin/env node
// First-load JS of the 校长信箱 tracking page against the framework's floor, from the last build.
//   node node_modules/next/dist/bin/next build && node bench/mailbox-track-js.mjs
// The floor is measured in the same build: the chunks every route loads (the Next runtime).
import { readFileSync } from 'node:fs';
import { gzipSync } from 'node:zlib';

const stats = JSON.parse(readFileSync('.next/diagnostics/route-bundle-stats.json', 'utf8'));
const gz = (paths) => paths.reduce((sum, p) => sum + gzipSync(readFileSync(p), { level: 9 }).length, 0);
const byRoute = new Map(stats.map((r) => [r.route, r.firstLoadChunkPaths]));
const floor = stats.map((r) => r.firstLoadChunkPaths).reduce((acc, paths) => acc.filter((p) => paths.includes(p)));
const floorKb = gz(floor) / 1024;

const rows = ['/mailbox/track/[token]', '/mailbox/track', '/mailbox', '/mailbox/write', '/login'];
console.log(`framework floor (chunks shared by all ${stats.length} routes): ${floorKb.toFixed(1)} KB gzip`);
console.log('route | first-load JS gzip | above floor');
for (const route of rows) {
  const paths = byRoute.get(route);
  if (!paths) continue;
  const kb = gz(paths) / 1024;
  console.log(`${route} | ${kb.toFixed(1)} KB | +${(kb - floorKb).toFixed(1)} KB`);
}

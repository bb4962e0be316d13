#!/usr/bin/env node
// `npm test`: the package.json scripts below, phase after phase; the steps of one phase run at once
// (their lines prefixed with the step's name). Run any step alone: `npm run lint`, `npm run test:unit`,
// `TEST_DB=postgres npm run test:db`, `npm run test:e2e -- e2e/smoke.spec.ts --project=pglite-desktop`.
// What is ours: both database modes, and the PostgreSQL gate — when the server at TEST_DATABASE_URL
// (default postgres://postgres@127.0.0.1:5432/postgres) does not answer, its steps are skipped with a
// warning, or the run fails at once with REQUIRE_POSTGRES=1 (CI).
import { spawn } from 'node:child_process';
import { readFileSync } from 'node:fs';
import readline from 'node:readline';
import postgres from 'postgres';

const pgUrl = process.env.TEST_DATABASE_URL || 'postgres://postgres@127.0.0.1:5432/postgres';
const probe = postgres(pgUrl, { max: 1, connect_timeout: 3, onnotice: () => {} });
const pgError = await probe`select 1`.then(() => null, (error) => error.message || String(error));
await probe.end({ timeout: 0 }).catch(() => {});
if (pgError) {
  const message = `PostgreSQL at ${pgUrl.replace(/\/\/([^:@/]+):[^@/]*@/, '//$1:***@')} does not answer (${pgError})`;
  if (process.env.REQUIRE_POSTGRES === '1') {
    console.error(`✖ ${message}, and REQUIRE_POSTGRES=1`);
    process.exit(1);
  }
  console.warn(`${'!'.repeat(78)}\n!! WARNING: ${message}.\n!! SKIPPING every PostgreSQL step. Set REQUIRE_POSTGRES=1 to make this fail.\n${'!'.repeat(78)}`);
}
const dbModes = pgError ? ['pglite'] : ['pglite', 'postgres'];

/**
 * [label, npm script, extra environment]. The checks and the build need nothing from each other, so
 * they share the first phase (the build was a phase of its own after the integration tests); the
 * integration tests of both modes run at once, then e2e with one server per mode (E2E_SERVERS_PER_DB; playwright.config.ts).
 */
const phases = [
  [['lint', 'lint'], ['typecheck', 'typecheck'], ['unit', 'test:unit'], ['build', 'build']],
  dbModes.map((db) => [`db:${db}`, 'test:db', { TEST_DB: db }]),
  // e2e by kind (playwright.config.ts): each kind on fresh servers after the one before, and a
  // failing kind does not stop the next (one failure hid the phone and exclusive specs before).
  ...['desktop', 'phone', 'alone'].map((kind) => [
    [`e2e:${kind}`, 'test:e2e', { E2E_DB: dbModes.join(','), E2E_KIND: kind, E2E_SERVERS_PER_DB: process.env.E2E_SERVERS_PER_DB || '1' }],
  ]),
];
const keepGoing = (phase) => phase.every(([label]) => label.startsWith('e2e:'));

const started = Date.now();
const seconds = (since) => `${((Date.now() - since) / 1000).toFixed(1)} s`;
const summary = [];
const counts = { passed: 0, failed: 0 };

function run([label, script, env = {}], prefixed) {
  const t0 = Date.now();
  const child = spawn('npm', ['run', '--silent', script], { stdio: ['ignore', prefixed ? 'pipe' : 'inherit', prefixed ? 'pipe' : 'inherit'], env: { ...process.env, ...env } });
  if (prefixed) {
    for (const stream of [child.stdout, child.stderr]) readline.createInterface({ input: stream }).on('line', (line) => console.log(`[${label}] ${line}`));
  }
  return new Promise((resolve) => {
    child.on('close', (code, signal) => {
      const ok = code === 0 && !signal;
      summary.push(`${ok ? '  passed' : '  FAILED'}  ${label.padEnd(12)} ${seconds(t0)}`);
      counts[ok ? 'passed' : 'failed']++;
      console.log(`${ok ? '✔' : '✖'} ${label} (${seconds(t0)})`);
      resolve(ok);
    });
  });
}

/**
 * The machine's CPU time so far ([busy, total] jiffies of all cores; null off Linux). Each phase's
 * share of busy cores says whether more parallelism could shorten it (idle cores: tests waiting on
 * timers or I/O) or only less work could (busy ≈ 100 %).
 */
function cpuTimes() {
  try {
    const [, ...fields] = readFileSync('/proc/stat', 'utf8').split('\n')[0].trim().split(/\s+/).map(Number);
    const total = fields.reduce((a, b) => a + b, 0);
    return [total - fields[3] - (fields[4] ?? 0), total];
  } catch {
    return null;
  }
}

let ok = true;
for (const phase of phases) {
  console.log(`\n▶ ${phase.map(([label]) => label).join(' + ')}`);
  const cpu0 = cpuTimes();
  const results = await Promise.all(phase.map((step) => run(step, phase.length > 1)));
  const cpu1 = cpuTimes();
  if (cpu0 && cpu1 && cpu1[1] > cpu0[1]) {
    summary.push(`          (${phase.map(([label]) => label).join(' + ')}: cores busy ${Math.round((100 * (cpu1[0] - cpu0[0])) / (cpu1[1] - cpu0[1]))} %)`);
  }
  if (results.includes(false)) {
    ok = false;
    if (!keepGoing(phase)) break;
  }
}
console.log(`\n${'─'.repeat(60)}\n${summary.join('\n')}\ntotal ${seconds(started)}${pgError ? ' (PostgreSQL steps SKIPPED)' : ''}`);
console.log(`steps: ${counts.passed} passed, ${counts.failed} failed`);
process.exit(ok ? 0 : 1);

#!/usr/bin/env node
// The whole test suite, step by step, stopping at the first failure.
//   npm test                         typecheck, unit, db (pglite + postgres), build, e2e (pglite + postgres)
//   npm test -- --only=unit,db       only the named steps (typecheck, unit, db, build, e2e)
//   E2E_PORT_BASE=3200 npm test      e2e servers on 3200/3201 instead of 3100/3101
// PostgreSQL steps use TEST_DATABASE_URL (default postgres://postgres@127.0.0.1:5432/postgres);
// when the server is unreachable they are skipped with a warning, or fail if REQUIRE_POSTGRES=1.
import { spawn } from 'node:child_process';
import { existsSync, readdirSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import postgres from 'postgres';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const STEP_NAMES = ['typecheck', 'unit', 'db', 'build', 'e2e'];
const DEFAULT_PG_URL = 'postgres://postgres@127.0.0.1:5432/postgres';

// ---------------------------------------------------------------- arguments
let only = new Set(STEP_NAMES);
for (let i = 2; i < process.argv.length; i++) {
  const arg = process.argv[i];
  let list;
  if (arg.startsWith('--only=')) list = arg.slice('--only='.length);
  else if (arg === '--only') list = process.argv[++i] ?? '';
  else if (arg === '--help' || arg === '-h') {
    console.log(`usage: npm test [-- --only=${STEP_NAMES.join(',')}]`);
    process.exit(0);
  } else {
    console.error(`unknown argument: ${arg} (expected --only=${STEP_NAMES.join(',')})`);
    process.exit(2);
  }
  const names = list.split(',').map((s) => s.trim()).filter(Boolean);
  const unknown = names.filter((n) => !STEP_NAMES.includes(n));
  if (unknown.length || !names.length) {
    console.error(`--only: unknown step(s) ${unknown.join(', ') || '(none given)'}; known: ${STEP_NAMES.join(', ')}`);
    process.exit(2);
  }
  only = new Set(names);
}

// ---------------------------------------------------------------- helpers
const useColor = process.stdout.isTTY && !process.env.NO_COLOR;
const paint = (code, text) => (useColor ? `\x1b[${code}m${text}\x1b[0m` : text);
const seconds = (ms) => `${(ms / 1000).toFixed(1)} s`;

/** Test files under the given directories whose names end with suffix, sorted. */
function findFiles(dirs, suffix) {
  const found = [];
  const walk = (dir) => {
    let entries;
    try {
      entries = readdirSync(dir, { withFileTypes: true });
    } catch {
      return;
    }
    for (const entry of entries) {
      if (entry.name === 'node_modules' || entry.name.startsWith('.')) continue;
      const full = path.join(dir, entry.name);
      if (entry.isDirectory()) walk(full);
      else if (entry.isFile() && entry.name.endsWith(suffix)) found.push(path.relative(root, full));
    }
  };
  for (const dir of dirs) walk(path.join(root, dir));
  return found.sort();
}

let current = null;
let interrupted = null;
for (const signal of ['SIGINT', 'SIGTERM']) {
  process.on(signal, () => {
    interrupted = signal;
    if (!current) process.exit(130);
    // Ctrl-C already reached the child (same process group); a signal sent to us alone did not.
    // Give the child a moment to react before passing it on, so it is not told twice.
    const child = current;
    setTimeout(() => {
      if (child.exitCode === null && child.signalCode === null) child.kill(signal);
    }, signal === 'SIGINT' ? 2000 : 0).unref();
  });
}

/** Runs a command with inherited stdio; resolves true on exit code 0. */
function run(command, args, extraEnv = {}) {
  console.log(paint('2', `$ ${Object.entries(extraEnv).map(([k, v]) => `${k}=${v} `).join('')}${command} ${args.join(' ')}`));
  return new Promise((resolve) => {
    const child = spawn(command, args, { cwd: root, stdio: 'inherit', env: { ...process.env, ...extraEnv } });
    current = child;
    child.on('error', (error) => {
      console.error(`could not run ${command}: ${error.message}`);
    });
    child.on('close', (code, signal) => {
      current = null;
      resolve(code === 0 && !signal);
    });
  });
}

let pgReachable;
/** Can we talk to the PostgreSQL server? Checked once, with a 3 s limit. */
async function postgresReachable() {
  if (pgReachable !== undefined) return pgReachable;
  const url = process.env.TEST_DATABASE_URL || DEFAULT_PG_URL;
  const sql = postgres(url, { max: 1, connect_timeout: 3, onnotice: () => {} });
  let timer;
  try {
    await Promise.race([
      sql`select 1`,
      new Promise((_, reject) => {
        timer = setTimeout(() => reject(new Error('no answer within 3 s')), 3000);
      }),
    ]);
    pgReachable = { ok: true, url };
  } catch (error) {
    pgReachable = { ok: false, url, error: error.message || String(error) };
  } finally {
    clearTimeout(timer);
    await sql.end({ timeout: 0 }).catch(() => {});
  }
  return pgReachable;
}

const redact = (url) => url.replace(/\/\/([^:@/]+):[^@/]*@/, '//$1:***@');

/**
 * Decides whether a PostgreSQL run goes ahead: 'run', 'skip' (with a warning) or 'fail'.
 */
async function postgresGate(label) {
  const pg = await postgresReachable();
  if (pg.ok) return 'run';
  const message = `PostgreSQL at ${redact(pg.url)} is not reachable (${pg.error})`;
  if (process.env.REQUIRE_POSTGRES === '1') {
    console.error(paint('31;1', `✖ ${label}: ${message}, and REQUIRE_POSTGRES=1`));
    return 'fail';
  }
  const bar = '!'.repeat(78);
  console.warn(paint('33;1', `${bar}\n!! WARNING: ${message}.\n!! SKIPPING ${label}. Start the server, or set REQUIRE_POSTGRES=1 to make this fail.\n${bar}`));
  return 'skip';
}

// ---------------------------------------------------------------- steps
const nodeTest = ['--import', 'tsx', '--test', '--test-reporter=spec'];
const nextBin = path.join('node_modules', 'next', 'dist', 'bin', 'next');
const e2ePortBase = Number(process.env.E2E_PORT_BASE || 3100);

/** Each step: name (for --only), label, and run() → true | false | 'skip'. */
const steps = [
  { group: 'typecheck', label: 'typecheck (tsc --noEmit)', run: () => run('npx', ['tsc', '--noEmit']) },
  {
    group: 'unit',
    label: 'unit tests (workflows/, lib/)',
    run: () => {
      const files = findFiles(['workflows', 'lib'], '.test.ts');
      if (!files.length) {
        console.log('no *.test.ts files under workflows/ or lib/: nothing to run');
        return 'skip';
      }
      return run(process.execPath, [...nodeTest, ...files]);
    },
  },
  ...['pglite', 'postgres'].map((db) => ({
    group: 'db',
    label: `integration tests (tests/, TEST_DB=${db})`,
    run: async () => {
      const files = findFiles(['tests'], '.test.ts');
      if (!files.length) {
        console.log('no *.test.ts files under tests/: nothing to run');
        return 'skip';
      }
      if (db === 'postgres') {
        const gate = await postgresGate(`integration tests on PostgreSQL`);
        if (gate !== 'run') return gate === 'skip' ? 'skip' : false;
      }
      return run(process.execPath, [...nodeTest, '--test-concurrency=1', ...files], { TEST_DB: db });
    },
  })),
  { group: 'build', label: 'next build', run: () => run(process.execPath, [nextBin, 'build']) },
  // Ports 3100 and 3101; E2E_PORT_BASE moves both (two checkouts testing on one machine).
  ...[
    ['pglite', String(e2ePortBase)],
    ['postgres', String(e2ePortBase + 1)],
  ].map(([db, port]) => ({
    group: 'e2e',
    label: `e2e (playwright, E2E_DB=${db}, port ${port})`,
    run: async () => {
      if (!existsSync(path.join(root, '.next', 'BUILD_ID'))) {
        console.error('no build (.next/BUILD_ID missing): run the build step too (--only=build,e2e)');
        return false;
      }
      if (db === 'postgres') {
        const gate = await postgresGate(`e2e tests on PostgreSQL`);
        if (gate !== 'run') return gate === 'skip' ? 'skip' : false;
      }
      return run('npx', ['playwright', 'test'], { E2E_DB: db, E2E_PORT: port });
    },
  })),
];

// ---------------------------------------------------------------- main
const started = Date.now();
let passed = 0;
let failed = 0;
const skipped = [];
const summary = [];

for (const step of steps) {
  if (!only.has(step.group)) continue;
  if (interrupted) break;
  const banner = `▶ ${step.label}`;
  console.log(`\n${paint('36;1', '═'.repeat(78))}\n${paint('36;1', banner)}\n${paint('36;1', '═'.repeat(78))}`);
  const t0 = Date.now();
  let result;
  try {
    result = await step.run();
  } catch (error) {
    console.error(error);
    result = false;
  }
  const took = seconds(Date.now() - t0);
  if (result === 'skip') {
    skipped.push(step.label);
    summary.push(`  skipped  ${step.label} (${took})`);
    console.log(paint('33', `○ skipped: ${step.label} (${took})`));
  } else if (result === true && !interrupted) {
    passed++;
    summary.push(`  passed   ${step.label} (${took})`);
    console.log(paint('32;1', `✔ passed: ${step.label} (${took})`));
  } else {
    failed++;
    summary.push(`  FAILED   ${step.label} (${took})`);
    console.log(paint('31;1', `✖ FAILED: ${step.label} (${took})${interrupted ? ` [${interrupted}]` : ''}`));
    break;
  }
}

console.log(`\n${'─'.repeat(78)}`);
for (const line of summary) console.log(line);
if (skipped.length) console.log(paint('33;1', `${skipped.length} skipped (see warnings above)`));
console.log(`total ${seconds(Date.now() - started)}`);
console.log(`${passed} passed, ${failed} failed`);
process.exit(failed || interrupted ? 1 : 0);

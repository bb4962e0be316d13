#!/usr/bin/env node
// Production start: builds when the build is missing or older than the sources, then runs `next start`.
//   PORT (default 3000), DATA_DIR / DATABASE_URL as in lib/env.ts.
import { spawn } from 'node:child_process';
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const nextBin = path.join(root, 'node_modules', 'next', 'dist', 'bin', 'next');
const buildIdFile = path.join(root, '.next', 'BUILD_ID');

/** Sources whose change makes the build stale. */
const SOURCE_DIRS = ['app', 'lib', 'workflows', 'db', 'public'];
// proxy.ts (Next 16's middleware) and instrumentation.ts sit at the root and are compiled into the build too.
const SOURCE_FILES = ['next.config.js', 'package.json', 'package-lock.json', 'proxy.ts', 'middleware.ts', 'instrumentation.ts'];
const SKIP_DIRS = new Set(['node_modules', '.next', '.git']);

/** Newest mtime (ms) of the files under dir, or 0. Stops early once `than` is exceeded. */
function newestUnder(dir, than) {
  let newest = 0;
  let entries;
  try {
    entries = readdirSync(dir, { withFileTypes: true });
  } catch {
    return 0;
  }
  for (const entry of entries) {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) {
      if (SKIP_DIRS.has(entry.name)) continue;
      newest = Math.max(newest, newestUnder(full, than));
    } else if (entry.isFile()) {
      newest = Math.max(newest, statSync(full).mtimeMs);
    }
    if (newest > than) return newest;
  }
  return newest;
}

function buildReason() {
  if (!existsSync(buildIdFile)) return 'no build yet (.next/BUILD_ID missing)';
  const built = statSync(buildIdFile).mtimeMs;
  for (const dir of SOURCE_DIRS) {
    if (newestUnder(path.join(root, dir), built) > built) return `${dir}/ changed since the last build`;
  }
  for (const file of SOURCE_FILES) {
    const full = path.join(root, file);
    if (existsSync(full) && statSync(full).mtimeMs > built) return `${file} changed since the last build`;
  }
  return null;
}

/** Runs node <nextBin> args with signals forwarded; `exit` resolves with { code, signal }. */
function runNext(args, env) {
  const child = spawn(process.execPath, [nextBin, ...args], { cwd: root, env, stdio: 'inherit' });
  const exit = new Promise((resolve) => {
    const forward = (signal) => {
      if (child.exitCode === null && child.signalCode === null) child.kill(signal);
    };
    process.on('SIGINT', forward);
    process.on('SIGTERM', forward);
    child.on('error', (error) => {
      console.error(`[start] could not run next: ${error.message}`);
      resolve({ code: 1, signal: null });
    });
    child.on('exit', (code, signal) => {
      process.off('SIGINT', forward);
      process.off('SIGTERM', forward);
      resolve({ code, signal });
    });
  });
  return { child, exit };
}

function exitLike({ code, signal }) {
  if (signal) {
    // Die of the same signal, so that our parent sees what the child saw.
    process.kill(process.pid, signal);
    process.exit(128 + (os.constants.signals[signal] ?? 1));
  }
  process.exit(code ?? 1);
}

function describeDatabase(env) {
  if (env.DATABASE_URL) {
    try {
      const url = new URL(env.DATABASE_URL);
      return `PostgreSQL at ${url.hostname}${url.port ? ':' + url.port : ''}${url.pathname}`;
    } catch {
      return 'PostgreSQL (DATABASE_URL)';
    }
  }
  return `embedded PGlite under ${path.resolve(root, env.DATA_DIR || './data')}`;
}

const port = process.env.PORT || '3000';
const env = { ...process.env, PORT: port };
if (!env.NEXTAUTH_URL) {
  env.NEXTAUTH_URL = `http://localhost:${port}`;
  env.AUTH_TRUST_HOST = 'true';
}

/** Prints `[start] <what>… N s` every `every` ms until stopped; returns the stop function. */
function ticker(what, every) {
  const t0 = Date.now();
  const timer = setInterval(() => console.log(`[start] ${what}… ${Math.round((Date.now() - t0) / 1000)} s`), every);
  return () => {
    clearInterval(timer);
    return Math.round((Date.now() - t0) / 1000);
  };
}

const embedded = !env.DATABASE_URL;
const demoLogin = env.DEMO_LOGIN ? env.DEMO_LOGIN === 'true' : embedded;

/** Asks /api/health until the server answers with its database open (first start: created and seeded). */
async function announceWhenReady(server) {
  const url = `http://localhost:${port}`;
  const firstStart = embedded && !existsSync(path.join(path.resolve(root, env.DATA_DIR || './data'), 'pglite'));
  const stop = ticker(firstStart ? 'creating the embedded database and the demo data (first start only)' : 'opening the database', 5_000);
  while (server.exitCode === null && server.signalCode === null) {
    const ok = await fetch(`${url}/api/health`).then((r) => r.ok, () => false);
    if (ok) {
      const took = stop();
      console.log(`\n[start] ready in ${took} s: ${url}  (database: ${describeDatabase(env)})`);
      if (demoLogin) {
        const demo = JSON.parse(readFileSync(path.join(root, 'db', 'seed', 'demo-accounts.json'), 'utf8'));
        const accounts = demo.accounts.map((a) => `${a.username} (${a.name})`).join(', ');
        console.log(`[start] demo accounts, password ${demo.password}: ${accounts}\n`);
      }
      return;
    }
    await new Promise((resolve) => setTimeout(resolve, 1_000));
  }
  stop();
}

const reason = buildReason();
if (reason) {
  console.log(`[start] building the app: ${reason}. A first build takes 3–5 minutes on 2 cores; later starts skip it.`);
  const stop = ticker('building', 30_000);
  const result = await runNext(['build'], env).exit;
  const took = stop();
  if (result.signal || result.code !== 0) {
    console.error('[start] next build failed');
    exitLike(result.signal ? result : { code: result.code || 1, signal: null });
  }
  console.log(`[start] built in ${took} s`);
}

console.log(`[start] starting on port ${port}, database: ${describeDatabase(env)}`);
const server = runNext(['start', '-p', port], env);
void announceWhenReady(server.child);
exitLike(await server.exit);

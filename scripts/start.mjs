#!/usr/bin/env node
// Production start: builds when the build is missing or older than the sources, then runs `next start`.
//   PORT (default 3000), DATA_DIR / DATABASE_URL as in lib/env.ts.
import { spawn } from 'node:child_process';
import { existsSync, readdirSync, statSync } from 'node:fs';
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

/** Runs node <nextBin> args with signals forwarded; resolves with { code, signal }. */
function runNext(args, env) {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, [nextBin, ...args], { cwd: root, env, stdio: 'inherit' });
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

const reason = buildReason();
if (reason) {
  console.log(`[start] building: ${reason}`);
  const result = await runNext(['build'], env);
  if (result.signal || result.code !== 0) {
    console.error('[start] next build failed');
    exitLike(result.signal ? result : { code: result.code || 1, signal: null });
  }
}

console.log(`[start] serving on port ${port}, database: ${describeDatabase(env)}`);
exitLike(await runNext(['start', '-p', port], env));

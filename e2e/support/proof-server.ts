/**
 * Extra app servers for the proof specs and benchmarks (crash, scale-out, load): `next start` on
 * the existing build against a fresh PostgreSQL database, killable with SIGKILL and restartable.
 * Ports come from the caller (this range is 3260–3279).
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import postgres from 'postgres';
import { createFromPostgresTemplate } from '../../tests/helpers/db-template';

export const ROOT = path.resolve(__dirname, '..', '..');
const NEXT_BIN = path.join(ROOT, 'node_modules', 'next', 'dist', 'bin', 'next');
export const PG_BASE_URL = process.env.TEST_DATABASE_URL || 'postgres://postgres@127.0.0.1:5432/postgres';
export const PROOF_AUTH_SECRET = 'proof-test-secret-not-for-production-0123456789';

export interface PgDatabase {
  name: string;
  url: string;
  sql: postgres.Sql;
  drop(): Promise<void>;
}

/**
 * A new database on the test server, empty or (template: true) a copy of the migrated, seeded test
 * template that app servers then start on without migrating and hashing passwords again;
 * drop() closes our connection and drops it.
 */
export async function createPgDatabase(prefix = 'zj_proof', o: { template?: boolean } = {}): Promise<PgDatabase> {
  const name = `${prefix}_${randomBytes(5).toString('hex')}`;
  if (o.template) {
    await createFromPostgresTemplate(PG_BASE_URL, name);
  } else {
    const admin = postgres(PG_BASE_URL, { max: 1, onnotice: () => {} });
    await admin.unsafe(`create database "${name}"`);
    await admin.end();
  }
  const url = new URL(PG_BASE_URL);
  url.pathname = `/${name}`;
  const sql = postgres(url.toString(), { max: 4, onnotice: () => {} });
  return {
    name,
    url: url.toString(),
    sql,
    async drop() {
      await sql.end({ timeout: 2 }).catch(() => {});
      const a = postgres(PG_BASE_URL, { max: 1, onnotice: () => {} });
      await a.unsafe(`drop database if exists "${name}" with (force)`).catch(() => {});
      await a.end();
    },
  };
}

export interface ServerOptions {
  port: number;
  /** DATABASE_URL; absent: embedded PGlite in dataDir. */
  databaseUrl?: string;
  dataDir?: string;
  env?: Record<string, string>;
  /** Print the server's output (debugging). */
  verbose?: boolean;
  /** Flags for node itself, before next's script (bench/profile-page.ts: --cpu-prof). */
  nodeArgs?: string[];
}

export class AppServer {
  proc: ChildProcess | null = null;
  readonly dataDir: string;
  readonly base: string;
  output = '';
  private ownsDataDir: boolean;

  constructor(private readonly o: ServerOptions) {
    this.ownsDataDir = !o.dataDir;
    this.dataDir = o.dataDir ?? mkdtempSync(path.join(os.tmpdir(), 'zj-proof-'));
    this.base = `http://127.0.0.1:${o.port}`;
  }

  /** Starts `next start` and waits until /api/health answers 200 (database open and seeded). */
  async start(timeoutMs = 90_000): Promise<void> {
    // A leftover server on the port would answer our health checks with another database.
    const stale = await fetch(`${this.base}/api/health`).then(
      () => true,
      () => false,
    );
    if (stale) throw new Error(`port ${this.o.port} is already in use by another server`);
    const env: Record<string, string> = {
      ...(process.env as Record<string, string>),
      NODE_ENV: 'production',
      PORT: String(this.o.port),
      DATA_DIR: this.dataDir,
      AUTH_SECRET: PROOF_AUTH_SECRET,
      NEXTAUTH_URL: `http://127.0.0.1:${this.o.port}`,
      AUTH_TRUST_HOST: 'true',
      DEMO_LOGIN: 'true',
      SEED_DEMO: 'true',
      TEST_CLOCK: 'true',
      // The proofs' round-robin proxy and clients forward addresses from loopback.
      TRUSTED_PROXIES: '127.0.0.0/8,::1',
      // Load proofs start hundreds of applications as one account.
      START_LIMIT_PER_HOUR: '100000',
      START_LIMIT_PER_DAY: '100000',
      ...(this.o.env ?? {}),
    };
    if (this.o.databaseUrl) env.DATABASE_URL = this.o.databaseUrl;
    else delete env.DATABASE_URL;
    const proc = spawn(process.execPath, [...(this.o.nodeArgs ?? []), NEXT_BIN, 'start', '-p', String(this.o.port)], { cwd: ROOT, env: env as NodeJS.ProcessEnv, stdio: 'pipe' });
    this.proc = proc;
    // If the test process ends first (a timeout), the server must not outlive it on our port.
    const reap = () => proc.kill('SIGKILL');
    process.once('exit', reap);
    proc.once('exit', () => process.off('exit', reap));
    const keep = (chunk: Buffer) => {
      this.output = (this.output + chunk.toString()).slice(-20_000);
      if (this.o.verbose) process.stderr.write(chunk);
    };
    proc.stdout!.on('data', keep);
    proc.stderr!.on('data', keep);
    const deadline = Date.now() + timeoutMs;
    while (Date.now() < deadline) {
      if (proc.exitCode !== null || proc.signalCode !== null) throw new Error(`server on ${this.o.port} exited:\n${this.output}`);
      try {
        const res = await fetch(`${this.base}/api/health`);
        if (res.status === 200) return;
      } catch {
        // not listening yet
      }
      await sleep(50);
    }
    throw new Error(`server on ${this.o.port} not healthy after ${timeoutMs} ms:\n${this.output}`);
  }

  get pid(): number | undefined {
    return this.proc?.pid;
  }

  /** kill -9: no shutdown hooks, no flushing; open transactions die with their connections. */
  async kill9(): Promise<void> {
    const proc = this.proc;
    if (!proc || proc.exitCode !== null || proc.signalCode !== null) return;
    const exited = new Promise((resolve) => proc.once('exit', resolve));
    proc.kill('SIGKILL');
    await exited;
  }

  async stop(): Promise<void> {
    const proc = this.proc;
    if (proc && proc.exitCode === null && proc.signalCode === null) {
      const exited = new Promise((resolve) => proc.once('exit', resolve));
      proc.kill('SIGTERM');
      const timer = setTimeout(() => proc.kill('SIGKILL'), 8_000);
      await exited;
      clearTimeout(timer);
    }
    if (this.ownsDataDir) rmSync(this.dataDir, { recursive: true, force: true });
  }

  /** Resident memory of the server process (kB → MB), from /proc. */
  rssMb(): number {
    try {
      const status = readFileSync(`/proc/${this.proc!.pid}/status`, 'utf8');
      const kb = Number(/VmRSS:\s+(\d+)/.exec(status)?.[1] ?? 0);
      return kb / 1024;
    } catch {
      return NaN;
    }
  }
}

export const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

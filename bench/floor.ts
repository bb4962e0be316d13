/**
 * The bare Next floor (../shared/bench-floor/bare-next, or BENCH_FLOOR_DIR): the same Next and
 * React as ours rendering a 20-row page and a JSON POST route with no database and no session.
 * Built once into a directory under the system temp dir (kept between runs, rebuilt when the
 * Next version changes) with our node_modules hard-linked in, so no registry is needed; started
 * beside our app so both are measured under the same foreign load.
 */
import { execFileSync, spawn, type ChildProcess } from 'node:child_process';
import { cpSync, existsSync, readFileSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { ROOT, sleep } from '../e2e/support/proof-server';

const SOURCE = process.env.BENCH_FLOOR_DIR || path.resolve(ROOT, '..', '..', 'shared', 'bench-floor', 'bare-next');

function nextVersion(): string {
  return (JSON.parse(readFileSync(path.join(ROOT, 'node_modules', 'next', 'package.json'), 'utf8')) as { version: string }).version;
}

/** The built floor's directory (builds it on first use: about a minute on two cores). */
export function prepareFloor(log: (s: string) => void): string {
  if (!existsSync(path.join(SOURCE, 'package.json'))) throw new Error(`bare Next floor not found at ${SOURCE} (set BENCH_FLOOR_DIR)`);
  const version = nextVersion();
  const dir = path.join(os.tmpdir(), `zj-bench-floor-next-${version}`);
  const stamp = path.join(dir, '.built-with');
  if (existsSync(stamp) && readFileSync(stamp, 'utf8') === version && existsSync(path.join(dir, '.next', 'BUILD_ID'))) return dir;
  log(`building the bare Next floor in ${dir} (once) …`);
  execFileSync('rm', ['-rf', dir]);
  cpSync(SOURCE, dir, { recursive: true });
  execFileSync('chmod', ['-R', 'u+w', dir]);
  // Hard links: the floor runs our exact Next/React without downloading them again.
  execFileSync('cp', ['-al', path.join(ROOT, 'node_modules'), path.join(dir, 'node_modules')]);
  execFileSync(process.execPath, [path.join(dir, 'node_modules', 'next', 'dist', 'bin', 'next'), 'build'], {
    cwd: dir,
    stdio: 'ignore',
    env: { ...process.env, NEXT_TELEMETRY_DISABLED: '1', NODE_ENV: 'production' },
  });
  writeFileSync(stamp, version);
  return dir;
}

export class FloorServer {
  private proc: ChildProcess | null = null;
  readonly base: string;
  constructor(
    private readonly dir: string,
    private readonly port: number,
  ) {
    this.base = `http://127.0.0.1:${port}`;
  }

  get pid(): number | undefined {
    return this.proc?.pid;
  }

  async start(): Promise<void> {
    const bin = path.join(this.dir, 'node_modules', 'next', 'dist', 'bin', 'next');
    const proc = spawn(process.execPath, [bin, 'start', '-p', String(this.port)], {
      cwd: this.dir,
      env: { ...process.env, NODE_ENV: 'production', NEXT_TELEMETRY_DISABLED: '1' },
      stdio: 'ignore',
    });
    this.proc = proc;
    const reap = () => proc.kill('SIGKILL');
    process.once('exit', reap);
    proc.once('exit', () => process.off('exit', reap));
    for (const deadline = Date.now() + 60_000; Date.now() < deadline; await sleep(100)) {
      if (proc.exitCode !== null) throw new Error(`bare Next floor exited (${proc.exitCode})`);
      const ok = await fetch(`${this.base}/`).then(
        (r) => r.status === 200,
        () => false,
      );
      if (ok) return;
    }
    throw new Error('bare Next floor did not answer in 60 s');
  }

  async stop(): Promise<void> {
    const proc = this.proc;
    if (!proc || proc.exitCode !== null) return;
    const exited = new Promise((r) => proc.once('exit', r));
    proc.kill('SIGTERM');
    await exited;
  }
}

import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';

const PRISM_BIN = path.resolve(__dirname, '..', '..', 'node_modules', '.bin', 'prism');

export interface ValidatingProxy {
  /** http://127.0.0.1:<port>: send API traffic here instead of to the app. */
  base: string;
  stop(): Promise<void>;
}

/**
 * Stoplight Prism (a validating proxy nobody here wrote) in front of the app:
 * `prism proxy <the app's own /api/v1/openapi.json> <app> --errors`. A request or a response that
 * differs from the document comes back as Prism's own error (422 for a request, 500 with the
 * violations for a response) instead of the app's answer, so the test that sent it fails.
 * `edit` changes the document before Prism reads it (the test that proves a wrong response fails).
 */
export async function startValidatingProxy(appBase: string, port: number, edit?: (doc: Record<string, any>) => void): Promise<ValidatingProxy> {
  const doc = (await (await fetch(`${appBase}/api/v1/openapi.json`)).json()) as Record<string, any>;
  edit?.(doc);
  const dir = mkdtempSync(path.join(os.tmpdir(), 'zj-prism-'));
  const file = path.join(dir, 'openapi.json');
  writeFileSync(file, JSON.stringify(doc));
  const proc: ChildProcess = spawn(PRISM_BIN, ['proxy', file, appBase, '--errors', '--host', '127.0.0.1', '--port', String(port)], { stdio: 'pipe' });
  let output = '';
  proc.stdout!.on('data', (c: Buffer) => (output = (output + c.toString()).slice(-10_000)));
  proc.stderr!.on('data', (c: Buffer) => (output = (output + c.toString()).slice(-10_000)));
  const reap = () => proc.kill('SIGKILL');
  process.once('exit', reap);
  const base = `http://127.0.0.1:${port}`;
  const deadline = Date.now() + 60_000;
  for (;;) {
    if (proc.exitCode !== null) throw new Error(`prism exited:\n${output}`);
    if (/Prism is listening/.test(output)) break;
    if (Date.now() > deadline) throw new Error(`prism did not start:\n${output}`);
    await new Promise((r) => setTimeout(r, 100));
  }
  return {
    base,
    async stop() {
      process.off('exit', reap);
      if (proc.exitCode === null) {
        const exited = new Promise((r) => proc.once('exit', r));
        proc.kill('SIGTERM');
        await exited;
      }
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

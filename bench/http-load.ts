/**
 * A small closed-loop load generator (no load tool is installed): `connections` keep-alive
 * sockets, each sending its next request as soon as the previous answer has been read, for a
 * fixed duration. The same client drives the bare Next floor and our pages, so their ratio
 * compares servers, not clients.
 */
import { readFileSync } from 'node:fs';
import http from 'node:http';
import { summarize, type Summary } from './stats';

/**
 * CPU seconds a process has used (user + system, from /proc): the server's CPU per request is
 * what other engineers' load on the shared cores barely changes, unlike requests per second.
 */
export function cpuSeconds(pid: number | undefined): number {
  if (!pid) return NaN;
  try {
    const fields = readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1]!.split(' ');
    return (Number(fields[11]) + Number(fields[12])) / 100; // utime, stime in clock ticks (USER_HZ = 100)
  } catch {
    return NaN;
  }
}

export interface Target {
  method?: 'GET' | 'POST';
  url: string;
  headers?: Record<string, string>;
  body?: string;
  /** The status a correct answer has (200 by default); anything else counts as an error. */
  status?: number;
}

export interface Client {
  /** One request; resolves with the status and the body as text. */
  send(t: Target): Promise<{ status: number; body: string }>;
  close(): void;
}

export function keepAliveClient(connections: number): Client {
  const agent = new http.Agent({ keepAlive: true, maxSockets: connections });
  return {
    send(t) {
      return new Promise((resolve, reject) => {
        const headers: Record<string, string> = { ...(t.headers ?? {}) };
        if (t.body !== undefined) {
          headers['content-type'] ??= 'application/json';
          headers['content-length'] = String(Buffer.byteLength(t.body));
        }
        const req = http.request(t.url, { method: t.method ?? 'GET', headers, agent }, (res) => {
          const chunks: Buffer[] = [];
          res.on('data', (c: Buffer) => chunks.push(c));
          res.on('end', () => resolve({ status: res.statusCode ?? 0, body: Buffer.concat(chunks).toString('utf8') }));
          res.on('error', reject);
        });
        req.on('error', reject);
        req.end(t.body);
      });
    },
    close: () => agent.destroy(),
  };
}

/**
 * Drives `target` (or a function returning the next target) from `connections` workers for
 * `seconds`, after `warmupSeconds` whose answers are not counted (first renders, JIT).
 */
export async function closedLoop(
  target: Target | (() => Target),
  o: { connections: number; seconds: number; warmupSeconds?: number; serverPid?: number },
): Promise<Summary & { cpuMsPerRequest: number }> {
  const client = keepAliveClient(o.connections);
  const next = typeof target === 'function' ? target : () => target;
  const run = async (seconds: number, latencies: number[] | null) => {
    let errors = 0;
    let firstError = '';
    const until = performance.now() + seconds * 1000;
    await Promise.all(
      Array.from({ length: o.connections }, async () => {
        while (performance.now() < until) {
          const t = next();
          const t0 = performance.now();
          try {
            const res = await client.send(t);
            if (res.status !== (t.status ?? 200)) throw new Error(`HTTP ${res.status} ${t.url}: ${res.body.slice(0, 160)}`);
            latencies?.push(performance.now() - t0);
          } catch (error) {
            errors++;
            firstError ||= (error as Error).message;
          }
        }
      }),
    );
    return { errors, firstError };
  };
  try {
    if (o.warmupSeconds) await run(o.warmupSeconds, null);
    const latencies: number[] = [];
    const t0 = performance.now();
    const cpu0 = cpuSeconds(o.serverPid);
    const { errors, firstError } = await run(o.seconds, latencies);
    const cpu = cpuSeconds(o.serverPid) - cpu0;
    if (firstError) console.error(`  first error: ${firstError}`);
    return { ...summarize(latencies, performance.now() - t0, errors), cpuMsPerRequest: (cpu * 1000) / Math.max(1, latencies.length) };
  } finally {
    client.close();
  }
}

import net from 'node:net';

/** What postgres.js hands a `socket` factory (its parsed connection options). */
interface SocketOptions {
  host: string[];
  port: number[];
  path?: string | false;
  connect_timeout?: number;
}

/**
 * A TCP connection to PostgreSQL with Nagle's algorithm off (the `socket` option of postgres.js).
 *
 * Why: postgres.js writes a pipelined batch as soon as 1 KB is buffered and the rest on the next
 * turn of the event loop — two writes. With Nagle on (the Node default, which postgres.js keeps),
 * the kernel holds the second one until the server acknowledges the first, and the server's
 * acknowledgement rides on its answers: a commit's last statements (the outbox rows) then go out
 * one round trip late, a transition waits on 4 round trips instead of 3 (issue 14, bench/round-trips.ts).
 *
 * Connected here, so postgres.js starts the protocol (and TLS, when asked) on it at once; hosts
 * of a multi-host URL are tried in turn, one per connection attempt, as postgres.js does.
 */
export function noDelaySocket(): (options: SocketOptions) => Promise<net.Socket> {
  let next = 0;
  return (options) =>
    new Promise<net.Socket>((resolve, reject) => {
      const at = next++ % Math.max(1, options.host.length);
      const socket = options.path ? net.connect({ path: options.path }) : net.connect({ host: options.host[at] ?? 'localhost', port: options.port[at] ?? options.port[0] ?? 5432, noDelay: true });
      const timeout = (options.connect_timeout ?? 30) * 1000;
      const timer = setTimeout(() => socket.destroy(new Error(`connect timeout after ${timeout / 1000}s`)), timeout);
      socket.once('connect', () => {
        clearTimeout(timer);
        socket.off('error', reject);
        resolve(socket);
      });
      socket.once('error', (error) => {
        clearTimeout(timer);
        reject(error);
      });
    });
}

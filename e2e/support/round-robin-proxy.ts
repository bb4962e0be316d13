import http from 'node:http';

/**
 * A tiny load balancer for tests: each request goes to the next backend in turn, with
 * X-Forwarded-Proto/Host/For set as a TLS-terminating balancer would. Loopback only.
 */
export function startRoundRobinProxy(port: number, backends: number[], o: { proto?: 'http' | 'https' } = {}) {
  let next = 0;
  const hits = new Map<number, number>(backends.map((b) => [b, 0]));
  const server = http.createServer((req, res) => {
    const target = backends[next++ % backends.length]!;
    hits.set(target, (hits.get(target) ?? 0) + 1);
    const upstream = http.request(
      {
        host: '127.0.0.1',
        port: target,
        method: req.method,
        path: req.url,
        headers: {
          ...req.headers,
          'x-forwarded-proto': o.proto ?? 'http',
          'x-forwarded-host': req.headers.host ?? `127.0.0.1:${port}`,
          'x-forwarded-for': req.socket.remoteAddress ?? '127.0.0.1',
        },
      },
      (up) => {
        res.writeHead(up.statusCode ?? 502, up.headers);
        up.pipe(res);
      },
    );
    upstream.on('error', () => {
      res.writeHead(502);
      res.end();
    });
    req.pipe(upstream);
  });
  // Longer than fetch's own idle limit (undici: 4 s), so the client closes an idle connection first:
  // closing it here at 1 s raced a request reusing it (ECONNRESET under load).
  server.keepAliveTimeout = 10_000;
  return new Promise<{ hits: Map<number, number>; close: () => Promise<void> }>((resolve) =>
    server.listen(port, '127.0.0.1', () =>
      resolve({
        hits,
        close: () =>
          new Promise<void>((r) => {
            server.closeAllConnections();
            server.close(() => r());
          }),
      }),
    ),
  );
}

import { subscribe } from 'node:diagnostics_channel';
import type { IncomingMessage } from 'node:http';
import type { Socket } from 'node:net';
import { PEER_HEADER } from './client-ip';

let stamping = false;

/**
 * Next.js does not hand the socket's address to route handlers (and keeps a client's own
 * X-Forwarded-For as it is), so every request is stamped with its peer address before Next
 * reads it: Node publishes each incoming request on this channel before the server's
 * 'request' listeners run. Called once from instrumentation.ts.
 */
export function stampPeerAddresses(): void {
  if (stamping) return;
  stamping = true;
  subscribe('http.server.request.start', (message) => {
    const { request, socket } = message as { request: IncomingMessage; socket: Socket };
    request.headers[PEER_HEADER] = socket.remoteAddress ?? '';
  });
}

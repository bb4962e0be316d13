/**
 * The push service of the notification tests: `web-push-testing` (a push service implementation
 * nobody here wrote: it issues subscriptions bound to an applicationServerKey, verifies the VAPID
 * JWT against that key, decrypts aesgcm/aes128gcm payloads, and answers 410 for an expired
 * subscription). web-push sends only over HTTPS, so a TLS front with a self-signed certificate
 * passes each request through unchanged; that front is the only code of ours here.
 */
import http from 'node:http';
import https from 'node:https';
import type { AddressInfo } from 'node:net';
import { generate } from 'selfsigned';

// Plain CommonJS modules of the package (its "main" points at a file it does not ship).
// eslint-disable-next-line @typescript-eslint/no-require-imports
const { PushApiModel } = require('web-push-testing/src/PushApiModel') as { PushApiModel: new () => unknown };
// eslint-disable-next-line @typescript-eslint/no-require-imports
const WebPushTestingServer = require('web-push-testing/src/server') as new (model: unknown, port: number) => { startServer(): void; _server: http.Server };

export interface PushSubscriptionKeys {
  endpoint: string;
  p256dh: string;
  auth: string;
}

interface Subscribed extends PushSubscriptionKeys {
  clientHash: string;
}

async function post<T>(base: string, path: string, body: unknown): Promise<T> {
  const res = await fetch(`${base}${path}`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body ?? {}) });
  if (!res.ok) throw new Error(`web-push-testing ${path}: ${res.status} ${await res.text()}`);
  const json = (res.headers.get('content-type') ?? '').includes('json');
  return (json ? await res.json() : {}) as T;
}

export async function startPushStandIn(port: number) {
  const service = new WebPushTestingServer(new PushApiModel(), 0);
  service.startServer();
  await new Promise<void>((resolve) => (service._server.listening ? resolve() : service._server.once('listening', () => resolve())));
  const inner = `http://127.0.0.1:${(service._server.address() as AddressInfo).port}`;

  const pems = await generate([{ name: 'commonName', value: '127.0.0.1' }], { keySize: 2048, algorithm: 'sha256' });
  const front = https.createServer({ key: pems.private, cert: pems.cert }, (req, res) => {
    const upstream = http.request(`${inner}${req.url ?? '/'}`, { method: req.method, headers: req.headers }, (answer) => {
      res.writeHead(answer.statusCode ?? 502, answer.headers);
      answer.pipe(res);
    });
    upstream.on('error', () => res.writeHead(502).end());
    req.pipe(upstream);
  });
  await new Promise<void>((resolve, reject) => {
    front.once('error', reject);
    front.listen(port, '127.0.0.1', () => resolve());
  });
  const base = `https://127.0.0.1:${(front.address() as AddressInfo).port}`;

  /** A browser's subscription for the application server key (the app's VAPID public key). */
  async function subscribe(applicationServerKey: string): Promise<Subscribed> {
    const { data } = await post<{ data: { endpoint: string; keys: { p256dh: string; auth: string }; clientHash: string } }>(inner, '/subscribe', {
      userVisibleOnly: 'true', // the service takes the form value as text
      applicationServerKey,
    });
    // The service names itself http://localhost:<port>/notify/<hash>; senders reach it through the TLS front.
    return { endpoint: `${base}${new URL(data.endpoint).pathname}`, p256dh: data.keys.p256dh, auth: data.keys.auth, clientHash: data.clientHash };
  }

  return {
    subscribe,
    /** A subscription the push service has since expired: sending to it answers 410 Gone. */
    async expired(applicationServerKey: string): Promise<Subscribed> {
      const s = await subscribe(applicationServerKey);
      await post(inner, `/expire-subscription/${s.clientHash}`, {});
      return s;
    },
    /** The payloads the service accepted for a subscription (it decrypted them; VAPID checked). */
    async messages(s: Subscribed): Promise<Array<Record<string, string>>> {
      const { data } = await post<{ data: { messages: string[] } }>(inner, '/get-notifications', { clientHash: s.clientHash });
      return data.messages.map((m) => JSON.parse(m) as Record<string, string>);
    },
    stop: async () => {
      await new Promise<void>((resolve) => front.close(() => resolve()));
      await new Promise<void>((resolve) => service._server.close(() => resolve()));
    },
  };
}

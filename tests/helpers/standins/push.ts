/**
 * A local Web Push endpoint: HTTPS with a self-signed certificate (as web-push only speaks HTTPS),
 * checks the VAPID authorization header, decrypts the aes128gcm payload with the subscription's
 * private key and auth secret, and keeps what it received. Endpoints under /gone/ answer 410.
 */
import { createECDH, randomBytes } from 'node:crypto';
import https from 'node:https';
import type { AddressInfo } from 'node:net';
import ece from 'http_ece';
import { generate } from 'selfsigned';

export interface PushSubscriptionKeys {
  endpoint: string;
  p256dh: string;
  auth: string;
}

export async function startPushStandIn(port: number) {
  const pems = await generate([{ name: 'commonName', value: '127.0.0.1' }], { keySize: 2048, algorithm: 'sha256' });
  const receivers = new Map<string, { ecdh: ReturnType<typeof createECDH>; auth: Buffer }>();
  const received: Array<{ endpoint: string; payload: Record<string, string>; vapid: string; urgency: string }> = [];
  const server = https.createServer({ key: pems.private, cert: pems.cert }, (req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      const path = req.url ?? '/';
      if (path.startsWith('/gone/')) {
        res.writeHead(410).end();
        return;
      }
      const receiver = receivers.get(path);
      const vapid = String(req.headers.authorization ?? '');
      if (!receiver || !vapid.startsWith('vapid t=') || req.headers['content-encoding'] !== 'aes128gcm') {
        res.writeHead(400).end();
        return;
      }
      const plain = ece.decrypt(Buffer.concat(chunks), { version: 'aes128gcm', privateKey: receiver.ecdh, authSecret: receiver.auth.toString('base64url') });
      received.push({ endpoint: path, payload: JSON.parse(plain.toString('utf8')), vapid, urgency: String(req.headers.urgency ?? '') });
      res.writeHead(201).end();
    });
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, '127.0.0.1', () => resolve());
  });
  // port 0: the system picked a free one.
  port = (server.address() as AddressInfo).port;
  const base = `https://127.0.0.1:${port}`;
  return {
    received,
    /** A browser-like subscription whose messages this stand-in can decrypt. */
    subscribe(name: string): PushSubscriptionKeys {
      const ecdh = createECDH('prime256v1');
      ecdh.generateKeys();
      const auth = randomBytes(16);
      receivers.set(`/push/${name}`, { ecdh, auth });
      return { endpoint: `${base}/push/${name}`, p256dh: ecdh.getPublicKey().toString('base64url'), auth: auth.toString('base64url') };
    },
    expired(name: string): PushSubscriptionKeys {
      const s = this.subscribe(`x-${name}`);
      return { ...s, endpoint: `${base}/gone/${name}` };
    },
    stop: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}

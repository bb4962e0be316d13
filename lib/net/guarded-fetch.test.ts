import assert from 'node:assert/strict';
import dns from 'node:dns/promises';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { after, before, mock, test } from 'node:test';
import { checkDestination } from './destination';
import { guardedFetch } from './guarded-fetch';
import { parseNetworks } from './networks';

let server: http.Server;
let port = 0;
const seen: string[] = [];

before(async () => {
  server = http.createServer((req, res) => {
    seen.push(`${req.method} ${req.url} ${req.headers['x-probe'] ?? ''}`);
    if (req.url === '/big') return res.end('x'.repeat(5000));
    if (req.url === '/moved') return res.writeHead(302, { location: 'http://169.254.169.254/' }).end();
    res.writeHead(200, { 'content-type': 'text/plain' }).end(`hello ${req.method}`);
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  port = (server.address() as AddressInfo).port;
});
after(() => server.close());

const loopback = parseNetworks('127.0.0.1/32');

test('a loopback receiver is refused unless its network is allowed, in every spelling', async () => {
  for (const host of ['127.0.0.1', '2130706433', '0x7f.0.0.1', '[::ffff:127.0.0.1]', '[::ffff:7f00:1]', '[64:ff9b::7f00:1]', 'localhost']) {
    await assert.rejects(guardedFetch(`http://${host}:${port}/`, {}, { purpose: 'webhook', allowNetworks: [] }), { reason: 'forbidden-address' }, host);
  }
  const res = await guardedFetch(`http://127.0.0.1:${port}/x`, { method: 'POST', body: 'hi', headers: { 'x-probe': 'p' } }, { purpose: 'webhook', allowNetworks: loopback });
  assert.equal(res.status, 200);
  assert.equal(await res.text(), 'hello POST');
  assert.ok(seen.includes('POST /x p'));
});

test('the connection goes to the address the guard checked: a DNS answer that changes is not asked twice', async () => {
  let calls = 0;
  // First answer allowed, every later one a forbidden address: what a rebinding name server does.
  const lookup = mock.method(dns, 'lookup', async () => {
    calls++;
    return [{ address: calls === 1 ? '127.0.0.1' : '127.0.0.2', family: 4 }];
  });
  try {
    const res = await guardedFetch(`http://rebind.test:${port}/pinned`, {}, { purpose: 'webhook', allowNetworks: loopback });
    assert.equal(res.status, 200);
    assert.equal(calls, 1, 'resolved once');
    await assert.rejects(guardedFetch(`http://rebind.test:${port}/second`, {}, { purpose: 'webhook', allowNetworks: loopback }), { reason: 'forbidden-address' });
  } finally {
    lookup.mock.restore();
  }
});

test('a name with one forbidden address among its answers is refused', async () => {
  const lookup = mock.method(dns, 'lookup', async () => [
    { address: '202.116.160.1', family: 4 },
    { address: '169.254.169.254', family: 4 },
  ]);
  try {
    await assert.rejects(checkDestination('https://mixed.test/hook', { purpose: 'webhook', allowNetworks: [] }), { reason: 'forbidden-address' });
  } finally {
    lookup.mock.restore();
  }
});

test('redirects are returned, not followed; oversize responses fail; errors do not describe the network', async () => {
  const moved = await guardedFetch(`http://127.0.0.1:${port}/moved`, {}, { purpose: 'job', allowNetworks: loopback });
  assert.equal(moved.status, 302);
  await assert.rejects(guardedFetch(`http://127.0.0.1:${port}/big`, {}, { purpose: 'job', allowNetworks: loopback, maxResponseBytes: 1000 }), { reason: 'too-large' });
  // A closed port and a host that never answers read the same: no port-scan oracle.
  const closed = await guardedFetch('http://127.0.0.1:1/', {}, { purpose: 'job', allowNetworks: loopback }).catch((e: Error) => e);
  assert.equal((closed as { reason?: string }).reason, 'unreachable');
  assert.doesNotMatch((closed as Error).message, /127\.0\.0\.1|ECONNREFUSED|:1\b/);
  const forbidden = await guardedFetch('http://[::ffff:a9fe:a9fe]/latest', {}, { purpose: 'webhook' }).catch((e: Error) => e);
  assert.doesNotMatch((forbidden as Error).message, /169\.254|a9fe/);
});

test('checkDestination refuses what the guard would refuse and accepts a name that does not resolve yet', async () => {
  await assert.rejects(checkDestination('https://127.0.0.1:5432/', { purpose: 'push', allowNetworks: [] }), { reason: 'forbidden-address' });
  await assert.rejects(checkDestination('https://[::ffff:169.254.169.254]/', { purpose: 'push' }), { reason: 'forbidden-address' });
  await assert.rejects(checkDestination('http://push.example.com/x', { purpose: 'push' }), { reason: 'scheme' });
  await checkDestination('https://push.invalid/x', { purpose: 'push', allowNetworks: [] });
});

import assert from 'node:assert/strict';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { describe, test } from 'node:test';
import { clientAddress, PEER_HEADER, rateLimitAddress } from './client-ip';
import { parseProxyNetworks } from './net/networks';
import { stampPeerAddresses } from './peer-stamp';

const none = parseProxyNetworks('');
const local = parseProxyNetworks('127.0.0.1, ::1');
const lb = parseProxyNetworks('10.0.0.0/24');

describe('client address: the socket peer, X-Forwarded-For only from our proxies', () => {
  test('a direct client (peer not a trusted proxy) is its socket address, whatever it writes', () => {
    const h = (xff: string) => new Headers({ [PEER_HEADER]: '198.51.100.7', 'x-forwarded-for': xff });
    assert.equal(clientAddress(h('203.0.113.1'), none), '198.51.100.7');
    assert.equal(clientAddress(h('203.0.113.2, 10.0.0.1'), lb), '198.51.100.7');
    assert.equal(clientAddress(new Headers({ [PEER_HEADER]: '198.51.100.7', 'x-real-ip': '1.2.3.4' }), none), '198.51.100.7');
  });

  test('from a trusted proxy: the first untrusted hop from the right', () => {
    assert.equal(clientAddress(new Headers({ [PEER_HEADER]: '127.0.0.1', 'x-forwarded-for': '203.0.113.9' }), local), '203.0.113.9');
    // The client wrote "spoofed, 1.1.1.1" itself; the proxy appended what it saw.
    assert.equal(clientAddress({ [PEER_HEADER]: '10.0.0.3', 'x-forwarded-for': 'spoofed, 1.1.1.1, 203.0.113.9, 10.0.0.2' }, lb), '203.0.113.9');
    assert.equal(clientAddress(new Headers({ [PEER_HEADER]: '127.0.0.1', 'x-real-ip': '203.0.113.4' }), local), '203.0.113.4');
    // A proxy that forwarded nothing: it is the client.
    assert.equal(clientAddress(new Headers({ [PEER_HEADER]: '127.0.0.1' }), local), '127.0.0.1');
    // Junk where an address belongs stops the walk at the last address a trusted hop gave.
    assert.equal(clientAddress(new Headers({ [PEER_HEADER]: '127.0.0.1', 'x-forwarded-for': 'junk' }), local), '127.0.0.1');
  });

  test('IPv4-mapped peers are the IPv4 address; IPv6 clients count per /64', () => {
    assert.equal(clientAddress(new Headers({ [PEER_HEADER]: '::ffff:127.0.0.1', 'x-forwarded-for': '203.0.113.9' }), local), '203.0.113.9');
    process.env.TRUSTED_PROXIES ??= '';
    assert.equal(
      rateLimitAddress(new Headers({ [PEER_HEADER]: '2001:db8:1:2:aaaa::1' })),
      rateLimitAddress(new Headers({ [PEER_HEADER]: '2001:db8:1:2:bbbb::9' })),
    );
    assert.notEqual(rateLimitAddress(new Headers({ [PEER_HEADER]: '198.51.100.1' })), rateLimitAddress(new Headers({ [PEER_HEADER]: '198.51.100.2' })));
  });

  test('no peer stamp: no address (never a header the client wrote)', () => {
    assert.equal(clientAddress(new Headers({ 'x-forwarded-for': '10.1.2.3' }), local), null);
    assert.equal(clientAddress(undefined, local), null);
  });

  test('the stamp is the real socket peer and overwrites one the client sent', async () => {
    stampPeerAddresses();
    const seen: Array<string | null> = [];
    const server = createServer((req, res) => {
      const headers = new Headers();
      for (const [k, v] of Object.entries(req.headers)) if (typeof v === 'string') headers.set(k, v);
      seen.push(clientAddress(headers, none));
      res.end();
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    const { port } = server.address() as AddressInfo;
    try {
      for (let i = 0; i < 3; i++) {
        await fetch(`http://127.0.0.1:${port}/`, { headers: { 'x-forwarded-for': `203.0.113.${i}`, [PEER_HEADER]: `198.51.100.${i}` } });
      }
    } finally {
      server.close();
    }
    assert.deepEqual(seen, ['127.0.0.1', '127.0.0.1', '127.0.0.1']);
  });
});

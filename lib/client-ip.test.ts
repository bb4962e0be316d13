import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { clientAddress } from './client-ip';

describe('client address behind reverse proxies', () => {
  test('one proxy: the address it appended, not what the client wrote before it', () => {
    assert.equal(clientAddress(new Headers({ 'x-forwarded-for': '10.1.2.3' }), 1), '10.1.2.3');
    assert.equal(clientAddress(new Headers({ 'x-forwarded-for': '1.1.1.1, 2.2.2.2, 10.1.2.3' }), 1), '10.1.2.3');
    assert.equal(clientAddress({ 'x-forwarded-for': 'spoofed, 10.1.2.3' }, 1), '10.1.2.3');
  });

  test('two proxies (a balancer, then nginx on the app server): the second entry from the right', () => {
    assert.equal(clientAddress(new Headers({ 'x-forwarded-for': 'spoofed, 10.1.2.3, 192.168.0.5' }), 2), '10.1.2.3');
    // Fewer entries than proxies (a proxy that overwrites): the leftmost is all there is.
    assert.equal(clientAddress(new Headers({ 'x-forwarded-for': '10.1.2.3' }), 2), '10.1.2.3');
  });

  test('no header: X-Real-IP, else nothing; no trusted proxy: the header is ignored', () => {
    assert.equal(clientAddress(new Headers({ 'x-real-ip': '10.9.9.9' }), 1), '10.9.9.9');
    assert.equal(clientAddress(new Headers(), 1), null);
    assert.equal(clientAddress(undefined, 1), null);
    assert.equal(clientAddress(new Headers({ 'x-forwarded-for': '10.1.2.3' }), 0), null);
    assert.equal(clientAddress(new Headers({ 'x-forwarded-for': ' , ' }), 1), null);
  });
});

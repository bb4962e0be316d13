import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { decode, encode } from 'next-auth/jwt';
import { decodeSessionToken, encodeSessionToken } from './jwt-codec';

const secret = 'a-test-secret-of-reasonable-length-0123456789';

describe('session tokens: next-auth’s format, key derived once', () => {
  test('a session signed in before the change still works, and ours are read by next-auth', async () => {
    const theirs = await encode({ token: { uid: 'u1', sv: 2 }, secret, maxAge: 60 });
    const read = await decodeSessionToken({ token: theirs, secret });
    assert.deepEqual({ uid: read?.uid, sv: read?.sv }, { uid: 'u1', sv: 2 });
    const ours = await encodeSessionToken({ token: { uid: 'u2', sv: 0 }, secret, maxAge: 60 });
    assert.equal((await decode({ token: ours, secret }))?.uid, 'u2');
  });

  test('another secret, a salted token or a tampered one is refused', async () => {
    const ours = await encodeSessionToken({ token: { uid: 'u3' }, secret, maxAge: 60 });
    await assert.rejects(decodeSessionToken({ token: ours, secret: `${secret}x` }));
    await assert.rejects(decodeSessionToken({ token: ours, secret, salt: 'other' }));
    const parts = ours.split('.');
    parts[3] = parts[3]!.replace(/^./, (c) => (c === 'A' ? 'B' : 'A'));
    await assert.rejects(decodeSessionToken({ token: parts.join('.'), secret }));
    assert.equal(await decodeSessionToken({ token: undefined, secret }), null);
  });

  test('an expired session ends', async () => {
    const old = await encodeSessionToken({ token: { uid: 'u4' }, secret, maxAge: -60 });
    await assert.rejects(decodeSessionToken({ token: old, secret }));
  });
});

import assert from 'node:assert/strict';
import { test } from 'node:test';
import { SIGNATURE_HEADER, TIMESTAMP_HEADER, signedHeaders, verifySignature } from './signature';

// The one signature format of every delivery the server sends and every callback it accepts.
test('a signature verifies; a changed body, wrong secret or old timestamp does not', () => {
  const at = new Date(1_800_000_000_000);
  const h = signedHeaders('s3cret', '{"a":1}', at);
  const ts = h[TIMESTAMP_HEADER]!;
  const sig = h[SIGNATURE_HEADER]!;
  assert.match(sig, /^sha256=[0-9a-f]{64}$/);
  const later = new Date(at.getTime() + 10_000);
  assert.ok(verifySignature('s3cret', ts, sig, '{"a":1}', later));
  assert.equal(verifySignature('s3cret', ts, sig, '{"a":2}', later), false);
  assert.equal(verifySignature('other', ts, sig, '{"a":1}', later), false);
  assert.equal(verifySignature('s3cret', ts, sig, '{"a":1}', new Date(at.getTime() + 1_000_000)), false);
  assert.equal(verifySignature('s3cret', String(Number(ts) + 1), sig, '{"a":1}', later), false, 'the timestamp is signed too');
});

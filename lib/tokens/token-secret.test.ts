import assert from 'node:assert/strict';
import { test } from 'node:test';
import { hashTokenSecret, looksLikeToken, newTokenSecret } from './token-secret';

test('a new secret has the token shape and a stable hash', () => {
  const secret = newTokenSecret();
  assert.ok(looksLikeToken(secret));
  assert.equal(hashTokenSecret(secret), hashTokenSecret(secret));
  assert.notEqual(hashTokenSecret(secret), hashTokenSecret(newTokenSecret()));
  assert.equal(looksLikeToken('zjt_short'), false);
});

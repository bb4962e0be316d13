import assert from 'node:assert/strict';
import { test } from 'node:test';
import { signWebhook, verifyWebhook } from './sign';

test('a signature verifies; a changed body, wrong secret or old timestamp does not', () => {
  const header = signWebhook('s3cret', '{"a":1}', 1_800_000_000);
  assert.ok(verifyWebhook('s3cret', '{"a":1}', header, 1_800_000_010));
  assert.equal(verifyWebhook('s3cret', '{"a":2}', header, 1_800_000_010), false);
  assert.equal(verifyWebhook('other', '{"a":1}', header, 1_800_000_010), false);
  assert.equal(verifyWebhook('s3cret', '{"a":1}', header, 1_800_001_000), false);
});

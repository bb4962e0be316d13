import assert from 'node:assert/strict';
import { test } from 'node:test';
import { assertDeliverableUrl, isForbiddenAddress } from './destination-guard';

test('metadata, link-local, unspecified and multicast addresses are refused; campus networks are not', () => {
  for (const a of ['169.254.169.254', '0.0.0.0', '224.0.0.1', '255.255.255.255', '::', 'fe80::1', 'ff02::1', '::ffff:169.254.169.254']) {
    assert.equal(isForbiddenAddress(a), true, a);
  }
  for (const a of ['10.1.2.3', '172.16.0.9', '192.168.1.20', '127.0.0.1', '202.116.160.1', '::1', '2001:da8::1']) {
    assert.equal(isForbiddenAddress(a), false, a);
  }
});

test('a URL is checked by what its host resolves to', async () => {
  await assert.rejects(assertDeliverableUrl('http://169.254.169.254/latest/meta-data'), /forbidden address/);
  await assert.rejects(assertDeliverableUrl('http://[fe80::1]/x'), /forbidden address/);
  await assertDeliverableUrl('http://127.0.0.1:9/hook');
  await assertDeliverableUrl('http://localhost:9/hook');
});

import assert from 'node:assert/strict';
import { test } from 'node:test';
import { open311Response, splitFormat } from './format';

test('extensions select the format', () => {
  assert.deepEqual(splitFormat('services.json'), { name: 'services', format: 'json' });
  assert.deepEqual(splitFormat('dorm-repair.xml'), { name: 'dorm-repair', format: 'xml' });
  assert.equal(splitFormat('services.html'), null);
});

test('XML follows the GeoReport element names and escapes text', async () => {
  const res = open311Response([{ service_request_id: 'a', description: '<漏水> & 断电' }], 'xml', 'service_requests');
  assert.equal(
    await res.text(),
    '<?xml version="1.0" encoding="utf-8"?><service_requests><service_request><service_request_id>a</service_request_id><description>&#60;漏水&#62; &#38; 断电</description></service_request></service_requests>',
  );
  const errors = open311Response([{ code: 400, description: 'x' }], 'xml', 'errors', 400);
  assert.equal(errors.status, 400);
  assert.match(await errors.text(), /<errors><error><code>400<\/code>/);
});

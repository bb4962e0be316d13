import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { NextRequest } from 'next/server';
import { isAppError } from '@/workflows/engine/errors';
import { readBodyBytes, readBodyJson } from './body-limit';
import { readUploadFile } from './uploads/receive-upload';

/** A chunked body (no Content-Length) of `total` bytes in 1 MB chunks; `pulled()` says how much was read. */
function chunked(total: number, contentType = 'multipart/form-data; boundary=x') {
  let sent = 0;
  const body = new ReadableStream<Uint8Array>({
    pull(controller) {
      if (sent >= total) return controller.close();
      const n = Math.min(1 << 20, total - sent);
      sent += n;
      controller.enqueue(new Uint8Array(n).fill(0x41));
    },
  });
  const req = new NextRequest(new Request('http://app.test/api/v1/uploads', { method: 'POST', body, headers: { 'content-type': contentType }, duplex: 'half' } as RequestInit));
  return { req, pulled: () => sent };
}

// Issue 15 item 8: 60 MB chunked uploads were buffered whole before the 413.
describe('request bodies are counted while they stream', () => {
  test('a 60 MB chunked upload is abandoned just past a 10 MB limit', async () => {
    const { req, pulled } = chunked(60 << 20);
    const error = await readUploadFile(req, 10 << 20).catch((e: unknown) => e);
    assert.ok(isAppError(error) && error.code === 'PAYLOAD_TOO_LARGE', String(error));
    assert.ok(pulled() <= (10 << 20) + (2 << 20), `read ${pulled()} bytes`);
  });

  test('JSON and raw bodies stop at their limits too; small ones are read whole', async () => {
    const big = chunked(5 << 20, 'application/json');
    const error = await readBodyJson(big.req).catch((e: unknown) => e);
    assert.ok(isAppError(error) && error.code === 'PAYLOAD_TOO_LARGE');
    // Past the limit by at most the chunk that crossed it and the one the stream read ahead.
    assert.ok(big.pulled() <= 3 << 20, `read ${big.pulled()} bytes`);
    const small = new Request('http://app.test/', { method: 'POST', body: '{"a":1}' });
    assert.deepEqual(await readBodyJson(small), { a: 1 });
    const over = new Request('http://app.test/', { method: 'POST', body: 'x'.repeat(2048) });
    assert.ok(isAppError(await readBodyBytes(over, 1024).catch((e: unknown) => e)));
  });
});

import assert from 'node:assert/strict';
import { test } from 'node:test';
import { decodeCsv, parseCsv } from './parse-csv';

test('quoted fields keep commas, quotes and line breaks', () => {
  assert.deepEqual(parseCsv('a,b\r\n"x, y","say ""hi""\nthere"\n\n'), [
    ['a', 'b'],
    ['x, y', 'say "hi"\nthere'],
  ]);
});

test('GBK bytes are detected and decoded; UTF-8 stays UTF-8', () => {
  const gbk = Uint8Array.from([0xd1, 0xa7, 0xba, 0xc5, 0x2c, 0xbf, 0xce, 0xb3, 0xcc]); // 学号,课程
  assert.deepEqual(decodeCsv(gbk), { text: '学号,课程', encoding: 'gb18030' });
  assert.deepEqual(decodeCsv(new TextEncoder().encode('\uFEFF学号')), { text: '学号', encoding: 'utf-8' });
});

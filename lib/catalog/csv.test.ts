import assert from 'node:assert/strict';
import { test } from 'node:test';
import iconv from 'iconv-lite';
import { CSV_COLUMNS, readCatalogCsv } from './catalog-csv';
import { decodeCsv, parseCsv, toCsv } from './csv';

const depts = [{ id: 'sports', nameZh: '体育部' }];
const good = ['fitness-x', '体测', 'Fitness', '体测', '学籍教务', '体育部', '学生', '电脑端|手机端', '流程建设', 'fitness-test-exemption', '', '在测', 'student', '学生', 'Students', '证明', 'Cert', '3 天', '3 days', '体育部'];

test('quoted fields, doubled quotes and CRLF survive a round trip', () => {
  const rows = [['a', 'b,c', 'say "hi"', '多\n行']];
  assert.deepEqual(parseCsv(toCsv(rows)), rows);
  assert.equal(toCsv([['=cmd()']]).trim(), "'=cmd()");
});

test('GBK from Excel is detected; garbage is refused', () => {
  const text = `${CSV_COLUMNS.join(',')}\r\n${good.join(',')}\r\n`;
  const gbk = decodeCsv(iconv.encode(text, 'gbk'));
  assert.equal(gbk?.encoding, 'gbk');
  assert.equal(gbk?.text, text);
  assert.equal(decodeCsv(new TextEncoder().encode(`\uFEFF${text}`))?.encoding, 'utf-8');
  assert.equal(decodeCsv(new Uint8Array([0x00, 0xff, 0xfe, 0x01, 0x02, 0x80])), null);
});

test('labels are accepted; problems are listed by line and nothing is returned', () => {
  const ok = readCatalogCsv(`${CSV_COLUMNS.join(',')}\n${good.join(',')}\n`, depts);
  assert.ok('entries' in ok);
  assert.equal(ok.entries[0]!.status, 'testing');
  assert.deepEqual(ok.entries[0]!.channels, ['pc', 'mobile']);

  const missing = readCatalogCsv('code,name_zh\nx,y\n', depts);
  assert.ok('problems' in missing && missing.problems[0]!.zh.includes('缺少列'));

  const bad = [...good];
  bad[5] = '不存在的部门';
  const dup = readCatalogCsv(`${CSV_COLUMNS.join(',')}\n${good.join(',')}\n${good.join(',')}\n${bad.join(',')}\n`, depts);
  assert.ok('problems' in dup);
  assert.ok(dup.problems.some((p) => p.line === 3 && p.zh.includes('重复')));
  assert.ok(dup.problems.some((p) => p.line === 4 && p.zh.includes('主办单位')));
});

import assert from 'node:assert/strict';
import { test } from 'node:test';
import { normalizeQuery, searchDocs } from './search';

const docs = [
  { name: '会议室预约' },
  { name: '体质测试免测/缓测申请', keywords: '体测 免测 缓测' },
  { name: '城乡居民医保不参保申请', nameEn: 'Opting out of resident medical insurance' },
  { name: '中层干部请假申请' },
  { name: '图书超期缴费' },
  { name: '学生证补办', nameEn: 'Student card replacement' },
];
const names = (q: string) => searchDocs(docs, q).map((d) => d.name);

test('pinyin initials, full pinyin and Chinese abbreviations find 体测', () => {
  for (const q of ['tc', 'tice', 'tizhiceshi', 'tzcs', '体测', '体质', 'TiCe', 'ti ce']) {
    assert.equal(names(q)[0], '体质测试免测/缓测申请', q);
  }
});

test('two letters do not match inside English words ("studen·tc·ard"), but do at a word start', () => {
  assert.ok(!names('tc').includes('学生证补办'));
  assert.equal(names('stud')[0], '学生证补办');
  assert.equal(names('medical')[0], '城乡居民医保不参保申请');
});

test('yibao finds 医保, and so does a typo', () => {
  assert.equal(names('yibao')[0], '城乡居民医保不参保申请');
  assert.equal(names('yibap')[0], '城乡居民医保不参保申请');
  assert.equal(names('insurance')[0], '城乡居民医保不参保申请');
});

test('tight matches rank before scattered ones', () => {
  const r = names('sq');
  assert.ok(r.length >= 3);
  assert.ok(!r.includes('会议室预约'));
});

test('hostile input matches nothing and does not throw', () => {
  for (const q of ['.*', "'; drop table users; --", '(((', '\\', '😀😀', 'a'.repeat(1000), '%_%']) {
    assert.doesNotThrow(() => names(q));
  }
  assert.deepEqual(names('😀😀'), []);
  assert.equal(normalizeQuery('x'.repeat(1000)).length, 32);
});

test('an empty query keeps everything in order', () => {
  assert.equal(names('  ').length, docs.length);
});

test('relevance: yibao is 医保 (not 会·议报·备), tice is 体测 (not no·tice)', () => {
  const catalog = [
    ...docs,
    { name: '学术会议报备' },
    { name: '周转房缴费通知', nameEn: 'Turnover housing fee notice', keywords: '周转房 缴费 房租' },
    { name: '医疗费用报销' },
  ];
  const found = (q: string) => searchDocs(catalog, q).map((d) => d.name);
  assert.deepEqual(found('yibao'), ['城乡居民医保不参保申请']);
  assert.ok(!found('tice').includes('周转房缴费通知'));
  assert.equal(found('tice')[0], '体质测试免测/缓测申请');
  assert.ok(found('huiyi').includes('学术会议报备'));
  assert.equal(found('notice')[0], '周转房缴费通知');
});

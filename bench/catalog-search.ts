// Catalog search on 1,000 services: cold (first query, pinyin of every name computed) and warm
// (median / p95 over repeated queries), against a baseline measured in the same run: a plain
// substring filter over the same names. Prints numbers; asserts nothing.
//   node --import tsx bench/catalog-search.ts
import { performance } from 'node:perf_hooks';
import { searchDocs } from '../lib/catalog/search';
import { SEED_ENTRIES } from '../lib/catalog/seed-entries';
import { buildSampleCatalog } from '../lib/catalog/sample-catalog';

const WORDS = ['学生', '教职工', '证明', '申请', '报修', '预约', '审批', '缴费', '宿舍', '科研', '项目', '经费', '会议', '场地', '车辆', '出国', '档案', '图书', '网络', '账号', '医疗', '保险', '体检', '党员', '团员', '奖学金', '助学', '毕业', '离校', '新生'];
let seed = 42;
const rand = () => ((seed = (seed * 1103515245 + 12345) % 2 ** 31) / 2 ** 31);
const docs: Array<{ name: string; nameEn: string; keywords: string }> = [
  ...SEED_ENTRIES.map((e) => ({ name: e.nameZh, nameEn: e.nameEn, keywords: e.keywords })),
  ...buildSampleCatalog([]).map((e) => ({ name: e.nameZh, nameEn: e.nameEn, keywords: '' })),
];
while (docs.length < 1000) {
  const n = 2 + Math.floor(rand() * 3);
  const name = Array.from({ length: n }, () => WORDS[Math.floor(rand() * WORDS.length)]).join('') + '服务';
  docs.push({ name, nameEn: 'Service', keywords: '' });
}

const QUERIES = ['tc', 'tice', 'yibao', '体测', 'baoxiu', 'zhengming', 'zm', 'yibap', 'zzzz', 'x'.repeat(1000)];

function time(fn: () => void): number {
  const t0 = performance.now();
  fn();
  return performance.now() - t0;
}

const stats = (xs: number[]) => {
  const s = [...xs].sort((a, b) => a - b);
  return { median: s[Math.floor(s.length / 2)]!, p95: s[Math.floor(s.length * 0.95)]! };
};

const cold = time(() => searchDocs(docs, 'tc'));
console.log(`services: ${docs.length}`);
console.log(`cold first query (computes pinyin of all names): ${cold.toFixed(1)} ms`);
console.log('query         hits  median ms  p95 ms  baseline substring ms  ratio');
for (const q of QUERIES) {
  const runs: number[] = [];
  const base: number[] = [];
  let hits = 0;
  for (let i = 0; i < 50; i++) {
    runs.push(time(() => (hits = searchDocs(docs, q).length)));
    base.push(time(() => docs.filter((d) => d.name.includes(q)).length));
  }
  const r = stats(runs);
  const b = stats(base);
  const label = q.length > 12 ? `${q.slice(0, 6)}…(${q.length})` : q;
  console.log(
    `${label.padEnd(13)} ${String(hits).padStart(4)}  ${r.median.toFixed(2).padStart(9)}  ${r.p95.toFixed(2).padStart(6)}  ${b.median.toFixed(3).padStart(21)}  ${(r.median / Math.max(b.median, 0.001)).toFixed(0).padStart(5)}x`,
  );
}

import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { addToHistogram, bucketOf, histogramCount, histogramPercentile, UNKNOWN_BUCKET, type Histogram } from './histogram';

/** percentile_cont, computed exactly. */
function exact(values: number[], q: number): number {
  const s = [...values].sort((a, b) => a - b);
  const rank = q * (s.length - 1);
  const lo = Math.floor(rank);
  return lo === rank ? s[lo]! : s[lo]! + (rank - lo) * (s[lo + 1]! - s[lo]!);
}

function histogramOf(values: number[]): Histogram {
  const h: Histogram = new Map();
  for (const v of values) addToHistogram(h, bucketOf(v), 1);
  return h;
}

/** Deterministic pseudo-random numbers (mulberry32). */
function rng(seed: number) {
  return () => {
    seed = (seed + 0x6d2b79f5) | 0;
    let x = Math.imul(seed ^ (seed >>> 15), 1 | seed);
    x = (x + Math.imul(x ^ (x >>> 7), 61 | x)) ^ x;
    return ((x ^ (x >>> 14)) >>> 0) / 4294967296;
  };
}

describe('duration histograms (monitoring rollup)', () => {
  test('buckets are quarter-octaves, as the database computes them', () => {
    assert.equal(bucketOf(0), -1);
    assert.equal(bucketOf(0.99), -1);
    assert.equal(bucketOf(1), 0);
    assert.equal(bucketOf(2), 4);
    assert.equal(bucketOf(3600), Math.floor(4 * Math.log2(3600)));
    assert.ok(bucketOf(86_400) > bucketOf(3600));
  });

  test('median and p90 stay within one bucket (19 %) of the exact values, whatever the spread', () => {
    const rand = rng(7);
    const shapes: Array<[string, () => number]> = [
      ['minutes to days (log-uniform)', () => 60 * 2 ** (rand() * 12)],
      ['office hours, 2–12 h', () => 7200 + rand() * 36_000],
      ['a few quick, many slow', () => (rand() < 0.2 ? rand() * 30 : 86_400 * (1 + rand() * 9))],
    ];
    for (const [name, draw] of shapes) {
      for (const size of [1, 2, 3, 10, 1000]) {
        const values = Array.from({ length: size }, draw);
        const h = histogramOf(values);
        assert.equal(histogramCount(h), size);
        for (const q of [0.5, 0.9]) {
          const want = exact(values, q);
          const got = histogramPercentile(h, q)!;
          assert.ok(Math.abs(got - want) <= want * 0.19 + 1, `${name}, n=${size}, q=${q}: ${got} vs ${want}`);
        }
      }
    }
  });

  test('unknown durations count but do not move the percentiles; no durations give null', () => {
    const h = histogramOf([100, 200, 300]);
    const median = histogramPercentile(h, 0.5);
    addToHistogram(h, UNKNOWN_BUCKET, 5);
    assert.equal(histogramCount(h), 8);
    assert.equal(histogramPercentile(h, 0.5), median);
    assert.equal(histogramPercentile(new Map([[UNKNOWN_BUCKET, 3]]), 0.5), null);
    assert.equal(histogramPercentile(new Map(), 0.9), null);
  });
});

/**
 * Percentiles from the quarter-octave histograms of the monitoring rollup
 * (db/migrations/0002_monitor_rollups.sql, monitor_bucket): bucket b holds durations in
 * [2^(b/4), 2^((b+1)/4)) seconds, -1 holds [0, 1), -100 holds unknown durations.
 *
 * Exact percentiles over a term's million stays mean sorting a million values per request;
 * a histogram answers from a few dozen counts. Within a bucket the value is interpolated
 * geometrically, so the answer is at most one bucket width (19 %) from the true one and in
 * practice within a few per cent — plenty for "where do applications wait".
 */
export const UNKNOWN_BUCKET = -100;

export type Histogram = Map<number, number>;

/** The bucket a duration falls in — the same formula as the database's monitor_bucket. */
export function bucketOf(seconds: number): number {
  if (seconds < 1) return -1;
  return Math.floor((4 * Math.log(seconds)) / Math.LN2);
}

function bucketBounds(bucket: number): [number, number] {
  if (bucket === -1) return [0, 1];
  return [2 ** (bucket / 4), 2 ** ((bucket + 1) / 4)];
}

/** Adds `n` to one bucket (counts of the same bucket from day and month rows add up). */
export function addToHistogram(h: Histogram, bucket: number, n: number): void {
  h.set(bucket, (h.get(bucket) ?? 0) + n);
}

/** Number of durations counted, known or not. */
export function histogramCount(h: Histogram): number {
  let total = 0;
  for (const n of h.values()) total += n;
  return total;
}

/**
 * The q-quantile (0..1) in seconds, in the sense of percentile_cont: the value at rank
 * q·(N−1) of the N known durations, interpolated linearly between the two order statistics
 * around it; null when there are none.
 */
export function histogramPercentile(h: Histogram, q: number): number | null {
  const buckets = [...h.entries()].filter(([b, n]) => b !== UNKNOWN_BUCKET && n > 0).sort((a, b) => a[0] - b[0]);
  const known = buckets.reduce((sum, [, n]) => sum + n, 0);
  if (known === 0) return null;
  /** The k-th smallest duration (0-based): the bucket's n values spread evenly, in log space, across its width. */
  const orderStatistic = (k: number): number => {
    let before = 0;
    for (const [bucket, n] of buckets) {
      if (k < before + n) {
        const [lo, hi] = bucketBounds(bucket);
        const f = (k - before + 0.5) / n;
        return bucket === -1 ? lo + (hi - lo) * f : lo * (hi / lo) ** f;
      }
      before += n;
    }
    return bucketBounds(buckets[buckets.length - 1]![0])[1];
  };
  const rank = q * (known - 1);
  const below = Math.floor(rank);
  const low = orderStatistic(below);
  return rank === below ? low : low + (rank - below) * (orderStatistic(below + 1) - low);
}

export interface DurationSummary {
  /** Durations counted, known or not. */
  count: number;
  medianSeconds: number | null;
  p90Seconds: number | null;
}

/**
 * Rollup rows (bucket, n) grouped by `keyOf` into one histogram per group, summarised as
 * count, median and p90; groups whose counts sum to nothing are left out.
 */
export function summarizeDurations<R extends { bucket: number | string; n: number | string }>(rows: R[], keyOf: (row: R) => string): Map<string, DurationSummary> {
  const histograms = new Map<string, Histogram>();
  for (const row of rows) {
    const key = keyOf(row);
    let h = histograms.get(key);
    if (!h) histograms.set(key, (h = new Map()));
    addToHistogram(h, Number(row.bucket), Number(row.n));
  }
  const out = new Map<string, DurationSummary>();
  for (const [key, h] of histograms) {
    const count = histogramCount(h);
    if (count > 0) out.set(key, { count, medianSeconds: histogramPercentile(h, 0.5), p90Seconds: histogramPercentile(h, 0.9) });
  }
  return out;
}

import type { Label } from '@/workflows/engine/types';

/** Light to strong; black text stays readable on every one of them (contrast ≥ 7:1). */
export const HEAT_COLOURS = ['#ffffff', '#ffedd5', '#fed7aa', '#fdba74', '#fb923c', '#f97316'] as const;

export interface HeatClass {
  /** 0 = nothing (white), 1..5 = ever stronger. */
  level: number;
  colour: string;
  label: Label;
}

export interface HeatScale {
  classes: HeatClass[];
  /** The class of a value (instances now, or seconds of p90 stay). */
  levelOf(value: number | null | undefined): number;
}

const HOUR = 3600;
const DAY = 86400;

/** Fixed stay thresholds people read at a glance, the same for every process: ≤ 4 小时 … > 7 天. */
const STAY_LIMITS: Array<{ upTo: number; label: Label }> = [
  { upTo: 4 * HOUR, label: { zh: '≤ 4 小时', en: '≤ 4 h' } },
  { upTo: DAY, label: { zh: '4 小时 – 1 天', en: '4 h – 1 d' } },
  { upTo: 3 * DAY, label: { zh: '1 – 3 天', en: '1 – 3 d' } },
  { upTo: 7 * DAY, label: { zh: '3 – 7 天', en: '3 – 7 d' } },
];

/** A round step so that four steps cover the largest count: 1, 2, 5, 10, 20, 50 … */
function niceStep(max: number): number {
  const raw = Math.max(1, Math.ceil(max / 4));
  const p = 10 ** Math.floor(Math.log10(raw));
  return [1, 2, 5, 10].map((m) => m * p).find((s) => s >= raw)!;
}

/**
 * The colour classes of the heatmap with thresholds in words: by instances there now (steps
 * rounded to 1, 2, 5 …, fitted to the largest count) or by the p90 stay (fixed limits).
 */
export function heatScale(by: 'now' | 'p90', values: Array<number | null | undefined>): HeatScale {
  if (by === 'p90') {
    const classes: HeatClass[] = [
      { level: 0, colour: HEAT_COLOURS[0], label: { zh: '无数据', en: 'No data' } },
      ...STAY_LIMITS.map((l, i) => ({ level: i + 1, colour: HEAT_COLOURS[i + 1]!, label: l.label })),
      { level: 5, colour: HEAT_COLOURS[5], label: { zh: '> 7 天', en: '> 7 d' } },
    ];
    return {
      classes,
      levelOf: (v) => (v === null || v === undefined || v <= 0 ? 0 : STAY_LIMITS.findIndex((l) => v <= l.upTo) + 1 || 5),
    };
  }
  const max = Math.max(0, ...values.map((v) => v ?? 0));
  const step = niceStep(max);
  const range = (a: number, b: number): Label => (a === b ? { zh: `${a}`, en: `${a}` } : { zh: `${a} – ${b}`, en: `${a} – ${b}` });
  const classes: HeatClass[] = [{ level: 0, colour: HEAT_COLOURS[0], label: { zh: '0', en: '0' } }];
  for (let i = 0; i < 4; i++) {
    const from = i * step + 1;
    const to = (i + 1) * step;
    classes.push({ level: i + 1, colour: HEAT_COLOURS[i + 2]!, label: range(from, to) });
    if (to >= max) break;
  }
  return {
    classes,
    levelOf: (v) => (!v || v <= 0 ? 0 : Math.min(classes.length - 1, Math.ceil(v / step))),
  };
}

/** Rough width of a label in an SVG chart: CJK glyphs about the font size, Latin ones about 0.6 of it. */
export function labelWidth(text: string, size: number): number {
  let w = 0;
  for (const ch of text) w += /[\u2e80-\u9fff\uff00-\uffef]/.test(ch) ? size : size * 0.6;
  return w;
}

/** A round upper bound for an axis: 1, 2, 5 × 10ⁿ. */
export function niceMax(max: number): number {
  if (max <= 0) return 1;
  const p = 10 ** Math.floor(Math.log10(max));
  return [1, 2, 2.5, 5, 10].map((m) => m * p).find((s) => s >= max)!;
}

/** A number as the charts print it: whole numbers plain, others with one decimal. */
export function fmt(n: number): string {
  return Number.isInteger(n) ? String(n) : n.toFixed(1);
}

/** A label cut to fit `max` pixels at `size`, with an ellipsis; the whole label goes in a <title>. */
export function clip(text: string, size: number, max: number): string {
  if (labelWidth(text, size) <= max) return text;
  let out = '';
  for (const ch of text) {
    if (labelWidth(`${out}${ch}…`, size) > max) break;
    out += ch;
  }
  return `${out}…`;
}

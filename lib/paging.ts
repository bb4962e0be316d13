/** One page of a list: which rows, which page (clamped), how many pages. */
export interface Page<T> {
  rows: T[];
  page: number;
  pages: number;
  /** 1-based position of the first and last row shown (0, 0 on an empty list). */
  from: number;
  to: number;
  total: number;
}

/**
 * The `requested` page (from the address: any string; a bad or out-of-range one means the
 * nearest page) of `size` rows of `all`.
 */
export function pageOf<T>(all: readonly T[], requested: string | undefined, size: number): Page<T> {
  const pages = Math.max(1, Math.ceil(all.length / size));
  const asked = Number.parseInt(requested ?? '1', 10);
  const page = Math.min(pages, Math.max(1, Number.isFinite(asked) ? asked : 1));
  const rows = all.slice((page - 1) * size, page * size);
  const from = rows.length ? (page - 1) * size + 1 : 0;
  return { rows, page, pages, from, to: rows.length ? from + rows.length - 1 : 0, total: all.length };
}

/**
 * The most rows a list of one person's work fetches (待办, 已办, 我发起的, 抄送我) and where its
 * count stops being exact: nobody works through a thousand rows, and past it a count reads "1000+".
 */
export const LIST_CAP = 1000;

/** A count as a tab or badge shows it: exact up to `cap`, then "1000+". */
export function countText(n: number, cap = LIST_CAP): string {
  return n > cap ? `${cap}+` : String(n);
}

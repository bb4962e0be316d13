import type { StatsTable } from './tables';

function cell(v: string | number | null): string {
  if (v === null) return '';
  const s = String(v);
  // Quote what would break a row; prefix formulas so a spreadsheet never evaluates them.
  const safe = /^[=+\-@]/.test(s) && typeof v === 'string' ? `'${s}` : s;
  return /[",\n\r]/.test(safe) ? `"${safe.replace(/"/g, '""')}"` : safe;
}

/** RFC 4180 CSV with a BOM, so Excel opens the Chinese headers as UTF-8. */
export function toCsv(table: StatsTable, header: string[]): string {
  const lines = [header, ...table.rows].map((r) => r.map(cell).join(','));
  return `\uFEFF${lines.join('\r\n')}\r\n`;
}

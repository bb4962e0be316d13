import { csvCell } from '@/lib/csv';
import type { StatsTable } from './tables';

/** RFC 4180 CSV with a BOM, so Excel opens the Chinese headers as UTF-8. */
export function toCsv(table: StatsTable, header: string[]): string {
  const lines = [header, ...table.rows].map((r) => r.map(csvCell).join(','));
  return `\uFEFF${lines.join('\r\n')}\r\n`;
}

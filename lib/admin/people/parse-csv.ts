/** RFC 4180 CSV: the shared parser (lib/csv). */
export { parseCsv } from '@/lib/csv';

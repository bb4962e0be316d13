/**
 * Decodes a CSV file from the university's systems. Excel on Chinese Windows writes GBK, so:
 * a UTF-8 BOM or valid UTF-8 → UTF-8; otherwise GB18030 (a superset of GBK).
 */
export function decodeCsv(bytes: Uint8Array): { text: string; encoding: 'utf-8' | 'gb18030' } {
  try {
    const text = new TextDecoder('utf-8', { fatal: true, ignoreBOM: false }).decode(bytes);
    return { text, encoding: 'utf-8' };
  } catch {
    return { text: new TextDecoder('gb18030').decode(bytes), encoding: 'gb18030' };
  }
}

/** RFC 4180 records: the shared parser (lib/csv). */
export { parseCsv } from '@/lib/csv';

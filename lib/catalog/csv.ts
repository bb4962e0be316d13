import iconv from 'iconv-lite';

// The catalog's CSV is the shared one (lib/csv); decoding GBK from Excel is the catalog's own.
export { parseCsv, toCsvText as toCsv } from '@/lib/csv';

export type DecodedText = { text: string; encoding: 'utf-8' | 'gbk' };

/**
 * Files from Excel on Chinese Windows are often GBK, not UTF-8. Valid UTF-8 (with or without
 * a BOM) is read as such; otherwise GBK (GB18030) is tried; anything else is refused.
 */
export function decodeCsv(bytes: Uint8Array): DecodedText | null {
  let body = bytes;
  if (body[0] === 0xef && body[1] === 0xbb && body[2] === 0xbf) body = body.subarray(3);
  try {
    return { text: new TextDecoder('utf-8', { fatal: true }).decode(body), encoding: 'utf-8' };
  } catch {
    const text = iconv.decode(Buffer.from(body), 'gb18030');
    // Bytes that are not GBK either come out as U+FFFD; a binary file is full of control characters.
    // eslint-disable-next-line no-control-regex -- control characters are what this looks for
    if (text.includes('\uFFFD') || /[\u0000-\u0008\u000e-\u001f]/.test(text)) return null;
    return { text, encoding: 'gbk' };
  }
}

import { readFile } from 'node:fs/promises';
import path from 'node:path';
import subsetFont from 'subset-font';

/**
 * Noto Sans Hans (SIL Open Font License 1.1, from @embedpdf/fonts-sc) cut down to the characters
 * one document uses: the whole font is 8 MB, a record's subset a few dozen KB. harfbuzz does the
 * cutting (pdf-lib's own fontkit subsetting writes CFF fonts that PDF readers reject).
 */
const FONT_FILE = path.join(process.cwd(), 'node_modules', '@embedpdf', 'fonts-sc', 'fonts', 'NotoSansHans-Regular.otf');

let full: Promise<Buffer> | null = null;

export async function cjkFontSubset(text: string): Promise<Uint8Array> {
  full ??= readFile(FONT_FILE).catch((error: unknown) => {
    full = null;
    throw error;
  });
  // Every printable ASCII character too: numbers, hashes and URLs come in at draw time.
  const ascii = Array.from({ length: 95 }, (_, i) => String.fromCharCode(32 + i)).join('');
  return new Uint8Array(await subsetFont(await full, ascii + text, { targetFormat: 'sfnt' }));
}

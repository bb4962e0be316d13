/** The accepted evidence formats, recognised by their first bytes, never by the file name. */
export type AcceptedType = 'application/pdf' | 'image/jpeg' | 'image/png' | 'image/webp' | 'image/heic';

const ascii = (bytes: Uint8Array, start: number, length: number) =>
  String.fromCharCode(...bytes.subarray(start, start + length));

export function sniffType(bytes: Uint8Array): AcceptedType | null {
  if (bytes.length < 12) return null;
  if (ascii(bytes, 0, 5) === '%PDF-') return 'application/pdf';
  if (bytes[0] === 0xff && bytes[1] === 0xd8 && bytes[2] === 0xff) return 'image/jpeg';
  if (bytes[0] === 0x89 && ascii(bytes, 1, 3) === 'PNG' && bytes[4] === 0x0d && bytes[5] === 0x0a) return 'image/png';
  if (ascii(bytes, 0, 4) === 'RIFF' && ascii(bytes, 8, 4) === 'WEBP') return 'image/webp';
  if (ascii(bytes, 4, 4) === 'ftyp' && ['heic', 'heix', 'mif1', 'msf1', 'heim', 'heis', 'hevc'].includes(ascii(bytes, 8, 4))) {
    return 'image/heic';
  }
  return null;
}

const EXTENSIONS: Record<AcceptedType, readonly string[]> = {
  'application/pdf': ['pdf'],
  'image/jpeg': ['jpg', 'jpeg'],
  'image/png': ['png'],
  'image/webp': ['webp'],
  'image/heic': ['heic', 'heif'],
};

/**
 * The file name with the extension of its sniffed type: "p.html" holding a PDF becomes "p.pdf",
 * so a download saved to disk opens as what it is, never as the page its name claimed.
 */
export function nameForType(filename: string, contentType: string): string {
  const exts = EXTENSIONS[contentType as AcceptedType];
  if (!exts) return filename;
  const dot = filename.lastIndexOf('.');
  const [stem, ext] = dot > 0 ? [filename.slice(0, dot), filename.slice(dot + 1).toLowerCase()] : [filename, ''];
  return exts.includes(ext) ? filename : `${stem || 'file'}.${exts[0]}`;
}

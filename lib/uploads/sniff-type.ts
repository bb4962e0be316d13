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

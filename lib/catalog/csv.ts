import iconv from 'iconv-lite';

/** RFC 4180 CSV: quoted fields, doubled quotes, CRLF or LF. Returns rows of fields. */
export function parseCsv(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let field = '';
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const c = text[i]!;
    if (quoted) {
      if (c === '"' && text[i + 1] === '"') {
        field += '"';
        i++;
      } else if (c === '"') quoted = false;
      else field += c;
    } else if (c === '"' && field === '') quoted = true;
    else if (c === ',') {
      row.push(field);
      field = '';
    } else if (c === '\n' || c === '\r') {
      if (c === '\r' && text[i + 1] === '\n') i++;
      row.push(field);
      rows.push(row);
      row = [];
      field = '';
    } else field += c;
  }
  if (field !== '' || row.length) {
    row.push(field);
    rows.push(row);
  }
  return rows.filter((r) => r.some((f) => f.trim() !== ''));
}

/** A field quoted when it must be; a leading =, +, - or @ is neutralised so Excel does not run it as a formula. */
function cell(value: string): string {
  const safe = /^[=+\-@]/.test(value) ? `'${value}` : value;
  return /[",\r\n]/.test(safe) ? `"${safe.replace(/"/g, '""')}"` : safe;
}

export function toCsv(rows: string[][]): string {
  return rows.map((r) => r.map(cell).join(',')).join('\r\n') + '\r\n';
}

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
    if (text.includes('\uFFFD') || /[\u0000-\u0008\u000e-\u001f]/.test(text)) return null;
    return { text, encoding: 'gbk' };
  }
}

/**
 * CSV for every import and export (catalog, people, campus data, dashboards): RFC 4180 — quoted
 * fields with commas, doubled quotes and line breaks, CRLF or LF, a leading BOM.
 */

/** Rows of fields; blank rows (every field empty or spaces) are dropped. */
export function parseCsv(text: string): string[][] {
  const s = text.replace(/^\uFEFF/, '');
  const rows: string[][] = [];
  let row: string[] = [];
  let field = '';
  let quoted = false;
  for (let i = 0; i < s.length; i++) {
    const c = s[i]!;
    if (quoted) {
      if (c === '"' && s[i + 1] === '"') {
        field += '"';
        i++;
      } else if (c === '"') quoted = false;
      else field += c;
    } else if (c === '"' && field === '') quoted = true;
    else if (c === ',') {
      row.push(field);
      field = '';
    } else if (c === '\n' || c === '\r') {
      if (c === '\r' && s[i + 1] === '\n') i++;
      row.push(field);
      rows.push(row);
      row = [];
      field = '';
    } else field += c;
  }
  if (field !== '' || row.length > 0) {
    row.push(field);
    rows.push(row);
  }
  return rows.filter((r) => r.some((f) => f.trim() !== ''));
}

/**
 * One field, quoted when it must be. Text starting with =, +, - or @ gets a leading ' so a
 * spreadsheet never runs it as a formula (numbers are left alone: -3 is a number).
 */
export function csvCell(value: string | number | null): string {
  if (value === null) return '';
  const s = String(value);
  const safe = typeof value === 'string' && /^[=+\-@]/.test(s) ? `'${s}` : s;
  return /[",\r\n]/.test(safe) ? `"${safe.replace(/"/g, '""')}"` : safe;
}

/** Rows to CSV text with CRLF line ends. */
export function toCsvText(rows: Array<Array<string | number | null>>): string {
  return rows.map((r) => r.map(csvCell).join(',')).join('\r\n') + '\r\n';
}

/**
 * CSV for every import and export (catalog, people, campus data, housing notices, dashboards):
 * RFC 4180 — quoted fields with commas, doubled quotes and line breaks, CRLF or LF, a leading BOM.
 * Reading also takes tab-separated text, as pasted from a spreadsheet (see `sniffDelimiter`).
 */

/** One record with the 1-based line of the text it starts on (a quoted field may span lines). */
export interface CsvRecord {
  line: number;
  cells: string[];
}

/**
 * Tab when the first non-blank line has more tabs than commas, else comma: a range copied out of
 * Excel or WPS arrives tab-separated (its amounts may still hold a thousands comma), while a
 * comma-separated line has a comma between every column.
 */
export function sniffDelimiter(text: string): ',' | '\t' {
  const first = text.split(/\r?\n|\r/).find((l) => l.trim() !== '') ?? '';
  const count = (c: string) => first.split(c).length - 1;
  return count('\t') > count(',') ? '\t' : ',';
}

/** Records with their line numbers; blank records (every field empty or spaces) are dropped. */
export function parseCsvRecords(text: string): CsvRecord[] {
  const s = text.replace(/^\uFEFF/, '');
  const delimiter = sniffDelimiter(s);
  const records: CsvRecord[] = [];
  let row: string[] = [];
  let field = '';
  let quoted = false;
  let line = 1;
  let start = 1;
  for (let i = 0; i < s.length; i++) {
    const c = s[i]!;
    if (quoted) {
      if (c === '"' && s[i + 1] === '"') {
        field += '"';
        i++;
      } else if (c === '"') quoted = false;
      else {
        if (c === '\n' || (c === '\r' && s[i + 1] !== '\n')) line++;
        field += c;
      }
    } else if (c === '"' && field === '') quoted = true;
    else if (c === delimiter) {
      row.push(field);
      field = '';
    } else if (c === '\n' || c === '\r') {
      if (c === '\r' && s[i + 1] === '\n') i++;
      row.push(field);
      records.push({ line: start, cells: row });
      row = [];
      field = '';
      start = ++line;
    } else field += c;
  }
  if (field !== '' || row.length > 0) {
    row.push(field);
    records.push({ line: start, cells: row });
  }
  return records.filter((r) => r.cells.some((f) => f.trim() !== ''));
}

/** Rows of fields; blank rows (every field empty or spaces) are dropped. */
export function parseCsv(text: string): string[][] {
  return parseCsvRecords(text).map((r) => r.cells);
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

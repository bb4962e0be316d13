/** One data row of a pasted or uploaded CSV, with its 1-based line number for error messages. */
export interface CsvRow {
  line: number;
  cells: string[];
}

/** RFC 4180-ish: commas (or tabs, as pasted from a spreadsheet), double-quoted cells, CRLF or LF. */
export function parseCsv(text: string): CsvRow[] {
  const rows: CsvRow[] = [];
  const lines = text.replace(/^\uFEFF/, '').split(/\r?\n/);
  lines.forEach((raw, i) => {
    if (raw.trim() === '') return;
    const separator = raw.includes('\t') && !raw.includes(',') ? '\t' : ',';
    const cells: string[] = [];
    let cell = '';
    let quoted = false;
    for (let j = 0; j < raw.length; j++) {
      const ch = raw[j]!;
      if (quoted) {
        if (ch === '"' && raw[j + 1] === '"') {
          cell += '"';
          j++;
        } else if (ch === '"') quoted = false;
        else cell += ch;
      } else if (ch === '"' && cell === '') quoted = true;
      else if (ch === separator) {
        cells.push(cell.trim());
        cell = '';
      } else cell += ch;
    }
    cells.push(cell.trim());
    rows.push({ line: i + 1, cells });
  });
  return rows;
}

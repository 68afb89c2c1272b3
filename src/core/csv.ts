/**
 * CSV per RFC 4180, safe to open in a spreadsheet. DOM-free.
 *
 * Writing: CRLF line ends (also after the last row); a cell containing a comma, a double quote,
 * CR or LF is quoted, with its quotes doubled. Formula injection is neutralised: a text cell that
 * starts with `=`, `+`, `-`, `@`, TAB or CR gets a leading `'`, so Excel, LibreOffice and Google
 * Sheets show it as text instead of evaluating it (OWASP's advice). Plain numbers are left alone:
 * a JS number, or a string such as `-12.34` that matches `/^-?\d+(\.\d+)?$/`, stays a number.
 */

/** A value a CSV cell can be made of; `null` and `undefined` are empty cells. */
export type CsvValue = string | number | null | undefined;

/** Options of `toCsv`. */
export interface CsvOptions {
  /** Start with a UTF-8 byte order mark (U+FEFF), so Excel reads non-ASCII text correctly. */
  bom?: boolean;
}

const PLAIN_NUMBER = /^-?\d+(\.\d+)?$/;
const FORMULA_START = /^[=+\-@\t\r]/;
// A leading BOM is quoted too, so that a reader that strips a file's BOM keeps the cell's.
const NEEDS_QUOTES = /[",\r\n]|^\uFEFF/;

/** One cell, neutralised against formula injection and quoted when needed. */
export function csvCell(value: CsvValue): string {
  if (value === null || value === undefined) return '';
  let text = String(value);
  if (typeof value !== 'number' && !PLAIN_NUMBER.test(text) && FORMULA_START.test(text)) text = `'${text}`;
  return NEEDS_QUOTES.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

/**
 * Rows to CSV text: cells joined by `,`, every row ended by CRLF. A row that is a single empty
 * cell is written as `""`, so that it reads back as one empty cell and not as a blank line.
 */
export function toCsv(rows: readonly (readonly CsvValue[])[], options: CsvOptions = {}): string {
  let out = options.bom ? '\uFEFF' : '';
  for (const row of rows) {
    const line = row.map(csvCell).join(',');
    out += (line === '' && row.length <= 1 ? '""' : line) + '\r\n';
  }
  return out;
}

/**
 * Parses RFC 4180 CSV text into rows of strings. Lenient where the RFC is silent: a leading BOM is
 * ignored; CRLF, LF and lone CR all end a row; the final line end does not add a row; a blank line
 * is a row with one empty cell; a stray quote inside an unquoted cell is kept as text; an
 * unterminated quoted cell runs to the end of the text. Neutralising `'` prefixes are kept
 * (they are part of the cell's text).
 */
export function parseCsv(text: string): string[][] {
  const rows: string[][] = [];
  let i = text.charCodeAt(0) === 0xfeff ? 1 : 0;
  const n = text.length;
  if (i >= n) return rows;
  let row: string[] = [];
  let cell = '';
  let quoted = false; // inside a quoted section
  while (i < n) {
    const c = text[i]!;
    if (quoted) {
      if (c === '"') {
        if (text[i + 1] === '"') {
          cell += '"';
          i += 2;
        } else {
          quoted = false;
          i++;
        }
      } else {
        cell += c;
        i++;
      }
    } else if (c === '"' && cell === '') {
      quoted = true;
      i++;
    } else if (c === ',') {
      row.push(cell);
      cell = '';
      i++;
    } else if (c === '\r' || c === '\n') {
      row.push(cell);
      rows.push(row);
      row = [];
      cell = '';
      i += c === '\r' && text[i + 1] === '\n' ? 2 : 1;
    } else {
      cell += c;
      i++;
    }
  }
  // The last row, unless the text ended with a line end.
  const last = text[n - 1];
  if (quoted || cell !== '' || row.length > 0 || (last !== '\n' && last !== '\r')) {
    row.push(cell);
    rows.push(row);
  }
  return rows;
}

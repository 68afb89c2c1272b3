/**
 * CSV per RFC 4180, safe to open in a spreadsheet. DOM-free.
 *
 * Writing: CRLF line ends (also after the last row); every text cell is quoted, with its quotes
 * doubled, so that a spreadsheet whose list separator is `;` (German, French, Spanish Excel) does
 * not split `Ride;=1+1` into a cell that starts with `=`. Formula injection is neutralised: a text
 * cell that, read the way a spreadsheet may read it (NFKC-normalised, so full-width `＝＋－＠`
 * count, and past any leading whitespace, NBSP, invisible character or quote), starts with `=`,
 * `+`, `-` or `@`, or that starts with TAB, CR or LF, gets a leading `'`, so Excel, LibreOffice
 * and Google Sheets show it as text instead of evaluating it (OWASP's advice, extended); so does
 * each part of it after a `;` or a line break that would, since a reader in a `;` locale can start
 * a field there. Plain numbers are
 * left alone and unquoted: a JS number, or a string such as `-12.34` that matches
 * `/^-?\d+(\.\d+)?$/`, stays a number.
 */

/** A value a CSV cell can be made of; `null` and `undefined` are empty cells. */
export type CsvValue = string | number | null | undefined;

/** Options of `toCsv`. */
export interface CsvOptions {
  /** Start with a UTF-8 byte order mark (U+FEFF), so Excel reads non-ASCII text correctly. */
  bom?: boolean;
}

const PLAIN_NUMBER = /^-?\d+(\.\d+)?$/;
/** Characters that make a spreadsheet evaluate a cell when they come first. */
const FORMULA_START = /^[=+\-@]/;
/** Control characters that some spreadsheets act on at the start of a cell. */
const CONTROL_START = /^[\t\r\n]/;
/** What a spreadsheet may skip before it looks at a field's first character: spaces, NBSP, invisibles, quotes. */
const LEADING_SKIPPED = /^[\p{White_Space}\p{Default_Ignorable_Code_Point}\p{Cc}\p{Cf}"]+/u;
/**
 * Where a field can begin when the file is read by a spreadsheet whose list separator is `;`, or
 * by one that ends a record at a line break inside quotes: after each `;`, CR and LF.
 */
const SEGMENT_BREAK = /[;\r\n]/;

/** True when `text`, NFKC-normalised and past what a spreadsheet skips, starts with `=`, `+`, `-` or `@`. */
function startsLikeFormula(text: string): boolean {
  return FORMULA_START.test(text.normalize('NFKC').replace(LEADING_SKIPPED, ''));
}

/**
 * True when a text cell could be read as a formula: it starts with TAB, CR or LF, or, once
 * NFKC-normalised and past its leading whitespace, invisible characters and quotes, with `=`,
 * `+`, `-` or `@`. Plain numbers (`-12.34`) are not formulas.
 */
export function looksLikeFormula(text: string): boolean {
  if (PLAIN_NUMBER.test(text)) return false;
  return CONTROL_START.test(text) || startsLikeFormula(text);
}

/**
 * A text cell's content made safe: a `'` before the cell when it looks like a formula, and before
 * each part after a `;`, CR or LF that does (where a `;` spreadsheet could start a field).
 */
export function neutraliseFormulas(text: string): string {
  let out = looksLikeFormula(text) ? `'` : '';
  let from = 0;
  for (let i = 0; i < text.length; i++) {
    if (!SEGMENT_BREAK.test(text[i]!)) continue;
    out += text.slice(from, i + 1);
    from = i + 1;
    if (startsLikeFormula(text.slice(from))) out += `'`;
  }
  return out + text.slice(from);
}

/** One cell: a number as is, text neutralised against formula injection and quoted. */
export function csvCell(value: CsvValue): string {
  if (value === null || value === undefined) return '';
  const text = String(value);
  if (typeof value === 'number' || PLAIN_NUMBER.test(text)) return text;
  if (text === '') return '';
  return `"${neutraliseFormulas(text).replace(/"/g, '""')}"`;
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
 * (they are part of the cell's text). `separator` is `,` by default; `;` reads the file the way
 * a spreadsheet in a `;` locale does.
 */
export function parseCsv(text: string, separator = ','): string[][] {
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
    } else if (c === separator) {
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

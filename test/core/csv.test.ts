import { expect } from '@open-wc/testing';
import fc from 'fast-check';
import { csvCell, neutraliseFormulas, parseCsv, toCsv } from '../../src/core/csv.js';

const PLAIN_NUMBER = /^-?\d+(\.\d+)?$/;
/** What a spreadsheet may skip before the first character it looks at. */
const LEADING_INVISIBLE = /^[\p{White_Space}\p{Default_Ignorable_Code_Point}\p{Cc}\p{Cf}]+/u;
/** A field a spreadsheet could evaluate: NFKC-normalised, past leading invisibles, a formula character first. */
const evaluable = (field: string) =>
  !PLAIN_NUMBER.test(field) && /^[=+\-@]/.test(field.normalize('NFKC').replace(LEADING_INVISIBLE, ''));
/** A cell's text without the apostrophes the writer may add (at its start, after `;`, CR and LF). */
const withoutAddedQuotes = (s: string) => s.replace(/(^|[;\r\n])'/g, '$1');

/** Characters that matter to CSV and spreadsheets, mixed with any code point. */
const char = fc.oneof(
  {
    weight: 3,
    arbitrary: fc.constantFrom(
      ',', ';', '"', '\r', '\n', '\r\n', '\t', '=', '+', '-', '@', "'", ' ', 'a', '1', '.', '\uFEFF',
      '\u00A0', '\u200B', '\u2060', '\u3000', '\uFF1D', '\uFF0B', '\uFF0D', '\uFF20', '\uFE66', '\u00AD',
    ),
  },
  { weight: 2, arbitrary: fc.string({ unit: 'binary', minLength: 1, maxLength: 1 }) },
);
const anyText = fc.string({ unit: char, maxLength: 12 });
const safeText = anyText.filter((s) => neutraliseFormulas(s) === s);

describe('csvCell', () => {
  it('quotes every text cell and empties null, undefined and empty text', () => {
    expect(csvCell('Payment from Lumen Rides')).to.equal('"Payment from Lumen Rides"');
    expect(csvCell('a=b')).to.equal('"a=b"');
    expect(csvCell(null)).to.equal('');
    expect(csvCell(undefined)).to.equal('');
    expect(csvCell('')).to.equal('');
  });

  it('doubles quotes inside a cell', () => {
    expect(csvCell('a,b')).to.equal('"a,b"');
    expect(csvCell('say "hi"')).to.equal('"say ""hi"""');
    expect(csvCell('two\nlines')).to.equal('"two\nlines"');
    expect(csvCell('two\r\nlines')).to.equal('"two\r\nlines"');
    expect(csvCell('"')).to.equal('""""');
  });

  it('neutralises formula injection with a leading apostrophe', () => {
    expect(csvCell('=SUM(A1:A9)')).to.equal(`"'=SUM(A1:A9)"`);
    expect(csvCell('+1')).to.equal(`"'+1"`);
    expect(csvCell('-2+3')).to.equal(`"'-2+3"`);
    expect(csvCell('@x')).to.equal(`"'@x"`);
    expect(csvCell('\tcmd')).to.equal(`"'\tcmd"`);
    expect(csvCell('\r=1')).to.equal(`"'\r'=1"`);
    expect(csvCell('-')).to.equal(`"'-"`);
    expect(csvCell('=HYPERLINK("http://evil.example","Click")')).to.equal(
      `"'=HYPERLINK(""http://evil.example"",""Click"")"`,
    );
    expect(csvCell('=1,2')).to.equal(`"'=1,2"`);
  });

  it('neutralises a formula behind whitespace, invisible characters and full-width forms', () => {
    for (const risky of [' =1+1', '\u00A0=1+1', '\u200B=1+1', '\u2060@SUM(A1)', '\u3000+1', '\uFEFF=1', '\u00AD-1+2',
      '\uFF1D1+1', '\uFF0BA1', '\uFF0D1+1', '\uFF20x', '\uFE66cmd', ' \uFF1DHYPERLINK("x")']) {
      expect(csvCell(risky), JSON.stringify(risky)).to.equal(`"'${risky.replace(/"/g, '""')}"`);
    }
  });

  it('neutralises what follows a ; or a line break, where a spreadsheet in a ; locale may start a field', () => {
    expect(csvCell('Ride;=1+1;')).to.equal(`"Ride;'=1+1;"`);
    expect(csvCell('Ride; ＝1+1')).to.equal(`"Ride;' ＝1+1"`);
    expect(csvCell('x\n@cmd')).to.equal(`"x\n'@cmd"`);
    expect(csvCell('x;"=1')).to.equal(`"x;'""=1"`);
    expect(csvCell('a;b - c')).to.equal('"a;b - c"');
    for (const separator of [',', ';']) {
      const fields = parseCsv(toCsv([['Trip', 'Ride;=1+1;', 'x\n=2+2']]), separator).flat();
      expect(fields.filter(evaluable), separator).to.deep.equal([]);
    }
  });

  it('keeps plain numbers, negative ones included, as numbers', () => {
    expect(csvCell(-12.34)).to.equal('-12.34');
    expect(csvCell('-12.34')).to.equal('-12.34');
    expect(csvCell('-12')).to.equal('-12');
    expect(csvCell('1234.5')).to.equal('1234.5');
    expect(csvCell(0)).to.equal('0');
    expect(csvCell(-5)).to.equal('-5');
  });
});

describe('toCsv', () => {
  it('joins cells with commas and ends every row with CRLF', () => {
    expect(toCsv([['Date', 'Amount'], ['2025-11-28', -12.34], ['x', null]])).to.equal(
      '"Date","Amount"\r\n"2025-11-28",-12.34\r\n"x",\r\n',
    );
    expect(toCsv([])).to.equal('');
  });

  it('writes a lone empty cell as "" so it is not a blank line', () => {
    expect(toCsv([['a'], [''], ['b']])).to.equal('"a"\r\n""\r\n"b"\r\n');
    expect(parseCsv(toCsv([['a'], [''], ['b']]))).to.deep.equal([['a'], [''], ['b']]);
  });

  it('starts with a UTF-8 BOM on request', () => {
    const csv = toCsv([['Café', '¥1,000']], { bom: true });
    expect(csv).to.equal('\uFEFF"Café","¥1,000"\r\n');
    expect(toCsv([['a']])).to.equal('"a"\r\n');
    const bytes = new TextEncoder().encode(csv);
    expect([...bytes.slice(0, 3)]).to.deep.equal([0xef, 0xbb, 0xbf]);
  });

  it("keeps a first cell's own BOM apart from the file's", () => {
    expect(parseCsv(toCsv([['\uFEFFx']]))).to.deep.equal([['\uFEFFx']]);
    expect(parseCsv(toCsv([['\uFEFFx']], { bom: true }))).to.deep.equal([['\uFEFFx']]);
  });
});

describe('parseCsv', () => {
  it('reads RFC 4180 text', () => {
    expect(parseCsv('a,b\r\nc,d\r\n')).to.deep.equal([['a', 'b'], ['c', 'd']]);
    expect(parseCsv('a,b\r\nc,d')).to.deep.equal([['a', 'b'], ['c', 'd']]);
    expect(parseCsv('"a,1","say ""hi""","two\r\nlines"\r\n')).to.deep.equal([['a,1', 'say "hi"', 'two\r\nlines']]);
    expect(parseCsv('a,\r\n,b\r\n')).to.deep.equal([['a', ''], ['', 'b']]);
    expect(parseCsv('')).to.deep.equal([]);
    expect(parseCsv('\uFEFF')).to.deep.equal([]);
  });

  it('is lenient with LF line ends, a BOM and blank lines', () => {
    expect(parseCsv('\uFEFFa,b\nc,d\n')).to.deep.equal([['a', 'b'], ['c', 'd']]);
    expect(parseCsv('a\r\n\r\nb')).to.deep.equal([['a'], [''], ['b']]);
    expect(parseCsv('a"b,c')).to.deep.equal([['a"b', 'c']]);
    expect(parseCsv('"open')).to.deep.equal([['open']]);
  });
});

describe('CSV round trip (fast-check)', () => {
  it('parseCsv(toCsv(rows)) returns the rows for text that needs no neutralising', () => {
    fc.assert(
      fc.property(fc.array(fc.array(safeText, { minLength: 1, maxLength: 6 }), { maxLength: 8 }), fc.boolean(), (rows, bom) => {
        expect(parseCsv(toCsv(rows, { bom }))).to.deep.equal(rows);
      }),
      { numRuns: 300 },
    );
  });

  it('reads back a neutralised cell as the text with one leading apostrophe', () => {
    const rest = anyText.filter((t) => !/[;\r\n]/.test(t));
    const risky = fc.tuple(fc.constantFrom('=', '+', '-', '@', '\t', ' =', '\u00A0+', '\u200B@', '\uFF1D'), rest).map(([c, s]) => c + s)
      .filter((s) => !PLAIN_NUMBER.test(s));
    fc.assert(
      fc.property(risky, safeText, (cell, other) => {
        expect(parseCsv(toCsv([[other, cell]]))).to.deep.equal([[other, `'${cell}`]]);
      }),
      { numRuns: 300 },
    );
  });

  it('never lets any field start with a formula character, read with , or ; as separator and NFKC-normalised', () => {
    fc.assert(
      fc.property(fc.array(anyText, { minLength: 1, maxLength: 5 }), fc.constantFrom(',', ';'), (row, separator) => {
        const csv = toCsv([row]);
        for (const field of parseCsv(csv, separator).flat()) {
          expect(evaluable(field), `${JSON.stringify(field)} in ${JSON.stringify(csv)}`).to.be.false;
        }
        const [back] = parseCsv(csv);
        back!.forEach((cell, i) => expect(withoutAddedQuotes(cell)).to.equal(withoutAddedQuotes(row[i]!)));
      }),
      { numRuns: 1000 },
    );
  });

  it('keeps numbers and number strings untouched', () => {
    const numberText = fc.stringMatching(/^-?\d{1,12}(\.\d{1,6})?$/);
    fc.assert(
      fc.property(fc.integer(), numberText, fc.double({ noNaN: true, noDefaultInfinity: true }), (i, s, d) => {
        expect(parseCsv(toCsv([[i, s, d]]))).to.deep.equal([[String(i), s, String(d)]]);
      }),
      { numRuns: 300 },
    );
  });
});

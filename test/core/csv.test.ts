import { expect } from '@open-wc/testing';
import fc from 'fast-check';
import { csvCell, parseCsv, toCsv } from '../../src/core/csv.js';

const FORMULA_START = /^[=+\-@\t\r]/;
const PLAIN_NUMBER = /^-?\d+(\.\d+)?$/;
const neutralised = (s: string) => FORMULA_START.test(s) && !PLAIN_NUMBER.test(s);

/** Characters that matter to CSV and spreadsheets, mixed with any code point. */
const char = fc.oneof(
  { weight: 3, arbitrary: fc.constantFrom(',', '"', '\r', '\n', '\r\n', '\t', '=', '+', '-', '@', "'", ' ', 'a', '1', '.', '\uFEFF') },
  { weight: 2, arbitrary: fc.string({ unit: 'binary', minLength: 1, maxLength: 1 }) },
);
const anyText = fc.string({ unit: char, maxLength: 12 });
const safeText = anyText.filter((s) => !neutralised(s));

describe('csvCell', () => {
  it('leaves plain text alone and empties null and undefined', () => {
    expect(csvCell('Payment from Lumen Rides')).to.equal('Payment from Lumen Rides');
    expect(csvCell('a=b')).to.equal('a=b');
    expect(csvCell(null)).to.equal('');
    expect(csvCell(undefined)).to.equal('');
    expect(csvCell('')).to.equal('');
  });

  it('quotes cells with a comma, a quote, CR or LF, doubling quotes', () => {
    expect(csvCell('a,b')).to.equal('"a,b"');
    expect(csvCell('say "hi"')).to.equal('"say ""hi"""');
    expect(csvCell('two\nlines')).to.equal('"two\nlines"');
    expect(csvCell('two\r\nlines')).to.equal('"two\r\nlines"');
    expect(csvCell('"')).to.equal('""""');
  });

  it('neutralises formula injection with a leading apostrophe', () => {
    expect(csvCell('=SUM(A1:A9)')).to.equal("'=SUM(A1:A9)");
    expect(csvCell('+1')).to.equal("'+1");
    expect(csvCell('-2+3')).to.equal("'-2+3");
    expect(csvCell('@x')).to.equal("'@x");
    expect(csvCell('\tcmd')).to.equal("'\tcmd");
    expect(csvCell('\r=1')).to.equal('"\'\r=1"');
    expect(csvCell('-')).to.equal("'-");
    expect(csvCell('=HYPERLINK("http://evil.example","Click")')).to.equal(
      '"\'=HYPERLINK(""http://evil.example"",""Click"")"',
    );
    expect(csvCell('=1,2')).to.equal('"\'=1,2"');
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
      'Date,Amount\r\n2025-11-28,-12.34\r\nx,\r\n',
    );
    expect(toCsv([])).to.equal('');
  });

  it('writes a lone empty cell as "" so it is not a blank line', () => {
    expect(toCsv([['a'], [''], ['b']])).to.equal('a\r\n""\r\nb\r\n');
    expect(parseCsv(toCsv([['a'], [''], ['b']]))).to.deep.equal([['a'], [''], ['b']]);
  });

  it('starts with a UTF-8 BOM on request', () => {
    const csv = toCsv([['Café', '¥1,000']], { bom: true });
    expect(csv).to.equal('\uFEFFCafé,"¥1,000"\r\n');
    expect(toCsv([['a']])).to.equal('a\r\n');
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
    const risky = fc.tuple(fc.constantFrom('=', '+', '-', '@', '\t', '\r'), anyText).map(([c, s]) => c + s)
      .filter((s) => !PLAIN_NUMBER.test(s));
    fc.assert(
      fc.property(risky, safeText, (cell, other) => {
        expect(parseCsv(toCsv([[other, cell]]))).to.deep.equal([[other, `'${cell}`]]);
      }),
      { numRuns: 300 },
    );
  });

  it('never lets any cell read back starting with a formula character', () => {
    fc.assert(
      fc.property(fc.array(anyText, { minLength: 1, maxLength: 5 }), (row) => {
        const [back] = parseCsv(toCsv([row]));
        back!.forEach((cell, i) => {
          const original = row[i]!;
          if (PLAIN_NUMBER.test(original)) expect(cell).to.equal(original);
          else expect(FORMULA_START.test(cell), JSON.stringify(cell)).to.be.false;
          expect(cell === original || cell === `'${original}`).to.be.true;
        });
      }),
      { numRuns: 300 },
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

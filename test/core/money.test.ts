import { expect } from '@open-wc/testing';
import fc from 'fast-check';
import {
  currencyExponent, formatCompactMoney, formatMoney, fromMajorUnitString, isKnownCurrency, sumMinor,
  THREE_DECIMAL_CURRENCIES, toMajorUnitString, ZERO_DECIMAL_CURRENCIES,
} from '../../src/core/money.js';

const MAX = Number.MAX_SAFE_INTEGER;
const MINUS = /^[^\d]*[-\u2212]/; // a minus sign (ASCII or U+2212) before the first digit

/** The digits after the decimal separator in an en-US formatted amount ('' when there is none). */
function fractionDigits(formatted: string): string {
  const m = /\d\.(\d+)/.exec(formatted);
  return m ? m[1] : '';
}

describe('currencyExponent', () => {
  it("follows Stripe's zero- and three-decimal lists, 2 otherwise, any case", () => {
    expect([...ZERO_DECIMAL_CURRENCIES].sort()).to.deep.equal(
      ['bif', 'clp', 'djf', 'gnf', 'jpy', 'kmf', 'krw', 'mga', 'pyg', 'rwf', 'ugx', 'vnd', 'vuv', 'xaf', 'xof', 'xpf']);
    expect([...THREE_DECIMAL_CURRENCIES].sort()).to.deep.equal(['bhd', 'jod', 'kwd', 'omr', 'tnd']);
    for (const c of ZERO_DECIMAL_CURRENCIES) expect(currencyExponent(c), c).to.equal(0);
    for (const c of THREE_DECIMAL_CURRENCIES) expect(currencyExponent(c), c).to.equal(3);
    expect(currencyExponent('JPY')).to.equal(0);
    expect(currencyExponent('Kwd')).to.equal(3);
    expect(currencyExponent('usd')).to.equal(2);
    expect(currencyExponent('eur')).to.equal(2);
  });
});

describe('isKnownCurrency', () => {
  it('accepts lowercase codes Intl lists and rejects the rest', () => {
    for (const c of ['usd', 'eur', 'jpy', 'bhd', 'gbp', 'chf']) expect(isKnownCurrency(c), c).to.be.true;
    for (const c of ['USD', 'us', 'usdd', '', 'u$d', '123']) expect(isKnownCurrency(c), c).to.be.false;
    expect(isKnownCurrency('zzq')).to.be.false;
  });
  it('knows every currency with a special exponent', () => {
    for (const c of [...ZERO_DECIMAL_CURRENCIES, ...THREE_DECIMAL_CURRENCIES]) expect(isKnownCurrency(c), c).to.be.true;
  });
});

describe('toMajorUnitString / fromMajorUnitString', () => {
  it('builds exact decimal strings', () => {
    expect(toMajorUnitString(-123456, 'usd')).to.equal('-1234.56');
    expect(toMajorUnitString(123456, 'usd')).to.equal('1234.56');
    expect(toMajorUnitString(5, 'usd')).to.equal('0.05');
    expect(toMajorUnitString(-5, 'eur')).to.equal('-0.05');
    expect(toMajorUnitString(0, 'usd')).to.equal('0.00');
    expect(toMajorUnitString(-0, 'usd')).to.equal('0.00');
    expect(toMajorUnitString(1000, 'jpy')).to.equal('1000');
    expect(toMajorUnitString(-7, 'JPY')).to.equal('-7');
    expect(toMajorUnitString(1, 'bhd')).to.equal('0.001');
    expect(toMajorUnitString(-123456, 'kwd')).to.equal('-123.456');
    expect(toMajorUnitString(MAX, 'usd')).to.equal('90071992547409.91');
    expect(toMajorUnitString(-MAX, 'bhd')).to.equal('-9007199254740.991');
  });
  it('rejects amounts that are not safe integers', () => {
    for (const bad of [1.5, NaN, Infinity, MAX + 1, -(MAX + 1)]) {
      expect(() => toMajorUnitString(bad, 'usd'), String(bad)).to.throw(RangeError);
    }
  });
  it('parses exact decimal strings back to minor units', () => {
    expect(fromMajorUnitString('-1234.56', 'usd')).to.equal(-123456);
    expect(fromMajorUnitString('12.5', 'usd')).to.equal(1250);
    expect(fromMajorUnitString('12', 'usd')).to.equal(1200);
    expect(fromMajorUnitString(' 0.001 ', 'bhd')).to.equal(1);
    expect(fromMajorUnitString('1000', 'jpy')).to.equal(1000);
    expect(fromMajorUnitString('1000.00', 'jpy')).to.equal(1000);
    expect(Object.is(fromMajorUnitString('-0.00', 'usd'), 0)).to.be.true;
    expect(fromMajorUnitString('90071992547409.91', 'usd')).to.equal(MAX);
  });
  it('rejects malformed, over-precise and out-of-range strings', () => {
    for (const bad of ['', 'abc', '1,234.56', '1e3', '+1', '--1', '1.2.3', '.5', '0.001', '$1', '90071992547409.92']) {
      expect(() => fromMajorUnitString(bad, 'usd'), bad).to.throw(RangeError);
    }
    expect(() => fromMajorUnitString('1.5', 'jpy')).to.throw(RangeError);
    expect(() => fromMajorUnitString(null as unknown as string, 'usd')).to.throw(RangeError);
  });
  it('round-trips every safe integer in every exponent (property)', () => {
    const currencies = ['usd', 'eur', 'jpy', 'bhd', ...ZERO_DECIMAL_CURRENCIES, ...THREE_DECIMAL_CURRENCIES];
    fc.assert(fc.property(fc.maxSafeInteger(), fc.constantFrom(...currencies), (amount, currency) => {
      const s = toMajorUnitString(amount, currency);
      expect(fromMajorUnitString(s, currency)).to.equal(amount);
      // the string's digits are the integer's digits
      expect(s.replace(/[-.]/g, '').replace(/^0+(?=\d)/, '')).to.equal(String(Math.abs(amount)));
    }), { numRuns: 500 });
  });
});

describe('sumMinor', () => {
  it('equals the BigInt sum, or throws when a partial sum leaves the safe range (property)', () => {
    fc.assert(fc.property(
      fc.array(fc.oneof(fc.integer({ min: -1e9, max: 1e9 }), fc.maxSafeInteger()), { maxLength: 40 }),
      (amounts) => {
        let big = 0n;
        let overflow = false;
        for (const a of amounts) {
          big += BigInt(a);
          if (big > BigInt(MAX) || big < -BigInt(MAX)) overflow = true;
        }
        if (overflow) expect(() => sumMinor(amounts)).to.throw(RangeError);
        else expect(BigInt(sumMinor(amounts))).to.equal(big);
      }), { numRuns: 500 });
  });
  it('is exact where floating-point decimals are not', () => {
    expect(sumMinor([10, 20])).to.equal(30); // 0.1 + 0.2 would not be 0.3
    expect(sumMinor(new Set([MAX - 1, 1]))).to.equal(MAX);
    expect(sumMinor([])).to.equal(0);
  });
  it('rejects non-integers and overflow', () => {
    expect(() => sumMinor([1, 0.5])).to.throw(RangeError);
    expect(() => sumMinor([1, NaN])).to.throw(RangeError);
    expect(() => sumMinor([MAX, 1])).to.throw(RangeError);
    expect(() => sumMinor([-MAX, -1])).to.throw(RangeError);
  });
});

describe('formatMoney', () => {
  it('shows jpy 1000 as ¥1,000 and usd 123456 as $1,234.56 in en-US', () => {
    expect(formatMoney(1000, 'jpy', 'en-US')).to.equal('¥1,000');
    expect(formatMoney(123456, 'usd', 'en-US')).to.equal('$1,234.56');
    expect(formatMoney(1000, 'JPY', 'en-US')).to.equal('¥1,000');
  });
  it('puts a minus sign on negatives, never accounting parentheses', () => {
    expect(formatMoney(-123456, 'usd', 'en-US')).to.equal('-$1,234.56');
    for (const locale of ['en-US', 'en-GB', 'fr-FR', 'de-DE', 'es-ES', 'ja-JP']) {
      const s = formatMoney(-123456, 'usd', locale);
      expect(s, locale).to.match(/[-\u2212]/);
      expect(s, locale).not.to.match(/[()]/);
      expect(s.replace(/\D/g, ''), locale).to.equal('123456');
    }
    expect(formatMoney(-1, 'jpy', 'en-US')).to.match(MINUS);
  });
  it('honours signDisplay', () => {
    expect(formatMoney(500, 'usd', 'en-US', { signDisplay: 'always' })).to.equal('+$5.00');
    expect(formatMoney(0, 'usd', 'en-US', { signDisplay: 'exceptZero' })).to.equal('$0.00');
    expect(formatMoney(-500, 'usd', 'en-US', { signDisplay: 'exceptZero' })).to.match(MINUS);
    expect(formatMoney(0, 'usd', 'en-US')).to.equal('$0.00');
  });
  it('formats every zero- and three-decimal currency, usd and eur with digits = exponent', () => {
    const all = ['usd', 'eur', ...ZERO_DECIMAL_CURRENCIES, ...THREE_DECIMAL_CURRENCIES];
    for (const c of all) {
      const exp = currencyExponent(c);
      for (const amount of [1234567, -1234567, 1, 0, -1]) {
        const s = formatMoney(amount, c, 'en-US');
        const label = `${c} ${amount}: ${s}`;
        expect(fractionDigits(s).length, label).to.equal(exp);
        // the digits shown are exactly the amount's digits, zero-padded to the exponent
        const digits = String(Math.abs(amount)).padStart(exp + 1, '0');
        expect(s.replace(/\D/g, ''), label).to.equal(digits);
        expect(MINUS.test(s), label).to.equal(amount < 0);
      }
    }
  });
  it('formats any safe integer exactly, in every listed currency (property)', () => {
    const all = ['usd', 'eur', ...ZERO_DECIMAL_CURRENCIES, ...THREE_DECIMAL_CURRENCIES];
    fc.assert(fc.property(fc.maxSafeInteger(), fc.constantFrom(...all), (amount, c) => {
      const s = formatMoney(amount, c, 'en-US');
      const exp = currencyExponent(c);
      expect(s.replace(/\D/g, '')).to.equal(String(Math.abs(amount)).padStart(exp + 1, '0'));
      expect(fractionDigits(s).length).to.equal(exp);
      expect(MINUS.test(s)).to.equal(amount < 0);
    }), { numRuns: 300 });
  });
  it('uses the locale for separators and symbols', () => {
    const de = formatMoney(123456, 'eur', 'de-DE');
    expect(de).to.match(/1\.234,56/);
    expect(de).to.contain('€');
    expect(formatMoney(1234567, 'bhd', 'en-US')).to.match(/1,234\.567/);
  });
  it('rejects non-integer amounts', () => {
    expect(() => formatMoney(12.34, 'usd', 'en-US')).to.throw(RangeError);
  });
});

describe('formatCompactMoney', () => {
  it('shortens axis values with one fraction digit at most', () => {
    expect(formatCompactMoney(123456, 'usd', 'en-US')).to.equal('$1.2K');
    expect(formatCompactMoney(150000000, 'usd', 'en-US')).to.equal('$1.5M');
    expect(formatCompactMoney(0, 'usd', 'en-US')).to.equal('$0');
    expect(formatCompactMoney(1200000, 'jpy', 'en-US')).to.equal('¥1.2M');
    expect(formatCompactMoney(-123456, 'usd', 'en-US')).to.match(MINUS);
    expect(formatCompactMoney(-123456, 'usd', 'en-US')).to.contain('1.2K');
  });
});

/**
 * Exact money: amounts are integers in the currency's minor unit (as Stripe sends them). Nothing
 * here divides an amount by 100 in floating point: decimal strings are built from the integer's
 * digits, and `Intl.NumberFormat` is given that exact string.
 */

/** Stripe's zero-decimal currencies: the amount is in whole units (`jpy 1000` is ¥1,000). */
export const ZERO_DECIMAL_CURRENCIES: ReadonlySet<string> = new Set([
  'bif', 'clp', 'djf', 'gnf', 'jpy', 'kmf', 'krw', 'mga', 'pyg', 'rwf', 'ugx', 'vnd', 'vuv', 'xaf', 'xof', 'xpf',
]);

/** Stripe's three-decimal currencies: the amount is in thousandths (`bhd 1` is 0.001 BHD). */
export const THREE_DECIMAL_CURRENCIES: ReadonlySet<string> = new Set(['bhd', 'jod', 'kwd', 'omr', 'tnd']);

/** Number of decimal digits of a currency's minor unit as Stripe counts them: 0, 3, or 2 for every other currency. Case-insensitive. */
export function currencyExponent(currency: string): number {
  const c = currency.toLowerCase();
  if (ZERO_DECIMAL_CURRENCIES.has(c)) return 0;
  if (THREE_DECIMAL_CURRENCIES.has(c)) return 3;
  return 2;
}

let supportedCurrencies: Set<string> | null | undefined;
const fallbackKnown = new Map<string, boolean>();

/**
 * Whether `code` is a lowercase three-letter currency code that this browser's
 * `Intl.supportedValuesOf('currency')` lists (the contract's definition of a known currency).
 * Where `supportedValuesOf` is missing, any code `Intl.NumberFormat` accepts counts.
 */
export function isKnownCurrency(code: string): boolean {
  if (typeof code !== 'string' || !/^[a-z]{3}$/.test(code)) return false;
  if (supportedCurrencies === undefined) {
    const intl = Intl as typeof Intl & { supportedValuesOf?: (key: string) => string[] };
    try {
      supportedCurrencies = typeof intl.supportedValuesOf === 'function'
        ? new Set(intl.supportedValuesOf('currency').map((c) => c.toLowerCase()))
        : null;
    } catch {
      supportedCurrencies = null;
    }
  }
  if (supportedCurrencies) return supportedCurrencies.has(code);
  let known = fallbackKnown.get(code);
  if (known === undefined) {
    try {
      new Intl.NumberFormat('en', { style: 'currency', currency: code });
      known = true;
    } catch {
      known = false;
    }
    fallbackKnown.set(code, known);
  }
  return known;
}

function assertSafeInteger(amount: number, what = 'amount'): void {
  if (!Number.isSafeInteger(amount)) {
    throw new RangeError(`${what} must be a safe integer of minor units, got ${String(amount)}`);
  }
}

/**
 * The exact decimal string of an amount in major units, by string arithmetic on the integer's
 * digits: `usd -123456` → `"-1234.56"`, `jpy 1000` → `"1000"`, `bhd 1` → `"0.001"`.
 * @throws RangeError when `amount` is not a safe integer.
 */
export function toMajorUnitString(amount: number, currency: string): string {
  assertSafeInteger(amount);
  const exp = currencyExponent(currency);
  const negative = amount < 0;
  const digits = String(Math.abs(amount));
  if (exp === 0) return (negative ? '-' : '') + digits;
  const padded = digits.padStart(exp + 1, '0');
  const cut = padded.length - exp;
  return `${negative ? '-' : ''}${padded.slice(0, cut)}.${padded.slice(cut)}`;
}

const MAJOR_RE = /^(-?)(\d+)(?:\.(\d*))?$/;

/**
 * Parses an exact decimal string in major units back to integer minor units (the inverse of
 * {@link toMajorUnitString}, for CSV round trips): `"-1234.56"` usd → `-123456`. Fewer fraction
 * digits than the exponent are padded (`"12.5"` → 1250); extra ones must be zeros. Surrounding
 * whitespace is ignored; no grouping separators, exponents or `+` sign.
 * @throws RangeError on malformed input, on non-zero digits past the currency's exponent, or
 * when the result is not a safe integer.
 */
export function fromMajorUnitString(s: string, currency: string): number {
  const m = typeof s === 'string' ? MAJOR_RE.exec(s.trim()) : null;
  if (!m) throw new RangeError(`Not a decimal amount: ${JSON.stringify(s)}`);
  const exp = currencyExponent(currency);
  const [, sign, int, frac = ''] = m;
  if (frac.length > exp && /[^0]/.test(frac.slice(exp))) {
    throw new RangeError(`${JSON.stringify(s)} has more than ${exp} decimal digits for ${currency}`);
  }
  const minor = BigInt(int + frac.slice(0, exp).padEnd(exp, '0'));
  if (minor > BigInt(Number.MAX_SAFE_INTEGER)) throw new RangeError(`${JSON.stringify(s)} is out of the safe integer range`);
  const n = Number(minor);
  return sign && n !== 0 ? -n : n;
}

/**
 * The exact integer sum of amounts in minor units.
 * @throws RangeError when a value is not a safe integer or a partial sum leaves the safe range
 * (past it, floating point could no longer represent the sum exactly).
 */
export function sumMinor(amounts: Iterable<number>): number {
  let sum = 0;
  for (const a of amounts) {
    assertSafeInteger(a);
    sum += a;
    if (!Number.isSafeInteger(sum)) throw new RangeError('Sum of amounts is out of the safe integer range');
  }
  return sum;
}

/** Options of {@link formatMoney}. */
export interface FormatMoneyOptions {
  /** As `Intl.NumberFormat`'s `signDisplay`; default `auto` (a minus sign on negatives only). */
  signDisplay?: 'auto' | 'always' | 'exceptZero';
  /** Compact notation (`$1.2K`), at most one fraction digit. */
  compact?: boolean;
}

const formatters = new Map<string, Intl.NumberFormat>();
/**
 * The formatters of the default options by locale, then currency: a list writes three amounts a
 * row, and a key string built per call was most of the garbage its formatting made.
 */
const plainFormatters = new Map<string, Map<string, Intl.NumberFormat>>();

function moneyFormatter(currency: string, locale: string, opts: FormatMoneyOptions): Intl.NumberFormat {
  const plain = opts.signDisplay === undefined && opts.compact !== true;
  if (plain) {
    const nf = plainFormatters.get(locale)?.get(currency);
    if (nf) return nf;
  }
  const signDisplay = opts.signDisplay ?? 'auto';
  const compact = opts.compact === true;
  const key = `${locale}\u0000${currency}\u0000${signDisplay}\u0000${compact ? 1 : 0}`;
  let nf = formatters.get(key);
  if (!nf) {
    const exp = currencyExponent(currency);
    nf = new Intl.NumberFormat(locale, {
      style: 'currency',
      currency: currency.toUpperCase(),
      // `standard`, never `accounting`: negatives show a minus sign, not parentheses.
      currencySign: 'standard',
      signDisplay,
      ...(compact
        ? { notation: 'compact', minimumFractionDigits: 0, maximumFractionDigits: 1 }
        : { minimumFractionDigits: exp, maximumFractionDigits: exp }),
    });
    formatters.set(key, nf);
  }
  if (plain) {
    let byCurrency = plainFormatters.get(locale);
    if (!byCurrency) plainFormatters.set(locale, (byCurrency = new Map()));
    byCurrency.set(currency, nf);
  }
  return nf;
}

/**
 * Formats an amount in minor units for display with the currency's real exponent: `usd 123456`
 * → `$1,234.56`, `jpy 1000` → `¥1,000`, `usd -123456` → `-$1,234.56` (en-US). The formatter gets
 * the exact decimal string, so huge amounts are not rounded through floating point.
 * @throws RangeError when `amount` is not a safe integer or the currency code is malformed.
 */
export function formatMoney(amount: number, currency: string, locale: string, opts: FormatMoneyOptions = {}): string {
  const nf = moneyFormatter(currency, locale, opts);
  // Intl.NumberFormat v3 (every engine we support) formats decimal strings exactly.
  return nf.format(toMajorUnitString(amount, currency) as unknown as number);
}

/** Compact money for chart axes: `$1.2K`, `¥12M` (at most one fraction digit). */
export function formatCompactMoney(amount: number, currency: string, locale: string): string {
  return formatMoney(amount, currency, locale, { compact: true });
}

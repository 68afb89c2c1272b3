/**
 * One cache of `Intl.DateTimeFormat`s for the whole library: making one costs far more than
 * formatting with it, and lists format a date per row. Keyed by locale and options; an invalid
 * locale falls back to English rather than throwing.
 */

const formats = new Map<string, Intl.DateTimeFormat>();
/** Enough for every element on a page in a few languages and zones; cleared when full. */
const MAX_FORMATS = 256;

/** A cached `new Intl.DateTimeFormat(locale, options)` (English when `locale` is not valid). */
export function dateTimeFormat(locale: string, options: Intl.DateTimeFormatOptions): Intl.DateTimeFormat {
  const key = `${locale}\u0000${JSON.stringify(options)}`;
  let f = formats.get(key);
  if (!f) {
    try {
      f = new Intl.DateTimeFormat(locale, options);
    } catch (e) {
      if (!(e instanceof RangeError)) throw e;
      f = new Intl.DateTimeFormat('en', options); // a bad locale; a bad time zone still throws
    }
    if (formats.size >= MAX_FORMATS) formats.clear();
    formats.set(key, f);
  }
  return f;
}

/** `Unix seconds` formatted by `dateTimeFormat(locale, options)`. */
export function formatUnixDate(seconds: number, locale: string, options: Intl.DateTimeFormatOptions): string {
  return dateTimeFormat(locale, options).format(seconds * 1000);
}

/**
 * Filling `{name}` placeholders and choosing plural forms. Plain strings in, plain strings out:
 * nothing here builds HTML, so a value such as `<b>` stays the literal characters `<b>` once an
 * element renders the result as text.
 */

/**
 * Replaces each `{name}` in `template` with `values[name]` as plain text, in one pass (a value that
 * itself contains `{x}` is not expanded again). Numbers are inserted with `String(n)`; format them
 * first (Intl) when they need grouping. Unknown placeholders are left as they are.
 *
 * @example format('Payment from {platform}', { platform: 'Lumen Rides' }) // 'Payment from Lumen Rides'
 */
export function format(template: string, values: Readonly<Record<string, string | number>>): string {
  return template.replace(/\{([A-Za-z0-9_]+)\}/g, (whole, name: string) =>
    Object.prototype.hasOwnProperty.call(values, name) ? String(values[name]) : whole,
  );
}

/** The forms of a message that depends on a count; `other` is required, the rest per language. */
export type PluralForms = Partial<Record<Intl.LDMLPluralRule, string>> & { other: string };

/** `locale` when Intl accepts it, else `fallback` (a string table's own language). */
function usable(locale: string | undefined, fallback: string): string {
  if (!locale) return fallback;
  try {
    return Intl.getCanonicalLocales(locale)[0] ?? fallback;
  } catch {
    return fallback;
  }
}

/**
 * Picks the plural form of `n` (Intl.PluralRules) and fills `{count}` with `n` formatted for the
 * locale (Intl.NumberFormat), plus any other `values`. `lang` is the string table's language;
 * `locale`, when given, is the reader's full locale (e.g. `es-MX`), whose digits and grouping win.
 */
export function plural(
  lang: string,
  locale: string | undefined,
  n: number,
  forms: PluralForms,
  values: Readonly<Record<string, string | number>> = {},
): string {
  const loc = usable(locale, lang);
  const form = new Intl.PluralRules(loc).select(n);
  const template = forms[form] ?? forms.other;
  return format(template, { ...values, count: new Intl.NumberFormat(loc).format(n) });
}

/** The ordinal plural category of `n` (`one`, `two`, `few`, `other` in English: 1st, 2nd, 3rd, 4th). */
export function ordinalForm(lang: string, n: number): Intl.LDMLPluralRule {
  return new Intl.PluralRules(lang, { type: 'ordinal' }).select(n);
}

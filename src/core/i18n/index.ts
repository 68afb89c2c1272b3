/**
 * Localisation: one typed string table per language and the best match for a locale.
 *
 * ```ts
 * const s = stringsFor('fr-CA');                       // the French table
 * format(s.descriptions.charge, { platform: 'Lumen' }) // 'Paiement via Lumen'
 * s.earnings.loaded(3200, 'fr-CA')                     // '3 200 transactions chargées'
 * ```
 */
import { de } from './de.js';
import { en, type Strings } from './en.js';
import { es } from './es.js';
import { fr } from './fr.js';
import { ja } from './ja.js';

export { format, plural, type PluralForms } from './format.js';
export { en, fr, de, es, ja, type Strings };

/** The languages with a complete string table, English first (the fallback). */
export const SUPPORTED_LANGUAGES = ['en', 'fr', 'de', 'es', 'ja'] as const;

/** A language with a string table. */
export type SupportedLanguage = (typeof SUPPORTED_LANGUAGES)[number];

const TABLES: Readonly<Record<SupportedLanguage, Strings>> = { en, fr, de, es, ja };

/**
 * The supported language that best matches a BCP 47 locale: its language subtag when supported
 * (`fr-CA` → `fr`, `ja-JP` → `ja`, `de-Latn-CH` → `de`), else `en`. Case and `_` separators are
 * tolerated (`FR_ca` → `fr`).
 */
export function languageFor(locale: string | null | undefined): SupportedLanguage {
  if (!locale) return 'en';
  let lang: string;
  try {
    lang = new Intl.Locale(locale.replace(/_/g, '-')).language;
  } catch {
    lang = locale.split(/[-_]/)[0] ?? '';
  }
  lang = lang.toLowerCase();
  return (SUPPORTED_LANGUAGES as readonly string[]).includes(lang) ? (lang as SupportedLanguage) : 'en';
}

/** The string table for a locale (see `languageFor`); English for anything unsupported. */
export function stringsFor(locale: string | null | undefined): Strings {
  return TABLES[languageFor(locale)];
}

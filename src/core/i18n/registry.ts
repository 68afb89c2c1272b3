/**
 * Localisation with one language on the page at a time: English is built in (the fallback), and
 * every other table is loaded on first use with a dynamic `import()`, so a page pays only for the
 * language it speaks. Elements render with English for the moment it takes to load another table
 * and re-render when it arrives (see `LocaleController` in `src/components/shared/locale.ts`).
 *
 * ```ts
 * await loadStrings('fr-CA');                          // optional: preload before first paint
 * const s = stringsFor('fr-CA');                       // the French table once loaded
 * format(s.descriptions.charge, { platform: 'Lumen' }) // 'Paiement via Lumen'
 * ```
 * `./index.ts` instead imports every table eagerly (for tests and server-side use).
 */
import { en, type Strings } from './en.js';

export { format, plural, type PluralForms } from './format.js';
export { en, type Strings };

/** The languages with a complete string table, English first (the fallback). */
export const SUPPORTED_LANGUAGES = ['en', 'fr', 'de', 'es', 'ja'] as const;

/** A language with a string table. */
export type SupportedLanguage = (typeof SUPPORTED_LANGUAGES)[number];

const tables: Partial<Record<SupportedLanguage, Strings>> = { en };

const loaders: Record<Exclude<SupportedLanguage, 'en'>, () => Promise<Strings>> = {
  fr: () => import('./fr.js').then((m) => m.fr),
  de: () => import('./de.js').then((m) => m.de),
  es: () => import('./es.js').then((m) => m.es),
  ja: () => import('./ja.js').then((m) => m.ja),
};

const loading = new Map<SupportedLanguage, Promise<Strings>>();
const listeners = new Set<(language: SupportedLanguage) => void>();

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

/**
 * The string table for a locale (see `languageFor`) when it is loaded; English otherwise, and
 * then it starts loading the table (listeners of `onStringsLoaded` hear when it is there).
 */
export function stringsFor(locale: string | null | undefined): Strings {
  const lang = languageFor(locale);
  const table = tables[lang];
  if (table) return table;
  void loadStrings(lang).catch(() => {});
  return en;
}

/** True when the table for `locale` is loaded (English always is). */
export function hasStrings(locale: string | null | undefined): boolean {
  return tables[languageFor(locale)] !== undefined;
}

/** Loads (once) and resolves with the table for `locale`; English for unsupported locales. */
export function loadStrings(locale: string | null | undefined): Promise<Strings> {
  const lang = languageFor(locale);
  const table = tables[lang];
  if (table) return Promise.resolve(table);
  let p = loading.get(lang);
  if (!p) {
    p = loaders[lang as Exclude<SupportedLanguage, 'en'>]().then(
      (t) => {
        registerStrings(lang, t);
        return t;
      },
      (e: unknown) => {
        loading.delete(lang); // a later call may retry (e.g. a chunk that failed to download)
        throw e;
      },
    );
    loading.set(lang, p);
  }
  return p;
}

/** Installs a table (a bundler-free page can register one eagerly; tests do). */
export function registerStrings(language: SupportedLanguage, table: Strings): void {
  tables[language] = table;
  for (const l of [...listeners]) l(language);
}

/** Calls `listener` whenever a table arrives; returns the function that stops it. */
export function onStringsLoaded(listener: (language: SupportedLanguage) => void): () => void {
  listeners.add(listener);
  return () => listeners.delete(listener);
}

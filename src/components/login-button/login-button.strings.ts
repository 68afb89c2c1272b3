/**
 * The login button's own few words in en, fr, de, es and ja. Kept apart from the shared string
 * table (src/core/i18n) so that a platform page that only shows the button stays light; English
 * is built in, the other languages load on first use (`strings/*.ts`).
 */

/** The words of `<express-login-button>`. */
export interface LoginButtonStrings {
  /** Default label (the default slot's fallback). */
  label: string;
  /** Shown instead of redirecting inside an in-app webview. */
  webview: string;
  /** Any failure but the ones below. */
  error: string;
  /** `network`: the request did not reach the server. */
  network: string;
  /** `rate_limited`: too many requests. */
  rateLimited: string;
}

const en: LoginButtonStrings = {
  label: 'View dashboard',
  webview: 'Your dashboard can’t open in this app. Open this page in your browser, such as Safari or Chrome.',
  error: 'Couldn’t open your dashboard. Try again.',
  network: 'Couldn’t reach the server. Check your connection and try again.',
  rateLimited: 'Too many attempts. Wait a moment and try again.',
};

/** The languages the button speaks besides English, each in a module of its own loaded on first use. */
export const LOGIN_BUTTON_LANGUAGES = ['fr', 'de', 'es', 'ja'] as const;
type Language = (typeof LOGIN_BUTTON_LANGUAGES)[number];

const loaded = new Map<string, LoginButtonStrings>([['en', en]]);
const loading = new Map<string, Promise<LoginButtonStrings>>();

function languageOf(locale: string | undefined): string {
  return (locale ?? '').toLowerCase().split(/[-_]/)[0]!;
}

/** The English words (built in). */
export { en as LOGIN_BUTTON_ENGLISH };

/**
 * The table for a BCP 47 locale (`fr-CA` → fr) if it has loaded, else English (also for a
 * language the button does not speak). Pair it with `loadLoginButtonStrings`.
 */
export function loginButtonStrings(locale: string | undefined): LoginButtonStrings {
  return loaded.get(languageOf(locale)) ?? en;
}

/**
 * Loads the table of a locale's language (once; a page pays only for the language it speaks).
 * Resolves with it, or with English for a language the button does not speak.
 */
export function loadLoginButtonStrings(locale: string | undefined): Promise<LoginButtonStrings> {
  const lang = languageOf(locale);
  const ready = loaded.get(lang);
  if (ready) return Promise.resolve(ready);
  if (!(LOGIN_BUTTON_LANGUAGES as readonly string[]).includes(lang)) return Promise.resolve(en);
  let p = loading.get(lang);
  if (!p) {
    const load: Record<Language, () => Promise<{ default: LoginButtonStrings }>> = {
      fr: () => import('./strings/fr.js'),
      de: () => import('./strings/de.js'),
      es: () => import('./strings/es.js'),
      ja: () => import('./strings/ja.js'),
    };
    p = load[lang as Language]().then((m) => {
      loaded.set(lang, m.default);
      return m.default;
    });
    loading.set(lang, p);
  }
  return p;
}

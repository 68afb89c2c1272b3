/**
 * The login button's own few words in en, fr, de, es and ja. Kept apart from the shared string
 * table (src/core/i18n) so that a platform page that only shows the button stays light.
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

/** Every table, by language subtag. */
export const LOGIN_BUTTON_STRINGS: Readonly<Record<'en' | 'fr' | 'de' | 'es' | 'ja', LoginButtonStrings>> = {
  en,
  fr: {
    label: 'Voir le tableau de bord',
    webview: 'Votre tableau de bord ne s’ouvre pas dans cette app. Ouvrez cette page dans votre navigateur, comme Safari ou Chrome.',
    error: 'Impossible d’ouvrir votre tableau de bord. Réessayez.',
    network: 'Serveur injoignable. Vérifiez votre connexion et réessayez.',
    rateLimited: 'Trop de tentatives. Patientez un instant et réessayez.',
  },
  de: {
    label: 'Dashboard öffnen',
    webview: 'Ihr Dashboard lässt sich in dieser App nicht öffnen. Öffnen Sie diese Seite in Ihrem Browser, etwa Safari oder Chrome.',
    error: 'Ihr Dashboard ließ sich nicht öffnen. Versuchen Sie es erneut.',
    network: 'Server nicht erreichbar. Prüfen Sie Ihre Verbindung und versuchen Sie es erneut.',
    rateLimited: 'Zu viele Versuche. Warten Sie kurz und versuchen Sie es erneut.',
  },
  es: {
    label: 'Ver panel',
    webview: 'Tu panel no se abre en esta app. Abre esta página en tu navegador, como Safari o Chrome.',
    error: 'No se pudo abrir tu panel. Inténtalo de nuevo.',
    network: 'No se pudo conectar con el servidor. Revisa tu conexión e inténtalo de nuevo.',
    rateLimited: 'Demasiados intentos. Espera un momento e inténtalo de nuevo.',
  },
  ja: {
    label: 'ダッシュボードを表示',
    webview: 'このアプリではダッシュボードを開けません。Safari や Chrome などのブラウザでこのページを開いてください。',
    error: 'ダッシュボードを開けませんでした。もう一度お試しください。',
    network: 'サーバーに接続できません。接続を確認して、もう一度お試しください。',
    rateLimited: '試行回数が多すぎます。しばらく待ってから、もう一度お試しください。',
  },
};

/**
 * The table for a BCP 47 locale (`fr-CA` → fr), English when the language has none.
 */
export function loginButtonStrings(locale: string | undefined): LoginButtonStrings {
  const lang = (locale ?? '').toLowerCase().split(/[-_]/)[0] as keyof typeof LOGIN_BUTTON_STRINGS;
  return Object.hasOwn(LOGIN_BUTTON_STRINGS, lang) ? LOGIN_BUTTON_STRINGS[lang] : en;
}

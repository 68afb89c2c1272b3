import type { LoginButtonStrings } from '../login-button.strings.js';

/** The login button's words in German. */
const strings: LoginButtonStrings = {
  label: 'Dashboard öffnen',
  webview: 'Ihr Dashboard lässt sich in dieser App nicht öffnen. Öffnen Sie diese Seite in Ihrem Browser, etwa Safari oder Chrome.',
  error: 'Ihr Dashboard ließ sich nicht öffnen. Versuchen Sie es erneut.',
  network: 'Server nicht erreichbar. Prüfen Sie Ihre Verbindung und versuchen Sie es erneut.',
  rateLimited: 'Zu viele Versuche. Warten Sie kurz und versuchen Sie es erneut.',
};
export default strings;

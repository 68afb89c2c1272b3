import type { LoginButtonStrings } from '../login-button.strings.js';

/** The login button's words in Spanish. */
const strings: LoginButtonStrings = {
  label: 'Ver panel',
  webview: 'Tu panel no se abre en esta app. Abre esta página en tu navegador, como Safari o Chrome.',
  error: 'No se pudo abrir tu panel. Inténtalo de nuevo.',
  network: 'No se pudo conectar con el servidor. Revisa tu conexión e inténtalo de nuevo.',
  rateLimited: 'Demasiados intentos. Espera un momento e inténtalo de nuevo.',
};
export default strings;

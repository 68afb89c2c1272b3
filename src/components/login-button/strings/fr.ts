import type { LoginButtonStrings } from '../login-button.strings.js';

/** The login button's words in French. */
const strings: LoginButtonStrings = {
  label: 'Voir le tableau de bord',
  webview: 'Votre tableau de bord ne s’ouvre pas dans cette app. Ouvrez cette page dans votre navigateur, comme Safari ou Chrome.',
  error: 'Impossible d’ouvrir votre tableau de bord. Réessayez.',
  network: 'Serveur injoignable. Vérifiez votre connexion et réessayez.',
  rateLimited: 'Trop de tentatives. Patientez un instant et réessayez.',
};
export default strings;

/**
 * Localisation with every language loaded at once: the registry of `./registry.ts` plus all five
 * tables, registered on import. For tests, servers and pages that want no lazy loading; the
 * elements import `./registry.ts` and load a non-English table only when a page speaks it.
 *
 * ```ts
 * const s = stringsFor('fr-CA');                       // the French table
 * format(s.descriptions.charge, { platform: 'Lumen' }) // 'Paiement via Lumen'
 * s.earnings.loaded(3200, 'fr-CA')                     // '3 200 transactions chargées'
 * ```
 */
import { de } from './de.js';
import { es } from './es.js';
import { fr } from './fr.js';
import { ja } from './ja.js';
import { registerStrings } from './registry.js';

export * from './registry.js';
export { fr, de, es, ja };

registerStrings('fr', fr);
registerStrings('de', de);
registerStrings('es', es);
registerStrings('ja', ja);

/**
 * The DOM-free core, for platforms that want the same exact money, time buckets, net volume,
 * descriptions, CSV and strings as the elements (e.g. on their server).
 */
export * from './core/money.js';
export * from './core/time.js';
export * from './core/net-volume.js';
export * from './core/describe.js';
export * from './core/csv.js';
export { stringsFor, languageFor, format, loadStrings, hasStrings, registerStrings, onStringsLoaded, SUPPORTED_LANGUAGES } from './core/i18n/registry.js';
export type { Strings, SupportedLanguage } from './core/i18n/registry.js';
export * from './core/date-format.js';

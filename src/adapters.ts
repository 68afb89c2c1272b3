/**
 * `express-dashboard-elements/adapters`: the data contract and the ready adapters, without any
 * element. Importing it registers no tag.
 */
export * from './adapter/types.js';
export { ExpressError, EXPRESS_ERROR_CODES, isAbortError, toExpressError, registerDefaultErrorMessages } from './adapter/errors.js';
export type { ExpressErrorCode, ExpressErrorOptions } from './adapter/errors.js';
export { DEFAULT_ERROR_MESSAGES } from './adapter/error-messages.js';
export { categoryOf, categoryOfType, countsTowardNetVolume, CATEGORIES, CATEGORY_TYPES } from './adapter/categories.js';
export type { Category } from './adapter/categories.js';
export { isSafeRedirectUrl, isInAppWebview } from './adapter/url.js';

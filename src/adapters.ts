/**
 * `express-dashboard-elements/adapters`: the data contract and the ready adapters, without any
 * element. Importing it registers no tag.
 */
export * from './contract/types.js';
export { ExpressError, EXPRESS_ERROR_CODES, isAbortError, toExpressError, registerDefaultErrorMessages } from './contract/errors.js';
export type { ExpressErrorCode, ExpressErrorOptions } from './contract/errors.js';
export { DEFAULT_ERROR_MESSAGES } from './contract/error-messages.js';
export { categoryOf, categoryOfType, countsTowardNetVolume, CATEGORIES, CATEGORY_TYPES } from './contract/categories.js';
export type { Category } from './contract/categories.js';
export { isSafeRedirectUrl, isInAppWebview } from './core/url.js';
export * from './adapter/validate.js';
export { guardAdapter, guardedAdapterFor, isGuardedAdapter, droppedItems, DROPPED } from './adapter/guard.js';
export type { GuardedAdapter, GuardedList, GuardHooks } from './adapter/guard.js';
export { MemoryAdapter } from './adapter/memory-adapter.js';
export type { MemoryAdapterOptions, MemoryFailure, MemoryLatency, MemoryOperation } from './adapter/memory-adapter.js';
export { balanceOf, newestFirst } from './adapter/memory-data.js';
export { HttpAdapter, stripeQuery } from './adapter/http-adapter.js';
export type { HttpAdapterOptions, EventSourceConstructor } from './adapter/http-adapter.js';
export { HttpSignInAdapter } from './adapter/http-sign-in-adapter.js';
export type { HttpSignInAdapterOptions } from './adapter/http-sign-in-adapter.js';

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
export * from './adapter/validate.js';
export { guardAdapter, guardedAdapterFor, isGuardedAdapter, droppedItems, DROPPED } from './adapter/guard.js';
export type { GuardedAdapter, GuardedList, GuardHooks } from './adapter/guard.js';
export { MemoryAdapter } from './adapter/memory-adapter.js';
export type { MemoryAdapterOptions, MemoryDemoOptions, MemoryFailure, MemoryLatency, MemoryOperation } from './adapter/memory-adapter.js';
export { generateDemoData } from './adapter/demo-data.js';
export type { DemoOptions, DemoData } from './adapter/demo-data.js';
export { HttpAdapter, stripeQuery } from './adapter/http-adapter.js';
export type { HttpAdapterOptions, EventSourceConstructor } from './adapter/http-adapter.js';
export { HttpSignInAdapter } from './adapter/http-sign-in-adapter.js';
export type { HttpSignInAdapterOptions } from './adapter/http-sign-in-adapter.js';
export { DemoSignInAdapter } from './adapter/demo-sign-in-adapter.js';
export type { DemoSignInOptions } from './adapter/demo-sign-in-adapter.js';

/**
 * `express-dashboard-elements/server`: the backend of the REST contract that `HttpAdapter`
 * speaks, for Node 20+ and any runtime with Web `Request`/`Response`. No browser code.
 *
 * ```ts
 * import Stripe from 'stripe';
 * import { createExpressApi, stripeSource } from 'express-dashboard-elements/server';
 * const api = createExpressApi({
 *   source: stripeSource({ stripe: new Stripe(key), webhookSecret }),
 *   accountFor: async (request) => (await mySession(request))?.stripeAccountId ?? null,
 * });
 * // api.fetch(request) → Response | undefined; api.webhook(request) → Response
 * ```
 */
export {
  createExpressApi,
  isRoutePath,
  balanceTransactionQuery,
  netVolumeQuery,
  payoutQuery,
  type ApiRoute,
  type ExpressApi,
  type ExpressApiOptions,
} from './api.js';
export { ApiError, errorResponse, invalidParam, jsonResponse, rateLimited, type ApiErrorOptions, type StripeErrorBody } from './errors.js';
export {
  EventListeners,
  eventStream,
  memoryEventStore,
  sseMessage,
  sseReset,
  SSE_RESET,
  type EventStore,
  type EventStreamCloseOptions,
  type OpenEventStream,
  type EventsAfter,
  type MemoryEventStore,
  type MemoryEventStoreOptions,
  type StoredEvent,
} from './events.js';
export { expressApiPlugin, sendWebResponse, toWebRequest, type ExpressApiPluginOptions } from './fastify.js';
export {
  balanceObject,
  ledgerSource,
  payoutAsOf,
  transactionAsOf,
  type LedgerAccount,
  type LedgerSourceOptions,
  type LedgerStore,
} from './ledger-source.js';
export {
  memoryNetVolumeStore,
  NetVolumeCache,
  netVolumeKey,
  type NetVolumeCacheOptions,
  type NetVolumeSeries,
  type NetVolumeSeriesStore,
} from './net-volume-cache.js';
export { nodeToWebRequest, toNodeHandler, writeWebResponse, type NodeHandlerOptions, type WebHandler } from './node.js';
export { parseQuery, rangeOf, type RangeFilter } from './params.js';
export { expectNoBody, readBody, type SignInModule, type SignInRoute } from './sign-in.js';
export type {
  Awaitable,
  BalanceTransactionQuery,
  ExpressSource,
  ListPage,
  ListQuery,
  NetVolumeQuery,
  PayoutQuery,
  SourceCall,
} from './source.js';
export type { StripeClient, StripeEventLike, StripeRequestOptions } from './stripe-client.js';
export { memoryStripeState, type StripeSourceState, type ToldResult } from './stripe-state.js';
export { errorFromStripe, stripeSource, type StripeSource, type StripeSourceOptions } from './stripe-source.js';

/**
 * The part of the official `stripe` client (v23) that `stripeSource` uses, as structural types:
 * `new Stripe(key)` fits them (a type-level test keeps it so), and this entry needs no import of
 * the `stripe` package, an optional peer dependency.
 */
import type { Balance, BalanceTransaction, ExpressAccount, Payout } from '../contract/types.js';
import type { RangeFilter } from './params.js';

/** Stripe's per-request options that `stripeSource` sets. */
export interface StripeRequestOptions {
  /** `Stripe-Account: acct_…`: act on behalf of the connected account. */
  stripeAccount?: string;
  /** Milliseconds. */
  timeout?: number;
  /** Retries of connection errors, 409s, 5xx and answers with `Stripe-Should-Retry: true`, with backoff. */
  maxNetworkRetries?: number;
}

/** `GET /v1/balance_transactions`'s parameters. */
export interface StripeBalanceTransactionListParams {
  limit?: number;
  starting_after?: string;
  ending_before?: string;
  created?: RangeFilter;
  type?: string;
  currency?: string;
  payout?: string;
  source?: string;
}

/** `GET /v1/payouts`'s parameters. */
export interface StripePayoutListParams {
  limit?: number;
  starting_after?: string;
  ending_before?: string;
  created?: RangeFilter;
  arrival_date?: RangeFilter;
  status?: string;
  expand?: string[];
}

/** A page of a Stripe list. */
export interface StripeListPage<T> {
  data: T[];
  has_more: boolean;
}

/** A Stripe event, as `webhooks.constructEventAsync` gives it. */
export interface StripeEventLike {
  id: string;
  type: string;
  /** The connected account (Connect webhooks). */
  account?: string;
  created: number;
  data: { object: unknown };
}

/** The members of a `Stripe` instance used. */
export interface StripeClient {
  accounts: { retrieveCurrent(params?: object, options?: StripeRequestOptions): PromiseLike<ExpressAccount> };
  balance: { retrieve(params?: object, options?: StripeRequestOptions): PromiseLike<Balance> };
  balanceTransactions: {
    list(params?: StripeBalanceTransactionListParams, options?: StripeRequestOptions): PromiseLike<StripeListPage<BalanceTransaction>>;
    retrieve(id: string, params?: object, options?: StripeRequestOptions): PromiseLike<BalanceTransaction>;
  };
  payouts: {
    list(params?: StripePayoutListParams, options?: StripeRequestOptions): PromiseLike<StripeListPage<Payout>>;
    retrieve(id: string, params?: { expand?: string[] }, options?: StripeRequestOptions): PromiseLike<Payout>;
  };
  webhooks: {
    constructEventAsync(
      payload: string | Uint8Array,
      header: string | string[] | Uint8Array,
      secret: string,
      tolerance?: number,
      cryptoProvider?: undefined,
      receivedAt?: number,
    ): Promise<StripeEventLike>;
  };
}

/** What the `stripe` client throws (`StripeError` and its subclasses). */
export interface StripeErrorLike {
  /** `StripeInvalidRequestError`, `StripeRateLimitError`, `StripeAPIError`, `StripeConnectionError`, ... */
  type?: string;
  statusCode?: number;
  code?: string;
  param?: string;
  message?: string;
  headers?: Record<string, string | undefined>;
}

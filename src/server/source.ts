/**
 * What `createExpressApi` reads its data from: an `ExpressSource`. Two ship with the library:
 * `stripeSource` (Stripe Connect, through the platform's Stripe client) and `ledgerSource` (a
 * platform's own ledger behind a `LedgerStore`). A source receives parameters already checked
 * (Stripe's names and limits) and the account from the API's `accountFor`, never from the request.
 */
import type { Balance, BalanceTransaction, ExpressAccount, Interval, NetVolumePoint, Payout } from '../contract/types.js';
import type { EventStore } from './events.js';
import type { RangeFilter } from './params.js';

/** A value or a promise of it (stores may be synchronous, like SQLite, or not, like PostgreSQL). */
export type Awaitable<T> = T | PromiseLike<T>;

/** A page of a list request, checked: `limit` 1 to 100, at most one cursor. */
export interface ListQuery {
  limit: number;
  starting_after?: string;
  ending_before?: string;
}

/** `GET /balance_transactions`, checked. `type` merges `type` and `type[]` (absent: every type). */
export interface BalanceTransactionQuery extends ListQuery {
  created?: RangeFilter;
  type?: string[];
  /** Lowercase, a currency `Intl` knows. */
  currency?: string;
  /** Only what this automatic payout paid out (its own transaction included). */
  payout?: string;
  /** Only the transactions of this source object (a charge, a refund, a payout, ...). */
  source?: string;
}

/** `GET /payouts`, checked. */
export interface PayoutQuery extends ListQuery {
  created?: RangeFilter;
  arrival_date?: RangeFilter;
  status?: 'pending' | 'paid' | 'failed' | 'canceled' | 'in_transit';
}

/** `GET /net_volume`, checked: a known interval, a valid zone, `gte < lt`, not too many buckets. */
export interface NetVolumeQuery {
  interval: Interval;
  created: { gte: number; lt: number };
  currency: string;
  timezone: string;
}

/** A Stripe list page, as the API answers it. */
export interface ListPage<T> {
  object: 'list';
  data: T[];
  has_more: boolean;
  url: string;
}

/** What every call of a source receives besides its parameters. */
export interface SourceCall {
  /** Aborted when the browser went away. */
  signal?: AbortSignal;
}

/**
 * The data behind the REST contract, for one connected account per call. Errors are `ApiError`s
 * (Stripe-shaped: 404 `resource_missing` for an object that is not the account's, 400 naming a
 * cursor that is not one of its objects); anything else answers 500.
 */
export interface ExpressSource {
  /** The account object with `livemode`. */
  getAccount(account: string, call: SourceCall): Promise<ExpressAccount>;
  getBalance(account: string, call: SourceCall): Promise<Balance>;
  /** Newest first (`created`, then `id`, descending), Stripe's cursor semantics. */
  listBalanceTransactions(account: string, q: BalanceTransactionQuery, call: SourceCall): Promise<ListPage<BalanceTransaction>>;
  getBalanceTransaction(account: string, id: string, call: SourceCall): Promise<BalanceTransaction>;
  /** Newest first. */
  listPayouts(account: string, q: PayoutQuery, call: SourceCall): Promise<ListPage<Payout>>;
  getPayout(account: string, id: string, call: SourceCall): Promise<Payout>;
  /** One entry per bucket as `bucketStarts` computes them (empty buckets 0), summed as `aggregateNetVolume` does. */
  getNetVolume(account: string, q: NetVolumeQuery, call: SourceCall): Promise<NetVolumePoint[]>;
  /** The accounts' live feed: stored with increasing ids, replayed after an id, pushed as it happens. */
  readonly events?: EventStore;
  /** The source's incoming webhooks (Stripe's), for `api.webhook`. */
  webhook?(request: Request): Promise<Response>;
  /** Stops timers and open work (`api.close()` calls it). */
  close?(): void;
}

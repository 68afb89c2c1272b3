/**
 * The DOM-free logic of `<express-transactions>`: filters to adapter parameters, cursor paging
 * with client-side filtering of `other`, de-duplication across pages and live events.
 *
 * ```ts
 * const query = queryFor({ category: 'refund', range: '30d' }, { now, timeZone, pageSize: 25 });
 * const feed = new TransactionFeed(query);
 * await feed.loadPage((params, signal) => adapter.listBalanceTransactions(params, { signal }), signal);
 * feed.rows;      // the first 25 refunds of the last 30 local days, newest first
 * feed.hasMore;   // whether another page exists
 * ```
 */
import { CATEGORIES, CATEGORY_TYPES, categoryOf, type Category } from '../../contract/categories.js';
import type { Balance, BalanceTransaction, List, ListBalanceTransactionsParams, TimeRange } from '../../contract/types.js';
import { customRange, parseLocalIsoDate, rangeForPreset } from '../../core/time.js';
import { CursorFeed } from '../shared/cursor-feed.js';

/** The category filter: every category, or one of `categoryOf`'s. */
export type CategoryFilter = 'all' | Category;

/** The date range filter: a preset of the `range` attribute, or `custom` (the `from`/`to` dates). */
export type TransactionsRange = '7d' | '30d' | '90d' | '12m' | 'all' | 'custom';

/** The options of the category filter, in the order the filter shows them. */
export const CATEGORY_FILTERS: readonly CategoryFilter[] = ['all', ...CATEGORIES];

/** The options of the date range filter, in the order the filter shows them. */
export const TRANSACTION_RANGES: readonly TransactionsRange[] = ['7d', '30d', '90d', '12m', 'all', 'custom'];

/** Page size when none (or an unusable one) is given. */
export const DEFAULT_PAGE_SIZE = 25;

/** The most a page may ask for (Stripe's own limit, and the adapters'). */
export const MAX_PAGE_SIZE = 100;

/** The filters a person picks. */
export interface TransactionFilters {
  category: CategoryFilter;
  range: TransactionsRange;
  /** First local day (`YYYY-MM-DD`) of a `custom` range, inclusive. */
  from?: string | null;
  /** Last local day (`YYYY-MM-DD`) of a `custom` range, inclusive. */
  to?: string | null;
  /** A lowercase currency code, or empty for every currency. */
  currency?: string | null;
}

/** A category filter from any attribute value: a known category or `all`; anything else is `all`. */
export function toCategoryFilter(value: unknown): CategoryFilter {
  return typeof value === 'string' && (CATEGORY_FILTERS as readonly string[]).includes(value)
    ? (value as CategoryFilter)
    : 'all';
}

/** A range from any attribute value: a known range; anything else is `all`. */
export function toRange(value: unknown): TransactionsRange {
  return typeof value === 'string' && (TRANSACTION_RANGES as readonly string[]).includes(value)
    ? (value as TransactionsRange)
    : 'all';
}

/** A page size from any value: an integer from 1 to 100; anything else is 25. */
export function toPageSize(value: unknown): number {
  const n = typeof value === 'string' ? Number(value) : value;
  if (typeof n !== 'number' || !Number.isFinite(n) || n < 1) return DEFAULT_PAGE_SIZE;
  return Math.min(MAX_PAGE_SIZE, Math.floor(n));
}

const ISO_DAY = /^\d{4}-\d{2}-\d{2}$/;

function validDay(iso: string | null | undefined, timeZone: string): iso is string {
  if (!iso || !ISO_DAY.test(iso)) return false;
  try {
    parseLocalIsoDate(iso, timeZone);
    return true;
  } catch {
    return false;
  }
}

/**
 * Whether a custom range's dates are usable: each one absent or a real `YYYY-MM-DD` date, and
 * `from` on or before `to` when both are set.
 */
export function isValidCustomRange(from: string | null | undefined, to: string | null | undefined, timeZone: string): boolean {
  if ((from && !validDay(from, timeZone)) || (to && !validDay(to, timeZone))) return false;
  return !(from && to && from > to);
}

/**
 * The `created` parameter of the filters at `now` (Unix seconds) in `timeZone`, or `undefined`
 * for all time. Presets end at the end of today, local (see `rangeForPreset`); a custom range runs
 * from the start of `from` to the end of `to` (either side may be open); an invalid custom range
 * is no range at all.
 */
export function createdFor(filters: Pick<TransactionFilters, 'range' | 'from' | 'to'>, now: number, timeZone: string): TimeRange | undefined {
  const { range } = filters;
  if (range === 'all') return undefined;
  if (range !== 'custom') return rangeForPreset(range, now, timeZone);
  const { from, to } = filters;
  if (!isValidCustomRange(from, to, timeZone) || (!from && !to)) return undefined;
  const created: TimeRange = {};
  if (from) created.gte = parseLocalIsoDate(from, timeZone);
  if (to) created.lt = customRange(to, to, timeZone).lt;
  return created;
}

/** What every page request of one set of filters asks for. Immutable; compare with `key`. */
export interface TransactionQuery {
  /** The adapter parameters besides `limit` and `starting_after` (absent ones are left out). */
  readonly params: Readonly<Pick<ListBalanceTransactionsParams, 'created' | 'type' | 'currency'>>;
  /** `other` has no `type[]` list: it is filtered here, on the client. */
  readonly clientCategory?: 'other';
  /** How many matching transactions a page brings. */
  readonly pageSize: number;
  /** Equal for queries that ask the same. */
  readonly key: string;
}

/** How many transactions one request of an `other` scan asks for (a page's worth may be rare). */
export const OTHER_SCAN_LIMIT = MAX_PAGE_SIZE;

/**
 * The query of a set of filters: the `type[]` list of the category (none for `all`; `other`
 * is filtered on the client), `created` in `timeZone` at `now` (Unix seconds), `currency` when one
 * is picked.
 */
export function queryFor(
  filters: TransactionFilters,
  opts: { now: number; timeZone: string; pageSize?: number },
): TransactionQuery {
  const params: { created?: TimeRange; type?: string[]; currency?: string } = {};
  const created = createdFor(filters, opts.now, opts.timeZone);
  if (created) params.created = created;
  const category = toCategoryFilter(filters.category);
  if (category !== 'all' && category !== 'other') params.type = [...CATEGORY_TYPES[category]];
  const currency = filters.currency?.trim().toLowerCase();
  if (currency) params.currency = currency;
  const pageSize = toPageSize(opts.pageSize);
  const clientCategory = category === 'other' ? ('other' as const) : undefined;
  const key = JSON.stringify([params.created?.gte, params.created?.lt, category, currency ?? '', pageSize]);
  return clientCategory ? { params, clientCategory, pageSize, key } : { params, pageSize, key };
}

/** The parameters of the request after `startingAfter` (the first page without it). */
export function pageParams(query: TransactionQuery, startingAfter?: string): ListBalanceTransactionsParams {
  const p: ListBalanceTransactionsParams = {
    ...query.params,
    limit: query.clientCategory ? Math.max(query.pageSize, OTHER_SCAN_LIMIT) : query.pageSize,
  };
  if (query.params.created) p.created = { ...query.params.created };
  if (query.params.type) p.type = [...query.params.type];
  if (startingAfter !== undefined) p.starting_after = startingAfter;
  return p;
}

/** Whether a transaction belongs in the list of `query` (type, currency, `created` range). */
export function matchesQuery(txn: BalanceTransaction, query: TransactionQuery): boolean {
  const { type, currency, created } = query.params;
  if (query.clientCategory && categoryOf(txn) !== query.clientCategory) return false;
  if (type && !type.includes(txn.type)) return false;
  if (currency && txn.currency.toLowerCase() !== currency) return false;
  if (created?.gte !== undefined && txn.created < created.gte) return false;
  if (created?.lt !== undefined && txn.created >= created.lt) return false;
  return true;
}

/** One request of a page: the adapter's `listBalanceTransactions` with the signal passed on. */
export type ListPage = (params: ListBalanceTransactionsParams, signal?: AbortSignal) => Promise<List<BalanceTransaction>>;

/**
 * The rows of one query, page by page: newest first, each transaction once (see `CursorFeed`).
 * With `other`, requests continue until a page's worth has matched or the adapter has no more.
 */
export class TransactionFeed extends CursorFeed<BalanceTransaction, ListBalanceTransactionsParams> {
  /**
   * How many rows a later page asks for, when more than the query's page size (auto-loading, once
   * the person scrolls through the list, asks for `MAX_PAGE_SIZE`: fewer, bigger requests).
   */
  laterPageSize?: number;

  constructor(readonly query: TransactionQuery) {
    super();
  }

  protected paramsAfter(startingAfter: string | undefined): ListBalanceTransactionsParams {
    const p = pageParams(this.query, startingAfter);
    if (startingAfter !== undefined && this.laterPageSize) p.limit = Math.min(MAX_PAGE_SIZE, Math.max(p.limit ?? 0, this.laterPageSize));
    return p;
  }

  protected matches(txn: BalanceTransaction): boolean {
    return matchesQuery(txn, this.query);
  }

  protected continueAfter(added: number): boolean {
    return this.query.clientCategory !== undefined && added < this.query.pageSize;
  }

  /**
   * A transaction from the live feed: added at the top when it matches the query and is not here
   * yet. Returns whether it was added.
   */
  insertLive(txn: BalanceTransaction): boolean {
    if (this.ids.has(txn.id) || !matchesQuery(txn, this.query)) return false;
    this.ids.add(txn.id);
    this.rows = [txn, ...this.rows];
    return true;
  }
}

/**
 * Every transaction of `query`, paging through the adapter `MAX_PAGE_SIZE` at a time (for the
 * export). `onProgress` hears the running count after each request. Rejects with the adapter's
 * error or the abort reason.
 */
export async function fetchAllTransactions(
  list: ListPage,
  query: TransactionQuery,
  opts: { signal?: AbortSignal; onProgress?: (count: number) => void } = {},
): Promise<BalanceTransaction[]> {
  const feed = new TransactionFeed({ ...query, pageSize: MAX_PAGE_SIZE });
  while (feed.hasMore) {
    await feed.loadPage(list, opts.signal);
    opts.onProgress?.(feed.rows.length);
  }
  return [...feed.rows];
}

/** The filters that differ from the defaults, in the order the empty state names them. */
export function activeFilters(filters: TransactionFilters): ('category' | 'range' | 'currency')[] {
  const out: ('category' | 'range' | 'currency')[] = [];
  if (toCategoryFilter(filters.category) !== 'all') out.push('category');
  if (toRange(filters.range) !== 'all') out.push('range');
  if (filters.currency) out.push('currency');
  return out;
}

/** The currencies of a balance (available and pending), lowercase, sorted: the currency filter's options. */
export function balanceCurrencies(balance: Balance | undefined): string[] {
  if (!balance) return [];
  return [...new Set([...balance.available, ...balance.pending].map((a) => a.currency.toLowerCase()))].sort();
}

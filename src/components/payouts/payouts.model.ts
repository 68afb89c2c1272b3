/**
 * The DOM-free logic of `<express-payouts>`: filters to adapter parameters (status, arrival date
 * range read as calendar days), cursor paging with the same filters applied again on the client,
 * and live payouts moved into place.
 *
 * ```ts
 * const query = payoutQueryFor({ status: 'failed', range: '90d' }, { now, timeZone, pageSize: 25 });
 * const feed = new PayoutFeed(query);
 * await feed.loadPage((params, signal) => adapter.listPayouts(params, { signal }), signal);
 * feed.rows;      // the first 25 failed payouts arriving from 90 local days ago on, newest first
 * feed.upsert(p); // a live payout.created / payout.updated, moved into place
 * ```
 */
import type { ListPayoutsParams, Payout, TimeRange } from '../../contract/types.js';
import { arrivalDay } from '../../core/payouts.js';
import { localIsoDate, parseLocalIsoDate, rangeForPreset } from '../../core/time.js';
import { newestFirst } from '../../adapter/memory-data.js';
import { CursorFeed, type ListRequest } from '../shared/cursor-feed.js';

/** The status filter: every status, or one of Stripe's. */
export type PayoutStatusFilter = 'all' | 'paid' | 'in_transit' | 'pending' | 'failed' | 'canceled';

/** The options of the status filter, in the order the filter shows them. */
export const PAYOUT_STATUS_FILTERS: readonly PayoutStatusFilter[] = ['all', 'paid', 'in_transit', 'pending', 'failed', 'canceled'];

/**
 * The arrival date filter: a preset (from that many local days or months ago, with every later
 * payout, upcoming ones included), all time, or `custom` (the `from`/`to` days, inclusive).
 */
export type PayoutsRange = '30d' | '90d' | '12m' | 'all' | 'custom';

/** The options of the arrival date filter, in the order the filter shows them. */
export const PAYOUT_RANGES: readonly PayoutsRange[] = ['30d', '90d', '12m', 'all', 'custom'];

/** Page size when none (or an unusable one) is given. */
export const DEFAULT_PAYOUT_PAGE_SIZE = 25;
/** The most a page may ask for (Stripe's own limit). */
export const MAX_PAYOUT_PAGE_SIZE = 100;

/** The filters a person picks. */
export interface PayoutFilters {
  status: PayoutStatusFilter;
  range: PayoutsRange;
  /** First arrival day (`YYYY-MM-DD`) of a `custom` range, inclusive. */
  from?: string | null;
  /** Last arrival day (`YYYY-MM-DD`) of a `custom` range, inclusive. */
  to?: string | null;
}

/** A status filter from any attribute value; anything unknown is `all`. */
export function toStatusFilter(value: unknown): PayoutStatusFilter {
  return typeof value === 'string' && (PAYOUT_STATUS_FILTERS as readonly string[]).includes(value) ? (value as PayoutStatusFilter) : 'all';
}

/** A range from any attribute value; anything unknown is `all`. */
export function toPayoutsRange(value: unknown): PayoutsRange {
  return typeof value === 'string' && (PAYOUT_RANGES as readonly string[]).includes(value) ? (value as PayoutsRange) : 'all';
}

/** A page size from any value: an integer from 1 to 100; anything else is 25. */
export function toPayoutPageSize(value: unknown): number {
  const n = typeof value === 'string' ? Number(value) : value;
  if (typeof n !== 'number' || !Number.isFinite(n) || n < 1) return DEFAULT_PAYOUT_PAGE_SIZE;
  return Math.min(MAX_PAYOUT_PAGE_SIZE, Math.floor(n));
}

const ISO_DAY = /^(\d{4})-(\d{2})-(\d{2})$/;

/** Days since 1970-01-01 of a real `YYYY-MM-DD` date, else `undefined`. */
function isoDays(iso: string | null | undefined): number | undefined {
  const m = iso ? ISO_DAY.exec(iso) : null;
  if (!m) return undefined;
  const [y, mo, d] = [Number(m[1]), Number(m[2]), Number(m[3])];
  const t = Date.UTC(y, mo - 1, d);
  const back = new Date(t);
  if (back.getUTCFullYear() !== y || back.getUTCMonth() !== mo - 1 || back.getUTCDate() !== d) return undefined;
  return t / 86_400_000;
}

/** The `YYYY-MM-DD` of a day count (days since 1970-01-01). */
function isoOfDays(days: number): string {
  return new Date(days * 86_400_000).toISOString().slice(0, 10);
}

/**
 * Whether a custom range's days are usable: each absent or a real `YYYY-MM-DD` date, and `from`
 * on or before `to` when both are set.
 */
export function isValidArrivalRange(from: string | null | undefined, to: string | null | undefined): boolean {
  if ((from && isoDays(from) === undefined) || (to && isoDays(to) === undefined)) return false;
  return !(from && to && from > to);
}

/** The arrival days (`YYYY-MM-DD`, inclusive, either side open) of the filters at `now` in `timeZone`. */
export function arrivalDaysFor(filters: Pick<PayoutFilters, 'range' | 'from' | 'to'>, now: number, timeZone: string): { from?: string; to?: string } {
  const range = toPayoutsRange(filters.range);
  if (range === 'all') return {};
  if (range !== 'custom') return { from: localIsoDate(rangeForPreset(range, now, timeZone).gte, timeZone) };
  if (!isValidArrivalRange(filters.from, filters.to)) return {};
  const days: { from?: string; to?: string } = {};
  if (filters.from) days.from = filters.from;
  if (filters.to) days.to = filters.to;
  return days;
}

/**
 * The `arrival_date` parameter for arrival days `from` to `to` (inclusive) in `timeZone`: wide
 * enough for both ways an arrival date names its day (Stripe's midnight UTC, or a local instant in
 * the account's zone; see `arrivalTimeZone`), so nothing in the range is left out. The client
 * then keeps only the payouts whose arrival day is in the range (`matchesPayoutQuery`).
 */
export function arrivalDateParam(days: { from?: string; to?: string }, timeZone: string): TimeRange | undefined {
  const from = isoDays(days.from);
  const to = isoDays(days.to);
  if (from === undefined && to === undefined) return undefined;
  const r: TimeRange = {};
  if (from !== undefined) r.gte = Math.min(from * 86_400, parseLocalIsoDate(isoOfDays(from), timeZone));
  if (to !== undefined) r.lt = Math.max((to + 1) * 86_400, parseLocalIsoDate(isoOfDays(to + 1), timeZone));
  return r;
}

/** What every page request of one set of filters asks for. Immutable; compare with `key`. */
export interface PayoutQuery {
  /** The adapter parameters besides `limit` and `starting_after`. */
  readonly params: Readonly<Pick<ListPayoutsParams, 'status' | 'arrival_date'>>;
  /** The arrival days kept on the client (inclusive `YYYY-MM-DD`, either side open). */
  readonly days: Readonly<{ from?: string; to?: string }>;
  /** The zone arrival days are read in (the account's). */
  readonly timeZone: string;
  /** How many matching payouts a page brings. */
  readonly pageSize: number;
  /** Equal for queries that ask the same. */
  readonly key: string;
}

/** The query of a set of filters at `now` (Unix seconds) in `timeZone`. */
export function payoutQueryFor(filters: PayoutFilters, opts: { now: number; timeZone: string; pageSize?: number }): PayoutQuery {
  const status = toStatusFilter(filters.status);
  const days = arrivalDaysFor(filters, opts.now, opts.timeZone);
  const params: { status?: string; arrival_date?: TimeRange } = {};
  if (status !== 'all') params.status = status;
  const arrival = arrivalDateParam(days, opts.timeZone);
  if (arrival) params.arrival_date = arrival;
  const pageSize = toPayoutPageSize(opts.pageSize);
  // The zone matters only when days are filtered on the client.
  const zone = days.from || days.to ? opts.timeZone : '';
  return { params, days, timeZone: opts.timeZone, pageSize, key: JSON.stringify([status, days.from ?? '', days.to ?? '', zone, pageSize]) };
}

/** The parameters of the request after `startingAfter` (the first page without it). */
export function payoutPageParams(query: PayoutQuery, startingAfter?: string): ListPayoutsParams {
  const p: ListPayoutsParams = { limit: query.pageSize };
  if (query.params.status) p.status = query.params.status;
  if (query.params.arrival_date) p.arrival_date = { ...query.params.arrival_date };
  if (startingAfter !== undefined) p.starting_after = startingAfter;
  return p;
}

/** Whether a payout belongs in the list of `query`: its status, and its arrival day in the range. */
export function matchesPayoutQuery(p: Payout, query: PayoutQuery): boolean {
  if (query.params.status && p.status !== query.params.status) return false;
  const { from, to } = query.days;
  if (!from && !to) return true;
  const day = arrivalDay(p.arrival_date, query.timeZone);
  return !(from && day < from) && !(to && day > to);
}

/** One request of a page: the adapter's `listPayouts` with the signal passed on. */
export type ListPayoutsPage = ListRequest<Payout, ListPayoutsParams>;

/** What `PayoutFeed.upsert` did with a live payout. */
export type UpsertResult = 'inserted' | 'updated' | 'removed' | 'ignored';

/**
 * The payouts of one query, page by page: newest first (Stripe's order: `created`, then id,
 * descending), each payout once (see `CursorFeed`); requests go on until a page's worth has
 * matched the filters again on the client, or the adapter has no more.
 */
export class PayoutFeed extends CursorFeed<Payout, ListPayoutsParams> {
  constructor(readonly query: PayoutQuery) {
    super();
  }

  protected paramsAfter(startingAfter: string | undefined): ListPayoutsParams {
    return payoutPageParams(this.query, startingAfter);
  }

  protected matches(payout: Payout): boolean {
    return matchesPayoutQuery(payout, this.query);
  }

  protected continueAfter(added: number): boolean {
    return added < this.query.pageSize;
  }

  /**
   * A payout from the live feed (`payout.created` or `payout.updated`): a row already here is
   * replaced where it is (or removed when it no longer matches the filters, e.g. a status filter
   * it has left); a new matching one is put in its place in the order, unless it sorts after the
   * loaded rows while more are to come (a later page brings it).
   */
  upsert(payout: Payout): UpsertResult {
    const matches = matchesPayoutQuery(payout, this.query);
    if (this.ids.has(payout.id)) {
      const i = this.rows.findIndex((p) => p.id === payout.id);
      if (!matches) {
        this.ids.delete(payout.id);
        this.rows = this.rows.filter((p) => p.id !== payout.id);
        return 'removed';
      }
      const rows = this.rows.slice();
      rows.splice(i, 1);
      rows.splice(this.indexFor(payout, rows), 0, payout);
      this.rows = rows;
      return 'updated';
    }
    if (!matches) return 'ignored';
    const at = this.indexFor(payout, this.rows);
    if (at === this.rows.length && this.hasMore) return 'ignored';
    const rows = this.rows.slice();
    rows.splice(at, 0, payout);
    this.rows = rows;
    this.ids.add(payout.id);
    return 'inserted';
  }

  private indexFor(payout: Payout, rows: readonly Payout[]): number {
    const i = rows.findIndex((p) => newestFirst(payout, p) < 0);
    return i < 0 ? rows.length : i;
  }
}

/** The filters that differ from the defaults, in the order the empty state names them. */
export function activePayoutFilters(filters: PayoutFilters): ('status' | 'range')[] {
  const out: ('status' | 'range')[] = [];
  if (toStatusFilter(filters.status) !== 'all') out.push('status');
  if (toPayoutsRange(filters.range) !== 'all') out.push('range');
  return out;
}

/**
 * Where `<express-earnings>` gets its buckets, and what it keeps of them. No DOM: it talks to an
 * adapter and caches.
 *
 * - With `adapter.getNetVolume`, one call per (currency, zone, interval, span); a missing bucket
 *   is zero. Without it, `listBalanceTransactions` is paged (100 a page, newest first, the signal
 *   passed) and the core aggregates.
 * - Fetched transactions are kept per currency with the time spans they cover (zone-free:
 *   spans are instants), so another interval, the previous period or a range inside an earlier
 *   one is computed without fetching again; only the missing parts of a span are fetched. An
 *   aborted paging keeps what it got (the newest part of its span) and resumes from there.
 * - Series are kept per (currency, zone, interval, span); day series also give exact weeks,
 *   months, quarters and years (`rebucket`), so switching the interval of a `getNetVolume`
 *   range from day to week fetches nothing.
 * - A live transaction (`addLive`) is added to the kept transactions and to every kept series
 *   whose span holds it (`addToBuckets`).
 */
import type { BalanceTransaction, ExpressAdapter, Interval, List } from '../../contract/types.js';
import { addToBuckets, aggregateNetVolume, INTERVALS, nests, rebucket, type NetVolumeBucket, type NetVolumeTxn } from '../../core/net-volume.js';
import { bucketStarts, type Range } from '../../core/time.js';

/** Page size of `listBalanceTransactions` calls (Stripe's maximum). */
export const PAGE_SIZE = 100;

/** A series to load: currency, IANA zone, interval and span (half-open, Unix seconds). */
export interface SeriesQuery {
  currency: string;
  timeZone: string;
  interval: Interval;
  span: Range;
}

/** Buckets of net volume; `countsKnown` is false when they came from `getNetVolume` (counts are then 0). */
export interface Series {
  points: NetVolumeBucket[];
  countsKnown: boolean;
}

/** Options of a load. */
export interface LoadOptions {
  signal?: AbortSignal;
  /** After each page of transactions: how many this load has fetched so far. */
  onProgress?(loaded: number): void;
  /** Every list page as it arrives (to report the items a guard dropped). */
  onList?(list: List<BalanceTransaction>): void;
}

type Txn = NetVolumeTxn & { id: string };

/** The key of a series query. */
export function seriesKey(q: SeriesQuery): string {
  return `${q.currency.toLowerCase()}|${q.timeZone}|${q.interval}|${q.span.gte}|${q.span.lt}`;
}

/** `ranges` (sorted, disjoint) with `r` added, overlapping and touching ranges merged. */
export function addRange(ranges: readonly Range[], r: Range): Range[] {
  if (!(r.gte < r.lt)) return ranges.slice();
  const all = [...ranges, r].sort((a, b) => a.gte - b.gte);
  const out: Range[] = [];
  for (const x of all) {
    const last = out[out.length - 1];
    if (last && x.gte <= last.lt) last.lt = Math.max(last.lt, x.lt);
    else out.push({ gte: x.gte, lt: x.lt });
  }
  return out;
}

/** The parts of `r` that `ranges` (sorted, disjoint) do not cover, oldest first. */
export function missingRanges(ranges: readonly Range[], r: Range): Range[] {
  const out: Range[] = [];
  let cur = r.gte;
  for (const c of ranges) {
    if (c.lt <= cur) continue;
    if (c.gte >= r.lt) break;
    if (c.gte > cur) out.push({ gte: cur, lt: c.gte });
    cur = Math.max(cur, c.lt);
    if (cur >= r.lt) break;
  }
  if (cur < r.lt) out.push({ gte: cur, lt: r.lt });
  return out;
}

/**
 * One adapter's earnings data, fetched once. Create one per adapter; every method is safe to call
 * again with the same query (it answers from what it keeps).
 */
export class EarningsStore {
  /** Kept transactions per currency, by id. */
  private readonly txns = new Map<string, Map<string, Txn>>();
  /** Spans fully fetched per currency (sorted, disjoint). */
  private readonly covered = new Map<string, Range[]>();
  /** Kept series by `seriesKey`. */
  private readonly series = new Map<string, { q: SeriesQuery; s: Series }>();

  constructor(readonly adapter: ExpressAdapter) {}

  /** Whether loading `q` now would call `getNetVolume` (else it pages transactions, or needs no call). */
  usesNetVolume(q: SeriesQuery): boolean {
    return typeof this.adapter.getNetVolume === 'function' && !this.covers(q.currency, q.span);
  }

  /** Whether the kept transactions cover `span` in `currency`. */
  covers(currency: string, span: Range): boolean {
    return missingRanges(this.covered.get(currency.toLowerCase()) ?? [], span).length === 0;
  }

  /** The series of `q` from what is kept (no call), or `undefined`. */
  peek(q: SeriesQuery): Series | undefined {
    const key = seriesKey(q);
    const hit = this.series.get(key);
    if (hit) return hit.s;
    // A finer kept series of the same span (from getNetVolume) sums into this interval.
    for (const fine of INTERVALS) {
      if (fine === q.interval || !nests(fine, q.interval)) continue;
      const f = this.series.get(seriesKey({ ...q, interval: fine }));
      if (f) return this.keep(q, { points: rebucket(f.s.points, fine, q.interval, q.span, q.timeZone), countsKnown: f.s.countsKnown });
    }
    const currency = q.currency.toLowerCase();
    if (this.covers(currency, q.span)) {
      const points = aggregateNetVolume(this.txns.get(currency)?.values() ?? [], {
        interval: q.interval,
        created: q.span,
        currency,
        timezone: q.timeZone,
      });
      return this.keep(q, { points, countsKnown: true });
    }
    return undefined;
  }

  /**
   * The series of `q`: from what is kept, else from `getNetVolume` when the adapter has it, else
   * by paging `listBalanceTransactions` over the parts of the span not yet fetched.
   * Rejects as the adapter does (an abort with the signal's reason).
   */
  async load(q: SeriesQuery, o: LoadOptions = {}): Promise<Series> {
    const kept = this.peek(q);
    if (kept) return kept;
    const currency = q.currency.toLowerCase();
    if (typeof this.adapter.getNetVolume === 'function') {
      const entries = await this.adapter.getNetVolume(
        { interval: q.interval, created: { gte: q.span.gte, lt: q.span.lt }, currency, timezone: q.timeZone },
        { signal: o.signal },
      );
      return this.keep(q, { points: alignNetVolume(entries, q), countsKnown: false });
    }
    await this.fetch(currency, q.span, o);
    return this.peek(q)!;
  }

  /**
   * The `created` of the oldest transaction in `currency` before `lt`, paging every transaction
   * before `lt` (kept for later), or `undefined` when there is none. For "all time" when the
   * account has no `created`.
   */
  async oldest(currency: string, lt: number, o: LoadOptions = {}): Promise<number | undefined> {
    const c = currency.toLowerCase();
    await this.fetch(c, { gte: -Infinity, lt }, o);
    let min: number | undefined;
    for (const t of this.txns.get(c)?.values() ?? []) if (t.created < lt && (min === undefined || t.created < min)) min = t.created;
    return min;
  }

  /**
   * Counts a transaction that just happened (from `subscribe`): kept with the others and added to
   * every kept series of its currency whose span holds it. Returns false when it was already
   * known (same id), so nothing is counted twice.
   */
  addLive(txn: BalanceTransaction): boolean {
    const currency = txn.currency.toLowerCase();
    const map = this.txnMap(currency);
    if (map.has(txn.id)) return false;
    map.set(txn.id, slim(txn));
    for (const [key, { q, s }] of this.series) {
      if (q.currency.toLowerCase() !== currency) continue;
      const points = addToBuckets(s.points, txn, { interval: q.interval, created: q.span, currency, timezone: q.timeZone });
      if (points !== s.points) this.series.set(key, { q, s: { points, countsKnown: s.countsKnown } });
    }
    return true;
  }

  private keep(q: SeriesQuery, s: Series): Series {
    this.series.set(seriesKey(q), { q, s });
    return s;
  }

  private txnMap(currency: string): Map<string, Txn> {
    let m = this.txns.get(currency);
    if (!m) this.txns.set(currency, (m = new Map()));
    return m;
  }

  private cover(currency: string, span: Range, got: readonly Txn[]): void {
    const map = this.txnMap(currency);
    for (const t of got) if (t.created >= span.gte && t.created < span.lt) map.set(t.id, t);
    this.covered.set(currency, addRange(this.covered.get(currency) ?? [], span));
  }

  /** Pages every missing part of `span` (newest part first). */
  private async fetch(currency: string, span: Range, o: LoadOptions): Promise<void> {
    let loaded = 0;
    const missing = missingRanges(this.covered.get(currency) ?? [], span).reverse();
    for (const m of missing) {
      const got: Txn[] = [];
      let starting_after: string | undefined;
      for (;;) {
        const created = Number.isFinite(m.gte) ? { gte: m.gte, lt: m.lt } : { lt: m.lt };
        const list = await this.adapter.listBalanceTransactions(
          { limit: PAGE_SIZE, created, currency, ...(starting_after ? { starting_after } : {}) },
          { signal: o.signal },
        );
        o.onList?.(list);
        let oldest = Infinity;
        for (const t of list.data) {
          if (t.currency.toLowerCase() === currency) got.push(slim(t));
          oldest = Math.min(oldest, t.created);
        }
        loaded += list.data.length;
        o.onProgress?.(loaded);
        if (!list.has_more || list.data.length === 0) {
          this.cover(currency, m, got);
          break;
        }
        // Newest first: everything after the oldest second seen is complete (that second may
        // continue on the next page). Kept now, so an abort loses nothing of it.
        if (oldest + 1 < m.lt) this.cover(currency, { gte: Math.max(m.gte, oldest + 1), lt: m.lt }, got);
        starting_after = list.data[list.data.length - 1].id;
      }
    }
  }
}

function slim(t: BalanceTransaction): Txn {
  return { id: t.id, net: t.net, created: t.created, type: t.type, currency: t.currency.toLowerCase() };
}

/**
 * `getNetVolume`'s entries as one bucket per start of `q` (the core's starts): an entry counts in
 * the bucket that holds its `start`; a missing bucket is zero; entries outside the span are
 * ignored.
 */
export function alignNetVolume(entries: readonly { start: number; net: number }[], q: SeriesQuery): NetVolumeBucket[] {
  const starts = bucketStarts(q.span, q.interval, q.timeZone);
  const out = starts.map((start) => ({ start, net: 0, count: 0 }));
  if (out.length === 0) return out;
  for (const e of entries) {
    if (e.start < starts[0] || e.start >= q.span.lt) continue;
    let lo = 0;
    let hi = starts.length - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if (starts[mid] <= e.start) lo = mid;
      else hi = mid - 1;
    }
    const sum = out[lo].net + e.net;
    if (!Number.isSafeInteger(sum)) throw new RangeError('Net volume is out of the safe integer range');
    out[lo].net = sum;
  }
  return out;
}

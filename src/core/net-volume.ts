/**
 * Net volume per time bucket, as CONTRACT.md defines it: the integer sum of `net` over balance
 * transactions of one currency inside `[gte, lt)`, of every category except `payout` and the
 * type `topup`. Bucket boundaries are computed once (per bucket, with `Intl`); each transaction is
 * then placed with integer comparisons only.
 */
import { countsTowardNetVolume } from '../contract/categories.js';
import type { BalanceTransaction, Interval } from '../contract/types.js';
import { bucketStarts, type Range } from './time.js';

/** Every interval, finest first. */
export const INTERVALS: readonly Interval[] = ['day', 'week', 'month', 'quarter', 'year'];

/** The fields of a balance transaction that net volume reads. */
export type NetVolumeTxn = Pick<BalanceTransaction, 'net' | 'created' | 'type' | 'currency'>;

/** What to aggregate: interval, range of `created` (half-open), currency and IANA zone. */
export interface NetVolumeOptions {
  interval: Interval;
  created: { gte: number; lt: number };
  currency: string;
  timezone: string;
}

/**
 * The most buckets one net-volume series may have (ten years of days): the reference server
 * refuses a `getNetVolume` request for more, and `<express-earnings>` draws no more when a page
 * asks for an interval itself.
 */
export const MAX_NET_VOLUME_BUCKETS = 3700;

/** One bucket: its true start (Unix seconds), the integer sum of `net` and how many transactions counted. */
export interface NetVolumeBucket {
  start: number;
  net: number;
  count: number;
}

function counts(txn: NetVolumeTxn, currency: string, gte: number, lt: number): boolean {
  const c = txn.created;
  return c >= gte && c < lt
    && (txn.currency === currency || txn.currency.toLowerCase() === currency)
    && countsTowardNetVolume(txn);
}

function addNet(sum: number, net: number): number {
  if (!Number.isSafeInteger(net)) throw new RangeError(`net must be a safe integer, got ${String(net)}`);
  const s = sum + net;
  if (!Number.isSafeInteger(s)) throw new RangeError('Net volume is out of the safe integer range');
  return s;
}

/** Index of the last start <= t (starts ascending, starts[0] <= t). */
function search(starts: ArrayLike<number>, t: number): number {
  let lo = 0;
  let hi = starts.length - 1;
  while (lo < hi) {
    const mid = (lo + hi + 1) >> 1;
    if (starts[mid] <= t) lo = mid;
    else hi = mid - 1;
  }
  return lo;
}

/** How far the moving pointer walks before falling back to binary search. */
const WALK = 4;

/**
 * Net volume per bucket over `p.created`: one entry per bucket from {@link bucketStarts} (empty
 * buckets are zero), in one pass over `txns`. Sorted input (ascending, or newest first as the API
 * lists them) is placed by a moving pointer; unsorted input by binary search.
 * @throws RangeError when a counted `net` is not a safe integer or a sum leaves the safe range.
 */
export function aggregateNetVolume(txns: Iterable<NetVolumeTxn>, p: NetVolumeOptions): NetVolumeBucket[] {
  const { gte, lt } = p.created;
  const starts = bucketStarts(p.created, p.interval, p.timezone);
  const n = starts.length;
  const net = new Array<number>(n).fill(0);
  const count = new Array<number>(n).fill(0);
  if (n === 0) return [];
  const currency = p.currency.toLowerCase();
  // bounds[i] .. bounds[i + 1] is bucket i; the last bucket ends at lt (nothing later counts).
  const bounds = new Float64Array(n + 1);
  for (let i = 0; i < n; i++) bounds[i] = starts[i];
  bounds[n] = Infinity;
  let k = 0;
  for (const txn of txns) {
    if (!counts(txn, currency, gte, lt)) continue;
    const c = txn.created;
    if (c < bounds[k]) {
      let steps = 0;
      while (c < bounds[k] && steps++ < WALK) k--;
      if (c < bounds[k]) k = search(starts, c);
    } else if (c >= bounds[k + 1]) {
      let steps = 0;
      while (c >= bounds[k + 1] && steps++ < WALK) k++;
      if (c >= bounds[k + 1]) k = search(starts, c);
    }
    net[k] = addNet(net[k], txn.net);
    count[k]++;
  }
  const out: NetVolumeBucket[] = new Array(n);
  for (let i = 0; i < n; i++) out[i] = { start: starts[i], net: net[i], count: count[i] };
  return out;
}

/**
 * `points` with one more transaction counted (for live updates), as a new array with a new
 * object for the changed bucket. When the transaction does not count (other currency, outside
 * the range, a payout or top-up), `points` itself is returned unchanged. `points` must be the
 * result of {@link aggregateNetVolume} with the same options.
 */
export function addToBuckets(points: readonly NetVolumeBucket[], txn: NetVolumeTxn, p: NetVolumeOptions): NetVolumeBucket[] {
  const { gte, lt } = p.created;
  if (points.length === 0 || !counts(txn, p.currency.toLowerCase(), gte, lt)) return points as NetVolumeBucket[];
  const starts = points.map((b) => b.start);
  if (txn.created < starts[0]) return points as NetVolumeBucket[];
  const i = search(starts, txn.created);
  const out = points.slice();
  out[i] = { start: points[i].start, net: addNet(points[i].net, txn.net), count: points[i].count + 1 };
  return out;
}

/** Whether every bucket of `fine` lies inside one bucket of `coarse` (days in weeks; months in quarters, ...). */
export function nests(fine: Interval, coarse: Interval): boolean {
  if (fine === coarse || fine === 'day') return true;
  if (fine === 'week' || coarse === 'week') return false;
  return INTERVALS.indexOf(fine) < INTERVALS.indexOf(coarse);
}

/**
 * Sums buckets of a finer interval into `interval`'s buckets over `span` (see {@link nests}):
 * day buckets make exact weeks, months, quarters and years without another fetch or another pass
 * over the transactions. Counts add up.
 * @throws RangeError when the intervals do not nest, or a sum leaves the safe integer range.
 */
export function rebucket(
  points: readonly NetVolumeBucket[],
  from: Interval,
  interval: Interval,
  span: Range,
  timeZone: string,
): NetVolumeBucket[] {
  if (!nests(from, interval)) throw new RangeError(`${from} buckets do not nest in ${interval} buckets`);
  const starts = bucketStarts(span, interval, timeZone);
  const out = starts.map((start) => ({ start, net: 0, count: 0 }));
  let k = 0;
  for (const p of points) {
    if (p.start >= span.lt || out.length === 0) continue;
    while (k + 1 < starts.length && starts[k + 1] <= p.start) k++;
    while (k > 0 && starts[k] > p.start) k--;
    out[k].net = addNet(out[k].net, p.net);
    out[k].count += p.count;
  }
  return out;
}

/** The exact total of the buckets' `net`. */
export function totalNet(points: Iterable<{ net: number }>): number {
  let sum = 0;
  for (const b of points) sum = addNet(sum, b.net);
  return sum;
}

/**
 * Change from `previous` to `current` in percent (`12.5` means +12.5 %), relative to
 * `|previous|` so a move up is positive even from a negative period; `null` when `previous` is 0.
 */
export function percentChange(current: number, previous: number): number | null {
  if (previous === 0) return null;
  return ((current - previous) / Math.abs(previous)) * 100;
}

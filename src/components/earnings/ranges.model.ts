/**
 * The earnings chart's ranges and intervals, without a DOM: which span a `range` (or a pair of
 * custom dates) covers in the account's zone, which intervals the menu offers for it, which one
 * is drawn, and which period it is compared with.
 */
import type { Interval } from '../../contract/types.js';
import type { EarningsRange } from '../../events.js';
import { INTERVALS, MAX_NET_VOLUME_BUCKETS } from '../../core/net-volume.js';
import { customRange, localIsoDate, nextBucketStart, previousRange, rangeForPreset, zonedParts, type Range } from '../../core/time.js';

export { INTERVALS };

/** Every value of the `range` attribute, in the order the range menu offers them. */
export const EARNINGS_RANGES: readonly EarningsRange[] = ['7d', '30d', '90d', '12m', 'ytd', 'all', 'custom'];

/**
 * The most buckets the interval menu offers: an interval giving more is not offered for a range
 * (a page that sets `interval` itself may ask for up to `MAX_NET_VOLUME_BUCKETS`).
 */
export const MAX_CHART_BUCKETS = 400;

/** The range when the `range` attribute is missing or not a known value. */
export const DEFAULT_RANGE: EarningsRange = '30d';

/** Whether `v` is a value of the `range` attribute. */
export function isEarningsRange(v: unknown): v is EarningsRange {
  return typeof v === 'string' && (EARNINGS_RANGES as readonly string[]).includes(v);
}

/** Whether `v` is an interval. */
export function isInterval(v: unknown): v is Interval {
  return typeof v === 'string' && (INTERVALS as readonly string[]).includes(v);
}

/** A local calendar date as a day number (days since 1970-01-01), from the zone's wall clock. */
function dayNumber(p: { year: number; month: number; day: number }): number {
  const d = new Date(0);
  d.setUTCFullYear(p.year, p.month - 1, p.day);
  return Math.round(d.getTime() / 86_400_000);
}

/**
 * The number of buckets of `interval` that cover `span` in `timeZone`, counted on the local
 * calendar (a partial first or last bucket counts): the length `bucketStarts` would return,
 * without computing every start (a calendar date a zone skipped entirely, as Samoa did on
 * 2011-12-30, still counts as a day here). 0 for an empty span.
 */
export function countBuckets(span: Range, interval: Interval, timeZone: string): number {
  if (!(span.gte < span.lt)) return 0;
  const a = zonedParts(span.gte, timeZone);
  const b = zonedParts(span.lt - 1, timeZone);
  switch (interval) {
    case 'day':
      return dayNumber(b) - dayNumber(a) + 1;
    case 'week':
      return (dayNumber(b) - (b.weekday - 1) - (dayNumber(a) - (a.weekday - 1))) / 7 + 1;
    case 'month':
      return b.year * 12 + b.month - (a.year * 12 + a.month) + 1;
    case 'quarter':
      return b.year * 4 + Math.floor((b.month - 1) / 3) - (a.year * 4 + Math.floor((a.month - 1) / 3)) + 1;
    case 'year':
      return b.year - a.year + 1;
  }
}

/** The shortest span (in local days) for which an interval is offered: no single-bucket charts of a week. */
const MIN_DAYS: Record<Interval, number> = { day: 0, week: 7, month: 28, quarter: 90, year: 365 };

/**
 * The intervals offered for `span`: those giving at most {@link MAX_CHART_BUCKETS} buckets, and
 * at least as long a span as one of their buckets (no yearly chart of a week). `day` is offered
 * whenever nothing else is, so the list is never empty.
 */
export function allowedIntervals(span: Range, timeZone: string, maxBuckets = MAX_CHART_BUCKETS): Interval[] {
  const days = countBuckets(span, 'day', timeZone);
  const out = INTERVALS.filter((i) => days >= MIN_DAYS[i] && countBuckets(span, i, timeZone) <= maxBuckets);
  return out.length ? out : [days > maxBuckets ? 'year' : 'day'];
}

/**
 * The default interval of a range (CONTRACT.md): `day` for 7d and 30d, `week` for 90d, `month`
 * for 12m, ytd and all. A custom range gets one by its length in local days: up to 31 `day`, up
 * to 183 `week`, up to about three years `month`, then `quarter`.
 */
export function defaultInterval(range: EarningsRange, span?: Range, timeZone?: string): Interval {
  switch (range) {
    case '7d':
    case '30d':
      return 'day';
    case '90d':
      return 'week';
    case '12m':
    case 'ytd':
    case 'all':
      return 'month';
    case 'custom': {
      if (!span || !timeZone) return 'day';
      const days = countBuckets(span, 'day', timeZone);
      return days <= 31 ? 'day' : days <= 183 ? 'week' : days <= 1100 ? 'month' : 'quarter';
    }
  }
}

/**
 * The interval to draw: `requested` when it is offered for `span`, else the range's default when
 * that is, else the first offered interval coarser than the default (else the finest offered).
 *
 * With `explicit` (a page set the interval itself, rather than a person choosing it from the
 * menu), `requested` is drawn up to {@link MAX_NET_VOLUME_BUCKETS} buckets instead of
 * {@link MAX_CHART_BUCKETS}, as long as the span is at least one such bucket long (no yearly
 * chart of a week); otherwise the same fallback applies.
 */
export function chooseInterval(
  requested: Interval | null | undefined,
  range: EarningsRange,
  span: Range,
  timeZone: string,
  o: { explicit?: boolean } = {},
): Interval {
  if (requested && o.explicit && allowedIntervals(span, timeZone, MAX_NET_VOLUME_BUCKETS).includes(requested)) return requested;
  const allowed = allowedIntervals(span, timeZone);
  if (requested && allowed.includes(requested)) return requested;
  const def = defaultInterval(range, span, timeZone);
  if (allowed.includes(def)) return def;
  const coarser = allowed.find((i) => INTERVALS.indexOf(i) > INTERVALS.indexOf(def));
  return coarser ?? allowed[0];
}

/** A range as the chart uses it: the preset it came from, its span and its first and last local dates. */
export interface ResolvedRange {
  preset: EarningsRange;
  span: Range;
  /** First local date, `YYYY-MM-DD`. */
  from: string;
  /** Last local date (inclusive), `YYYY-MM-DD`. */
  to: string;
}

function tryCustom(from: string, to: string, timeZone: string): Range | null {
  try {
    return from <= to ? customRange(from, to, timeZone) : customRange(to, from, timeZone);
  } catch {
    return null;
  }
}

/** `iso` (`YYYY-MM-DD`) moved by `days` calendar days. */
function addDays(iso: string, days: number): string {
  const d = new Date(`${iso}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + days);
  return d.toISOString().slice(0, 10);
}

/**
 * "Last 12 months" at `now`: the twelve whole calendar months before this one, and this month so
 * far (its last bucket is marked incomplete), from the first of the month a year ago to the end
 * of today, local. Never twelve months cut at both ends into thirteen periods.
 */
function lastTwelveMonths(now: number, timeZone: string): Range {
  const { year, month } = zonedParts(now, timeZone);
  // On a day in November 2026: from November 1, 2025 (November 2025 to October 2026 whole, then
  // November 2026 so far).
  const first = `${String(year - 1).padStart(4, '0')}-${String(month).padStart(2, '0')}-01`;
  return { gte: customRange(first, first, timeZone).gte, lt: rangeForPreset('7d', now, timeZone).lt };
}

/**
 * The span to chart. When both `from` and `to` are valid dates the range is custom (in either
 * order, both inclusive); otherwise the preset at `now` (a `custom` range without valid dates
 * shows the last 30 days). Every preset ends at the end of today, local: `7d`, `30d`, `90d` are
 * that many local days; `12m` the twelve calendar months before this one and this month so far;
 * `ytd` from January 1; `all` from the local day of `allStart` (default: today).
 */
export function resolveRange(o: {
  range: EarningsRange;
  from?: string | null;
  to?: string | null;
  now: number;
  timeZone: string;
  allStart?: number | null;
}): ResolvedRange {
  const { timeZone, now } = o;
  let preset = isEarningsRange(o.range) ? o.range : DEFAULT_RANGE;
  let span: Range | null = null;
  if (o.from && o.to) {
    span = tryCustom(o.from, o.to, timeZone);
    if (span) preset = 'custom';
  }
  if (!span) {
    const p = preset === 'custom' ? '30d' : preset;
    span = p === '12m' ? lastTwelveMonths(now, timeZone) : rangeForPreset(p, now, timeZone, p === 'all' ? (o.allStart ?? now) : undefined);
  }
  return { preset, span, from: localIsoDate(span.gte, timeZone), to: localIsoDate(span.lt - 1, timeZone) };
}

/**
 * The period a range is compared with, like with like, or `null` for `all` (nothing came before
 * the account). Bucket `i` of the range is compared with bucket `i` of this period.
 * - `12m` and `ytd`: a year earlier. With monthly, quarterly or yearly buckets the same dates a
 *   year earlier (a month faces the same month); with daily or weekly buckets 52 weeks (364 days)
 *   earlier, so that a Friday faces a Friday.
 * - Every other range: the same number of days, the nearest whole weeks earlier (7 days before
 *   the last 7, 35 before the last 30, 91 before the last 90): weekdays and weeks face their
 *   like, and the period does not depend on the interval (changing it fetches nothing more).
 */
export function comparisonSpan(r: ResolvedRange, interval: Interval, timeZone: string): Range | null {
  if (r.preset === 'all') return null;
  const weekly = interval === 'day' || interval === 'week';
  if ((r.preset === '12m' || r.preset === 'ytd') && !weekly) return previousRange(r.span, r.preset, timeZone);
  const shift = r.preset === '12m' || r.preset === 'ytd' ? 364 : Math.ceil(countBuckets(r.span, 'day', timeZone) / 7) * 7;
  return customRange(addDays(r.from, -shift), addDays(r.to, -shift), timeZone);
}

/** Whether a bucket is whole: `soFar` while its period is still going on, `partial` when the range cuts it. */
export type BucketCompleteness = 'soFar' | 'partial';

/**
 * The buckets of `starts` (ascending bucket starts over `span`) that are not a whole period:
 * the one that holds `now` is `soFar` (today, this week, this month so far); the first bucket
 * when it starts before the range and the last when it ends after it are `partial` (a custom
 * range that starts mid-month; "all time" from the day the account opened). Only the first and
 * the last bucket can be either. Keyed by bucket index.
 */
export function incompleteBuckets(
  starts: readonly number[],
  span: Range,
  interval: Interval,
  timeZone: string,
  now: number,
): Map<number, BucketCompleteness> {
  const out = new Map<number, BucketCompleteness>();
  const n = starts.length;
  if (n === 0) return out;
  const check = (i: number) => {
    const start = starts[i];
    const end = i + 1 < n ? starts[i + 1] : nextBucketStart(start, interval, timeZone);
    if (start <= now && now < end) out.set(i, 'soFar');
    else if (start < span.gte || end > span.lt) out.set(i, 'partial');
  };
  check(0);
  if (n > 1) check(n - 1);
  return out;
}

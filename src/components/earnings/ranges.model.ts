/**
 * The earnings chart's ranges and intervals, without a DOM: which span a `range` (or a pair of
 * custom dates) covers in the account's zone, which intervals the menu offers for it, which one
 * is drawn, and which period it is compared with.
 */
import type { Interval } from '../../contract/types.js';
import type { EarningsRange } from '../../events.js';
import { INTERVALS, MAX_NET_VOLUME_BUCKETS } from '../../core/net-volume.js';
import { customRange, localIsoDate, previousRange, rangeForPreset, zonedParts, type Range } from '../../core/time.js';

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

/**
 * The span to chart. When both `from` and `to` are valid dates the range is custom (in either
 * order, both inclusive); otherwise the preset at `now` (a `custom` range without valid dates
 * shows the last 30 days). `all` starts at the local day of `allStart` (default: today).
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
    span = rangeForPreset(p, now, timeZone, p === 'all' ? (o.allStart ?? now) : undefined);
  }
  return { preset, span, from: localIsoDate(span.gte, timeZone), to: localIsoDate(span.lt - 1, timeZone) };
}

/**
 * The period a range is compared with: the previous period of equal length (12m and ytd: the
 * same dates a year earlier), or `null` for `all` (nothing came before the account).
 */
export function comparisonSpan(r: ResolvedRange, timeZone: string): Range | null {
  if (r.preset === 'all') return null;
  return r.preset === 'custom' ? previousRange(r.span, undefined, timeZone) : previousRange(r.span, r.preset, timeZone);
}

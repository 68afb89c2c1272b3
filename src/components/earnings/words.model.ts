/**
 * The earnings element's words, without a DOM: the headline's change, bucket labels, the chart's
 * one-sentence summary and the data table's rows, in the reader's locale through `Intl`.
 */
import type { Interval } from '../../contract/types.js';
import { format, type Strings } from '../../core/i18n/registry.js';
import { formatMoney } from '../../core/money.js';
import { percentChange, totalNet, type NetVolumeBucket } from '../../core/net-volume.js';
import { dateTimeFormat, formatUnixDate } from '../../core/date-format.js';
import { formatBucketLabel, nextBucketStart, zonedParts, type Range } from '../../core/time.js';
import type { BucketCompleteness, ResolvedRange } from './ranges.model.js';

// ---- headline ----

/** How the total moved against the previous period. */
export type ChangeKind = 'up' | 'down' | 'same' | 'upFromZero' | 'downFromZero' | 'none';

/** The change of the headline: its kind, and the unsigned percentage for `up` and `down`. */
export interface Change {
  kind: ChangeKind;
  /** Percent (12.5 means 12.5 %), unsigned; `null` unless `kind` is `up` or `down`. */
  percent: number | null;
}

/**
 * The change from `previous` to `current` (integer minor units). No previous total (`null`,
 * `undefined`): `none`. A previous total of zero is never divided by: `same`, `upFromZero` or
 * `downFromZero`. Otherwise `up` or `down` by `percentChange` (relative to |previous|, so a move up
 * from a negative period is `up`), or `same` when equal.
 */
export function compareTotals(current: number, previous: number | null | undefined): Change {
  if (previous === null || previous === undefined) return { kind: 'none', percent: null };
  if (current === previous) return { kind: 'same', percent: null };
  const pct = percentChange(current, previous);
  if (pct === null) return { kind: current > 0 ? 'upFromZero' : 'downFromZero', percent: null };
  return { kind: pct > 0 ? 'up' : 'down', percent: Math.abs(pct) };
}

const percentFormats = new Map<string, Intl.NumberFormat>();

/** `12.4 %` in `locale`: at most one fraction digit, no sign. */
export function formatPercent(percent: number, locale: string): string {
  let nf = percentFormats.get(locale);
  if (!nf) {
    nf = new Intl.NumberFormat(locale, { style: 'percent', maximumFractionDigits: 1 });
    percentFormats.set(locale, nf);
  }
  return nf.format(percent / 100);
}

/**
 * The local dates of `span` (half-open) as one range in `locale`: `Oct 9 – Nov 7`, with the year
 * when the dates are not both in the year of `now` (`Dec 1, 2024 – Nov 30, 2025`).
 */
export function formatSpan(span: Range, timeZone: string, locale: string, now: number): string {
  const last = span.lt - 1;
  const thisYear = zonedParts(now, timeZone).year;
  const withYear = zonedParts(span.gte, timeZone).year !== thisYear || zonedParts(last, timeZone).year !== thisYear;
  const f = dateTimeFormat(locale, { month: 'short', day: 'numeric', ...(withYear ? { year: 'numeric' } : {}), timeZone, calendar: 'gregory' });
  // formatRange is in every engine since 2021; an older one gets the two dates with a dash.
  return typeof f.formatRange === 'function' ? f.formatRange(span.gte * 1000, last * 1000) : `${f.format(span.gte * 1000)} – ${f.format(last * 1000)}`;
}

/**
 * The headline's words for a change against the period `previous` names (its dates, see
 * {@link formatSpan}): "up 12.4% vs Oct 9 – Nov 7", "up from $0.00 vs Oct 9 – Nov 7", "no change
 * vs Oct 9 – Nov 7"; `noComparison` for `none`.
 */
export function describeChange(change: Change, previous: string, s: Strings, locale: string, currency: string): string {
  const e = s.earnings;
  switch (change.kind) {
    case 'up':
    case 'down':
      return format(e[change.kind], { pct: formatPercent(change.percent ?? 0, locale), previous });
    case 'same':
      return format(e.same, { previous });
    case 'upFromZero':
    case 'downFromZero':
      return format(e[change.kind], { zero: formatMoney(0, currency, locale), previous });
    case 'none':
      return e.noComparison;
  }
}

// ---- labels, summary, table ----

/**
 * A bucket's long label: `Sat, Nov 28, 2026`, `Week of Mon, Nov 23, 2026`, `November 2026`,
 * `Q4 2026`, `2026`; for a bucket that is not a whole period (see `incompleteBuckets`), what part
 * of it counts: `November 2026 (so far)`, or, cut by the range, `March 2025 (Mar 10 – 31)`.
 */
export function bucketLabel(
  start: number,
  interval: Interval,
  timeZone: string,
  locale: string,
  s: Strings,
  incomplete?: { kind: BucketCompleteness; span: Range },
): string {
  const long = formatBucketLabel(start, interval, timeZone, locale, 'long');
  const period = interval === 'week' ? format(s.earnings.weekOf, { date: long }) : long;
  if (!incomplete) return period;
  if (incomplete.kind === 'soFar') return format(s.earnings.soFar, { period });
  const end = nextBucketStart(start, interval, timeZone);
  const covered = { gte: Math.max(start, incomplete.span.gte), lt: Math.min(end, incomplete.span.lt) };
  return format(s.earnings.partOf, { period, dates: formatSpan(covered, timeZone, locale, covered.gte) });
}

/** A date as `Nov 28, 2026` (Intl `dateStyle: 'medium'`, Gregorian) in `timeZone`. */
export function formatDate(ts: number, timeZone: string, locale: string): string {
  return formatUnixDate(ts, locale, { dateStyle: 'medium', timeZone, calendar: 'gregory' });
}

/** Total, highest and lowest bucket of a series. */
export interface SeriesStats {
  total: number;
  /** Index of the highest bucket (the first of equals); -1 when there are none. */
  maxIndex: number;
  /** Index of the lowest bucket (the first of equals); -1 when there are none. */
  minIndex: number;
  /** True when every bucket is zero (or there are none): "No earnings in this period". */
  empty: boolean;
}

/** The exact total and the extremes of `points`. */
export function seriesStats(points: readonly { net: number }[]): SeriesStats {
  let maxIndex = -1;
  let minIndex = -1;
  let empty = true;
  points.forEach((p, i) => {
    if (p.net !== 0) empty = false;
    if (maxIndex < 0 || p.net > points[maxIndex].net) maxIndex = i;
    if (minIndex < 0 || p.net < points[minIndex].net) minIndex = i;
  });
  return { total: totalNet(points), maxIndex, minIndex, empty };
}

/** The chart's one-sentence label: range, total, highest and lowest bucket. */
export function chartSummary(
  points: readonly { start: number; net: number }[],
  r: ResolvedRange,
  interval: Interval,
  o: { currency: string; timeZone: string; locale: string; strings: Strings },
): string {
  const { currency, timeZone, locale, strings: s } = o;
  const stats = seriesStats(points);
  const money = (n: number) => formatMoney(n, currency, locale);
  const label = (i: number) => (i >= 0 ? bucketLabel(points[i].start, interval, timeZone, locale, s) : '');
  return format(s.earnings.chartSummary, {
    from: formatDate(r.span.gte, timeZone, locale),
    to: formatDate(r.span.lt - 1, timeZone, locale),
    total: money(stats.total),
    max: money(stats.maxIndex >= 0 ? points[stats.maxIndex].net : 0),
    maxLabel: label(stats.maxIndex),
    min: money(stats.minIndex >= 0 ? points[stats.minIndex].net : 0),
    minLabel: label(stats.minIndex),
  });
}

/** One row of the visually hidden data table. */
export interface TableRow {
  start: number;
  label: string;
  /** Number of transactions, formatted; `null` when the source does not say. */
  count: string | null;
  net: string;
}

const countFormats = new Map<string, Intl.NumberFormat>();

/**
 * The data table's rows: every bucket, its long label (saying "so far" or which dates count for
 * an `incomplete` one), count (when known) and formatted net volume.
 */
export function tableRows(
  points: readonly NetVolumeBucket[],
  interval: Interval,
  o: {
    currency: string;
    timeZone: string;
    locale: string;
    strings: Strings;
    countsKnown: boolean;
    span?: Range;
    incomplete?: ReadonlyMap<number, BucketCompleteness>;
  },
): TableRow[] {
  let nf = countFormats.get(o.locale);
  if (!nf) countFormats.set(o.locale, (nf = new Intl.NumberFormat(o.locale)));
  return points.map((p, i) => ({
    start: p.start,
    label: bucketLabel(p.start, interval, o.timeZone, o.locale, o.strings, completeness(i, o.incomplete, o.span)),
    count: o.countsKnown ? nf.format(p.count) : null,
    net: formatMoney(p.net, o.currency, o.locale),
  }));
}

/** What {@link bucketLabel} needs to say of bucket `i`, when it is not a whole period. */
export function completeness(
  i: number,
  incomplete: ReadonlyMap<number, BucketCompleteness> | undefined,
  span: Range | undefined,
): { kind: BucketCompleteness; span: Range } | undefined {
  const kind = incomplete?.get(i);
  return kind && span ? { kind, span } : undefined;
}

/**
 * The earnings chart's model: everything `<express-earnings>` shows, computed without a DOM.
 * Observable Plot's split: this module turns buckets into ranges, intervals, scales, ticks, path
 * data, labels and sentences; the element only draws what it returns.
 *
 * Amounts are integers in minor units throughout; the y scale runs on minor units, and tick
 * labels are formatted from integer tick values.
 */
import { nice, ticks } from 'd3-array';
import { area, curveMonotoneX, line } from 'd3-shape';
import type { Interval } from '../../contract/types.js';
import type { EarningsRange } from '../../events.js';
import { format, type Strings } from '../../core/i18n/registry.js';
import { currencyExponent, formatCompactMoney, formatMoney } from '../../core/money.js';
import { MAX_NET_VOLUME_BUCKETS, percentChange, totalNet, type NetVolumeBucket } from '../../core/net-volume.js';
import { formatUnixDate } from '../../core/date-format.js';
import {
  bucketStarts,
  customRange,
  formatBucketLabel,
  localIsoDate,
  previousRange,
  rangeForPreset,
  zonedParts,
  type Range,
} from '../../core/time.js';

// ---- ranges and intervals ----

/** Every value of the `range` attribute, in the order the range menu offers them. */
export const EARNINGS_RANGES: readonly EarningsRange[] = ['7d', '30d', '90d', '12m', 'ytd', 'all', 'custom'];

/** Every interval, finest first. */
export const INTERVALS: readonly Interval[] = ['day', 'week', 'month', 'quarter', 'year'];

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

/** Which `earnings.previous` phrase names a range's comparison period. */
export function previousKey(range: EarningsRange): keyof Strings['earnings']['previous'] {
  return range === '7d' || range === '30d' || range === '90d' || range === '12m' ? range : 'period';
}

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
 * The headline's words for a change: "up 12.4% vs previous 30 days", "up from $0.00 vs previous
 * 30 days", "no change vs previous period"; `noComparison` for `none`.
 */
export function describeChange(change: Change, range: EarningsRange, s: Strings, locale: string, currency: string): string {
  const e = s.earnings;
  const previous = e.previous[previousKey(range)];
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

// ---- labels ----

/** A bucket's long label: `Sat, Nov 28, 2026`, `Week of Mon, Nov 23, 2026`, `November 2026`, `Q4 2026`, `2026`. */
export function bucketLabel(start: number, interval: Interval, timeZone: string, locale: string, s: Strings): string {
  const label = formatBucketLabel(start, interval, timeZone, locale, 'long');
  return interval === 'week' ? format(s.earnings.weekOf, { date: label }) : label;
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

/** The data table's rows: every bucket, its long label, count (when known) and formatted net volume. */
export function tableRows(
  points: readonly NetVolumeBucket[],
  interval: Interval,
  o: { currency: string; timeZone: string; locale: string; strings: Strings; countsKnown: boolean },
): TableRow[] {
  let nf = countFormats.get(o.locale);
  if (!nf) countFormats.set(o.locale, (nf = new Intl.NumberFormat(o.locale)));
  return points.map((p) => ({
    start: p.start,
    label: bucketLabel(p.start, interval, o.timeZone, o.locale, o.strings),
    count: o.countsKnown ? nf.format(p.count) : null,
    net: formatMoney(p.net, o.currency, o.locale),
  }));
}

// ---- rebucketing ----

/** Whether every bucket of `fine` lies inside one bucket of `coarse` (days in weeks; months in quarters, ...). */
export function nests(fine: Interval, coarse: Interval): boolean {
  if (fine === coarse || fine === 'day') return true;
  if (fine === 'week' || coarse === 'week') return false;
  return INTERVALS.indexOf(fine) < INTERVALS.indexOf(coarse);
}

/**
 * Sums buckets of a finer interval into `interval`'s buckets over `span` (see {@link nests}):
 * day buckets make exact weeks, months, quarters and years without another fetch. Counts add up.
 * @throws RangeError when the intervals do not nest.
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
    out[k].net += p.net;
    out[k].count += p.count;
  }
  return out;
}

// ---- chart geometry ----

/** What {@link chartLayout} draws. */
export interface ChartInput {
  points: readonly { start: number; net: number }[];
  /** The previous period's buckets, drawn index by index against `points` (extra ones are dropped). */
  previous?: readonly { start: number; net: number }[] | null;
  /**
   * The points' short x-axis labels (`formatBucketLabel(start, interval, timeZone, locale, 'short')`),
   * when the caller keeps them between layouts; else they are formatted here.
   */
  labels?: readonly string[];
  width: number;
  height: number;
  interval: Interval;
  currency: string;
  timeZone: string;
  locale: string;
}

/** A y-axis tick: value in minor units, position and compact label. */
export interface YTick {
  value: number;
  y: number;
  label: string;
}

/** An x-axis tick: bucket index, position and short label. */
export interface XTick {
  index: number;
  x: number;
  label: string;
}

/** Everything the element draws, in SVG user units (= CSS pixels). */
export interface ChartLayout {
  width: number;
  height: number;
  /** The plot area inside the axes. */
  plot: { left: number; right: number; top: number; bottom: number };
  /** Width of one bucket; bucket `i` is centred on `xs[i]`. */
  step: number;
  xs: number[];
  ys: number[];
  /** The previous period's y per index (as many as both series have). */
  previousYs: number[];
  zeroY: number;
  yTicks: YTick[];
  xTicks: XTick[];
  areaPath: string;
  linePath: string;
  /** `null` without a previous series. */
  previousPath: string | null;
}

/** Average width of a 12px axis label character, for spacing labels without measuring text. */
const CHAR_WIDTH = 6.8;

/**
 * The chart's scales, ticks and paths. Buckets are equally spaced bands (a month is as wide as
 * February), bucket `i` centred in its band; y is linear over minor units with nice bounds
 * that always include zero, so negative buckets fall below the zero line. Y ticks are integers
 * only, labelled with compact money; x ticks are spaced so their labels do not overlap, counted
 * back from the latest bucket (which is always labelled).
 */
export function chartLayout(input: ChartInput): ChartLayout {
  const { points, width, height, interval, currency, timeZone, locale } = input;
  const previous = input.previous ?? null;
  const n = points.length;
  const top = 12;
  const bottom = Math.max(top + 20, height - 28);

  // y: domain over both series and zero; at least one major unit tall.
  let lo = 0;
  let hi = 0;
  for (const p of points) {
    lo = Math.min(lo, p.net);
    hi = Math.max(hi, p.net);
  }
  if (previous) {
    for (let i = 0; i < Math.min(n, previous.length); i++) {
      lo = Math.min(lo, previous[i].net);
      hi = Math.max(hi, previous[i].net);
    }
  }
  if (hi === lo) hi = lo + 10 ** currencyExponent(currency);
  const yTickCount = Math.max(2, Math.min(6, Math.floor((bottom - top) / 40)));
  // A linear scale with nice bounds (d3-array's nice and ticks: d3-scale would add about 8 KB
  // gzip of interpolators and number formats this chart never uses).
  [lo, hi] = nice(lo, hi, yTickCount);
  const y = (v: number) => bottom - ((v - lo) / (hi - lo)) * (bottom - top);
  const tickValues = ticks(lo, hi, yTickCount).filter((v) => Number.isInteger(v));
  const yLabels = tickValues.map((v) => formatCompactMoney(v, currency, locale));
  const labelChars = yLabels.reduce((m, l) => Math.max(m, l.length), 0);
  const left = Math.min(Math.max(36, Math.ceil(labelChars * CHAR_WIDTH) + 14), Math.max(36, width / 3));
  const right = Math.max(left + 1, width - 8);
  const yTicks = tickValues.map((value, i) => ({ value, y: y(value), label: yLabels[i] }));
  const zeroY = y(0);

  // x: equal bands.
  const step = n > 0 ? (right - left) / n : right - left;
  const xs = points.map((_, i) => left + step * (i + 0.5));
  const ys = points.map((p) => y(p.net));
  const previousYs = previous ? previous.slice(0, n).map((p) => y(p.net)) : [];

  // x ticks: labels at least their own width apart, counted back from the last bucket.
  const labels = input.labels?.length === n ? input.labels : points.map((p) => formatBucketLabel(p.start, interval, timeZone, locale, 'short'));
  const widest = labels.reduce((m, l) => Math.max(m, l.length), 0) * CHAR_WIDTH;
  const every = Math.max(1, Math.ceil((widest + 16) / Math.max(step, 1)));
  const xTicks: XTick[] = [];
  const half = widest / 2;
  for (let i = n - 1; i >= 0; i -= every) {
    const x = Math.min(Math.max(xs[i], half + 2), width - half - 2);
    xTicks.unshift({ index: i, x, label: labels[i] });
  }

  const xy = (xsArr: number[], ysArr: number[]): [number, number][] => ysArr.map((v, i) => [xsArr[i], v]);
  const curve = curveMonotoneX;
  const upper = xy(xs, ys);
  const linePath = line<[number, number]>().curve(curve)(upper) ?? '';
  // The area is the line closed along the zero line: the shape d3's area draws with a constant
  // y0 (its monotone curve through points on one horizontal line is that line), at a tenth of
  // the cost for thousands of buckets.
  const areaPath =
    n > 1 ? `${linePath}L${xs[n - 1]},${zeroY}L${xs[0]},${zeroY}Z` : (area<[number, number]>().x((d) => d[0]).y0(zeroY).y1((d) => d[1]).curve(curve)(upper) ?? '');
  const previousPath = previous ? (line<[number, number]>().curve(curve)(xy(xs, previousYs)) ?? '') : null;

  return {
    width,
    height,
    plot: { left, right, top, bottom },
    step,
    xs,
    ys,
    previousYs,
    zeroY,
    yTicks,
    xTicks,
    areaPath,
    linePath,
    previousPath,
  };
}

/** The bucket under a pointer at `x` (SVG units), clamped to the series; -1 without buckets. */
export function indexAtX(x: number, layout: Pick<ChartLayout, 'plot' | 'step' | 'xs'>): number {
  const n = layout.xs.length;
  if (n === 0) return -1;
  const i = Math.floor((x - layout.plot.left) / (layout.step || 1));
  return Math.min(n - 1, Math.max(0, i));
}

/**
 * Keyboard navigation between buckets: Left/Right move one bucket (from nothing, Right goes to
 * the first and Left to the last), Home to the first, End to the last. `undefined` for any other
 * key (the element lets it through) or when there are no buckets.
 */
export function nextIndex(current: number | null, key: string, n: number): number | undefined {
  if (n <= 0) return undefined;
  switch (key) {
    case 'ArrowLeft':
      return current === null ? n - 1 : Math.max(0, current - 1);
    case 'ArrowRight':
      return current === null ? 0 : Math.min(n - 1, current + 1);
    case 'Home':
      return 0;
    case 'End':
      return n - 1;
    default:
      return undefined;
  }
}

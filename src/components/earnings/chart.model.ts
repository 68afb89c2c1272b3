/**
 * The chart's geometry, without a DOM (Observable Plot's split: scales first, then marks that draw
 * values already scaled): the y scale over minor units with nice integer ticks, equal bands for
 * the buckets, x ticks spaced by their labels' width, and the SVG path data. The element only
 * draws what {@link chartLayout} returns. Also: which bucket a pointer or a key reaches.
 */
import { nice, ticks } from 'd3-array';
import { area, curveMonotoneX, line } from 'd3-shape';
import type { Interval } from '../../contract/types.js';
import { currencyExponent, formatCompactMoney } from '../../core/money.js';
import { formatBucketLabel } from '../../core/time.js';

/** What {@link chartLayout} draws. */
export interface ChartInput {
  points: readonly { start: number; net: number }[];
  /** The previous period's buckets, drawn index by index against `points` (extra ones are dropped). */
  previous?: readonly { start: number; net: number }[] | null;
  /**
   * Bucket `index`'s short x-axis label (`formatBucketLabel(start, interval, timeZone, locale,
   * 'short')`), from a cache the caller keeps between layouts; else formatted here. Only a sample
   * of the buckets and the labelled ones are asked for (see {@link chartLayout}).
   */
  label?: (index: number) => string;
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

/** About this many labels, spread over the series, tell how wide its x labels are. */
const LABEL_SAMPLE = 48;

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

  // x ticks: labels at least their own width apart, counted back from the last bucket. The widest
  // label is estimated from a sample (not all of five years of days are formatted), then checked
  // against the labels drawn: a wider one spaces them out again.
  const label = input.label ?? ((i: number) => formatBucketLabel(points[i].start, interval, timeZone, locale, 'short'));
  let chars = 0;
  const stride = Math.max(1, Math.floor(n / LABEL_SAMPLE));
  for (let i = n - 1; i >= 0; i -= stride) chars = Math.max(chars, label(i).length);
  let xTicks: XTick[] = [];
  for (let tries = 0; tries < 3; tries++) {
    const widest = chars * CHAR_WIDTH;
    const every = Math.max(1, Math.ceil((widest + 16) / (step > 0 ? step : 1)));
    const half = widest / 2;
    let longest = 0;
    xTicks = [];
    for (let i = n - 1; i >= 0; i -= every) {
      const text = label(i);
      longest = Math.max(longest, text.length);
      xTicks.push({ index: i, x: Math.min(Math.max(xs[i], half + 2), width - half - 2), label: text });
    }
    xTicks.reverse();
    if (longest <= chars) break;
    chars = longest;
  }
  // The first label, pushed inside the chart's left edge, may come too close to the second.
  if (xTicks.length > 1 && xTicks[1].x - xTicks[0].x < ((xTicks[0].label.length + xTicks[1].label.length) / 2) * CHAR_WIDTH + 8) {
    xTicks.shift();
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

/**
 * The chart's geometry, without a DOM (Observable Plot's split: scales first, then marks that draw
 * values already scaled): the y scale over minor units with nice integer ticks, equal bands for
 * the buckets, x ticks spaced by their labels' width, and the SVG path data of the bars. The
 * element only draws what {@link chartLayout} returns. Also: which bucket a pointer or a key
 * reaches.
 *
 * Each bucket is a sum over its period, so it is drawn as a bar from zero: nothing is invented
 * between buckets (a smoothed curve through daily sums would show values no day had, and turn a
 * day without earnings into a dip), and a bucket of zero draws nothing.
 */
import { nice, ticks, tickStep } from 'd3-array';
import type { Interval } from '../../contract/types.js';
import { currencyExponent, formatCompactMoney } from '../../core/money.js';
import { formatBucketLabel } from '../../core/time.js';

/** What {@link chartLayout} draws. */
export interface ChartInput {
  points: readonly { start: number; net: number }[];
  /** Buckets that are not a whole period (the first and the last can be): drawn lighter. */
  incomplete?: ReadonlyMap<number, unknown>;
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
  /** Width of one bucket's band; bucket `i` is centred on `xs[i]`. */
  step: number;
  /** Width of a bar (the band less a gap, when there is room for one; narrower than a pixel, bars are drawn per pixel column). */
  barWidth: number;
  xs: number[];
  ys: number[];
  /** The previous period's y per index (as many as both series have). */
  previousYs: number[];
  zeroY: number;
  yTicks: YTick[];
  xTicks: XTick[];
  /** The bars of whole periods: above zero, and below zero. */
  bars: { positive: string; negative: string };
  /** The bars of incomplete periods (lighter), by bucket index. */
  incompleteBars: { index: number; x: number; y: number; height: number; negative: boolean }[];
  /** The previous period as points joined by straight segments; `null` without one. */
  previousPath: string | null;
}

/** Average width of a 12px axis label character, for spacing labels without measuring text. */
const CHAR_WIDTH = 6.8;

/** About this many labels, spread over the series, tell how wide its x labels are. */
const LABEL_SAMPLE = 48;

/** SVG path numbers with two decimals at most (shorter strings for thousands of bars). */
const r2 = (v: number) => Math.round(v * 100) / 100;

/**
 * The y domain `[lo, hi]` over the values (zero included) and its tick values. The side of zero
 * that holds the data's bulk gets nice bounds; the other side, when it holds only a sliver (less
 * than a fifth of a tick step, as an almost-zero negative day beside days of hundreds), is drawn
 * just as deep as that value with no tick of its own, instead of stretching the axis to the next
 * round number (-$100 for a day of -$0.50).
 */
export function yDomain(min: number, max: number, count: number, minSpan: number): { lo: number; hi: number; ticks: number[] } {
  let lo = Math.min(0, min);
  let hi = Math.max(0, max);
  if (hi === lo) hi = lo + minSpan;
  const slight = tickStep(lo, hi, count) / 5;
  if (lo < 0 && -lo < slight && hi > 0) {
    const [, nhi] = nice(0, hi, count);
    const values = ticks(0, nhi, count).filter((v) => Number.isInteger(v));
    return { lo: Math.min(lo, -nhi / 40), hi: nhi, ticks: values };
  }
  if (hi > 0 && hi < slight && lo < 0) {
    const [nlo] = nice(lo, 0, count);
    const values = ticks(nlo, 0, count).filter((v) => Number.isInteger(v));
    return { lo: nlo, hi: Math.max(hi, -nlo / 40), ticks: values };
  }
  [lo, hi] = nice(lo, hi, count);
  return { lo, hi, ticks: ticks(lo, hi, count).filter((v) => Number.isInteger(v)) };
}

/**
 * The chart's scales, ticks and bars. Buckets are equally spaced bands (a month is as wide as
 * February), bucket `i` centred in its band, its bar from zero to its value; y is linear over
 * minor units with bounds that include zero (see {@link yDomain}), so negative buckets hang below
 * the zero line. Y ticks are integers only, labelled with compact money; x ticks are spaced so
 * their labels do not overlap, counted back from the latest bucket (which is always labelled).
 * A bucket that is not zero is at least a pixel tall, so a small day is never invisible.
 */
export function chartLayout(input: ChartInput): ChartLayout {
  const { points, width, height, interval, currency, timeZone, locale } = input;
  const previous = input.previous ?? null;
  const n = points.length;
  const top = 12;
  const bottom = Math.max(top + 20, height - 28);

  // y: domain over both series and zero; at least one major unit tall.
  let min = 0;
  let max = 0;
  for (const p of points) {
    min = Math.min(min, p.net);
    max = Math.max(max, p.net);
  }
  if (previous) {
    for (let i = 0; i < Math.min(n, previous.length); i++) {
      min = Math.min(min, previous[i].net);
      max = Math.max(max, previous[i].net);
    }
  }
  const yTickCount = Math.max(2, Math.min(6, Math.floor((bottom - top) / 40)));
  // A linear scale with nice bounds (d3-array's nice and ticks: d3-scale would add about 8 KB
  // gzip of interpolators and number formats this chart never uses).
  const { lo, hi, ticks: tickValues } = yDomain(min, max, yTickCount, 10 ** currencyExponent(currency));
  const y = (v: number) => bottom - ((v - lo) / (hi - lo)) * (bottom - top);
  const yLabels = tickValues.map((v) => formatCompactMoney(v, currency, locale));
  const labelChars = yLabels.reduce((m, l) => Math.max(m, l.length), 0);
  const left = Math.min(Math.max(36, Math.ceil(labelChars * CHAR_WIDTH) + 14), Math.max(36, width / 3));
  const right = Math.max(left + 1, width - 8);
  const yTicks = tickValues.map((value, i) => ({ value, y: y(value), label: yLabels[i] }));
  const zeroY = y(0);

  // x: equal bands; a bar is its band less a gap of a fifth (at most 8 px) when bands are 4 px or more.
  const step = n > 0 ? (right - left) / n : right - left;
  const gap = step >= 4 ? Math.min(8, step / 5) : 0;
  const barWidth = step - gap;
  const xs = new Array<number>(n);
  const ys = new Array<number>(n);
  const positive: string[] = [];
  const negative: string[] = [];
  const incompleteBars: ChartLayout['incompleteBars'] = [];
  // A bar from zero to `net`, at least a pixel tall: a bucket that is not zero never disappears.
  const bar = (x0: number, w: number, net: number, out: string[]) => {
    const h = Math.max(1, Math.abs(y(net) - zeroY));
    out.push(`M${r2(x0)} ${r2(net > 0 ? zeroY - h : zeroY)}h${r2(w)}v${r2(h)}h${r2(-w)}z`);
  };
  // Bars narrower than a pixel (five years of days) are drawn one pixel column at a time, from the
  // lowest to the highest bucket in it: no day is hidden behind its neighbour, and a thousand
  // columns raster far faster than two thousand slivers.
  const dense = step < 1;
  let column = NaN;
  let most = 0;
  let least = 0;
  const flush = () => {
    if (most > 0) bar(column, 1, most, positive);
    if (least < 0) bar(column, 1, least, negative);
    most = least = 0;
  };
  for (let i = 0; i < n; i++) {
    const net = points[i].net;
    const x = left + step * (i + 0.5);
    xs[i] = x;
    ys[i] = y(net);
    if (net === 0 && !dense) continue;
    const x0 = x - barWidth / 2;
    if (input.incomplete?.has(i)) {
      if (net === 0) continue;
      const h = Math.max(1, Math.abs(ys[i] - zeroY));
      incompleteBars.push({ index: i, x: r2(x0), y: r2(net > 0 ? zeroY - h : zeroY), height: r2(h), negative: net < 0 });
      continue;
    }
    if (!dense) {
      bar(x0, barWidth, net, net > 0 ? positive : negative);
      continue;
    }
    const c = Math.floor(x0);
    if (c !== column) {
      flush();
      column = c;
    }
    most = Math.max(most, net);
    least = Math.min(least, net);
  }
  if (dense) flush();
  const previousYs = previous ? previous.slice(0, n).map((p) => y(p.net)) : [];
  const previousPath = previous
    ? previousYs.map((py, i) => `${i === 0 ? 'M' : 'L'}${r2(xs[i])} ${r2(py)}`).join('') || null
    : null;

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

  return {
    width,
    height,
    plot: { left, right, top, bottom },
    step,
    barWidth,
    xs,
    ys,
    previousYs,
    zeroY,
    yTicks,
    xTicks,
    bars: { positive: positive.join(''), negative: negative.join('') },
    incompleteBars,
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

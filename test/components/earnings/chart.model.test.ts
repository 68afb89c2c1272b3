import { expect } from '@open-wc/testing';
import { chartLayout, indexAtX, nextIndex } from '../../../src/components/earnings/chart.model.js';
import { formatBucketLabel, parseLocalIsoDate } from '../../../src/core/time.js';

const NY = 'America/New_York';
const day = (iso: string, tz = NY) => parseLocalIsoDate(iso, tz);

describe('earnings model: chart layout', () => {
  const pts = (nets: number[]) => nets.map((net, i) => ({ start: day('2026-11-01') + i * 86400, net }));
  const base = { width: 600, height: 240, interval: 'day' as const, currency: 'usd', timeZone: NY, locale: 'en-US' };

  it('draws each bucket as a bar from zero, negative ones below it, and labels integer ticks with compact money', () => {
    const l = chartLayout({ ...base, points: pts([120_000, -45_000, 0, 80_000]) });
    expect(l.ys[0]).to.be.below(l.zeroY);
    expect(l.ys[1]).to.be.above(l.zeroY);
    expect(l.ys[2]).to.be.closeTo(l.zeroY, 1e-9);
    expect(l.yTicks.every((t) => Number.isInteger(t.value))).to.equal(true);
    expect(l.yTicks.map((t) => t.value)).to.include(0);
    expect(l.yTicks.find((t) => t.value === 100_000)?.label).to.equal('$1K');
    expect(l.yTicks[0].value).to.be.at.most(-45_000);
    // Straight-edged bars only (no curve commands); two above zero, one below, nothing for the zero day.
    expect(l.bars.positive).to.match(/^M/);
    expect(`${l.bars.positive}${l.bars.negative}`).not.to.match(/[CcSsQqTtAa]/);
    expect(l.bars.positive.match(/M/g)).to.have.length(2);
    expect(l.bars.negative.match(/M/g)).to.have.length(1);
    expect(l.previousPath).to.equal(null);
  });

  it('does not stretch the axis to a round number below zero for an almost-zero negative day', () => {
    const l = chartLayout({ ...base, points: pts([30_000, -50, 22_000, 0]) });
    expect(l.yTicks[0].value, 'no tick below zero').to.equal(0);
    expect(l.plot.bottom - l.zeroY, 'the zero line stays near the bottom').to.be.below(10);
    // The -$0.50 day is still drawn, at least a pixel, below zero.
    expect(l.bars.negative.match(/M/g)).to.have.length(1);
    // A real negative day does get its own ticks.
    const deep = chartLayout({ ...base, points: pts([30_000, -20_000]) });
    expect(deep.yTicks[0].value).to.be.at.most(-20_000);
  });

  it('draws bars narrower than a pixel one pixel column at a time, hiding no day', () => {
    const n = 1826;
    // Zero days with one spike every 97 days, and one negative day.
    const nets = Array.from({ length: n }, (_, i) => (i % 97 === 5 ? 50_000 : i === 900 ? -20_000 : 0));
    const l = chartLayout({ ...base, width: 1166, points: pts(nets) });
    expect(l.step).to.be.below(1);
    const subpaths = (d: string) => d.match(/M[^M]*/g) ?? [];
    const columns = subpaths(l.bars.positive);
    expect(columns.length, 'one bar per spike, none for the zero days').to.equal(nets.filter((v) => v > 0).length);
    // Every spike is drawn to its full height, one pixel wide.
    const fullHeight = l.zeroY - l.ys[5];
    for (const c of columns) expect(c).to.match(new RegExp(`h1v${Math.round(fullHeight * 100) / 100}h-1z$`));
    expect(subpaths(l.bars.negative)).to.have.length(1);
    // Every day earning: at most one bar per pixel column, each as tall as the column's best day.
    const busy = chartLayout({ ...base, width: 1166, points: pts(Array.from({ length: n }, (_, i) => 1000 + ((i * 7919) % 5000))) });
    const bars = subpaths(busy.bars.positive);
    expect(bars.length).to.be.at.most(Math.ceil(busy.plot.right - busy.plot.left) + 1);
    expect(bars.length).to.be.above(1000);
  });

  it('draws incomplete periods apart (lighter)', () => {
    const l = chartLayout({ ...base, points: pts([100, 200, 300]), incomplete: new Map([[2, 'soFar']]) });
    expect(l.incompleteBars.map((b) => b.index)).to.deep.equal([2]);
    expect(l.bars.positive.match(/M/g)).to.have.length(2);
  });

  it('places x labels without overlap, the latest bucket always labelled', () => {
    for (const width of [320, 390, 600, 1200]) {
      const l = chartLayout({ ...base, width, points: pts(Array.from({ length: 90 }, (_, i) => i * 100)) });
      expect(l.xTicks[l.xTicks.length - 1].index).to.equal(89);
      for (let i = 1; i < l.xTicks.length; i++) expect(l.xTicks[i].x - l.xTicks[i - 1].x).to.be.at.least(l.xTicks[i].label.length * 6);
      expect(l.xTicks[0].x).to.be.at.least(0);
      expect(l.xTicks[l.xTicks.length - 1].x).to.be.at.most(width);
    }
  });

  it('formats only a sample of the x labels and the ones it draws, for five years of days', () => {
    const n = 1826;
    const points = Array.from({ length: n }, (_, i) => ({ start: day('2021-01-01') + i * 86400 + (i > 60 ? 3600 : 0), net: (i * 7919) % 5000 }));
    const asked = new Set<number>();
    const label = (i: number) => {
      asked.add(i);
      return formatBucketLabel(points[i].start, 'day', NY, 'en-US', 'short');
    };
    const l = chartLayout({ ...base, width: 1166, points, label });
    expect(asked.size, 'labels formatted').to.be.below(120);
    expect(l.xTicks[l.xTicks.length - 1].index).to.equal(n - 1);
    for (const t of l.xTicks) expect(t.label).to.equal(formatBucketLabel(points[t.index].start, 'day', NY, 'en-US', 'short'));
    for (let i = 1; i < l.xTicks.length; i++) expect(l.xTicks[i].x - l.xTicks[i - 1].x).to.be.at.least(l.xTicks[i].label.length * 6);
  });

  it('spaces the labels out again when a drawn label is wider than the sample said', () => {
    const points = Array.from({ length: 200 }, (_, i) => ({ start: day('2026-01-01') + i * 86400, net: i }));
    // Every sampled label is short, but every third one is long.
    const label = (i: number) => (i % 3 === 0 ? 'a much longer label' : 'x');
    const l = chartLayout({ ...base, width: 600, points, label });
    for (let i = 1; i < l.xTicks.length; i++) expect(l.xTicks[i].x - l.xTicks[i - 1].x).to.be.at.least(l.xTicks[i].label.length * 6);
  });

  it('draws the previous period index by index, in the same y scale', () => {
    const l = chartLayout({ ...base, points: pts([100, 200, 300]), previous: pts([1_000, 0, -100, 7]) });
    expect(l.previousPath).to.match(/^M[^CcSsQq]*$/);
    expect(l.previousYs).to.have.length(3);
    expect(l.previousYs[0]).to.be.below(l.ys[2]); // 1,000 is higher than 300
  });

  it('finds the bucket under the pointer', () => {
    const l = chartLayout({ ...base, points: pts([1, 2, 3, 4]) });
    expect(l.xs.map((x) => indexAtX(x, l))).to.deep.equal([0, 1, 2, 3]);
    expect(indexAtX(-50, l)).to.equal(0);
    expect(indexAtX(5000, l)).to.equal(3);
  });

  it('moves between buckets with Left, Right, Home and End', () => {
    expect(nextIndex(null, 'ArrowRight', 5)).to.equal(0);
    expect(nextIndex(null, 'ArrowLeft', 5)).to.equal(4);
    expect(nextIndex(2, 'ArrowRight', 5)).to.equal(3);
    expect(nextIndex(4, 'ArrowRight', 5)).to.equal(4);
    expect(nextIndex(0, 'ArrowLeft', 5)).to.equal(0);
    expect(nextIndex(3, 'Home', 5)).to.equal(0);
    expect(nextIndex(1, 'End', 5)).to.equal(4);
    expect(nextIndex(1, 'Enter', 5)).to.equal(undefined);
    expect(nextIndex(null, 'End', 0)).to.equal(undefined);
  });
});

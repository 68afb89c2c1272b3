import { expect } from '@open-wc/testing';
import fc from 'fast-check';
import type { Interval } from '../../src/contract/types.js';
import {
  allowedIntervals,
  chartLayout,
  chartSummary,
  chooseInterval,
  compareTotals,
  comparisonSpan,
  countBuckets,
  defaultInterval,
  describeChange,
  indexAtX,
  INTERVALS,
  MAX_CHART_BUCKETS,
  nextIndex,
  rebucket,
  resolveRange,
  seriesStats,
  tableRows,
} from '../../src/components/earnings/earnings.model.js';
import { stringsFor } from '../../src/core/i18n/index.js';
import { aggregateNetVolume, MAX_NET_VOLUME_BUCKETS } from '../../src/core/net-volume.js';
import { bucketStarts, parseLocalIsoDate, zonedParts } from '../../src/core/time.js';

const NY = 'America/New_York';
const en = stringsFor('en');
const day = (iso: string, tz = NY) => parseLocalIsoDate(iso, tz);
const utc = (iso: string) => Date.parse(iso) / 1000;
// Thursday, November 26, 2026, 15:00 in New York.
const NOW = utc('2026-11-26T20:00:00Z');

describe('earnings model: ranges and intervals', () => {
  it('gives each preset its default interval (CONTRACT.md)', () => {
    expect(['7d', '30d', '90d', '12m', 'ytd', 'all'].map((r) => defaultInterval(r as '7d'))).to.deep.equal(
      ['day', 'day', 'week', 'month', 'month', 'month'],
    );
    expect(defaultInterval('custom', { gte: day('2026-11-01'), lt: day('2026-11-15') }, NY)).to.equal('day');
    expect(defaultInterval('custom', { gte: day('2026-01-01'), lt: day('2026-05-01') }, NY)).to.equal('week');
    expect(defaultInterval('custom', { gte: day('2024-01-01'), lt: day('2026-01-01') }, NY)).to.equal('month');
  });

  it('counts buckets as bucketStarts makes them, in any zone (property)', () => {
    const zones = ['America/New_York', 'Europe/London', 'Australia/Lord_Howe', 'Asia/Kolkata', 'Pacific/Apia', 'UTC'];
    fc.assert(
      fc.property(
        fc.integer({ min: utc('2000-01-01T00:00:00Z'), max: utc('2030-01-01T00:00:00Z') }),
        fc.integer({ min: 1, max: 800 * 86400 }),
        fc.constantFrom(...INTERVALS),
        fc.constantFrom(...zones),
        (gte, len, interval, tz) => {
          const span = { gte, lt: gte + len };
          const exact = bucketStarts(span, interval, tz).length;
          // Samoa skipped 2011-12-30 entirely: the calendar count has that date, the buckets do not.
          const skipped = tz === 'Pacific/Apia' && interval === 'day' && span.gte < utc('2011-12-30T10:00:00Z') && span.lt > utc('2011-12-30T10:00:00Z') ? 1 : 0;
          expect(countBuckets(span, interval, tz)).to.equal(exact + skipped);
        },
      ),
      { numRuns: 150 },
    );
  });

  it('offers only intervals with at most about 400 buckets, and none coarser than the range', () => {
    const r7 = resolveRange({ range: '7d', now: NOW, timeZone: NY });
    expect(allowedIntervals(r7.span, NY)).to.deep.equal(['day', 'week']);
    const r12 = resolveRange({ range: '12m', now: NOW, timeZone: NY });
    expect(allowedIntervals(r12.span, NY)).to.deep.equal(['day', 'week', 'month', 'quarter', 'year']);
    // Five years of history: 1,800 days is too many; weeks (about 260) are fine.
    const all = resolveRange({ range: 'all', now: NOW, timeZone: NY, allStart: utc('2021-11-01T12:00:00Z') });
    expect(allowedIntervals(all.span, NY)).to.deep.equal(['week', 'month', 'quarter', 'year']);
    for (const i of allowedIntervals(all.span, NY)) expect(countBuckets(all.span, i, NY)).to.be.at.most(MAX_CHART_BUCKETS);
    // A day asked for on that range falls back to the default, month.
    expect(chooseInterval('day', 'all', all.span, NY)).to.equal('month');
    expect(chooseInterval('week', 'all', all.span, NY)).to.equal('week');
    expect(chooseInterval(null, '90d', resolveRange({ range: '90d', now: NOW, timeZone: NY }).span, NY)).to.equal('week');
    // Forty years: months are too many; the next coarser offered interval is used.
    const old = resolveRange({ range: 'all', now: NOW, timeZone: NY, allStart: utc('1986-01-01T12:00:00Z') });
    expect(chooseInterval(null, 'all', old.span, NY)).to.equal('quarter');
  });

  it('draws an interval the page sets itself up to 3,700 buckets, else falls back as for the menu', () => {
    // Five years: 1,826 days, more than the menu offers, drawn when the page asks for days.
    const five = resolveRange({ range: 'custom', from: '2021-01-01', to: '2025-12-31', now: NOW, timeZone: NY });
    expect(countBuckets(five.span, 'day', NY)).to.equal(1826);
    expect(chooseInterval('day', 'custom', five.span, NY)).to.equal('quarter');
    expect(chooseInterval('day', 'custom', five.span, NY, { explicit: true })).to.equal('day');
    // The limit is MAX_NET_VOLUME_BUCKETS (the reference server's): 3,700 days yes, 3,701 no.
    expect(MAX_NET_VOLUME_BUCKETS).to.equal(3700);
    const lastDay = (days: number) => new Date(Date.UTC(2016, 0, days)).toISOString().slice(0, 10);
    const at = resolveRange({ range: 'custom', from: '2016-01-01', to: lastDay(3700), now: NOW, timeZone: NY });
    expect(countBuckets(at.span, 'day', NY)).to.equal(3700);
    expect(chooseInterval('day', 'custom', at.span, NY, { explicit: true })).to.equal('day');
    const past = resolveRange({ range: 'custom', from: '2016-01-01', to: lastDay(3701), now: NOW, timeZone: NY });
    expect(chooseInterval('day', 'custom', past.span, NY, { explicit: true })).to.equal('quarter');
    expect(chooseInterval('week', 'custom', past.span, NY, { explicit: true })).to.equal('week');
    // Forty years of weeks (about 2,100) are drawn; not forty years of days.
    const old = resolveRange({ range: 'all', now: NOW, timeZone: NY, allStart: utc('1986-01-01T12:00:00Z') });
    expect(chooseInterval('week', 'all', old.span, NY, { explicit: true })).to.equal('week');
    expect(chooseInterval('day', 'all', old.span, NY, { explicit: true })).to.equal('quarter');
    // Still never a bucket longer than the range: no yearly chart of a week.
    const r7 = resolveRange({ range: '7d', now: NOW, timeZone: NY });
    expect(chooseInterval('year', '7d', r7.span, NY, { explicit: true })).to.equal('day');
  });

  it('resolves presets in the account zone, and custom dates inclusive in either order', () => {
    const r = resolveRange({ range: '30d', now: NOW, timeZone: NY });
    expect(r).to.deep.include({ preset: '30d', from: '2026-10-28', to: '2026-11-26' });
    expect(r.span).to.deep.equal({ gte: day('2026-10-28'), lt: day('2026-11-27') });
    const c = resolveRange({ range: '30d', from: '2026-03-09', to: '2026-03-07', now: NOW, timeZone: NY });
    expect(c.preset).to.equal('custom');
    expect(c.span).to.deep.equal({ gte: day('2026-03-07'), lt: day('2026-03-10') });
    // Invalid dates: the preset stands.
    expect(resolveRange({ range: '7d', from: '2026-02-30', to: '2026-03-01', now: NOW, timeZone: NY }).preset).to.equal('7d');
    const all = resolveRange({ range: 'all', now: NOW, timeZone: NY, allStart: utc('2025-02-03T02:00:00Z') });
    expect(all.from).to.equal('2025-02-02'); // 21:00 on Feb 2 in New York
  });

  it('compares with the previous period of equal length, and not for all time', () => {
    const r = resolveRange({ range: '30d', now: NOW, timeZone: NY });
    expect(comparisonSpan(r, NY)).to.deep.equal({ gte: day('2026-09-28'), lt: day('2026-10-28') });
    const ytd = resolveRange({ range: 'ytd', now: NOW, timeZone: NY });
    expect(comparisonSpan(ytd, NY)).to.deep.equal({ gte: day('2025-01-01'), lt: day('2025-11-27') });
    const custom = resolveRange({ range: 'custom', from: '2026-03-07', to: '2026-03-09', now: NOW, timeZone: NY });
    expect(comparisonSpan(custom, NY)).to.deep.equal({ gte: day('2026-03-04'), lt: day('2026-03-07') });
    expect(comparisonSpan(resolveRange({ range: 'all', now: NOW, timeZone: NY, allStart: NOW - 9e6 }), NY)).to.equal(null);
  });
});

describe('earnings model: headline', () => {
  it('words the change as a signed percentage against the previous period', () => {
    expect(compareTotals(12_440, 10_000)).to.deep.equal({ kind: 'up', percent: 24.4 });
    const down = compareTotals(7_500, 10_000);
    expect(down).to.deep.equal({ kind: 'down', percent: 25 });
    expect(describeChange(compareTotals(11_240, 10_000), '30d', en, 'en-US', 'usd')).to.equal('up 12.4% vs previous 30 days');
    expect(describeChange(down, '12m', en, 'en-US', 'usd')).to.equal('down 25% vs previous 12 months');
    expect(describeChange(compareTotals(5, 5), 'ytd', en, 'en-US', 'usd')).to.equal('no change vs previous period');
    // Up from a negative period is up.
    expect(compareTotals(-50, -100)).to.deep.equal({ kind: 'up', percent: 50 });
    expect(describeChange(compareTotals(1, 2), '7d', stringsFor('fr'), 'fr-FR', 'eur')).to.equal(
      'en baisse de 50\u00a0% par rapport aux 7 jours précédents',
    );
  });

  it('never divides by a previous total of zero', () => {
    expect(compareTotals(500, 0)).to.deep.equal({ kind: 'upFromZero', percent: null });
    expect(compareTotals(-500, 0)).to.deep.equal({ kind: 'downFromZero', percent: null });
    expect(compareTotals(0, 0)).to.deep.equal({ kind: 'same', percent: null });
    expect(compareTotals(500, null)).to.deep.equal({ kind: 'none', percent: null });
    expect(describeChange(compareTotals(500, 0), '30d', en, 'en-US', 'usd')).to.equal('up from $0.00 vs previous 30 days');
    expect(describeChange(compareTotals(500, 0), '30d', en, 'en-US', 'jpy')).to.equal('up from ¥0 vs previous 30 days');
    expect(describeChange(compareTotals(500, null), 'all', en, 'en-US', 'usd')).to.equal('no earlier data to compare');
    for (const s of [0, 1, -1, 12_345]) expect(describeChange(compareTotals(s, 0), '7d', en, 'en', 'usd')).not.to.match(/NaN|Infinity/);
  });
});

describe('earnings model: buckets', () => {
  it('starts week buckets on Monday at local midnight, the first before the range', () => {
    const r = resolveRange({ range: '30d', now: NOW, timeZone: NY });
    const starts = bucketStarts(r.span, 'week', NY);
    expect(starts[0]).to.equal(day('2026-10-26')); // Monday before Wednesday Oct 28
    for (const s of starts) {
      const p = zonedParts(s, NY);
      expect([p.weekday, p.hour, p.minute]).to.deep.equal([1, 0, 0]);
    }
  });

  it('sums day buckets into exactly the weeks, months, quarters and years aggregated directly (property)', () => {
    const span = { gte: day('2025-12-03'), lt: day('2026-11-27') };
    fc.assert(
      fc.property(
        fc.array(fc.record({ created: fc.integer({ min: span.gte - 86400, max: span.lt + 86400 }), net: fc.integer({ min: -1e6, max: 1e6 }) }), { maxLength: 60 }),
        fc.constantFrom<Interval>('week', 'month', 'quarter', 'year'),
        (rows, interval) => {
          const txns = rows.map((r) => ({ ...r, type: 'charge', currency: 'usd' }));
          const opts = { created: span, currency: 'usd', timezone: NY };
          const days = aggregateNetVolume(txns, { ...opts, interval: 'day' });
          expect(rebucket(days, 'day', interval, span, NY)).to.deep.equal(aggregateNetVolume(txns, { ...opts, interval }));
        },
      ),
      { numRuns: 40 },
    );
    expect(() => rebucket([], 'week', 'month', span, NY)).to.throw(RangeError);
  });

  it('lists every bucket in the data table rows with its formatted net volume', () => {
    const points = [
      { start: day('2026-03-07'), net: 8, count: 1 },
      { start: day('2026-03-08'), net: -270050, count: 3 },
    ];
    const rows = tableRows(points, 'day', { currency: 'usd', timeZone: NY, locale: 'en-US', strings: en, countsKnown: true });
    expect(rows).to.deep.equal([
      { start: points[0].start, label: 'Sat, Mar 7, 2026', count: '1', net: '$0.08' },
      { start: points[1].start, label: 'Sun, Mar 8, 2026', count: '3', net: '-$2,700.50' },
    ]);
    const weeks = tableRows(points.slice(0, 1), 'week', { currency: 'usd', timeZone: NY, locale: 'en-US', strings: en, countsKnown: false });
    expect(weeks[0].label).to.equal('Week of Sat, Mar 7, 2026');
    expect(weeks[0].count).to.equal(null);
  });

  it('summarises a series in one sentence and knows when it is empty', () => {
    const points = [
      { start: day('2026-03-07'), net: 100, count: 1 },
      { start: day('2026-03-08'), net: -50, count: 1 },
      { start: day('2026-03-09'), net: 900, count: 1 },
    ];
    const r = resolveRange({ range: 'custom', from: '2026-03-07', to: '2026-03-09', now: NOW, timeZone: NY });
    expect(chartSummary(points, r, 'day', { currency: 'usd', timeZone: NY, locale: 'en-US', strings: en })).to.equal(
      'Net volume from Mar 7, 2026 to Mar 9, 2026: $9.50 in total. Highest $9.00 (Mon, Mar 9, 2026), lowest -$0.50 (Sun, Mar 8, 2026).',
    );
    expect(seriesStats(points)).to.deep.equal({ total: 950, maxIndex: 2, minIndex: 1, empty: false });
    expect(seriesStats([{ net: 0 }, { net: 0 }]).empty).to.equal(true);
    expect(seriesStats([]).empty).to.equal(true);
  });
});

describe('earnings model: chart layout', () => {
  const pts = (nets: number[]) => nets.map((net, i) => ({ start: day('2026-11-01') + i * 86400, net }));
  const base = { width: 600, height: 240, interval: 'day' as const, currency: 'usd', timeZone: NY, locale: 'en-US' };

  it('draws negative buckets below the zero line and labels integer ticks with compact money', () => {
    const l = chartLayout({ ...base, points: pts([120_000, -45_000, 0, 80_000]) });
    expect(l.ys[0]).to.be.below(l.zeroY);
    expect(l.ys[1]).to.be.above(l.zeroY);
    expect(l.ys[2]).to.be.closeTo(l.zeroY, 1e-9);
    expect(l.yTicks.every((t) => Number.isInteger(t.value))).to.equal(true);
    expect(l.yTicks.map((t) => t.value)).to.include(0);
    expect(l.yTicks.find((t) => t.value === 100_000)?.label).to.equal('$1K');
    expect(l.yTicks[0].value).to.be.at.most(-45_000);
    expect(l.areaPath).to.match(/^M/);
    expect(l.previousPath).to.equal(null);
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

  it('draws the previous period index by index, in the same y scale', () => {
    const l = chartLayout({ ...base, points: pts([100, 200, 300]), previous: pts([1_000, 0, -100, 7]) });
    expect(l.previousPath).to.match(/^M/);
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

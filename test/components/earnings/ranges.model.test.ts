import { expect } from '@open-wc/testing';
import fc from 'fast-check';
import { MAX_NET_VOLUME_BUCKETS } from '../../../src/core/net-volume.js';
import { bucketStarts, parseLocalIsoDate, zonedParts } from '../../../src/core/time.js';
import {
  allowedIntervals,
  chooseInterval,
  comparisonSpan,
  countBuckets,
  incompleteBuckets,
  defaultInterval,
  INTERVALS,
  MAX_CHART_BUCKETS,
  resolveRange,
} from '../../../src/components/earnings/ranges.model.js';

const NY = 'America/New_York';
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

  it('compares like with like: whole weeks earlier, a year earlier for 12m and ytd, and not for all time', () => {
    // Last 30 days (Fri Oct 28 - Thu Nov 26): 35 days earlier, Fri Sep 23 - Thu Oct 22, for any interval.
    const r = resolveRange({ range: '30d', now: NOW, timeZone: NY });
    for (const interval of ['day', 'week', 'month'] as const) {
      expect(comparisonSpan(r, interval, NY)).to.deep.equal({ gte: day('2026-09-23'), lt: day('2026-10-23') });
    }
    expect(zonedParts(day('2026-09-23'), NY).weekday).to.equal(zonedParts(r.span.gte, NY).weekday);
    const week = resolveRange({ range: '7d', now: NOW, timeZone: NY });
    expect(comparisonSpan(week, 'day', NY)).to.deep.equal({ gte: day('2026-11-13'), lt: day('2026-11-20') });
    // Year to date: months face the same months a year earlier; days face the same weekdays 52 weeks earlier.
    const ytd = resolveRange({ range: 'ytd', now: NOW, timeZone: NY });
    expect(comparisonSpan(ytd, 'month', NY)).to.deep.equal({ gte: day('2025-01-01'), lt: day('2025-11-27') });
    expect(comparisonSpan(ytd, 'day', NY)).to.deep.equal({ gte: day('2025-01-02'), lt: day('2025-11-28') });
    const custom = resolveRange({ range: 'custom', from: '2026-03-07', to: '2026-03-09', now: NOW, timeZone: NY });
    expect(comparisonSpan(custom, 'day', NY)).to.deep.equal({ gte: day('2026-02-28'), lt: day('2026-03-03') });
    expect(comparisonSpan(resolveRange({ range: 'all', now: NOW, timeZone: NY, allStart: NOW - 9e6 }), 'month', NY)).to.equal(null);
  });

  it('takes "last 12 months" as the twelve whole months before this one and this month so far', () => {
    const r = resolveRange({ range: '12m', now: NOW, timeZone: NY });
    expect(r.span).to.deep.equal({ gte: day('2025-11-01'), lt: day('2026-11-27') });
    const starts = bucketStarts(r.span, 'month', NY);
    expect(starts).to.have.length(13);
    expect(starts[0]).to.equal(day('2025-11-01'));
    const incomplete = incompleteBuckets(starts, r.span, 'month', NY, NOW);
    expect([...incomplete]).to.deep.equal([[12, 'soFar']]);
    // Compared with the same months a year earlier, this month as far as today.
    expect(comparisonSpan(r, 'month', NY)).to.deep.equal({ gte: day('2024-11-01'), lt: day('2025-11-27') });
    // In January: February of last year to this January so far.
    expect(resolveRange({ range: '12m', now: utc('2027-01-10T17:00:00Z'), timeZone: NY }).span.gte).to.equal(day('2026-01-01'));
  });

  it('marks the period that is not over and the ones the range cuts', () => {
    const weeks = resolveRange({ range: '90d', now: NOW, timeZone: NY });
    const starts = bucketStarts(weeks.span, 'week', NY);
    // Aug 29 (a Saturday) starts the range: the first week is cut; this week is so far.
    expect([...incompleteBuckets(starts, weeks.span, 'week', NY, NOW)]).to.deep.equal([[0, 'partial'], [starts.length - 1, 'soFar']]);
    const days = resolveRange({ range: '7d', now: NOW, timeZone: NY });
    const dayStarts = bucketStarts(days.span, 'day', NY);
    expect([...incompleteBuckets(dayStarts, days.span, 'day', NY, NOW)]).to.deep.equal([[6, 'soFar']]);
    // A past custom range of whole months: nothing is incomplete.
    const past = resolveRange({ range: 'custom', from: '2026-01-01', to: '2026-03-31', now: NOW, timeZone: NY });
    expect(incompleteBuckets(bucketStarts(past.span, 'month', NY), past.span, 'month', NY, NOW).size).to.equal(0);
  });

  it('starts week buckets on Monday at local midnight, the first before the range', () => {
    const r = resolveRange({ range: '30d', now: NOW, timeZone: NY });
    const starts = bucketStarts(r.span, 'week', NY);
    expect(starts[0]).to.equal(day('2026-10-26')); // Monday before Wednesday Oct 28
    for (const s of starts) {
      const p = zonedParts(s, NY);
      expect([p.weekday, p.hour, p.minute]).to.deep.equal([1, 0, 0]);
    }
  });

});

import { expect } from '@open-wc/testing';
import fc from 'fast-check';
import type { Interval } from '../../src/contract/types.js';
import {
  addToBuckets, aggregateNetVolume, nests, percentChange, rebucket, totalNet, type NetVolumeTxn,
} from '../../src/core/net-volume.js';
import { bucketStarts, parseLocalIsoDate } from '../../src/core/time.js';

const NY = 'America/New_York';
const utc = (iso: string) => Date.parse(iso) / 1000;
const tx = (created: number, net: number, type = 'charge', currency = 'usd'): NetVolumeTxn => ({ created, net, type, currency });

describe('aggregateNetVolume: a known data set across DST in America/New_York', () => {
  // 2026-03-08 is 23 hours long, 2026-11-01 is 25 hours long.
  const data: NetVolumeTxn[] = [
    tx(utc('2026-03-08T05:30:00Z'), 1000), // Mar 8, 00:30 EST
    tx(utc('2026-03-09T03:30:00Z'), 2000), // Mar 8, 23:30 EDT
    tx(utc('2026-03-09T04:30:00Z'), 4), // Mar 9, 00:30 EDT
    tx(utc('2026-03-08T04:30:00Z'), 8), // Mar 7, 23:30 EST
    tx(utc('2026-03-08T12:00:00Z'), -300, 'stripe_fee'),
    tx(utc('2026-03-08T13:00:00Z'), -50000, 'payout'), // not earnings
    tx(utc('2026-03-08T14:00:00Z'), 70000, 'topup'), // not earnings
    tx(utc('2026-03-08T15:00:00Z'), 99999, 'charge', 'eur'), // another currency
    tx(utc('2026-11-01T04:30:00Z'), 100), // Nov 1, 00:30 EDT
    tx(utc('2026-11-02T04:30:00Z'), 200), // Nov 1, 23:30 EST
    tx(utc('2026-11-01T06:30:00Z'), 400), // Nov 1, 01:30 EST (the repeated hour, second time)
    tx(utc('2026-11-02T05:30:00Z'), 800), // Nov 2, 00:30 EST
    tx(utc('2026-11-01T03:30:00Z'), 1600), // Oct 31, 23:30 EDT
  ];
  const day = (iso: string) => parseLocalIsoDate(iso, NY);

  it('puts 00:30 and 23:30 of each DST day into that one day bucket', () => {
    const march = aggregateNetVolume(data, {
      interval: 'day', created: { gte: day('2026-03-07'), lt: day('2026-03-10') }, currency: 'usd', timezone: NY });
    expect(march).to.deep.equal([
      { start: day('2026-03-07'), net: 8, count: 1 },
      { start: day('2026-03-08'), net: 2700, count: 3 },
      { start: day('2026-03-09'), net: 4, count: 1 },
    ]);
    expect(march[2].start - march[1].start).to.equal(23 * 3600);
    const nov = aggregateNetVolume(data, {
      interval: 'day', created: { gte: day('2026-10-31'), lt: day('2026-11-03') }, currency: 'usd', timezone: NY });
    expect(nov).to.deep.equal([
      { start: day('2026-10-31'), net: 1600, count: 1 },
      { start: day('2026-11-01'), net: 700, count: 3 },
      { start: day('2026-11-02'), net: 800, count: 1 },
    ]);
    expect(nov[2].start - nov[1].start).to.equal(25 * 3600);
  });

  it('counts the other currency only when asked for it, case-insensitively', () => {
    const eur = aggregateNetVolume(data, {
      interval: 'day', created: { gte: day('2026-03-08'), lt: day('2026-03-09') }, currency: 'EUR', timezone: NY });
    expect(eur).to.deep.equal([{ start: day('2026-03-08'), net: 99999, count: 1 }]);
  });

  it('keeps empty buckets as zero and the true start of a partial first bucket', () => {
    const points = aggregateNetVolume(data, {
      interval: 'month', created: { gte: utc('2026-03-08T12:00:00Z'), lt: day('2026-12-01') }, currency: 'usd', timezone: NY });
    expect(points.map((p) => p.start)).to.deep.equal(
      ['03', '04', '05', '06', '07', '08', '09', '10', '11'].map((m) => day(`2026-${m}-01`)));
    // only transactions inside the range count: Mar 8 from 08:00 local on
    expect(points[0]).to.deep.equal({ start: day('2026-03-01'), net: 2004 - 300, count: 3 });
    for (const p of points.slice(1, 7)) expect(p).to.deep.equal({ start: p.start, net: 0, count: 0 });
    expect(points[7]).to.deep.equal({ start: day('2026-10-01'), net: 1600, count: 1 });
    expect(points[8]).to.deep.equal({ start: day('2026-11-01'), net: 1500, count: 4 });
    expect(totalNet(points)).to.equal(2004 - 300 + 1600 + 1500);
  });

  it('gives the same result for ascending, newest-first and shuffled input', () => {
    const p = { interval: 'week' as const, created: { gte: day('2026-01-01'), lt: day('2027-01-01') }, currency: 'usd', timezone: NY };
    const asc = [...data].sort((a, b) => a.created - b.created);
    const expected = aggregateNetVolume(asc, p);
    expect(aggregateNetVolume([...asc].reverse(), p)).to.deep.equal(expected);
    expect(aggregateNetVolume(data, p)).to.deep.equal(expected);
    expect(totalNet(expected)).to.equal(8 + 1000 + 2000 + 4 - 300 + 100 + 200 + 400 + 800 + 1600);
  });

  it('returns nothing for an empty range and rejects non-integer nets', () => {
    expect(aggregateNetVolume(data, { interval: 'day', created: { gte: 10, lt: 10 }, currency: 'usd', timezone: NY })).to.deep.equal([]);
    const bad = [tx(utc('2026-03-08T12:00:00Z'), 1.5)];
    expect(() => aggregateNetVolume(bad, {
      interval: 'day', created: { gte: day('2026-03-08'), lt: day('2026-03-09') }, currency: 'usd', timezone: NY })).to.throw(RangeError);
  });
});

describe('aggregateNetVolume equals a naive per-row Intl computation (property)', () => {
  const zones = ['America/New_York', 'Europe/London', 'Australia/Lord_Howe', 'Asia/Kolkata', 'Pacific/Chatham', 'America/Santiago'];
  const fmt = new Map<string, Intl.DateTimeFormat>();
  /** The bucket key of ts computed independently, per row, from Intl's local date. */
  function naiveKey(ts: number, interval: Interval, tz: string): string {
    let f = fmt.get(tz);
    if (!f) fmt.set(tz, (f = new Intl.DateTimeFormat('en-US', { timeZone: tz, year: 'numeric', month: 'numeric', day: 'numeric' })));
    const parts = f.formatToParts(new Date(ts * 1000));
    const [y, m, d] = (['year', 'month', 'day'] as const).map((type) => Number(parts.find((p) => p.type === type)!.value));
    const date = new Date(Date.UTC(y, m - 1, d));
    switch (interval) {
      case 'day': return date.toISOString().slice(0, 10);
      case 'week': {
        const dow = (date.getUTCDay() + 6) % 7; // Monday 0
        return new Date(Date.UTC(y, m - 1, d - dow)).toISOString().slice(0, 10);
      }
      case 'month': return `${y}-${m}`;
      case 'quarter': return `${y}-Q${Math.floor((m - 1) / 3)}`;
      case 'year': return `${y}`;
    }
  }
  const lo = Date.UTC(2025, 0, 1) / 1000;
  const hi = Date.UTC(2027, 0, 1) / 1000;
  const txnArb = fc.record({
    created: fc.integer({ min: lo - 86400 * 40, max: hi + 86400 * 40 }),
    net: fc.integer({ min: -1e7, max: 1e7 }),
    type: fc.constantFrom('charge', 'payment', 'refund', 'payout', 'topup', 'stripe_fee', 'adjustment', 'transfer', 'mystery'),
    currency: fc.constantFrom('usd', 'usd', 'usd', 'eur'),
  });
  it('for random transactions, ranges, intervals, zones and input orders', () => {
    fc.assert(fc.property(
      fc.array(txnArb, { maxLength: 300 }),
      fc.integer({ min: lo, max: hi }), fc.integer({ min: 1, max: 86400 * 500 }),
      fc.constantFrom<Interval>('day', 'week', 'month', 'quarter', 'year'),
      fc.constantFrom(...zones), fc.constantFrom('asc', 'desc', 'as-is'),
      (txns, gte, len, interval, tz, order) => {
        const created = { gte, lt: gte + len };
        const input = order === 'asc' ? [...txns].sort((a, b) => a.created - b.created)
          : order === 'desc' ? [...txns].sort((a, b) => b.created - a.created) : txns;
        const points = aggregateNetVolume(input, { interval, created, currency: 'usd', timezone: tz });
        expect(points.map((p) => p.start)).to.deep.equal(bucketStarts(created, interval, tz));
        const naive = new Map<string, { net: number; count: number }>();
        for (const t of txns) {
          if (t.currency !== 'usd' || t.created < created.gte || t.created >= created.lt) continue;
          if (['payout', 'topup'].includes(t.type)) continue;
          const k = naiveKey(t.created, interval, tz);
          const v = naive.get(k) ?? { net: 0, count: 0 };
          naive.set(k, { net: v.net + t.net, count: v.count + 1 });
        }
        const keys = points.map((p) => naiveKey(p.start, interval, tz));
        expect(new Set(keys).size).to.equal(keys.length); // one bucket per calendar period
        for (const k of naive.keys()) expect(keys, `bucket ${k}`).to.include(k);
        points.forEach((p, i) => expect({ net: p.net, count: p.count }).to.deep.equal(naive.get(keys[i]) ?? { net: 0, count: 0 }));
      }), { numRuns: 120 });
  });
});

describe('aggregateNetVolume cost', () => {
  it('makes Intl calls per bucket, not per transaction', () => {
    const proto = Intl.DateTimeFormat.prototype;
    const original = { formatToParts: proto.formatToParts };
    let calls = 0;
    proto.formatToParts = function (this: Intl.DateTimeFormat, d?: Date | number) { calls++; return original.formatToParts.call(this, d); };
    const countIntl = (n: number) => {
      const created = { gte: utc('2026-01-01T00:00:00Z') + 37, lt: utc('2026-03-01T00:00:00Z') + 41 };
      const txns: NetVolumeTxn[] = [];
      const span = created.lt - created.gte;
      for (let i = 0; i < n; i++) txns.push(tx(created.lt - 1 - Math.floor((i * span) / n), (i % 7) - 2));
      calls = 0;
      const points = aggregateNetVolume(txns, { interval: 'day', created, currency: 'usd', timezone: 'Europe/Paris' });
      expect(points.reduce((s, p) => s + p.count, 0)).to.equal(n);
      return calls;
    };
    try {
      const few = countIntl(100);
      const many = countIntl(50000);
      expect(many).to.be.at.most(few);
      expect(many).to.be.lessThan(1000);
    } finally {
      proto.formatToParts = original.formatToParts;
    }
  });
});

describe('addToBuckets', () => {
  const p = { interval: 'day' as const, created: { gte: parseLocalIsoDate('2026-11-01', NY), lt: parseLocalIsoDate('2026-11-04', NY) }, currency: 'usd', timezone: NY };
  it('adds one transaction to its bucket in a new array', () => {
    const points = aggregateNetVolume([], p);
    const next = addToBuckets(points, tx(utc('2026-11-02T04:30:00Z'), 250), p); // Nov 1, 23:30 EST
    expect(next).not.to.equal(points);
    expect(points[0].net).to.equal(0);
    expect(next.map((b) => b.net)).to.deep.equal([250, 0, 0]);
    expect(next[0].count).to.equal(1);
    expect(next[1]).to.equal(points[1]);
    expect(addToBuckets(next, tx(utc('2026-11-04T04:59:59Z'), -5), p).map((b) => b.net)).to.deep.equal([250, 0, -5]);
  });
  it('leaves the points unchanged for payouts, other currencies and times outside the range', () => {
    const points = aggregateNetVolume([], p);
    expect(addToBuckets(points, tx(utc('2026-11-02T12:00:00Z'), 9, 'payout'), p)).to.equal(points);
    expect(addToBuckets(points, tx(utc('2026-11-02T12:00:00Z'), 9, 'topup'), p)).to.equal(points);
    expect(addToBuckets(points, tx(utc('2026-11-02T12:00:00Z'), 9, 'charge', 'eur'), p)).to.equal(points);
    expect(addToBuckets(points, tx(p.created.lt, 9), p)).to.equal(points);
  });
  it('matches a full aggregation (property)', () => {
    fc.assert(fc.property(fc.array(fc.record({
      created: fc.integer({ min: p.created.gte - 3600, max: p.created.lt + 3600 }),
      net: fc.integer({ min: -1e6, max: 1e6 }),
      type: fc.constantFrom('charge', 'payout', 'refund'),
      currency: fc.constant('usd'),
    }), { maxLength: 30 }), (txns) => {
      let points = aggregateNetVolume([], p);
      for (const t of txns) points = addToBuckets(points, t, p);
      expect(points).to.deep.equal(aggregateNetVolume(txns, p));
    }), { numRuns: 100 });
  });
});

describe('totalNet and percentChange', () => {
  it('sums exactly and compares periods', () => {
    expect(totalNet([{ net: 10 }, { net: 20 }, { net: -5 }])).to.equal(25);
    expect(() => totalNet([{ net: Number.MAX_SAFE_INTEGER }, { net: 1 }])).to.throw(RangeError);
    expect(percentChange(150, 100)).to.equal(50);
    expect(percentChange(50, 100)).to.equal(-50);
    expect(percentChange(100, 0)).to.equal(null);
    expect(percentChange(0, 0)).to.equal(null);
    expect(percentChange(-50, -100)).to.equal(50); // less negative is up
    expect(percentChange(0, 200)).to.equal(-100);
  });
});

describe('rebucket', () => {
  it('sums day buckets into exactly the weeks, months, quarters and years aggregated directly (property)', () => {
    const span = { gte: parseLocalIsoDate('2025-12-03', NY), lt: parseLocalIsoDate('2026-11-27', NY) };
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


  it('nests days in everything, months in quarters and years, and weeks only in weeks', () => {
    expect(nests('day', 'week')).to.equal(true);
    expect(nests('month', 'year')).to.equal(true);
    expect(nests('week', 'month')).to.equal(false);
    expect(nests('month', 'week')).to.equal(false);
    expect(nests('year', 'month')).to.equal(false);
  });
});

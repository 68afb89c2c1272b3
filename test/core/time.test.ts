import { expect } from '@open-wc/testing';
import fc from 'fast-check';
import type { Interval } from '../../src/contract/types.js';
import {
  browserTimeZone, bucketStart, bucketStarts, customRange, formatBucketLabel, isValidTimeZone, localIsoDate,
  nextBucketStart, parseLocalIsoDate, previousRange, rangeForPreset, zonedDateTimeToUnix, zonedDateToUnix, zonedParts,
} from '../../src/core/time.js';

const INTERVALS: Interval[] = ['day', 'week', 'month', 'quarter', 'year'];
const ZONES = [
  'UTC', 'America/New_York', 'Europe/London', 'Australia/Lord_Howe', 'Asia/Kolkata', 'Pacific/Chatham',
  'Asia/Kathmandu', 'America/Santiago', 'Asia/Beirut', 'America/Havana', 'Pacific/Apia', 'America/St_Johns',
];
const HOUR = 3600;
/** Unix seconds of a UTC ISO string. */
const utc = (iso: string) => Date.parse(iso) / 1000;
/** An independent reading of the local date through a different Intl formatter. */
function intlDate(ts: number, tz: string): string {
  const parts = new Intl.DateTimeFormat('en-US', { timeZone: tz, year: 'numeric', month: '2-digit', day: '2-digit' })
    .formatToParts(new Date(ts * 1000));
  const get = (type: string) => parts.find((p) => p.type === type)!.value;
  return `${get('year')}-${get('month')}-${get('day')}`;
}

describe('zonedParts', () => {
  it('reads the wall clock with ISO weekdays and hour 0 at midnight', () => {
    expect(zonedParts(utc('2026-11-28T05:00:00Z'), 'America/New_York')).to.deep.equal(
      { year: 2026, month: 11, day: 28, hour: 0, minute: 0, second: 0, weekday: 6 });
    expect(zonedParts(utc('2026-11-30T12:34:56Z'), 'UTC')).to.deep.equal(
      { year: 2026, month: 11, day: 30, hour: 12, minute: 34, second: 56, weekday: 1 });
    expect(zonedParts(utc('2026-11-29T18:15:00Z'), 'Asia/Kathmandu').weekday).to.equal(1);
  });
  it('throws RangeError for an unknown zone', () => {
    expect(() => zonedParts(0, 'Mars/Olympus_Mons')).to.throw(RangeError);
  });
  /** The wall clock as Intl reads it, through a formatter of its own (not the one the module keeps). */
  const formats = new Map<string, Intl.DateTimeFormat>();
  const intlWall = (ts: number, tz: string) => {
    let f = formats.get(tz);
    if (!f) formats.set(tz, (f = new Intl.DateTimeFormat('en-GB', { timeZone: tz, hourCycle: 'h23', year: 'numeric', month: 'numeric', day: 'numeric', hour: 'numeric', minute: 'numeric', second: 'numeric' })));
    const get = (type: string) => Number(f.formatToParts(new Date(ts * 1000)).find((p) => p.type === type)!.value);
    return { year: get('year'), month: get('month'), day: get('day'), hour: get('hour') % 24, minute: get('minute'), second: get('second') };
  };
  it('reads the same wall clock as Intl at any second, 1900 to 2100 (property)', () => {
    fc.assert(fc.property(
      fc.integer({ min: utc('1900-01-01T00:00:00Z'), max: utc('2100-01-01T00:00:00Z') }), fc.constantFrom(...ZONES, 'Europe/Amsterdam', 'Africa/Monrovia'),
      (ts, tz) => {
        const { weekday: _, ...wall } = zonedParts(ts, tz);
        expect(wall, `${ts} in ${tz}`).to.deep.equal(intlWall(ts, tz));
      },
    ), { numRuns: 3000 });
  });
  it('reads the same wall clock as Intl all around a change of offset', () => {
    // New York's spring and fall changes, Lord Howe's half hour, Samoa's skipped day, New York's
    // local mean time ending at 12:03:58 local (an offset with seconds, off the quarter hour).
    const changes: [string, string][] = [
      ['America/New_York', '2026-03-08T07:00:00Z'], ['America/New_York', '2026-11-01T06:00:00Z'],
      ['Australia/Lord_Howe', '2026-04-04T15:00:00Z'], ['Pacific/Apia', '2011-12-30T10:00:00Z'],
      ['America/New_York', '1883-11-18T17:00:00Z'],
    ];
    for (const [tz, iso] of changes) {
      // Every 13 seconds for 90 minutes either side, the change's own second and the one before it.
      for (const ts of [utc(iso) - 1, ...Array.from({ length: 831 }, (_, i) => utc(iso) + (i - 415) * 13)]) {
        const { weekday: _, ...wall } = zonedParts(ts, tz);
        expect(wall, `${ts} in ${tz}`).to.deep.equal(intlWall(ts, tz));
      }
    }
  });
});

describe('day buckets across daylight saving', () => {
  const cases: [string, string, string, string, number][] = [
    // zone, local date, first instant (UTC), next day's first instant (UTC), hours
    ['America/New_York', '2026-03-08', '2026-03-08T05:00:00Z', '2026-03-09T04:00:00Z', 23],
    ['America/New_York', '2026-11-01', '2026-11-01T04:00:00Z', '2026-11-02T05:00:00Z', 25],
    ['Europe/London', '2026-03-29', '2026-03-29T00:00:00Z', '2026-03-29T23:00:00Z', 23],
    ['Europe/London', '2026-10-25', '2026-10-24T23:00:00Z', '2026-10-26T00:00:00Z', 25],
    ['Australia/Lord_Howe', '2026-04-05', '2026-04-04T13:00:00Z', '2026-04-05T13:30:00Z', 24.5],
    ['Australia/Lord_Howe', '2026-10-04', '2026-10-03T13:30:00Z', '2026-10-04T13:00:00Z', 23.5],
  ];
  for (const [tz, iso, start, next, hours] of cases) {
    it(`${tz} ${iso} is one ${hours}-hour bucket`, () => {
      const s = parseLocalIsoDate(iso, tz);
      expect(s).to.equal(utc(start));
      expect(nextBucketStart(s, 'day', tz)).to.equal(utc(next));
      expect((utc(next) - utc(start)) / HOUR).to.equal(hours);
      // every hour of the day (and its last second) lands in this one bucket
      for (let t = s; t < utc(next); t += 1800) expect(bucketStart(t, 'day', tz), `${t}`).to.equal(s);
      expect(bucketStart(utc(next) - 1, 'day', tz)).to.equal(s);
      expect(bucketStart(utc(next), 'day', tz)).to.equal(utc(next));
      expect(bucketStarts({ gte: s, lt: utc(next) }, 'day', tz)).to.deep.equal([s]);
      expect(intlDate(s, tz)).to.equal(iso);
      expect(intlDate(s - 1, tz)).not.to.equal(iso);
    });
  }
});

describe('fractional offsets', () => {
  const cases: [string, string, string][] = [
    ['Asia/Kolkata', '2026-01-15', '2026-01-14T18:30:00Z'], // +5:30
    ['Asia/Kolkata', '2026-07-15', '2026-07-14T18:30:00Z'],
    ['Asia/Kathmandu', '2026-01-15', '2026-01-14T18:15:00Z'], // +5:45
    ['Pacific/Chatham', '2026-01-15', '2026-01-14T10:15:00Z'], // +13:45 (summer)
    ['Pacific/Chatham', '2026-07-15', '2026-07-14T11:15:00Z'], // +12:45
    ['America/St_Johns', '2026-01-15', '2026-01-15T03:30:00Z'], // -3:30
  ];
  for (const [tz, iso, start] of cases) {
    it(`${tz} ${iso} starts at ${start}`, () => {
      const s = utc(start);
      expect(parseLocalIsoDate(iso, tz)).to.equal(s);
      expect(bucketStart(s + 12 * HOUR, 'day', tz)).to.equal(s);
      expect(bucketStart(s - 1, 'day', tz)).to.equal(s - 24 * HOUR);
      expect(zonedParts(s, tz)).to.include({ hour: 0, minute: 0, second: 0 });
      expect(localIsoDate(s, tz)).to.equal(iso);
    });
  }
  it('Pacific/Chatham month buckets follow the +12:45 / +13:45 offsets', () => {
    expect(bucketStarts({ gte: utc('2026-03-15T00:00:00Z'), lt: utc('2026-05-15T00:00:00Z') }, 'month', 'Pacific/Chatham'))
      .to.deep.equal([utc('2026-02-28T10:15:00Z'), utc('2026-03-31T10:15:00Z'), utc('2026-04-30T11:15:00Z')]);
  });
});

describe('skipped midnight', () => {
  // Zones whose DST starts at 00:00 (clocks jump to 01:00). tzdata changes, so each case is
  // checked with Intl first, and at least one must hold.
  const candidates: [string, string, string][] = [
    ['America/Santiago', '2026-09-06', '2026-09-06T04:00:00Z'],
    ['America/Havana', '2026-03-08', '2026-03-08T05:00:00Z'],
    ['Asia/Beirut', '2026-03-29', '2026-03-28T22:00:00Z'],
    ['America/Sao_Paulo', '2018-11-04', '2018-11-04T03:00:00Z'],
  ];
  it('starts the day at the first valid local time (01:00)', () => {
    let verified = 0;
    for (const [tz, iso, first] of candidates) {
      const t = utc(first);
      const before = zonedParts(t - 1, tz);
      const at = zonedParts(t, tz);
      const skipped = intlDate(t - 1, tz) !== iso && intlDate(t, tz) === iso
        && before.hour === 23 && before.minute === 59 && at.hour === 1 && at.minute === 0;
      if (!skipped) continue;
      verified++;
      expect(parseLocalIsoDate(iso, tz), tz).to.equal(t);
      expect(zonedDateToUnix(...(iso.split('-').map(Number) as [number, number, number]), tz), tz).to.equal(t);
      expect(bucketStart(t + 5 * HOUR, 'day', tz), tz).to.equal(t);
      expect(bucketStart(t - 1, 'day', tz), tz).to.equal(t - 24 * HOUR);
      expect(nextBucketStart(t - 24 * HOUR, 'day', tz), tz).to.equal(t);
      expect(nextBucketStart(t, 'day', tz) - t, tz).to.equal(23 * HOUR);
      // a nonexistent wall time maps to the end of the gap, the same instant
      expect(zonedDateTimeToUnix(...(iso.split('-').map(Number) as [number, number, number]), 0, 30, 0, tz)).to.equal(t);
    }
    expect(verified, 'no candidate zone skips midnight in this engine').to.be.greaterThan(0);
  });
  it('skips a whole missing date (Pacific/Apia, 2011-12-30)', function () {
    const dec29 = parseLocalIsoDate('2011-12-29', 'Pacific/Apia');
    const dec31 = parseLocalIsoDate('2011-12-31', 'Pacific/Apia');
    if (dec31 - dec29 !== 24 * HOUR) this.skip(); // this engine's tzdata lacks the change
    const starts = bucketStarts({ gte: dec29, lt: dec31 + 48 * HOUR }, 'day', 'Pacific/Apia');
    expect(starts.map((s) => localIsoDate(s, 'Pacific/Apia'))).to.deep.equal(['2011-12-29', '2011-12-31', '2012-01-01']);
    expect(parseLocalIsoDate('2011-12-30', 'Pacific/Apia')).to.equal(dec31);
  });
});

describe('zonedDateTimeToUnix', () => {
  it('maps a nonexistent time to the end of the gap and an ambiguous one to the earlier instant', () => {
    const ny = 'America/New_York';
    expect(zonedDateTimeToUnix(2026, 3, 8, 2, 30, 0, ny)).to.equal(utc('2026-03-08T07:00:00Z'));
    expect(zonedDateTimeToUnix(2026, 3, 8, 3, 0, 0, ny)).to.equal(utc('2026-03-08T07:00:00Z'));
    expect(zonedDateTimeToUnix(2026, 11, 1, 1, 30, 0, ny)).to.equal(utc('2026-11-01T05:30:00Z'));
    expect(zonedDateTimeToUnix(2026, 11, 1, 2, 0, 0, ny)).to.equal(utc('2026-11-01T07:00:00Z'));
    expect(zonedDateTimeToUnix(2026, 12, 32, 0, 0, 0, 'UTC')).to.equal(utc('2027-01-01T00:00:00Z'));
    expect(zonedDateTimeToUnix(2026, 13, 1, 0, 0, 0, 'UTC')).to.equal(utc('2027-01-01T00:00:00Z'));
  });
  it('round-trips the wall clock of any instant that is not in a repeated hour (property)', () => {
    fc.assert(fc.property(
      fc.integer({ min: utc('1990-01-01T00:00:00Z'), max: utc('2040-01-01T00:00:00Z') }), fc.constantFrom(...ZONES),
      (ts, tz) => {
        const p = zonedParts(ts, tz);
        const back = zonedDateTimeToUnix(p.year, p.month, p.day, p.hour, p.minute, p.second, tz);
        // equal, or the earlier of two instants with the same wall clock
        if (back !== ts) {
          expect(back).to.be.lessThan(ts);
          expect(zonedParts(back, tz)).to.deep.equal(p);
        }
      }), { numRuns: 300 });
  });
});

describe('weeks, months, quarters, years', () => {
  const tz = 'America/New_York';
  it('weeks start on Monday', () => {
    // Sunday 2026-11-29 23:30 local belongs to the week of Monday 2026-11-23
    expect(bucketStart(utc('2026-11-30T04:30:00Z'), 'week', tz)).to.equal(utc('2026-11-23T05:00:00Z'));
    // Monday 2026-11-30 00:00 local starts the next week
    expect(bucketStart(utc('2026-11-30T05:00:00Z'), 'week', tz)).to.equal(utc('2026-11-30T05:00:00Z'));
    expect(nextBucketStart(utc('2026-11-23T05:00:00Z'), 'week', tz)).to.equal(utc('2026-11-30T05:00:00Z'));
    // the week of the fall-back Sunday is 7 days and 1 hour long
    const w = bucketStart(utc('2026-11-01T12:00:00Z'), 'week', tz);
    expect(w).to.equal(utc('2026-10-26T04:00:00Z'));
    expect(nextBucketStart(w, 'week', tz) - w).to.equal(7 * 24 * HOUR + HOUR);
  });
  it('months, quarters and years start on the first local day', () => {
    const ts = utc('2026-11-28T12:00:00Z');
    expect(bucketStart(ts, 'month', tz)).to.equal(utc('2026-11-01T04:00:00Z'));
    expect(bucketStart(ts, 'quarter', tz)).to.equal(utc('2026-10-01T04:00:00Z'));
    expect(bucketStart(ts, 'year', tz)).to.equal(utc('2026-01-01T05:00:00Z'));
    expect(nextBucketStart(utc('2026-11-01T04:00:00Z'), 'month', tz)).to.equal(utc('2026-12-01T05:00:00Z'));
    expect(nextBucketStart(utc('2026-10-01T04:00:00Z'), 'quarter', tz)).to.equal(utc('2027-01-01T05:00:00Z'));
    expect(nextBucketStart(utc('2026-01-01T05:00:00Z'), 'year', tz)).to.equal(utc('2027-01-01T05:00:00Z'));
    // Dec 31, 23:30 local is still in 2026 although it is 2027 in UTC
    expect(bucketStart(utc('2027-01-01T04:30:00Z'), 'year', tz)).to.equal(utc('2026-01-01T05:00:00Z'));
  });
  it('bucketStarts begins at the true start of the bucket containing gte', () => {
    const starts = bucketStarts({ gte: utc('2026-11-18T15:00:00Z'), lt: utc('2027-02-01T05:00:00Z') }, 'month', tz);
    expect(starts).to.deep.equal([
      utc('2026-11-01T04:00:00Z'), utc('2026-12-01T05:00:00Z'), utc('2027-01-01T05:00:00Z')]);
    expect(bucketStarts({ gte: 100, lt: 100 }, 'day', tz)).to.deep.equal([]);
    expect(() => bucketStarts({ gte: 0, lt: 1 }, 'hour' as Interval, tz)).to.throw(RangeError);
  });
});

describe('bucket properties', () => {
  const tsArb = fc.integer({ min: utc('1995-01-01T00:00:00Z'), max: utc('2038-01-01T00:00:00Z') });
  it('every timestamp falls in exactly one bucket, whose start is its own bucket start', () => {
    fc.assert(fc.property(tsArb, fc.constantFrom(...INTERVALS), fc.constantFrom(...ZONES), (ts, interval, tz) => {
      const s = bucketStart(ts, interval, tz);
      const n = nextBucketStart(s, interval, tz);
      expect(s).to.be.at.most(ts);
      expect(n).to.be.greaterThan(ts);
      expect(bucketStart(s, interval, tz)).to.equal(s);
      expect(bucketStart(n - 1, interval, tz)).to.equal(s);
      expect(bucketStart(n, interval, tz)).to.equal(n);
      expect(nextBucketStart(ts, interval, tz)).to.equal(n);
      // a bucket begins at the first instant of a local day
      expect(intlDate(s - 1, tz)).not.to.equal(intlDate(s, tz));
      const p = zonedParts(s, tz);
      if (interval === 'week') expect(p.weekday).to.equal(1);
      if (interval === 'month' || interval === 'quarter' || interval === 'year') expect(p.day).to.equal(1);
      if (interval === 'quarter') expect((p.month - 1) % 3).to.equal(0);
      if (interval === 'year') expect(p.month).to.equal(1);
    }), { numRuns: 400 });
  });
  it('bucketStarts are strictly increasing, contiguous and cover the range', () => {
    const spans: Record<Interval, number> = { day: 120, week: 400, month: 1500, quarter: 3000, year: 6000 };
    fc.assert(fc.property(
      tsArb, fc.constantFrom(...INTERVALS), fc.constantFrom(...ZONES), fc.double({ min: 0.01, max: 1, noNaN: true }),
      (gte, interval, tz, f) => {
        const lt = gte + Math.max(1, Math.floor(f * spans[interval] * 86400));
        const starts = bucketStarts({ gte, lt }, interval, tz);
        expect(starts.length).to.be.greaterThan(0);
        expect(starts[0]).to.equal(bucketStart(gte, interval, tz));
        for (let i = 1; i < starts.length; i++) {
          expect(starts[i]).to.be.greaterThan(starts[i - 1]);
          expect(nextBucketStart(starts[i - 1], interval, tz)).to.equal(starts[i]);
        }
        expect(starts[starts.length - 1]).to.be.lessThan(lt);
        expect(nextBucketStart(starts[starts.length - 1], interval, tz)).to.be.at.least(lt);
      }), { numRuns: 150 });
  });
});

describe('labels', () => {
  const tz = 'America/New_York';
  const s = utc('2026-11-28T05:00:00Z'); // Saturday, Nov 28, 2026, local midnight
  it('formats each interval in en-US', () => {
    expect(formatBucketLabel(s, 'day', tz, 'en-US')).to.equal('Nov 28');
    const long = formatBucketLabel(s, 'day', tz, 'en-US', 'long');
    for (const piece of ['Sat', 'Nov', '28', '2026']) expect(long).to.contain(piece);
    const monday = bucketStart(s, 'week', tz);
    expect(formatBucketLabel(monday, 'week', tz, 'en-US')).to.equal('Nov 23');
    expect(formatBucketLabel(bucketStart(s, 'month', tz), 'month', tz, 'en-US')).to.equal('Nov 2026');
    expect(formatBucketLabel(bucketStart(s, 'month', tz), 'month', tz, 'en-US', 'long')).to.equal('November 2026');
    expect(formatBucketLabel(bucketStart(s, 'quarter', tz), 'quarter', tz, 'en-US')).to.equal('Q4 2026');
    expect(formatBucketLabel(bucketStart(s, 'year', tz), 'year', tz, 'en-US')).to.equal('2026');
  });
  it('labels the local date, not the UTC one', () => {
    const kiritimati = parseLocalIsoDate('2026-01-01', 'Pacific/Kiritimati'); // +14: still Dec 31 in UTC
    expect(formatBucketLabel(kiritimati, 'day', 'Pacific/Kiritimati', 'en-US')).to.equal('Jan 1');
    expect(formatBucketLabel(kiritimati, 'year', 'Pacific/Kiritimati', 'en-US')).to.equal('2026');
  });
  it('uses the locale and the Gregorian calendar', () => {
    expect(formatBucketLabel(s, 'month', tz, 'fr-FR', 'long')).to.match(/novembre 2026/);
    expect(formatBucketLabel(s, 'year', tz, 'th-TH')).to.contain('2026');
  });
});

describe('zones and ISO dates', () => {
  it('validates time zones', () => {
    for (const tz of ['UTC', 'America/New_York', 'Asia/Kathmandu']) expect(isValidTimeZone(tz), tz).to.be.true;
    for (const tz of ['', 'Mars/Base', 'GMT+25']) expect(isValidTimeZone(tz), tz).to.be.false;
    expect(isValidTimeZone(browserTimeZone())).to.be.true;
  });
  it('converts local ISO dates both ways', () => {
    expect(localIsoDate(utc('2026-11-28T04:59:59Z'), 'America/New_York')).to.equal('2026-11-27');
    expect(localIsoDate(utc('2026-11-28T05:00:00Z'), 'America/New_York')).to.equal('2026-11-28');
    expect(parseLocalIsoDate('2024-02-29', 'UTC')).to.equal(utc('2024-02-29T00:00:00Z'));
    for (const bad of ['2026-02-29', '2026-13-01', '2026-00-10', '2026-1-1', '26-01-01', 'x', '2026-04-31']) {
      expect(() => parseLocalIsoDate(bad, 'UTC'), bad).to.throw(RangeError);
    }
    expect(() => parseLocalIsoDate('2026-01-01', 'Nowhere/City')).to.throw(RangeError);
  });
});

describe('ranges', () => {
  const tz = 'America/New_York';
  const now = utc('2026-11-18T15:00:00Z'); // Wednesday Nov 18, 10:00 local
  const tomorrow = utc('2026-11-19T05:00:00Z');
  it('ends every preset at the end of today, local', () => {
    expect(rangeForPreset('7d', now, tz)).to.deep.equal({ gte: utc('2026-11-12T05:00:00Z'), lt: tomorrow });
    expect(rangeForPreset('30d', now, tz)).to.deep.equal({ gte: utc('2026-10-20T04:00:00Z'), lt: tomorrow });
    expect(rangeForPreset('90d', now, tz)).to.deep.equal({ gte: utc('2026-08-21T04:00:00Z'), lt: tomorrow });
    expect(rangeForPreset('12m', now, tz)).to.deep.equal({ gte: utc('2025-11-19T05:00:00Z'), lt: tomorrow });
    expect(rangeForPreset('ytd', now, tz)).to.deep.equal({ gte: utc('2026-01-01T05:00:00Z'), lt: tomorrow });
    expect(rangeForPreset('all', now, tz, utc('2024-03-10T12:00:00Z')))
      .to.deep.equal({ gte: utc('2024-03-10T05:00:00Z'), lt: tomorrow });
    expect(() => rangeForPreset('all', now, tz)).to.throw(RangeError);
  });
  it('counts local days, not 24-hour periods, across DST', () => {
    const r = rangeForPreset('7d', utc('2026-11-03T12:00:00Z'), tz); // spans the 25-hour Nov 1
    expect(bucketStarts(r, 'day', tz).length).to.equal(7);
    expect(r.lt - r.gte).to.equal(7 * 24 * HOUR + HOUR);
  });
  it('12m starts one year before tomorrow, clamping Feb 29', () => {
    const r = rangeForPreset('12m', utc('2028-02-28T12:00:00Z'), 'UTC'); // tomorrow is 2028-02-29
    expect(r).to.deep.equal({ gte: utc('2027-02-28T00:00:00Z'), lt: utc('2028-02-29T00:00:00Z') });
  });
  it('previous ranges align on the local calendar', () => {
    const r30 = rangeForPreset('30d', now, tz);
    expect(previousRange(r30, '30d', tz)).to.deep.equal({ gte: utc('2026-09-20T04:00:00Z'), lt: r30.gte });
    const ytd = rangeForPreset('ytd', now, tz);
    expect(previousRange(ytd, 'ytd', tz)).to.deep.equal({ gte: utc('2025-01-01T05:00:00Z'), lt: utc('2025-11-19T05:00:00Z') });
    const y = rangeForPreset('12m', now, tz);
    expect(previousRange(y, '12m', tz)).to.deep.equal({ gte: utc('2024-11-19T05:00:00Z'), lt: y.gte });
    // previous 7 local days of a week containing the 25-hour day: 7 day buckets again
    const r7 = rangeForPreset('7d', utc('2026-11-10T12:00:00Z'), tz);
    const p7 = previousRange(r7, '7d', tz);
    expect(p7.lt).to.equal(r7.gte);
    expect(bucketStarts(p7, 'day', tz).length).to.equal(7);
    // without a zone: the same length in seconds
    expect(previousRange({ gte: 1000, lt: 1600 })).to.deep.equal({ gte: 400, lt: 1000 });
  });
  it('custom ranges include both dates', () => {
    expect(customRange('2026-03-08', '2026-03-08', tz)).to.deep.equal(
      { gte: utc('2026-03-08T05:00:00Z'), lt: utc('2026-03-09T04:00:00Z') });
    expect(customRange('2026-01-01', '2026-12-31', tz)).to.deep.equal(
      { gte: utc('2026-01-01T05:00:00Z'), lt: utc('2027-01-01T05:00:00Z') });
    expect(() => customRange('2026-02-02', '2026-02-01', tz)).to.throw(RangeError);
    expect(() => customRange('2026-02-30', '2026-03-01', tz)).to.throw(RangeError);
  });
});

/**
 * Calendar buckets in any IANA timezone with `Intl` only. Timestamps are Unix seconds.
 *
 * A bucket starts at the first instant of a local calendar day: local midnight, or the first
 * valid local time when a daylight-saving change skips midnight. Weeks start on Monday. Bucket
 * boundaries come from the local calendar, so a 23- or 25-hour day is one day bucket.
 *
 * Calendar arithmetic (adding days, months, weekdays) is done on integer day numbers
 * (proleptic Gregorian); `Intl.DateTimeFormat` is only asked for a zone's wall clock at an
 * instant. Every `Intl` call is per bucket, never per transaction.
 */
import type { Interval } from '../contract/types.js';
import { dateTimeFormat } from './date-format.js';

const DAY = 86400;

/** A local wall-clock reading. */
export interface ZonedParts {
  year: number;
  /** 1-12 */
  month: number;
  day: number;
  hour: number;
  minute: number;
  second: number;
  /** ISO weekday: 1 = Monday ... 7 = Sunday. */
  weekday: number;
}

// ---- integer calendar arithmetic (Howard Hinnant's days_from_civil / civil_from_days) ----

/** Days since 1970-01-01 of a proleptic Gregorian date; `day` may overflow the month linearly. */
function daysFromCivil(year: number, month: number, day: number): number {
  // normalise the month so callers can add months freely
  year += Math.floor((month - 1) / 12);
  month = ((((month - 1) % 12) + 12) % 12) + 1;
  const y = month <= 2 ? year - 1 : year;
  const era = Math.floor(y / 400);
  const yoe = y - era * 400;
  const mp = (month + 9) % 12;
  const doy = Math.floor((153 * mp + 2) / 5) + day - 1;
  const doe = yoe * 365 + Math.floor(yoe / 4) - Math.floor(yoe / 100) + doy;
  return era * 146097 + doe - 719468;
}

/** The date of a day number (inverse of daysFromCivil). */
function civilFromDays(days: number): [number, number, number] {
  const z = days + 719468;
  const era = Math.floor(z / 146097);
  const doe = z - era * 146097;
  const yoe = Math.floor((doe - Math.floor(doe / 1460) + Math.floor(doe / 36524) - Math.floor(doe / 146096)) / 365);
  const doy = doe - (365 * yoe + Math.floor(yoe / 4) - Math.floor(yoe / 100));
  const mp = Math.floor((5 * doy + 2) / 153);
  const d = doy - Math.floor((153 * mp + 2) / 5) + 1;
  const m = mp < 10 ? mp + 3 : mp - 9;
  return [m <= 2 ? yoe + era * 400 + 1 : yoe + era * 400, m, d];
}

/** ISO weekday (1 = Monday) of a day number; 1970-01-01 was a Thursday. */
function weekdayOfDays(days: number): number {
  return ((((days + 3) % 7) + 7) % 7) + 1;
}

function daysInMonth(year: number, month: number): number {
  return daysFromCivil(year, month + 1, 1) - daysFromCivil(year, month, 1);
}

// ---- Intl: a zone's wall clock at an instant ----

const partsFormatters = new Map<string, Intl.DateTimeFormat>();

function partsFormatter(timeZone: string): Intl.DateTimeFormat {
  let f = partsFormatters.get(timeZone);
  if (!f) {
    f = new Intl.DateTimeFormat('en-US-u-ca-gregory-nu-latn', {
      timeZone,
      hourCycle: 'h23',
      era: 'short',
      year: 'numeric',
      month: 'numeric',
      day: 'numeric',
      hour: 'numeric',
      minute: 'numeric',
      second: 'numeric',
    });
    partsFormatters.set(timeZone, f);
  }
  return f;
}

/** Wall clock as [year, month, day, hour, minute, second]. */
function wallClock(ts: number, timeZone: string): [number, number, number, number, number, number] {
  const parts = partsFormatter(timeZone).formatToParts(Math.floor(ts) * 1000);
  let year = 0, month = 0, day = 0, hour = 0, minute = 0, second = 0, bc = false;
  for (const p of parts) {
    switch (p.type) {
      case 'year': year = Number(p.value); break;
      case 'month': month = Number(p.value); break;
      case 'day': day = Number(p.value); break;
      case 'hour': hour = Number(p.value) % 24; break; // some engines once printed 24 for midnight
      case 'minute': minute = Number(p.value); break;
      case 'second': second = Number(p.value); break;
      case 'era': bc = /^b/i.test(p.value); break;
    }
  }
  if (bc) year = 1 - year;
  return [year, month, day, hour, minute, second];
}

/**
 * The local wall clock in `timeZone` at Unix second `ts`: month 1-12, weekday 1 = Monday ...
 * 7 = Sunday, hour 0-23.
 * @throws RangeError for an unknown time zone.
 */
export function zonedParts(ts: number, timeZone: string): ZonedParts {
  const local = localSeconds(ts, timeZone);
  const days = Math.floor(local / DAY);
  const secs = local - days * DAY;
  const [year, month, day] = civilFromDays(days);
  return { year, month, day, hour: Math.floor(secs / 3600), minute: Math.floor(secs / 60) % 60, second: secs % 60, weekday: weekdayOfDays(days) };
}

/** The wall clock in `timeZone` at Unix second `ts`, as seconds since 1970-01-01 00:00 of that clock. */
function localSeconds(ts: number, timeZone: string): number {
  const t = Math.floor(ts);
  return t + utcOffset(t, timeZone);
}

/** Seconds over which a zone's offset is looked up once, at both ends (see `utcOffset`). */
const OFFSET_SPAN = 6 * 3600;

/**
 * UTC offset in seconds of `timeZone` at Unix second `ts` (an integer). Offsets are looked up at
 * the edges of its six hours (memoised): when they agree, no change of offset lies between them
 * (no zone has changed its offset and back within six hours), so formatting rows or bucketing
 * transactions makes one `Intl` call per six hours of them rather than one per transaction.
 * Otherwise (a change of offset in those hours) the instant's own offset.
 */
function utcOffset(ts: number, timeZone: string): number {
  const start = Math.floor(ts / OFFSET_SPAN) * OFFSET_SPAN;
  const before = offsetAt(start, timeZone);
  if (ts === start || before === offsetAt(start + OFFSET_SPAN, timeZone)) return before;
  const [y, mo, d, h, mi, s] = wallClock(ts, timeZone);
  return daysFromCivil(y, mo, d) * DAY + h * 3600 + mi * 60 + s - ts;
}

const offsetMemo = new Map<string, Map<number, number>>();

/** UTC offset in seconds of `timeZone` at `ts` (local = ts + offset), memoised. */
function offsetAt(ts: number, timeZone: string): number {
  let memo = offsetMemo.get(timeZone);
  if (!memo) offsetMemo.set(timeZone, (memo = new Map()));
  let off = memo.get(ts);
  if (off === undefined) {
    const [y, mo, d, h, mi, s] = wallClock(ts, timeZone);
    off = daysFromCivil(y, mo, d) * DAY + h * 3600 + mi * 60 + s - ts;
    if (memo.size > 20000) memo.clear();
    memo.set(ts, off);
  }
  return off;
}

/**
 * The instant of a local wall time in `timeZone` (Unix seconds). Fields may overflow (day 32,
 * month 13) and are normalised like the calendar. For a wall time that does not exist (skipped by
 * a daylight-saving change), the first instant after the gap; for one that occurs twice, the
 * earlier.
 */
export function zonedDateTimeToUnix(
  year: number, month: number, day: number, hour: number, minute: number, second: number, timeZone: string,
): number {
  const local = daysFromCivil(year, month, day) * DAY + hour * 3600 + minute * 60 + second;
  // Offsets are under a day, so the instant lies between local - 1 day and local + 1 day.
  const before = offsetAt(local - DAY, timeZone);
  const after = offsetAt(local + DAY, timeZone);
  const t1 = local - before;
  const t2 = local - after;
  const ok1 = offsetAt(t1, timeZone) === before;
  const ok2 = t2 === t1 ? ok1 : offsetAt(t2, timeZone) === after;
  if (ok1 && ok2) return Math.min(t1, t2);
  if (ok1) return t1;
  if (ok2) return t2;
  // In a gap: find the first instant whose wall clock is at or past `local` (the transition).
  let lo = Math.min(t1, t2);
  let hi = Math.max(t1, t2);
  if (lo + offsetAt(lo, timeZone) >= local) return lo;
  while (hi - lo > 1) {
    const mid = Math.floor((lo + hi) / 2);
    if (mid + offsetAt(mid, timeZone) >= local) hi = mid;
    else lo = mid;
  }
  return hi;
}

/**
 * The first instant of a local calendar date in `timeZone`: local midnight, or the first valid
 * local time when a daylight-saving change skips midnight. When a whole date is skipped (Samoa,
 * 2011-12-30), the first instant after it.
 */
export function zonedDateToUnix(year: number, month: number, day: number, timeZone: string): number {
  return zonedDateTimeToUnix(year, month, day, 0, 0, 0, timeZone);
}

// ---- buckets ----

/** The day number of the calendar date a bucket of `interval` containing local date `days` starts on. */
function bucketKey(days: number, interval: Interval): number {
  if (interval === 'day') return days;
  if (interval === 'week') return days - (weekdayOfDays(days) - 1);
  const [y, m] = civilFromDays(days);
  if (interval === 'month') return daysFromCivil(y, m, 1);
  if (interval === 'quarter') return daysFromCivil(y, m - ((m - 1) % 3), 1);
  return daysFromCivil(y, 1, 1);
}

/** The key of the following bucket. */
function nextKey(key: number, interval: Interval): number {
  if (interval === 'day') return key + 1;
  if (interval === 'week') return key + 7;
  const [y, m] = civilFromDays(key);
  if (interval === 'month') return daysFromCivil(y, m + 1, 1);
  if (interval === 'quarter') return daysFromCivil(y, m + 3, 1);
  return daysFromCivil(y + 1, 1, 1);
}

function localDays(ts: number, timeZone: string): number {
  return Math.floor(localSeconds(ts, timeZone) / DAY);
}

function startOfKey(key: number, timeZone: string): number {
  const [y, m, d] = civilFromDays(key);
  return zonedDateToUnix(y, m, d, timeZone);
}

function assertInterval(interval: string): asserts interval is Interval {
  if (interval !== 'day' && interval !== 'week' && interval !== 'month' && interval !== 'quarter' && interval !== 'year') {
    throw new RangeError(`Unknown interval: ${String(interval)}`);
  }
}

/** The start (Unix seconds) of the bucket of `interval` that contains `ts` in `timeZone`. */
export function bucketStart(ts: number, interval: Interval, timeZone: string): number {
  assertInterval(interval);
  return startOfKey(bucketKey(localDays(ts, timeZone), interval), timeZone);
}

/**
 * The start of the bucket after the one containing `start` (normally `start` is itself a bucket
 * start). Computed on the local calendar: a 23- or 25-hour day is one bucket.
 */
export function nextBucketStart(start: number, interval: Interval, timeZone: string): number {
  assertInterval(interval);
  let key = bucketKey(localDays(start, timeZone), interval);
  for (;;) {
    key = nextKey(key, interval);
    const t = startOfKey(key, timeZone);
    if (t > start) return t; // a skipped local date maps onto the next one; step past it
  }
}

/** Upper bound on the number of buckets one call may produce (a guard against runaway ranges). */
export const MAX_BUCKETS = 1_000_000;

/**
 * Bucket starts covering `[gte, lt)`: the true start of the bucket containing `gte` (which may be
 * before `gte`), then every following start before `lt`, strictly increasing. Empty when
 * `gte >= lt`.
 * @throws RangeError past {@link MAX_BUCKETS} buckets.
 */
export function bucketStarts(range: { gte: number; lt: number }, interval: Interval, timeZone: string): number[] {
  assertInterval(interval);
  const { gte, lt } = range;
  if (!(gte < lt)) return [];
  let key = bucketKey(localDays(gte, timeZone), interval);
  let last = startOfKey(key, timeZone);
  const out = [last];
  for (;;) {
    key = nextKey(key, interval);
    const t = startOfKey(key, timeZone);
    if (t <= last) continue; // a skipped local date: same instant as the next date
    if (t >= lt) return out;
    if (out.length >= MAX_BUCKETS) throw new RangeError(`More than ${MAX_BUCKETS} ${interval} buckets`);
    out.push(t);
    last = t;
  }
}

// ---- labels ----

const numberFormats = new Map<string, Intl.NumberFormat>();

/**
 * A bucket's label in `locale`, through `Intl`: day `Nov 28` (long: `Sat, Nov 28, 2026`); week the
 * date of its Monday in the same forms (the UI adds "Week of"); month `Nov 2026` (long
 * `November 2026`); quarter `Q4 2026`; year `2026`. Always Gregorian, in `timeZone`.
 */
export function formatBucketLabel(
  start: number, interval: Interval, timeZone: string, locale: string, style: 'short' | 'long' = 'short',
): string {
  assertInterval(interval);
  const date = new Date(start * 1000);
  const base = { timeZone, calendar: 'gregory' } as const;
  switch (interval) {
    case 'day':
    case 'week': {
      const opts: Intl.DateTimeFormatOptions = style === 'long'
        ? { ...base, weekday: 'short', year: 'numeric', month: 'short', day: 'numeric' }
        : { ...base, month: 'short', day: 'numeric' };
      return dateTimeFormat(locale, opts).format(date);
    }
    case 'month': {
      const opts: Intl.DateTimeFormatOptions = { ...base, year: 'numeric', month: style === 'long' ? 'long' : 'short' };
      return dateTimeFormat(locale, opts).format(date);
    }
    case 'quarter': {
      const { year, month } = zonedParts(start, timeZone);
      let nf = numberFormats.get(locale);
      if (!nf) numberFormats.set(locale, (nf = new Intl.NumberFormat(locale, { useGrouping: false })));
      return `Q${nf.format(Math.floor((month - 1) / 3) + 1)} ${nf.format(year)}`;
    }
    case 'year': {
      const opts: Intl.DateTimeFormatOptions = { ...base, year: 'numeric' };
      return dateTimeFormat(locale, opts).format(date);
    }
  }
}

// ---- zones ----

const validZones = new Map<string, boolean>();

/** Whether `Intl` knows the IANA time zone `tz` (`UTC` included). */
export function isValidTimeZone(tz: string): boolean {
  if (typeof tz !== 'string' || tz === '') return false;
  let ok = validZones.get(tz);
  if (ok === undefined) {
    try {
      new Intl.DateTimeFormat('en-US', { timeZone: tz });
      ok = true;
    } catch {
      ok = false;
    }
    validZones.set(tz, ok);
  }
  return ok;
}

/** The browser's IANA time zone, `UTC` when it has none. */
export function browserTimeZone(): string {
  try {
    return Intl.DateTimeFormat().resolvedOptions().timeZone || 'UTC';
  } catch {
    return 'UTC';
  }
}

function assertZone(tz: string): void {
  if (!isValidTimeZone(tz)) throw new RangeError(`Unknown time zone: ${String(tz)}`);
}

// ---- ISO dates ----

function isoOfDays(days: number): string {
  const [y, m, d] = civilFromDays(days);
  const ys = y < 0 ? `-${String(-y).padStart(6, '0')}` : y > 9999 ? `+${String(y).padStart(6, '0')}` : String(y).padStart(4, '0');
  return `${ys}-${String(m).padStart(2, '0')}-${String(d).padStart(2, '0')}`;
}

function daysOfIso(iso: string): number {
  const m = typeof iso === 'string' ? /^(\d{4})-(\d{2})-(\d{2})$/.exec(iso) : null;
  if (!m) throw new RangeError(`Not a YYYY-MM-DD date: ${JSON.stringify(iso)}`);
  const y = Number(m[1]), mo = Number(m[2]), d = Number(m[3]);
  if (mo < 1 || mo > 12 || d < 1 || d > daysInMonth(y, mo)) throw new RangeError(`No such date: ${iso}`);
  return daysFromCivil(y, mo, d);
}

/** The local calendar date `YYYY-MM-DD` of `ts` in `timeZone`. */
export function localIsoDate(ts: number, timeZone: string): string {
  return isoOfDays(localDays(ts, timeZone));
}

/**
 * The first instant (Unix seconds) of local date `YYYY-MM-DD` in `timeZone`.
 * @throws RangeError on a malformed or impossible date, or an unknown zone.
 */
export function parseLocalIsoDate(iso: string, timeZone: string): number {
  const days = daysOfIso(iso);
  assertZone(timeZone);
  return startOfKey(days, timeZone);
}

// ---- ranges ----

/** The range presets of `<express-earnings>`. */
export type RangePreset = '7d' | '30d' | '90d' | '12m' | 'ytd' | 'all';

/** A half-open range of Unix seconds. */
export interface Range {
  gte: number;
  lt: number;
}

/** The same day `years` years earlier or later, clamped to the month's end (Feb 29 → Feb 28). */
function addYears(days: number, years: number): number {
  const [y, m, d] = civilFromDays(days);
  return daysFromCivil(y + years, m, Math.min(d, daysInMonth(y + years, m)));
}

/**
 * The range of a preset at `now` in `timeZone`. Every range ends at the end of today, local
 * (`lt` is the start of tomorrow). `7d`, `30d`, `90d`: the last 7, 30, 90 local days including
 * today. `12m`: from the local day one year before tomorrow (clamped to Feb 28 when that is
 * Feb 29), i.e. 365 or 366 local days. `ytd`: from January 1 (local). `all`: from the local day
 * of `allStart` (required).
 * @throws RangeError for `all` without `allStart`, an unknown preset or zone.
 */
export function rangeForPreset(preset: RangePreset, now: number, timeZone: string, allStart?: number): Range {
  assertZone(timeZone);
  const today = localDays(now, timeZone);
  const tomorrow = today + 1;
  const lt = startOfKey(tomorrow, timeZone);
  let from: number;
  switch (preset) {
    case '7d': from = today - 6; break;
    case '30d': from = today - 29; break;
    case '90d': from = today - 89; break;
    case '12m': from = addYears(tomorrow, -1); break;
    case 'ytd': from = daysFromCivil(civilFromDays(today)[0], 1, 1); break;
    case 'all':
      if (allStart === undefined || !Number.isFinite(allStart)) throw new RangeError("The 'all' preset needs allStart");
      from = Math.min(localDays(allStart, timeZone), today);
      break;
    default:
      throw new RangeError(`Unknown range preset: ${String(preset)}`);
  }
  return { gte: startOfKey(from, timeZone), lt };
}

/**
 * The period before `range`, for comparisons. With a `timeZone`, aligned on the local calendar:
 * `12m` and `ytd` move both ends back one calendar year (ytd 2026 through Mar 5 → Jan 1 through
 * Mar 5, 2025, clamping Feb 29); every other preset (and a custom range) takes the same number of
 * local days right before `range` (30 local days before the last 30). Without a `timeZone`, the
 * same number of seconds right before `range`.
 */
export function previousRange(range: Range, preset?: RangePreset, timeZone?: string): Range {
  if (timeZone === undefined) return { gte: range.gte - (range.lt - range.gte), lt: range.gte };
  assertZone(timeZone);
  const from = localDays(range.gte, timeZone);
  if (preset === '12m' || preset === 'ytd') {
    const to = localDays(range.lt, timeZone);
    return { gte: startOfKey(addYears(from, -1), timeZone), lt: startOfKey(addYears(to, -1), timeZone) };
  }
  // Days spanned: the local day of `lt` is exclusive when `lt` is a day start, inclusive otherwise.
  const ltDays = localDays(range.lt, timeZone);
  const end = startOfKey(ltDays, timeZone) === range.lt ? ltDays : ltDays + 1;
  const n = Math.max(1, end - from);
  return { gte: startOfKey(from - n, timeZone), lt: range.gte };
}

/**
 * The range of a custom pair of local dates, both inclusive: from the start of `fromIso` to the
 * start of the day after `toIso`.
 * @throws RangeError on bad dates or when `fromIso` is after `toIso`.
 */
export function customRange(fromIso: string, toIso: string, timeZone: string): Range {
  const from = daysOfIso(fromIso);
  const to = daysOfIso(toIso);
  if (from > to) throw new RangeError(`${fromIso} is after ${toIso}`);
  assertZone(timeZone);
  return { gte: startOfKey(from, timeZone), lt: startOfKey(to + 1, timeZone) };
}

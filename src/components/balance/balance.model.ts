/**
 * What `<express-balance>` shows, computed without the DOM: per-currency balances with exact
 * integer sums, the next payout, the upcoming and recent payouts, the payout schedule in words
 * and payout dates in the account's timezone.
 */
import type { Balance, ExpressAccount, Payout } from '../../contract/types.js';
import { sumMinor } from '../../core/money.js';
import type { Strings } from '../../core/i18n/registry.js';
import { isValidTimeZone } from '../../core/time.js';
import { formatUnixDate } from '../../core/date-format.js';

/** One currency's balance, every field an integer in the currency's minor unit. */
export interface CurrencyBalance {
  /** Lowercase ISO 4217 code. */
  currency: string;
  /** Available now (`balance.available`). */
  available: number;
  /** Not yet available ("Available soon", `balance.pending`). */
  pending: number;
  /** On the way to the bank: the sum of this currency's `in_transit` payouts. */
  inTransit: number;
  /** Everything not yet in the bank: `available + pending + inTransit`. */
  total: number;
}

/** The payout statuses that count as upcoming: not yet arrived, not failed or canceled. */
export const UPCOMING_STATUSES: readonly string[] = ['pending', 'in_transit'];

/** Whether a payout is still on its way (`pending` or `in_transit`). */
export function isUpcoming(p: Pick<Payout, 'status'>): boolean {
  return UPCOMING_STATUSES.includes(p.status);
}

/**
 * The balance of each currency the account holds: the currencies of `balance.available`,
 * `balance.pending` and of the `in_transit` payouts (several entries of one currency are added),
 * `defaultCurrency` first, then alphabetically. With no currency at all and a `defaultCurrency`,
 * one row of zeros in it.
 * @throws RangeError when an amount is not a safe integer or a sum leaves the safe range.
 */
export function balanceByCurrency(
  balance: Pick<Balance, 'available' | 'pending'>,
  payouts: readonly Payout[],
  defaultCurrency?: string | null,
): CurrencyBalance[] {
  const parts = new Map<string, { available: number[]; pending: number[]; inTransit: number[] }>();
  const of = (currency: string) => {
    const key = currency.toLowerCase();
    let p = parts.get(key);
    if (!p) parts.set(key, (p = { available: [], pending: [], inTransit: [] }));
    return p;
  };
  for (const a of balance.available) of(a.currency).available.push(a.amount);
  for (const a of balance.pending) of(a.currency).pending.push(a.amount);
  for (const p of payouts) if (p.status === 'in_transit') of(p.currency).inTransit.push(p.amount);
  const first = defaultCurrency?.toLowerCase();
  if (parts.size === 0 && first) of(first);
  const rows = [...parts].map(([currency, p]) => {
    const available = sumMinor(p.available);
    const pending = sumMinor(p.pending);
    const inTransit = sumMinor(p.inTransit);
    return { currency, available, pending, inTransit, total: sumMinor([available, pending, inTransit]) };
  });
  return rows.sort((a, b) =>
    a.currency === first ? -1 : b.currency === first ? 1 : a.currency < b.currency ? -1 : a.currency > b.currency ? 1 : 0,
  );
}

/** Earliest arrival first; ties by creation, then id, so the order never depends on the input's. */
function byArrival(a: Payout, b: Payout): number {
  return a.arrival_date - b.arrival_date || a.created - b.created || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0);
}

/** All upcoming payouts (`pending` or `in_transit`), the earliest expected arrival first. */
export function upcomingPayouts(payouts: readonly Payout[]): Payout[] {
  return payouts.filter(isUpcoming).sort(byArrival);
}

/** The next payout: the upcoming one with the earliest `arrival_date`, or `undefined`. */
export function nextPayout(payouts: readonly Payout[]): Payout | undefined {
  return upcomingPayouts(payouts)[0];
}

/** The `count` (default 5) most recent payouts that are not upcoming (paid, failed, canceled, ...), latest arrival first. */
export function recentPayouts(payouts: readonly Payout[], count = 5): Payout[] {
  return payouts
    .filter((p) => !isUpcoming(p))
    .sort((a, b) => byArrival(b, a))
    .slice(0, Math.max(0, count));
}

/**
 * `payouts` with `payout` in it: replacing the one with the same id (a `payout.updated` event),
 * else added (`payout.created`). Returns a new array; the input is not changed.
 */
export function upsertPayout(payouts: readonly Payout[], payout: Payout): Payout[] {
  const i = payouts.findIndex((p) => p.id === payout.id);
  if (i < 0) return [payout, ...payouts];
  const next = payouts.slice();
  next[i] = payout;
  return next;
}

/** The inputs of the schedule's wording: which sentence, and the number or weekday it needs. */
export type ScheduleWording =
  | { interval: 'daily'; delayDays: number | null }
  | { interval: 'weekly'; weekday: string | null }
  | { interval: 'monthly'; day: number | null }
  | { interval: 'manual' };

type Schedule = NonNullable<NonNullable<NonNullable<ExpressAccount['settings']>['payouts']>['schedule']>;

const WEEKDAYS = ['monday', 'tuesday', 'wednesday', 'thursday', 'friday', 'saturday', 'sunday'];

/**
 * What to say about Stripe's `settings.payouts.schedule`: `daily` with its `delay_days` (a whole
 * number above 0, else `null`), `weekly` with its `weekly_anchor` (`monday` … `sunday`, else
 * `null`), `monthly` with its `monthly_anchor` (1–31, else `null`), `manual`. `null` for a missing
 * schedule or an interval this version does not know.
 */
export function scheduleWording(schedule: Schedule | null | undefined): ScheduleWording | null {
  if (!schedule || typeof schedule !== 'object') return null;
  switch (schedule.interval) {
    case 'daily': {
      const d = schedule.delay_days;
      return { interval: 'daily', delayDays: Number.isInteger(d) && (d as number) > 0 ? (d as number) : null };
    }
    case 'weekly': {
      const w = typeof schedule.weekly_anchor === 'string' ? schedule.weekly_anchor.toLowerCase() : '';
      return { interval: 'weekly', weekday: WEEKDAYS.includes(w) ? w : null };
    }
    case 'monthly': {
      const d = schedule.monthly_anchor;
      return { interval: 'monthly', day: Number.isInteger(d) && (d as number) >= 1 && (d as number) <= 31 ? (d as number) : null };
    }
    case 'manual':
      return { interval: 'manual' };
    default:
      return null;
  }
}

/**
 * The payout schedule in the reader's words: "Daily, 2 days after payment", "Weekly on Friday",
 * "Monthly on the 15th", "Manual payouts" (see `scheduleWording`); `null` when there is nothing
 * to say.
 */
export function describeSchedule(schedule: Schedule | null | undefined, strings: Strings, locale?: string): string | null {
  const w = scheduleWording(schedule);
  const b = strings.balance;
  switch (w?.interval) {
    case 'daily':
      return w.delayDays === null ? b.dailyNoDelay : b.daily(w.delayDays, locale);
    case 'weekly':
      return b.weekly(w.weekday ?? '');
    case 'monthly':
      return w.day === null ? b.monthlyNoAnchor : b.monthly(w.day);
    case 'manual':
      return b.manual;
    default:
      return null;
  }
}

/**
 * The zone in which a payout's `arrival_date` names its day. Stripe sets `arrival_date` to
 * midnight UTC of the arrival day, which in a zone west of UTC is the evening before: a timestamp
 * at exactly midnight UTC is therefore read as a calendar date (in `UTC`); any other instant
 * (e.g. local midnight in the account's zone, as `MemoryAdapter` makes) is read in `timeZone`.
 */
export function arrivalTimeZone(arrivalDate: number, timeZone: string): string {
  return arrivalDate % 86400 === 0 ? 'UTC' : timeZone;
}

/**
 * A payout's arrival day for people: "Fri, Nov 28" (weekday, month and day in `locale`), with the
 * year when it is more than 180 days from `now` (Unix seconds), where the year is not obvious.
 * Read in `arrivalTimeZone`. An unknown `timeZone` falls back to UTC.
 */
export function formatArrivalDate(arrivalDate: number, timeZone: string, locale: string, now: number): string {
  const zone = isValidTimeZone(timeZone) ? timeZone : 'UTC';
  const opts: Intl.DateTimeFormatOptions = {
    timeZone: arrivalTimeZone(arrivalDate, zone), calendar: 'gregory', weekday: 'short', month: 'short', day: 'numeric',
  };
  if (Math.abs(arrivalDate - now) > 180 * 86400) opts.year = 'numeric';
  return formatUnixDate(arrivalDate, locale, opts);
}

/** The status badge's words for a payout status; an unknown status is shown as Stripe spells it. */
export function payoutStatusLabel(status: string, strings: Strings): string {
  const s = strings.statuses;
  switch (status) {
    case 'paid':
      return s.paid;
    case 'in_transit':
      return s.in_transit;
    case 'pending':
      return s.pending;
    case 'failed':
      return s.failed;
    case 'canceled':
      return s.canceled;
    default:
      return status.replace(/_/g, ' ');
  }
}

/**
 * What `<express-balance>` shows, computed without the DOM: per-currency balances with exact
 * integer sums, the next payout, the upcoming and recent payouts, the payout schedule in words
 * and payout dates in the account's timezone.
 */
import type { Balance, ExpressAccount, Payout } from '../../contract/types.js';
import { sumMinor } from '../../core/money.js';
import type { Strings } from '../../core/i18n/registry.js';
import { isValidTimeZone, localIsoDate, zonedDateToUnix, zonedParts } from '../../core/time.js';
import { formatUnixDate } from '../../core/date-format.js';

/** One currency's balance, every field an integer in the currency's minor unit. */
export interface CurrencyBalance {
  /** Lowercase ISO 4217 code. */
  currency: string;
  /** Available now (`balance.available`). */
  available: number;
  /** Not yet available ("Available soon", `balance.pending`). */
  pending: number;
  /**
   * On the way to the bank: the sum of this currency's payouts that have left the balance and not
   * arrived (`pending` and `in_transit`).
   */
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
 * `balance.pending` and of the upcoming payouts (`pending` and `in_transit`: money that has left
 * the balance for the bank and not arrived; several entries of one currency are added),
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
  for (const p of payouts) if (isUpcoming(p)) of(p.currency).inTransit.push(p.amount);
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

/** What arrives at the bank on one day in one currency: the upcoming payouts of that day, summed exactly. */
export interface PayoutDay {
  /** The `arrival_date` of the first of them (they all name the same calendar day). */
  arrivalDate: number;
  currency: string;
  /** Sum of their amounts, in the currency's minor unit. */
  amount: number;
  payouts: Payout[];
}

/**
 * The next payout day: the upcoming payouts that arrive on the earliest arrival day (each read as
 * `arrivalTimeZone` says), in one currency (the default currency when it has one that day, else
 * the first by arrival), summed. Two payouts on one Monday are one sum.
 */
export function nextPayoutDay(payouts: readonly Payout[], timeZone: string, defaultCurrency?: string | null): PayoutDay | undefined {
  const upcoming = upcomingPayouts(payouts);
  if (!upcoming.length) return undefined;
  const zone = isValidTimeZone(timeZone) ? timeZone : 'UTC';
  const dayOf = (p: Payout) => localIsoDate(p.arrival_date, arrivalTimeZone(p.arrival_date, zone));
  const day = dayOf(upcoming[0]!);
  const sameDay = upcoming.filter((p) => dayOf(p) === day);
  const preferred = defaultCurrency?.toLowerCase();
  const currency = sameDay.some((p) => p.currency.toLowerCase() === preferred) ? preferred! : sameDay[0]!.currency.toLowerCase();
  const group = sameDay.filter((p) => p.currency.toLowerCase() === currency);
  return { arrivalDate: group[0]!.arrival_date, currency, amount: sumMinor(group.map((p) => p.amount)), payouts: group };
}

/** An estimate of the next automatic payout, when none has been made yet. */
export interface PayoutEstimate {
  currency: string;
  /** What is available now and soon, in the currency's minor unit. */
  amount: number;
  /** Local midnight (Unix seconds, in the account's zone) of the day it is expected around. */
  day: number;
}

/** Days from civil date arithmetic, for the schedule's next day. */
function addDays(y: number, m: number, d: number, days: number): [number, number, number] {
  const t = new Date(Date.UTC(y, m - 1, d + days));
  return [t.getUTCFullYear(), t.getUTCMonth() + 1, t.getUTCDate()];
}

/**
 * The next day an automatic schedule pays out, after today in `timeZone` (`now` in Unix seconds):
 * daily, the next weekday (banks do not pay out at weekends); weekly, the next anchor weekday;
 * monthly, the next anchor day (the month's last day when it is shorter). `undefined` for a manual
 * or unknown schedule.
 */
export function nextScheduledDay(schedule: Schedule | null | undefined, now: number, timeZone: string): number | undefined {
  const w = scheduleWording(schedule);
  if (!w || w.interval === 'manual') return undefined;
  const zone = isValidTimeZone(timeZone) ? timeZone : 'UTC';
  const today = zonedParts(now, zone);
  let date: [number, number, number];
  if (w.interval === 'daily') {
    const ahead = today.weekday === 5 ? 3 : today.weekday === 6 ? 2 : 1; // Friday and Saturday: Monday
    date = addDays(today.year, today.month, today.day, ahead);
  } else if (w.interval === 'weekly') {
    const anchor = w.weekday ? WEEKDAYS.indexOf(w.weekday) + 1 : 1;
    date = addDays(today.year, today.month, today.day, ((anchor - today.weekday + 6) % 7) + 1);
  } else {
    const anchor = w.day ?? 1;
    const lastDay = (y: number, m: number) => new Date(Date.UTC(y, m, 0)).getUTCDate();
    let [y, m] = [today.year, today.month];
    if (Math.min(anchor, lastDay(y, m)) <= today.day) [y, m] = m === 12 ? [y + 1, 1] : [y, m + 1];
    date = [y, m, Math.min(anchor, lastDay(y, m))];
  }
  return zonedDateToUnix(date[0], date[1], date[2], zone);
}

/**
 * When no payout is on its way but money is available soon on an automatic schedule: about how
 * much the next payout will be (what is available now and soon, in the first currency that has
 * money available soon) and the day it is expected around. `undefined` otherwise.
 */
export function estimateNextPayout(
  currencies: readonly CurrencyBalance[],
  payouts: readonly Payout[],
  schedule: Schedule | null | undefined,
  now: number,
  timeZone: string,
): PayoutEstimate | undefined {
  if (payouts.some(isUpcoming)) return undefined;
  const c = currencies.find((row) => row.pending > 0 && row.available + row.pending > 0);
  const day = c && nextScheduledDay(schedule, now, timeZone);
  return c && day !== undefined ? { currency: c.currency, amount: sumMinor([c.available, c.pending]), day } : undefined;
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

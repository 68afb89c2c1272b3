/**
 * What `<express-balance>` shows, computed without the DOM: per-currency balances with exact
 * integer sums, the next payout, the upcoming and recent payouts, the payout schedule in words
 * and payout dates in the account's timezone.
 */
import type { Balance, Payout } from '../../contract/types.js';
import { sumMinor } from '../../core/money.js';
import { isValidTimeZone, localIsoDate, zonedDateToUnix, zonedParts } from '../../core/time.js';
import { arrivalTimeZone, scheduleWording, WEEKDAYS, type PayoutSchedule as Schedule } from '../../core/payouts.js';

// Shared with <express-payouts> and <express-payout-details>: they live in the core.
export { arrivalTimeZone, describeSchedule, formatArrivalDate, payoutStatusLabel, scheduleWording } from '../../core/payouts.js';
export type { ScheduleWording } from '../../core/payouts.js';

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

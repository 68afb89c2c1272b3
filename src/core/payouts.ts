/**
 * A payout in a person's words, DOM-free: its arrival day (Stripe's midnight-UTC arrival dates
 * read as calendar dates), its status, method and destination, and why a failed or canceled
 * payout did not arrive and what to do about it. `<express-balance>`, `<express-payouts>` and
 * `<express-payout-details>` all read payouts through these.
 */
import type { ExpressAccount, Payout, PayoutDestination } from '../contract/types.js';
import { formatUnixDate } from './date-format.js';
import { format } from './i18n/format.js';
import type { Strings } from './i18n/en.js';
import { isValidTimeZone, localIsoDate } from './time.js';

/**
 * The zone in which a payout's `arrival_date` names its day. Stripe sets `arrival_date` to
 * midnight UTC of the arrival day, which in a zone west of UTC is the evening before: a timestamp
 * at exactly midnight UTC is therefore read as a calendar date (in `UTC`); any other instant
 * (e.g. local midnight in the account's zone, as `MemoryAdapter` makes) is read in `timeZone`.
 */
export function arrivalTimeZone(arrivalDate: number, timeZone: string): string {
  return arrivalDate % 86400 === 0 ? 'UTC' : timeZone;
}

/** A payout's arrival day as `YYYY-MM-DD` (see `arrivalTimeZone`). An unknown `timeZone` falls back to UTC. */
export function arrivalDay(arrivalDate: number, timeZone: string): string {
  const zone = isValidTimeZone(timeZone) ? timeZone : 'UTC';
  return localIsoDate(arrivalDate, arrivalTimeZone(arrivalDate, zone));
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

/** "Standard" or "Instant"; another method as Stripe spells it; `null` when the payout does not say. */
export function payoutMethodLabel(method: string | null | undefined, strings: Strings): string | null {
  if (!method) return null;
  const m = strings.payouts.methods;
  return method === 'standard' ? m.standard : method === 'instant' ? m.instant : method.replace(/_/g, ' ');
}

/** The expanded destination, when the payout carries one (not a bare id). */
function expanded(p: Pick<Payout, 'destination'>): PayoutDestination | undefined {
  const d = p.destination;
  return d && typeof d === 'object' ? d : undefined;
}

/**
 * Where a payout went, in words: "Bank account ···· 6789" (with the bank's name apart, see
 * `payoutBankName`), "Visa ···· 4242" for a card, "Bank account" or "Card" without the last
 * digits. The kind comes from the expanded destination's `object`, else the payout's `type`, else
 * the destination id's prefix (`ba_`, `card_`). `null` when nothing says where it went.
 */
export function payoutDestinationLabel(p: Pick<Payout, 'destination' | 'type'>, strings: Strings): string | null {
  const d = expanded(p);
  const id = typeof p.destination === 'string' ? p.destination : d?.id ?? '';
  const kind = d?.object ?? p.type ?? (id.startsWith('ba_') ? 'bank_account' : id.startsWith('card_') ? 'card' : undefined);
  const last4 = typeof d?.last4 === 'string' && /^\d{2,4}$/.test(d.last4) ? d.last4 : null;
  const w = strings.payouts.destinations;
  if (kind === 'card') {
    const brand = typeof d?.brand === 'string' && d.brand.trim() ? d.brand.trim() : w.card;
    return last4 ? format(w.cardEnding, { brand, last4 }) : brand;
  }
  if (kind === 'bank_account') return last4 ? format(w.bankAccountEnding, { last4 }) : w.bankAccount;
  return last4 ? format(w.accountEnding, { last4 }) : null;
}

/** The bank's name of an expanded bank account destination ("STRIPE TEST BANK"), else `null`. */
export function payoutBankName(p: Pick<Payout, 'destination'>): string | null {
  const name = expanded(p)?.bank_name;
  return typeof name === 'string' && name.trim() ? name.trim() : null;
}

/** Stripe's payout failure codes this version has words for. */
export const PAYOUT_FAILURE_CODES = [
  'account_closed', 'account_frozen', 'bank_account_restricted', 'bank_ownership_changed', 'could_not_process',
  'debit_not_authorized', 'declined', 'incorrect_account_holder_address', 'incorrect_account_holder_name',
  'incorrect_account_holder_tax_id', 'insufficient_funds', 'invalid_account_number', 'invalid_currency', 'no_account',
  'unsupported_card',
] as const;

/** A payout failure code with words. */
export type PayoutFailureCode = (typeof PAYOUT_FAILURE_CODES)[number];

/** What a person can do about a failure, by the kind of failure. */
export type PayoutFailureAction = 'updateDestination' | 'contactBank' | 'tryAgain';

const ACTION: Record<PayoutFailureCode, PayoutFailureAction> = {
  account_closed: 'updateDestination',
  account_frozen: 'contactBank',
  bank_account_restricted: 'updateDestination',
  bank_ownership_changed: 'updateDestination',
  could_not_process: 'tryAgain',
  debit_not_authorized: 'contactBank',
  declined: 'contactBank',
  incorrect_account_holder_address: 'updateDestination',
  incorrect_account_holder_name: 'updateDestination',
  incorrect_account_holder_tax_id: 'updateDestination',
  insufficient_funds: 'tryAgain',
  invalid_account_number: 'updateDestination',
  invalid_currency: 'updateDestination',
  no_account: 'updateDestination',
  unsupported_card: 'updateDestination',
};

/** Why a payout did not arrive and what to do, in words. */
export interface PayoutProblem {
  /** What happened: the payout's `failure_message`, else words for its `failure_code`, else a general sentence. */
  reason: string;
  /** What the person can do, and where the money is. */
  action: string;
}

/**
 * Why a `failed` or `canceled` payout did not arrive, and what the person can do: the reason is
 * the payout's own `failure_message` when it has one, else words for its `failure_code` (Stripe's
 * codes, see `PAYOUT_FAILURE_CODES`; an unknown code gets the general sentence); the action
 * follows from the code (update the bank details, ask the bank, or wait for the next try), with
 * `platformName` to say whom to ask. `null` for any other status.
 */
export function payoutProblem(
  p: Pick<Payout, 'status' | 'failure_code' | 'failure_message'>,
  strings: Strings,
  platformName?: string | null,
): PayoutProblem | null {
  if (p.status !== 'failed' && p.status !== 'canceled') return null;
  const w = strings.payouts.problems;
  const platform = platformName?.trim();
  const message = typeof p.failure_message === 'string' ? p.failure_message.trim() : '';
  const code = typeof p.failure_code === 'string' && Object.hasOwn(ACTION, p.failure_code) ? (p.failure_code as PayoutFailureCode) : null;
  if (p.status === 'canceled') {
    return { reason: message || w.canceled, action: w.canceledAction };
  }
  const reason = message || (code ? w.reasons[code] : w.unknownReason);
  const kind = code ? ACTION[code] : 'tryAgain';
  const action =
    kind === 'updateDestination'
      ? platform ? format(w.updateDestination, { platform }) : w.updateDestinationNoPlatform
      : kind === 'contactBank'
        ? w.contactBank
        : platform ? format(w.tryAgain, { platform }) : w.tryAgainNoPlatform;
  return { reason, action };
}

// ---- the payout schedule ----

/** The inputs of the schedule's wording: which sentence, and the number or weekday it needs. */
export type ScheduleWording =
  | { interval: 'daily'; delayDays: number | null }
  | { interval: 'weekly'; weekday: string | null }
  | { interval: 'monthly'; day: number | null }
  | { interval: 'manual' };

/** Stripe's `settings.payouts.schedule`. */
export type PayoutSchedule = NonNullable<NonNullable<NonNullable<ExpressAccount['settings']>['payouts']>['schedule']>;

/** Stripe's weekday names (`weekly_anchor`), Monday first. */
export const WEEKDAYS: readonly string[] = ['monday', 'tuesday', 'wednesday', 'thursday', 'friday', 'saturday', 'sunday'];

/**
 * What to say about Stripe's `settings.payouts.schedule`: `daily` with its `delay_days` (a whole
 * number above 0, else `null`), `weekly` with its `weekly_anchor` (`monday` … `sunday`, else
 * `null`), `monthly` with its `monthly_anchor` (1–31, else `null`), `manual`. `null` for a missing
 * schedule or an interval this version does not know.
 */
export function scheduleWording(schedule: PayoutSchedule | null | undefined): ScheduleWording | null {
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
export function describeSchedule(schedule: PayoutSchedule | null | undefined, strings: Strings, locale?: string): string | null {
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

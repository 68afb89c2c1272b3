/**
 * Seeded demo data for `MemoryAdapter.demo()`: the history of a ride-share driver's Express
 * account, deterministic for the same options (same seed and `now` give identical data).
 *
 * The shape of it:
 * - A daily rhythm of `payment` transactions (one per trip, `description: null`): more trips in
 *   the evening and at weekends, a usual weekly day off, occasional other days off and a holiday
 *   now and then. Fares in the currency's minor unit at a realistic price level (`usd 1437` is
 *   $14.37, `jpy 2150` is ¥2,150). The platform keeps an application fee (`fee`, and one
 *   `fee_details` entry of type `application_fee`); `net = amount - fee`.
 * - Occasional `payment_refund`s (negative, part or all of a trip, fee given back pro rata) and
 *   one dispute `adjustment` (the trip's net withdrawn, at once). No `stripe_fee`: on Express the
 *   platform pays Stripe's fees, the driver does not see them.
 * - Payments and refunds are `pending` until `available_on`, the start of the local day two days
 *   after them (the account's payout schedule: daily, `delay_days: 2`), then `available`.
 * - A payout every local day at about 01:00 that sweeps the available balance (none when it is
 *   zero or negative), each with its `payout` balance transaction (negative amount), paid to one
 *   bank account (`destination` expanded, with `last4` and `bank_name`). It arrives the next
 *   business day: `paid` once arrived, `pending` on the day it is made, `in_transit` in between.
 *   `payout_balance_transactions` records what each one settled (Stripe's `payout` filter).
 * - The balance is derived from the transactions (`balanceOf`), so it always equals what the
 *   transactions and payouts imply.
 */
import { currencyExponent, isKnownCurrency } from '../core/money.js';
import { isValidTimeZone, zonedDateToUnix, zonedParts } from '../core/time.js';
import type { Balance, BalanceTransaction, ExpressAccount, Payout } from '../contract/types.js';
import { balanceOf, mulberry32, newestFirst, stripeId } from '../adapter/memory-data.js';

export { balanceOf, mulberry32, newestFirst, stripeId };

/** Options of `MemoryAdapter.demo()` and `generateDemoData()`. */
export interface DemoOptions {
  /** PRNG seed; default 1. */
  seed?: number;
  /** Months of history before `now`; default 24. */
  months?: number;
  /** Lowercase ISO 4217 code; default `usd`. */
  currency?: string;
  /** IANA zone of the account (`settings.dashboard.timezone`); default `America/New_York`. */
  timezone?: string;
  /** Default false (test mode). */
  livemode?: boolean;
  /**
   * The present: Unix seconds or a `Date` (a number above 1e11 is taken as milliseconds, so
   * `Date.now()` works too). Default: the real clock.
   */
  now?: number | Date;
  /** The platform's name, used in fee and adjustment descriptions; default `Rideshare`. */
  platformName?: string;
}

/** Everything a `MemoryAdapter` holds. */
export interface DemoData {
  account: ExpressAccount;
  balance: Balance;
  /** Newest first. */
  balance_transactions: BalanceTransaction[];
  /** Newest first. */
  payouts: Payout[];
  /**
   * What each payout paid out: payout id → the ids of the balance transactions it settled (those
   * that became available since the previous payout) and of its own `payout` transaction. Their
   * nets sum to zero: the payout's amount is exactly the sum of what it settled.
   */
  payout_balance_transactions: Record<string, string[]>;
}

/** Unix seconds from a number (seconds, or milliseconds when above 1e11) or a Date. */
export function toUnixSeconds(now: number | Date): number {
  const n = now instanceof Date ? now.getTime() / 1000 : now > 1e11 ? now / 1000 : now;
  if (!Number.isFinite(n)) throw new RangeError(`now must be a finite time, got ${String(now)}`);
  return Math.floor(n);
}

/** What a typical fare costs in a currency's major unit, relative to one US dollar (rough). */
const PRICE_LEVEL: Record<string, number> = {
  usd: 1, eur: 0.95, gbp: 0.8, cad: 1.35, aud: 1.5, nzd: 1.65, chf: 0.9, sek: 10.5, nok: 10.5,
  dkk: 7, pln: 4, czk: 23, huf: 360, jpy: 150, krw: 1300, inr: 83, mxn: 17, brl: 5, sgd: 1.35,
  hkd: 7.8, zar: 18, aed: 3.7, thb: 35, php: 56, idr: 15500, vnd: 24000, clp: 900, cop: 4000,
};

const COUNTRY: Record<string, string> = {
  usd: 'US', eur: 'DE', gbp: 'GB', cad: 'CA', aud: 'AU', nzd: 'NZ', chf: 'CH', sek: 'SE', nok: 'NO',
  dkk: 'DK', pln: 'PL', jpy: 'JP', krw: 'KR', inr: 'IN', mxn: 'MX', brl: 'BR', sgd: 'SG', hkd: 'HK',
};

/** The platform's commission on a fare, in percent. */
export const APPLICATION_FEE_PERCENT = 25;

/** The platform's application fee on `amount` (integer minor units, rounded half away from zero). */
export function applicationFee(amount: number): number {
  return Math.sign(amount) * Math.round((Math.abs(amount) * APPLICATION_FEE_PERCENT) / 100);
}

/**
 * A random trip fare (with a tip now and then) in `currency`'s minor unit: mostly 8 to 40 dollars'
 * worth (at most 150), rounded to a unit that fits the currency (1 cent, 10 yen, 100 won).
 */
export function randomFare(rand: () => number, currency: string, surge = 1): number {
  const level = PRICE_LEVEL[currency] ?? 1;
  const exp = currencyExponent(currency);
  const unit = exp === 0 ? 10 ** Math.max(0, Math.floor(Math.log10(level)) - 1) : 1;
  let major = Math.min(95, 7 + -Math.log(1 - rand()) * 11) * surge;
  if (rand() < 0.4) major *= 1.1 + rand() * 0.15; // tip
  major = Math.min(major, 150);
  return Math.max(unit, Math.round((major * level * 10 ** exp) / unit) * unit);
}

const FIRST = ['Jordan', 'Maya', 'Luis', 'Aiko', 'Samir', 'Grace', 'Tomás', 'Nadia', 'Kwame', 'Elena'];
const LAST = ['Rivera', 'Chen', 'Okafor', 'Müller', 'Tanaka', 'Haddad', 'Novak', 'Silva', 'Kowalski', 'Brooks'];

/**
 * A new pending `payment` made now, as the demo makes them (live demos: `MemoryAdapter`'s
 * `simulatePayment` and the reference server's): the platform's application fee, `net =
 * amount - fee`, available at the start of the local day two days later in `timeZone` (UTC when
 * that is not a valid zone).
 */
export function newPaymentTransaction(o: {
  amount: number;
  currency: string;
  /** Unix seconds. */
  created: number;
  timeZone: string | null | undefined;
  rand: () => number;
  description?: string | null;
  id?: string;
}): BalanceTransaction {
  const { amount, currency, created } = o;
  if (!Number.isSafeInteger(amount)) throw new RangeError(`amount must be an integer of minor units, got ${amount}`);
  const fee = applicationFee(amount);
  const tz = o.timeZone && isValidTimeZone(o.timeZone) ? o.timeZone : 'UTC';
  const day = zonedParts(created, tz);
  return {
    id: o.id ?? stripeId('txn', o.rand),
    object: 'balance_transaction',
    amount,
    available_on: zonedDateToUnix(day.year, day.month, day.day + 2, tz),
    created,
    currency,
    description: o.description ?? null,
    exchange_rate: null,
    fee,
    fee_details: [{ amount: fee, currency, type: 'application_fee', description: null }],
    net: amount - fee,
    reporting_category: 'charge',
    source: stripeId('py', o.rand),
    status: 'pending',
    type: 'payment',
  } as BalanceTransaction;
}

const DAY_MS = 86_400_000;

/**
 * The first instants of `count` consecutive local dates from UTC day number `firstDay` in
 * `timeZone`. `Intl` is slow enough (up to half a millisecond a call) that asking it for every
 * date of five years takes most of a second, so it is asked every four weeks: when two midnights
 * 28 dates apart are exactly 28 × 24 hours apart (no offset change in between), the dates between
 * are filled in by adding 24 hours; otherwise the span is halved until the change is found.
 */
function localMidnights(firstDay: number, count: number, timeZone: string): number[] {
  const at = (i: number) => {
    const d = new Date((firstDay + i) * DAY_MS);
    return zonedDateToUnix(d.getUTCFullYear(), d.getUTCMonth() + 1, d.getUTCDate(), timeZone);
  };
  const out = new Array<number>(count);
  const fill = (i: number, j: number): void => {
    if (out[j] - out[i] === (j - i) * 86400) {
      for (let k = i + 1; k < j; k++) out[k] = out[i] + (k - i) * 86400;
    } else if (j - i > 1) {
      const mid = (i + j) >> 1;
      out[mid] = at(mid);
      fill(i, mid);
      fill(mid, j);
    }
  };
  out[0] = at(0);
  for (let i = 0; i < count - 1; i += 28) {
    const j = Math.min(i + 28, count - 1);
    out[j] = at(j);
    fill(i, j);
  }
  return out;
}

/**
 * Generates the demo history (see the module's description). Fast: about ten thousand
 * transactions for every five years, in well under a second.
 * @throws RangeError for an unknown currency or time zone, or a negative `months`.
 */
export function generateDemoData(options: DemoOptions = {}): DemoData {
  const {
    seed = 1,
    months = 24,
    currency = 'usd',
    timezone = 'America/New_York',
    livemode = false,
    platformName = 'Rideshare',
  } = options;
  if (!isKnownCurrency(currency)) throw new RangeError(`Unknown currency: ${currency}`);
  if (!isValidTimeZone(timezone)) throw new RangeError(`Unknown time zone: ${timezone}`);
  if (!Number.isInteger(months) || months < 0) throw new RangeError(`months must be a non-negative integer, got ${months}`);
  const now = toUnixSeconds(options.now ?? Date.now());
  const rand = mulberry32(seed);

  // Local calendar days, as UTC day numbers; midnight[i] is the first instant of day first + i.
  const today = zonedParts(now, timezone);
  const todayDay = Date.UTC(today.year, today.month - 1, today.day) / DAY_MS;
  const firstDay = Date.UTC(today.year, today.month - 1 - months, today.day) / DAY_MS;
  const nDays = todayDay - firstDay + 1;
  const midnight = localMidnights(firstDay, nDays + 6, timezone);
  const weekday: number[] = []; // 0 = Sunday
  for (let i = 0; i < nDays + 6; i++) weekday.push(new Date((firstDay + i) * DAY_MS).getUTCDay());
  const monthOf = (i: number) => new Date((firstDay + i) * DAY_MS).getUTCMonth();

  const first = FIRST[Math.floor(rand() * FIRST.length)];
  const last = LAST[Math.floor(rand() * LAST.length)];
  const name = `${first} ${last}`;
  const accountId = stripeId('acct', rand, 16);
  const application = stripeId('ca', rand);
  const usualDayOff = Math.floor(rand() * 5) + 1; // a weekday

  const txns: BalanceTransaction[] = [];
  const payments: BalanceTransaction[] = [];
  const statusAt = (availableOn: number) => (availableOn <= now ? 'available' : 'pending');
  const feeDetails = (fee: number) => [
    { amount: fee, currency, type: 'application_fee', description: `${platformName} service fee`, application },
  ];

  let holidayLeft = 0;
  for (let i = 0; i < nDays; i++) {
    const wd = weekday[i];
    const weekend = wd === 0 || wd === 6;
    const friday = wd === 5;
    // Days off: a holiday now and then, the usual day off, and the odd other day.
    if (holidayLeft > 0) {
      holidayLeft--;
      continue;
    }
    if (i > 0 && rand() < 1 / 200) {
      holidayLeft = 4 + Math.floor(rand() * 9);
      continue;
    }
    if (wd === usualDayOff && rand() < 0.85) continue;
    if (rand() < 0.08) continue;

    const ramp = Math.min(1, 0.4 + i / 60); // a new driver starts slowly
    const season = monthOf(i) === 11 ? 1.2 : monthOf(i) <= 1 ? 0.85 : 1;
    const base = weekend ? 11 + rand() * 9 : friday ? 10 + rand() * 8 : 5 + rand() * 8;
    const trips = Math.max(1, Math.round(base * ramp * season));
    const dayStart = midnight[i];
    const dayLength = midnight[i + 1] - dayStart;
    const times: number[] = [];
    for (let k = 0; k < trips; k++) {
      let hour: number;
      const r = rand();
      if (weekend) hour = 10 + Math.floor(rand() * 14); // 10:00 to 23:59
      else if (r < 0.25) hour = 7 + Math.floor(rand() * 2); // morning commute
      else if (r < 0.35) hour = 11 + Math.floor(rand() * 3); // lunch
      else hour = 16 + Math.floor(rand() * 8); // evening
      times.push(Math.min(dayLength - 1, hour * 3600 + Math.floor(rand() * 3600)));
    }
    times.sort((a, b) => a - b);
    const availableOn = midnight[i + 2];
    for (const offset of times) {
      const created = dayStart + offset;
      const evening = offset >= 18 * 3600;
      const surge = (weekend || friday) && evening && rand() < 0.3 ? 1.2 + rand() * 0.5 : 1;
      const amount = randomFare(rand, currency, surge);
      const fee = applicationFee(amount);
      const id = stripeId('txn', rand);
      const source = stripeId('py', rand);
      const refundRoll = rand();
      if (created > now) continue; // later today: not yet driven
      const t: BalanceTransaction & Record<string, unknown> = {
        id,
        object: 'balance_transaction',
        amount,
        available_on: availableOn,
        created,
        currency,
        description: null,
        exchange_rate: null,
        fee,
        fee_details: feeDetails(fee),
        net: amount - fee,
        reporting_category: 'charge',
        source,
        status: statusAt(availableOn),
        type: 'payment',
      };
      txns.push(t);
      payments.push(t);
      // About one trip in a hundred is refunded, in part or in full, within two days.
      if (refundRoll < 0.01) {
        const refunded = rand() < 0.5 ? amount : Math.max(1, Math.round(amount * (0.2 + rand() * 0.6)));
        const refundFee = applicationFee(refunded);
        const when = created + 3600 + Math.floor(rand() * 47 * 3600);
        const rid = stripeId('txn', rand);
        const rsrc = stripeId('pyr', rand);
        if (when <= now) {
          let day = i;
          while (midnight[day + 1] <= when) day++;
          const refundAvailableOn = midnight[day + 2];
          txns.push({
            id: rid,
            object: 'balance_transaction',
            amount: -refunded,
            available_on: refundAvailableOn,
            created: when,
            currency,
            description: null,
            exchange_rate: null,
            fee: -refundFee,
            fee_details: feeDetails(-refundFee),
            net: -(refunded - refundFee),
            reporting_category: 'refund',
            source: rsrc,
            status: statusAt(refundAvailableOn),
            type: 'payment_refund',
          } as BalanceTransaction);
        }
      }
    }
  }

  // One dispute: a rider disputes a trip from about 60% into the history; its net is withdrawn.
  for (const idx of [Math.floor(payments.length * 0.6), 0]) {
    const p = payments[idx];
    if (!p) break;
    const when = p.created + 9 * 86400 + Math.floor(rand() * 86400);
    if (when > now) continue;
    txns.push({
      id: stripeId('txn', rand),
      object: 'balance_transaction',
      amount: -p.net,
      available_on: when,
      created: when,
      currency,
      description: `Chargeback withdrawal for ${p.source as string} (${platformName} trip)`,
      exchange_rate: null,
      fee: 0,
      fee_details: [],
      net: -p.net,
      reporting_category: 'dispute',
      source: stripeId('du', rand),
      status: 'available',
      type: 'adjustment',
    } as BalanceTransaction);
    break;
  }

  // Daily payouts at about 01:00 local time sweep what has become available: each settles the
  // transactions that became available since the previous payout (more than a day's worth when a
  // day's sum was not positive), so its amount is exactly their sum.
  const byAvailable = txns.slice().sort((a, b) => a.available_on - b.available_on);
  const payouts: Payout[] = [];
  const settled: Record<string, string[]> = {};
  let k = 0;
  let available = 0;
  let unsettled: string[] = [];
  const bank = stripeId('ba', rand);
  const destination = {
    id: bank,
    object: 'bank_account',
    bank_name: livemode ? 'MERIDIAN NATIONAL BANK' : 'STRIPE TEST BANK',
    // test-mode accounts use Stripe's test bank account number, which ends in 6789
    last4: livemode ? String([...bank].reduce((n, c) => (n * 31 + c.charCodeAt(0)) % 10_000, 7)).padStart(4, '0') : '6789',
    country: COUNTRY[currency] ?? null,
    currency,
  };
  for (let i = 0; i < nDays; i++) {
    const at = midnight[i] + 3600 + Math.floor(rand() * 1800);
    if (at > now) break;
    while (k < byAvailable.length && byAvailable[k].available_on <= at) {
      available += byAvailable[k].net;
      unsettled.push(byAvailable[k++].id);
    }
    if (available <= 0) continue;
    let j = i + 1;
    while (weekday[j] === 0 || weekday[j] === 6) j++;
    const arrival = midnight[j];
    const id = stripeId('po', rand);
    const txnId = stripeId('txn', rand);
    const status = arrival <= now ? 'paid' : i === nDays - 1 ? 'pending' : 'in_transit';
    payouts.push({
      id,
      object: 'payout',
      amount: available,
      arrival_date: arrival,
      automatic: true,
      balance_transaction: txnId,
      created: at,
      currency,
      description: 'STRIPE PAYOUT',
      destination: { ...destination },
      failure_code: null,
      failure_message: null,
      livemode,
      method: 'standard',
      reconciliation_status: status === 'paid' ? 'completed' : 'in_progress',
      source_type: 'card',
      statement_descriptor: null,
      status,
      type: 'bank_account',
    } as Payout);
    settled[id] = [...unsettled, txnId];
    unsettled = [];
    txns.push({
      id: txnId,
      object: 'balance_transaction',
      amount: -available,
      available_on: at,
      created: at,
      currency,
      description: null, // shown as the generic "Payout to your bank account"
      exchange_rate: null,
      fee: 0,
      fee_details: [],
      net: -available,
      reporting_category: 'payout',
      source: id,
      status: 'available',
      type: 'payout',
    } as BalanceTransaction);
    available = 0;
  }

  txns.sort(newestFirst);
  payouts.sort(newestFirst);
  const account: ExpressAccount & Record<string, unknown> = {
    id: accountId,
    object: 'account',
    type: 'express',
    livemode,
    country: COUNTRY[currency] ?? null,
    default_currency: currency,
    email: `${first.toLowerCase().normalize('NFD').replace(/[^a-z]/g, '')}.${last.toLowerCase().normalize('NFD').replace(/[^a-z]/g, '')}@example.com`,
    created: midnight[0],
    charges_enabled: true,
    payouts_enabled: true,
    details_submitted: true,
    business_profile: { name },
    settings: {
      dashboard: { display_name: name, timezone },
      payouts: { schedule: { interval: 'daily', delay_days: 2 } },
      branding: { icon: null, logo: null, primary_color: null, secondary_color: null },
    },
  };
  return {
    account,
    balance: balanceOf(txns, { currency, livemode }),
    balance_transactions: txns,
    payouts,
    payout_balance_transactions: settled,
  };
}

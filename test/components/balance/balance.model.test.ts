import { expect } from '@open-wc/testing';
import fc from 'fast-check';
import type { Payout } from '../../../src/contract/types.js';
import {
  arrivalTimeZone,
  balanceByCurrency,
  describeSchedule,
  formatArrivalDate,
  isUpcoming,
  nextPayout,
  nextPayoutDay,
  nextScheduledDay,
  estimateNextPayout,
  payoutStatusLabel,
  recentPayouts,
  scheduleWording,
  upcomingPayouts,
  upsertPayout,
} from '../../../src/components/balance/balance.model.js';
import { de, en, es, fr, ja, stringsFor } from '../../../src/core/i18n/index.js';

const UTC_NOV_28 = Date.UTC(2025, 10, 28) / 1000; // Stripe's arrival_date: midnight UTC of the day
const NY_NOV_28 = UTC_NOV_28 + 5 * 3600; // local midnight in New York (EST)
const TOKYO_NOV_28 = UTC_NOV_28 - 9 * 3600; // local midnight in Tokyo
const NOW = UTC_NOV_28 - 3 * 86400;

let n = 0;
function payout(p: Partial<Payout>): Payout {
  n++;
  return { id: `po_${n}`, amount: 1000, currency: 'usd', created: NOW - n, arrival_date: NOW + 86400, status: 'paid', ...p };
}

describe('balanceByCurrency', () => {
  it('adds available, pending and the payouts on their way (pending and in transit) per currency, default currency first', () => {
    const balance = {
      available: [
        { amount: 12345, currency: 'eur' },
        { amount: 100, currency: 'usd' },
        { amount: 50, currency: 'usd' }, // Stripe may split one currency by source type
      ],
      pending: [
        { amount: 999, currency: 'usd' },
        { amount: 5000, currency: 'jpy' },
      ],
    };
    const payouts = [
      payout({ amount: 700, currency: 'usd', status: 'in_transit' }),
      payout({ amount: 300, currency: 'USD', status: 'in_transit' }),
      payout({ amount: 400, currency: 'usd', status: 'pending' }), // left the balance, not yet arrived
      payout({ amount: 10_000, currency: 'usd', status: 'paid' }),
      payout({ amount: 20_000, currency: 'usd', status: 'failed' }),
      payout({ amount: 30_000, currency: 'usd', status: 'canceled' }),
      payout({ amount: 2000, currency: 'gbp', status: 'in_transit' }), // a currency only in transit
    ];
    expect(balanceByCurrency(balance, payouts, 'usd')).to.deep.equal([
      { currency: 'usd', available: 150, pending: 999, inTransit: 1400, total: 2549 },
      { currency: 'eur', available: 12345, pending: 0, inTransit: 0, total: 12345 },
      { currency: 'gbp', available: 0, pending: 0, inTransit: 2000, total: 2000 },
      { currency: 'jpy', available: 0, pending: 5000, inTransit: 0, total: 5000 },
    ]);
    expect(balanceByCurrency(balance, payouts, 'JPY').map((c) => c.currency)).to.deep.equal(['jpy', 'eur', 'gbp', 'usd']);
  });

  it('keeps negative balances and gives one zero row for an empty balance', () => {
    expect(balanceByCurrency({ available: [{ amount: -500, currency: 'usd' }], pending: [{ amount: 200, currency: 'usd' }] }, [])).to.deep.equal([
      { currency: 'usd', available: -500, pending: 200, inTransit: 0, total: -300 },
    ]);
    expect(balanceByCurrency({ available: [], pending: [] }, [], 'eur')).to.deep.equal([
      { currency: 'eur', available: 0, pending: 0, inTransit: 0, total: 0 },
    ]);
    expect(balanceByCurrency({ available: [], pending: [] }, [])).to.deep.equal([]);
  });

  it('sums exactly: the totals of all currencies equal the integer sum of the inputs', () => {
    const amount = fc.integer({ min: -1e12, max: 1e12 });
    const currency = fc.constantFrom('usd', 'eur', 'jpy', 'kwd');
    const entry = fc.record({ amount, currency });
    const po = fc.record({ amount, currency, status: fc.constantFrom('paid', 'pending', 'in_transit', 'failed', 'canceled') });
    fc.assert(
      fc.property(fc.array(entry), fc.array(entry), fc.array(po), (available, pending, pos) => {
        const payouts = pos.map((p) => payout(p));
        const rows = balanceByCurrency({ available, pending }, payouts);
        for (const r of rows) {
          expect(r.total).to.equal(r.available + r.pending + r.inTransit);
          for (const k of ['available', 'pending', 'inTransit', 'total'] as const) expect(Number.isInteger(r[k])).to.equal(true);
        }
        const expected =
          [...available, ...pending].reduce((s, a) => s + BigInt(a.amount), 0n) +
          pos.filter((p) => p.status === 'in_transit' || p.status === 'pending').reduce((s, p) => s + BigInt(p.amount), 0n);
        expect(BigInt(rows.reduce((s, r) => s + r.total, 0))).to.equal(expected);
        expect(new Set(rows.map((r) => r.currency)).size).to.equal(rows.length);
      }),
    );
  });

  it('refuses amounts that are not safe integers rather than rounding', () => {
    expect(() => balanceByCurrency({ available: [{ amount: 1.5, currency: 'usd' }], pending: [] }, [])).to.throw(RangeError);
    expect(() =>
      balanceByCurrency({ available: [{ amount: Number.MAX_SAFE_INTEGER, currency: 'usd' }], pending: [{ amount: 1, currency: 'usd' }] }, []),
    ).to.throw(RangeError);
  });
});

describe('payout choice', () => {
  const paidLate = payout({ status: 'paid', arrival_date: UTC_NOV_28 + 10 * 86400 });
  const later = payout({ status: 'in_transit', arrival_date: UTC_NOV_28 + 86400 });
  const soonest = payout({ status: 'pending', arrival_date: UTC_NOV_28 });
  const failedEarly = payout({ status: 'failed', arrival_date: UTC_NOV_28 - 86400, failure_message: 'Account closed' });

  it('picks the earliest pending or in-transit payout by arrival date as the next one', () => {
    expect(nextPayout([paidLate, later, failedEarly, soonest])).to.equal(soonest);
    expect(nextPayout([later, paidLate])).to.equal(later);
    expect(nextPayout([paidLate, failedEarly])).to.equal(undefined);
    expect(nextPayout([])).to.equal(undefined);
  });

  it('breaks arrival ties by creation, then id, whatever the input order', () => {
    const a = payout({ id: 'po_a', status: 'pending', arrival_date: UTC_NOV_28, created: 10 });
    const b = payout({ id: 'po_b', status: 'in_transit', arrival_date: UTC_NOV_28, created: 10 });
    const c = payout({ id: 'po_c', status: 'in_transit', arrival_date: UTC_NOV_28, created: 5 });
    expect(nextPayout([a, b, c])).to.equal(c);
    expect(nextPayout([b, a])).to.equal(a);
    expect(upcomingPayouts([b, a, c]).map((p) => p.id)).to.deep.equal(['po_c', 'po_a', 'po_b']);
  });

  it('lists all upcoming payouts and the five most recent others', () => {
    const others = Array.from({ length: 8 }, (_, i) =>
      payout({ id: `po_old${i}`, status: i === 3 ? 'failed' : i === 5 ? 'canceled' : 'paid', arrival_date: UTC_NOV_28 - i * 86400 }),
    );
    const all = [...others.slice().reverse(), later, soonest];
    expect(upcomingPayouts(all)).to.deep.equal([soonest, later]);
    expect(recentPayouts(all).map((p) => p.id)).to.deep.equal(['po_old0', 'po_old1', 'po_old2', 'po_old3', 'po_old4']);
    expect(recentPayouts(all, 2)).to.have.length(2);
    expect(isUpcoming({ status: 'in_transit' })).to.equal(true);
    expect(isUpcoming({ status: 'paid' })).to.equal(false);
  });

  it('replaces a payout by id or adds a new one, without changing the input', () => {
    const list = [later, soonest];
    const arrived = { ...later, status: 'paid' };
    const next = upsertPayout(list, arrived);
    expect(next).to.deep.equal([arrived, soonest]);
    expect(list[0]).to.equal(later);
    const fresh = payout({ status: 'pending' });
    expect(upsertPayout(list, fresh)).to.deep.equal([fresh, later, soonest]);
  });
});

describe('payout schedule in words', () => {
  const daily = { interval: 'daily', delay_days: 2 };
  const weekly = { interval: 'weekly', weekly_anchor: 'friday' };
  const monthly = { interval: 'monthly', monthly_anchor: 15 };
  const manual = { interval: 'manual' };

  it('reads the inputs of each interval and ignores what it does not know', () => {
    expect(scheduleWording(daily)).to.deep.equal({ interval: 'daily', delayDays: 2 });
    expect(scheduleWording({ interval: 'daily' })).to.deep.equal({ interval: 'daily', delayDays: null });
    expect(scheduleWording({ interval: 'weekly', weekly_anchor: 'Friday' })).to.deep.equal({ interval: 'weekly', weekday: 'friday' });
    expect(scheduleWording({ interval: 'weekly', weekly_anchor: 'someday' })).to.deep.equal({ interval: 'weekly', weekday: null });
    expect(scheduleWording(monthly)).to.deep.equal({ interval: 'monthly', day: 15 });
    expect(scheduleWording({ interval: 'monthly', monthly_anchor: 32 })).to.deep.equal({ interval: 'monthly', day: null });
    expect(scheduleWording(manual)).to.deep.equal({ interval: 'manual' });
    expect(scheduleWording({ interval: 'hourly' })).to.equal(null);
    expect(scheduleWording(null)).to.equal(null);
    expect(scheduleWording(undefined)).to.equal(null);
  });

  it('words each interval in English', () => {
    expect(describeSchedule(daily, en)).to.equal('Daily, 2 days after payment');
    expect(describeSchedule({ interval: 'daily', delay_days: 1 }, en)).to.equal('Daily, 1 day after payment');
    expect(describeSchedule({ interval: 'daily' }, en)).to.equal('Daily');
    expect(describeSchedule(weekly, en)).to.equal('Weekly on Friday');
    expect(describeSchedule({ interval: 'weekly' }, en)).to.equal('Weekly');
    expect(describeSchedule(monthly, en)).to.equal('Monthly on the 15th');
    expect(describeSchedule({ interval: 'monthly', monthly_anchor: 1 }, en)).to.equal('Monthly on the 1st');
    expect(describeSchedule({ interval: 'monthly', monthly_anchor: 22 }, en)).to.equal('Monthly on the 22nd');
    expect(describeSchedule({ interval: 'monthly' }, en)).to.equal('Monthly');
    expect(describeSchedule(manual, en)).to.equal('Manual payouts');
    expect(describeSchedule({ interval: 'hourly' }, en)).to.equal(null);
  });

  it('words each interval in French, German, Spanish and Japanese', () => {
    const expected: [typeof en, string[]][] = [
      [fr, ['Tous les jours, 2 jours après le paiement', 'Chaque semaine, le vendredi', 'Tous les mois, le 15', 'Virements manuels', 'Tous les jours', 'Tous les mois']],
      [de, ['Täglich, 2 Tage nach der Zahlung', 'Wöchentlich am Freitag', 'Monatlich am 15.', 'Manuelle Auszahlungen', 'Täglich', 'Monatlich']],
      [es, ['Diario, 2 días después del pago', 'Semanal, los viernes', 'Mensual, el día 15', 'Depósitos manuales', 'Diario', 'Mensual']],
      [ja, ['毎日（支払いの2日後）', '毎週金曜日', '毎月15日', '手動入金', '毎日', '毎月']],
    ];
    for (const [strings, words] of expected) {
      const got = [daily, weekly, monthly, manual, { interval: 'daily' }, { interval: 'monthly' }].map((s) => describeSchedule(s, strings));
      expect(got).to.deep.equal(words);
      for (const w of got) expect(w).to.not.match(/[{}]/);
    }
    // The count follows the reader's full locale.
    expect(describeSchedule({ interval: 'daily', delay_days: 1 }, fr, 'fr-CA')).to.equal('Tous les jours, 1 jour après le paiement');
    expect(describeSchedule(daily, stringsFor('es-MX'), 'es-MX')).to.equal('Diario, 2 días después del pago');
  });
});

describe('payout dates', () => {
  it("reads Stripe's midnight-UTC arrival dates as calendar dates, other instants in the account's zone", () => {
    expect(arrivalTimeZone(UTC_NOV_28, 'America/New_York')).to.equal('UTC');
    expect(arrivalTimeZone(NY_NOV_28, 'America/New_York')).to.equal('America/New_York');
    expect(formatArrivalDate(UTC_NOV_28, 'America/New_York', 'en-US', NOW)).to.equal('Fri, Nov 28');
    expect(formatArrivalDate(NY_NOV_28, 'America/New_York', 'en-US', NOW)).to.equal('Fri, Nov 28');
    expect(formatArrivalDate(TOKYO_NOV_28, 'Asia/Tokyo', 'en-US', NOW)).to.equal('Fri, Nov 28');
    // The same instant is another day elsewhere.
    expect(formatArrivalDate(TOKYO_NOV_28, 'America/Los_Angeles', 'en-US', NOW)).to.equal('Thu, Nov 27');
  });

  it('localises, and adds the year when the date is more than half a year away', () => {
    expect(formatArrivalDate(UTC_NOV_28, 'Europe/Paris', 'fr-FR', NOW)).to.match(/^ven\.? 28 nov\.?$/);
    expect(formatArrivalDate(UTC_NOV_28, 'Asia/Tokyo', 'ja-JP', NOW)).to.contain('28');
    expect(formatArrivalDate(UTC_NOV_28 - 365 * 86400, 'America/New_York', 'en-US', NOW)).to.equal('Thu, Nov 28, 2024');
    expect(formatArrivalDate(UTC_NOV_28 + 40 * 86400, 'America/New_York', 'en-US', NOW)).to.equal('Wed, Jan 7'); // next year, but near
    expect(formatArrivalDate(UTC_NOV_28 + 200 * 86400, 'America/New_York', 'en-US', NOW)).to.equal('Tue, Jun 16, 2026');
    expect(formatArrivalDate(UTC_NOV_28, 'Not/AZone', 'en-US', NOW)).to.equal('Fri, Nov 28');
  });

  it('names each payout status in words', () => {
    expect(['paid', 'in_transit', 'pending', 'failed', 'canceled', 'reversed_by_bank'].map((s) => payoutStatusLabel(s, en))).to.deep.equal([
      'Paid', 'In transit', 'Pending', 'Failed', 'Canceled', 'reversed by bank',
    ]);
    expect(payoutStatusLabel('in_transit', fr)).to.not.equal('In transit');
  });
});

describe('next payout day and estimate', () => {
  const NY = 'America/New_York';
  it('sums the upcoming payouts of the earliest arrival day, in the default currency first', () => {
    const day = UTC_NOV_28;
    const ps = [
      payout({ id: 'po_1', status: 'pending', arrival_date: day, amount: 1_000 }),
      payout({ id: 'po_2', status: 'in_transit', arrival_date: day, amount: 2_345 }),
      payout({ id: 'po_3', status: 'in_transit', arrival_date: day, amount: 500, currency: 'eur' }),
      payout({ id: 'po_4', status: 'pending', arrival_date: day + 86400, amount: 9_999 }),
      payout({ id: 'po_5', status: 'paid', arrival_date: day - 86400, amount: 7_777 }),
    ];
    const next = nextPayoutDay(ps, NY, 'usd')!;
    expect([next.currency, next.amount, next.payouts.map((p) => p.id).sort()]).to.deep.equal(['usd', 3_345, ['po_1', 'po_2']]);
    expect(nextPayoutDay(ps, NY, 'eur')!.amount).to.equal(500);
    expect(nextPayoutDay([ps[4]!], NY, 'usd')).to.equal(undefined);
  });

  it('reads Stripe midnight-UTC arrival dates as calendar days, not as the evening before', () => {
    const a = payout({ id: 'po_a', status: 'pending', arrival_date: UTC_NOV_28, amount: 100 });
    // Local midnight in New York of the same calendar day (as MemoryAdapter writes it).
    const b = payout({ id: 'po_b', status: 'pending', arrival_date: UTC_NOV_28 + 5 * 3600, amount: 200 });
    expect(nextPayoutDay([a, b], NY)!.amount).to.equal(300);
  });

  it('finds the next day of each automatic schedule in the account zone', () => {
    // Wednesday, Dec 2 2026, 10:00 in New York.
    const now = Date.UTC(2026, 11, 2, 15) / 1000;
    const local = (t: number | undefined) => new Date((t! - 5 * 3600) * 1000).toISOString().slice(0, 16);
    expect(local(nextScheduledDay({ interval: 'daily', delay_days: 2 }, now, NY))).to.equal('2026-12-03T00:00');
    expect(local(nextScheduledDay({ interval: 'weekly', weekly_anchor: 'monday' }, now, NY))).to.equal('2026-12-07T00:00');
    expect(local(nextScheduledDay({ interval: 'weekly', weekly_anchor: 'wednesday' }, now, NY))).to.equal('2026-12-09T00:00');
    expect(local(nextScheduledDay({ interval: 'monthly', monthly_anchor: 15 }, now, NY))).to.equal('2026-12-15T00:00');
    expect(local(nextScheduledDay({ interval: 'monthly', monthly_anchor: 1 }, now, NY))).to.equal('2027-01-01T00:00');
    // Friday: a daily schedule pays out on Monday.
    expect(local(nextScheduledDay({ interval: 'daily' }, Date.UTC(2026, 11, 4, 15) / 1000, NY))).to.equal('2026-12-07T00:00');
    // A 31st anchor in a 30-day month: its last day.
    expect(local(nextScheduledDay({ interval: 'monthly', monthly_anchor: 31 }, Date.UTC(2026, 10, 10, 15) / 1000, NY))).to.equal('2026-11-30T00:00');
    expect(nextScheduledDay({ interval: 'manual' }, now, NY)).to.equal(undefined);
    expect(nextScheduledDay(null, now, NY)).to.equal(undefined);
  });

  it('estimates only when nothing is on its way and money is available soon, exactly', () => {
    const now = Date.UTC(2026, 11, 2, 15) / 1000;
    const rows = balanceByCurrency({ available: [{ amount: 1_000, currency: 'usd' }], pending: [{ amount: 32_581, currency: 'usd' }] }, []);
    const schedule = { interval: 'daily' as const, delay_days: 2 };
    expect(estimateNextPayout(rows, [], schedule, now, NY)).to.deep.include({ currency: 'usd', amount: 33_581 });
    expect(estimateNextPayout(rows, [payout({ status: 'in_transit' })], schedule, now, NY)).to.equal(undefined);
    expect(estimateNextPayout(rows, [], { interval: 'manual' }, now, NY)).to.equal(undefined);
    const nothingSoon = balanceByCurrency({ available: [{ amount: 1_000, currency: 'usd' }], pending: [] }, []);
    expect(estimateNextPayout(nothingSoon, [], schedule, now, NY)).to.equal(undefined);
  });
});


import { expect } from '@open-wc/testing';
import { parseCsv } from '../../../src/core/csv.js';
import { stringsFor } from '../../../src/core/i18n/index.js';
import { exportFileName, isoDateTime, transactionCsvRows, transactionsCsv } from '../../../src/components/transactions/export.model.js';
import { queryFor } from '../../../src/components/transactions/transactions.model.js';
import { txn } from './transactions.fake.js';

const en = stringsFor('en');

describe('transactions export', () => {
  it("writes ISO date-times with the zone's offset at that instant", () => {
    const winter = Date.UTC(2026, 0, 15, 14, 30, 5) / 1000;
    const summer = Date.UTC(2026, 6, 15, 14, 30, 5) / 1000;
    expect(isoDateTime(winter, 'America/New_York')).to.equal('2026-01-15T09:30:05-05:00');
    expect(isoDateTime(summer, 'America/New_York')).to.equal('2026-07-15T10:30:05-04:00');
    expect(isoDateTime(winter, 'UTC')).to.equal('2026-01-15T14:30:05+00:00');
    expect(isoDateTime(winter, 'Asia/Kolkata')).to.equal('2026-01-15T20:00:05+05:30');
    // The local date, not the UTC one.
    expect(isoDateTime(Date.UTC(2026, 0, 1, 3, 0, 0) / 1000, 'America/Los_Angeles')).to.equal('2025-12-31T19:00:00-08:00');
  });

  it("names the file after what it holds: the range's local days, the type and the currency", () => {
    const t = Date.UTC(2026, 10, 27, 2, 0, 0) / 1000; // Nov 27 in UTC, still Nov 26 in New York
    const NY = 'America/New_York';
    // All time: up to today, in the account's timezone.
    expect(exportFileName({ params: {} }, t, NY)).to.equal('transactions-up-to-2026-11-26.csv');
    expect(exportFileName({ params: {} }, t, 'UTC')).to.equal('transactions-up-to-2026-11-27.csv');
    // A custom range of November, payouts, in dollars.
    const nov = queryFor({ category: 'payout', range: 'custom', from: '2026-11-01', to: '2026-11-30', currency: 'usd' }, { now: t, timeZone: NY });
    expect(exportFileName(nov, t, NY)).to.equal('transactions-2026-11-01-to-2026-11-30-payouts-usd.csv');
    // A preset ends today; "other" is filtered on the client and still named.
    const week = queryFor({ category: 'other', range: '7d' }, { now: t, timeZone: NY });
    expect(exportFileName(week, t, NY)).to.equal('transactions-2026-11-20-to-2026-11-26-other.csv');
    const refunds = queryFor({ category: 'refund', range: 'custom', from: null, to: '2026-10-31', currency: 'EUR' }, { now: t, timeZone: NY });
    expect(exportFileName(refunds, t, NY)).to.equal('transactions-up-to-2026-10-31-refunds-eur.csv');
  });

  it('writes one row per transaction: date, type, category, description, amounts in major units, currency, status, id', () => {
    const rows = [
      txn({ id: 'txn_usd', amount: -123456, fee: 0, currency: 'usd', type: 'payout', created: Date.UTC(2026, 2, 1, 12) / 1000, description: 'Payout' }),
      txn({ id: 'txn_jpy', amount: 1000, fee: 30, currency: 'jpy', type: 'payment', status: 'pending', created: Date.UTC(2026, 2, 1, 11) / 1000 }),
      txn({ id: 'txn_bhd', amount: 1234, fee: 5, currency: 'bhd', type: 'refund', created: Date.UTC(2026, 2, 1, 10) / 1000 }),
      txn({ id: 'txn_new', amount: 1, fee: 0, currency: 'usd', type: 'brand_new_type', created: Date.UTC(2026, 2, 1, 9) / 1000 }),
    ];
    const csv = transactionsCsv(rows, { timeZone: 'UTC', strings: en, platformName: 'Lumen Rides' });
    expect(csv.startsWith('\uFEFF')).to.equal(true);
    expect(csv.endsWith('\r\n')).to.equal(true);
    expect(parseCsv(csv)).to.deep.equal([
      ['Date', 'Type', 'Category', 'Description', 'Amount', 'Fee', 'Net', 'Currency', 'Status', 'ID'],
      ['2026-03-01T12:00:00+00:00', 'payout', 'Payout', 'Payout', '-1234.56', '0.00', '-1234.56', 'USD', 'Available', 'txn_usd'],
      ['2026-03-01T11:00:00+00:00', 'payment', 'Payment', 'Payment from Lumen Rides', '1000', '30', '970', 'JPY', 'Pending', 'txn_jpy'],
      ['2026-03-01T10:00:00+00:00', 'refund', 'Refund', 'Refund', '1.234', '0.005', '1.229', 'BHD', 'Available', 'txn_bhd'],
      ['2026-03-01T09:00:00+00:00', 'brand_new_type', 'Other', 'Transaction', '0.01', '0.00', '0.01', 'USD', 'Available', 'txn_new'],
    ]);
  });

  it('keeps HTML literal, neutralises formulas and quotes commas and quotes', () => {
    const csv = transactionsCsv(
      [
        txn({ id: 'txn_a', description: '=HYPERLINK("http://evil.example","Click")' }),
        txn({ id: 'txn_b', description: '<img src=x onerror="alert(1)">, "quoted"' }),
      ],
      { timeZone: 'UTC', strings: en },
    );
    const [, a, b] = parseCsv(csv);
    expect(a![3]).to.equal('\'=HYPERLINK("http://evil.example","Click")');
    expect(b![3]).to.equal('<img src=x onerror="alert(1)">, "quoted"');
    expect(csv).to.include('"<img src=x onerror=""alert(1)"">, ""quoted"""');
  });

  it('uses the describe override and the reader\'s language', () => {
    const fr = stringsFor('fr');
    const rows = transactionCsvRows([txn({ id: 'txn_x', type: 'payment' })], {
      timeZone: 'UTC',
      strings: fr,
      describe: (t) => `Course ${t.id}`,
    });
    expect(rows[0]![0]).to.equal(fr.transactions.columns.date);
    expect(rows[0]![2]).to.equal('Catégorie');
    expect(rows[1]![2]).to.equal(fr.categories.singular.charge);
    expect(rows[1]![3]).to.equal('Course txn_x');
  });
});

import { expect } from '@open-wc/testing';
import type { BalanceTransaction } from '../../src/contract/types.js';
import { describeTransaction, genericDescription } from '../../src/core/describe.js';
import { en, fr, ja } from '../../src/core/i18n/index.js';

function txn(type: string, description: string | null = null): BalanceTransaction {
  return {
    id: `txn_${type}`, amount: 1000, fee: 59, net: 941, currency: 'usd', created: 1_700_000_000,
    available_on: 1_700_172_800, status: 'available', type, description,
  };
}

const strings = en;
const platformName = 'Lumen Rides';

describe('describeTransaction', () => {
  it("uses the platform's describe override first", () => {
    const d = describeTransaction(txn('charge', 'Ride 42'), { strings, platformName, describe: (t) => `Trip ${t.id}` });
    expect(d).to.equal('Trip txn_charge');
  });

  it('falls back when the override throws', () => {
    const describe = () => {
      throw new Error('platform bug');
    };
    expect(describeTransaction(txn('charge', 'Ride 42'), { strings, platformName, describe })).to.equal('Ride 42');
    expect(describeTransaction(txn('charge'), { strings, platformName, describe })).to.equal('Payment from Lumen Rides');
  });

  it('falls back when the override returns something other than a non-empty string', () => {
    for (const bad of [undefined, null, 42, { toString: () => 'x' }, '', '   ']) {
      const describe = (() => bad) as unknown as (t: BalanceTransaction) => string;
      expect(describeTransaction(txn('refund'), { strings, describe }), String(bad)).to.equal('Refund');
    }
  });

  it("uses the transaction's own description when set", () => {
    expect(describeTransaction(txn('charge', 'Ride to the airport'), { strings, platformName })).to.equal(
      'Ride to the airport',
    );
    expect(describeTransaction(txn('payout', 'Weekly payout'), { strings, platformName })).to.equal('Weekly payout');
    // Stripe's own words for a payout are no description.
    expect(describeTransaction(txn('payout', 'STRIPE PAYOUT'), { strings, platformName })).to.equal('Payout to your bank account');
  });

  it('treats an empty or blank description as missing', () => {
    expect(describeTransaction(txn('charge', ''), { strings, platformName })).to.equal('Payment from Lumen Rides');
    expect(describeTransaction(txn('charge', '  \n'), { strings, platformName })).to.equal('Payment from Lumen Rides');
  });

  it('gives the generic description of each category when there is none', () => {
    const cases: [string, string][] = [
      ['charge', 'Payment from Lumen Rides'],
      ['payment', 'Payment from Lumen Rides'],
      ['transfer', 'Transfer from Lumen Rides'],
      ['refund', 'Refund'],
      ['payment_refund', 'Refund'],
      ['payout', 'Payout to your bank account'],
      ['stripe_fee', 'Fee'],
      ['application_fee', 'Fee'],
      ['adjustment', 'Adjustment'],
      ['reserve_transaction', 'Adjustment'],
      ['topup', 'Transaction'],
      ['climate_order_purchase', 'Transaction'],
      ['', 'Transaction'],
    ];
    for (const [type, expected] of cases) {
      expect(describeTransaction(txn(type), { strings, platformName }), type).to.equal(expected);
    }
  });

  it('drops "from {platform}" when no platform name is given', () => {
    for (const name of [undefined, null, '', '   ']) {
      expect(describeTransaction(txn('charge'), { strings, platformName: name }), String(name)).to.equal('Payment');
      expect(describeTransaction(txn('transfer'), { strings, platformName: name }), String(name)).to.equal('Transfer');
    }
  });

  it('returns HTML-looking text unchanged, as text', () => {
    const evil = '<img src=x onerror="alert(1)">';
    expect(describeTransaction(txn('charge', evil), { strings, platformName })).to.equal(evil);
    expect(describeTransaction(txn('charge'), { strings, platformName: '<b>Acme</b>' })).to.equal('Payment from <b>Acme</b>');
    expect(describeTransaction(txn('charge'), { strings, describe: () => evil })).to.equal(evil);
  });

  it("speaks the table's language", () => {
    expect(describeTransaction(txn('charge'), { strings: fr, platformName })).to.equal('Paiement via Lumen Rides');
    expect(describeTransaction(txn('payout'), { strings: fr })).to.equal('Virement vers votre compte bancaire');
    expect(describeTransaction(txn('charge'), { strings: ja, platformName })).to.equal('Lumen Ridesからの支払い');
    expect(describeTransaction(txn('mystery'), { strings: ja })).to.equal('取引');
  });

  it('exposes the generic rule on its own', () => {
    expect(genericDescription({ type: 'transfer' }, en, 'Lumen Rides')).to.equal('Transfer from Lumen Rides');
  });
});

describe('describeTransaction in a person\'s words (issue 15)', () => {
  const t = (over: Partial<BalanceTransaction>): BalanceTransaction => ({ ...txn(over.type ?? 'adjustment'), ...over });

  it('says what an adjustment was: a dispute and its reversal, by reporting category or Stripe\'s wording, never its ids', () => {
    const dispute = t({ type: 'adjustment', reporting_category: 'dispute', description: 'Chargeback withdrawal for py_1Abc (Lumen Rides trip)' });
    expect(describeTransaction(dispute, { strings, platformName })).to.equal('Chargeback: a customer disputed a payment');
    expect(describeTransaction(t({ type: 'adjustment', description: 'Chargeback withdrawal for ch_3Xyz' }), { strings })).to.equal('Chargeback: a customer disputed a payment');
    expect(describeTransaction(t({ type: 'adjustment', reporting_category: 'dispute_reversal', description: 'Chargeback reversal for ch_3Xyz' }), { strings })).to.equal(
      'Chargeback reversed: a disputed payment came back',
    );
    expect(describeTransaction(dispute, { strings: fr })).to.equal('Rétrofacturation : un client a contesté un paiement');
    // Another adjustment keeps its own words; the platform's rule still wins.
    expect(describeTransaction(t({ type: 'adjustment', description: 'Bonus for 100 trips' }), { strings })).to.equal('Bonus for 100 trips');
    expect(describeTransaction(dispute, { strings, describe: () => 'Rider dispute' })).to.equal('Rider dispute');
  });

  it('names what a refund refunded when its description says, else "Refund"', () => {
    expect(describeTransaction(t({ type: 'refund', description: 'REFUND FOR CHARGE (Airport ride)' }), { strings })).to.equal('Refund: Airport ride');
    expect(describeTransaction(t({ type: 'payment_refund', description: 'REFUND FOR PAYMENT' }), { strings })).to.equal('Refund');
    expect(describeTransaction(t({ type: 'payment_refund', description: null }), { strings })).to.equal('Refund');
    expect(describeTransaction(t({ type: 'refund', description: 'Refund for a lost item' }), { strings })).to.equal('Refund for a lost item');
  });

  it("names a payout's bank account (or card) by its last four digits when the payout has them", () => {
    const bank = { destination: { id: 'ba_1', object: 'bank_account', last4: '6789', bank_name: 'STRIPE TEST BANK' } };
    expect(describeTransaction(t({ type: 'payout', description: null }), { strings, payout: bank })).to.equal('Payout to your bank account ···· 6789');
    expect(describeTransaction(t({ type: 'payout', description: 'STRIPE PAYOUT' }), { strings, payout: bank })).to.equal('Payout to your bank account ···· 6789');
    expect(describeTransaction(t({ type: 'payout', description: null }), { strings, payout: { destination: { id: 'card_1', object: 'card', last4: '4242' } } })).to.equal(
      'Payout to your card ···· 4242',
    );
    // Without the digits (an id, a deleted account), the generic words.
    expect(describeTransaction(t({ type: 'payout', description: null }), { strings, payout: { destination: 'ba_1' } })).to.equal('Payout to your bank account');
    expect(describeTransaction(t({ type: 'payout', description: null }), { strings, payout: { destination: { id: 'ba_1', last4: 'x' } } })).to.equal('Payout to your bank account');
    expect(describeTransaction(t({ type: 'payout', description: null }), { strings: ja, payout: bank })).to.equal('銀行口座への入金 ···· 6789');
  });
});


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
    expect(describeTransaction(txn('payout', 'STRIPE PAYOUT'), { strings, platformName })).to.equal('STRIPE PAYOUT');
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

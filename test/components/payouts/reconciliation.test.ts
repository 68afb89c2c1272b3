import { expect } from '@open-wc/testing';
import fc from 'fast-check';
import { categoryOf } from '../../../src/contract/categories.js';
import type { BalanceTransaction, Payout } from '../../../src/contract/types.js';
import { isOwnTransaction, reconcilePayout, RECONCILIATION_GROUPS } from '../../../src/core/payout-reconciliation.js';
import { generateDemoData } from '../../../src/demo/demo-data.js';

const TYPES = [
  'charge', 'payment', 'refund', 'payment_refund', 'stripe_fee', 'application_fee', 'application_fee_refund', 'adjustment',
  'reserve_transaction', 'transfer', 'payout_failure', 'topup', 'climate_order_purchase',
];

const payoutOf = (over: Partial<Payout> = {}): Payout => ({
  id: 'po_test', amount: 0, currency: 'usd', created: 1_780_000_000, arrival_date: 1_780_185_600, status: 'paid', automatic: true, ...over,
});

let n = 0;
function txn(over: Partial<BalanceTransaction> & Pick<BalanceTransaction, 'type'>): BalanceTransaction {
  n++;
  const amount = over.amount ?? 1000;
  const fee = over.fee ?? 0;
  return {
    id: `txn_${n}`, amount, fee, net: amount - fee, currency: 'usd', created: 1_779_900_000 - n, available_on: 1_779_990_000,
    status: 'available', description: null, ...over,
  } as BalanceTransaction;
}

/** A settled transaction: any known or unknown type, gross and fee as Stripe has them (net = amount - fee). */
const settledTxn = fc
  .record({
    type: fc.constantFrom(...TYPES),
    amount: fc.integer({ min: -5_000_000_000, max: 5_000_000_000 }),
    fee: fc.integer({ min: -100_000, max: 100_000 }),
  })
  .map(({ type, amount, fee }) => txn({ type, amount, fee: /fee/.test(type) ? 0 : fee }));

/** The groups as BigInt, from the definition: gross per group, fees on their own line. */
function expectedLines(txns: BalanceTransaction[]): Map<string, { count: number; sum: bigint }> {
  const lines = new Map<string, { count: number; sum: bigint }>();
  const add = (g: string, v: number) => {
    const l = lines.get(g) ?? { count: 0, sum: 0n };
    l.count++;
    l.sum += BigInt(v);
    lines.set(g, l);
  };
  for (const t of txns) {
    const c = categoryOf(t);
    const g = c === 'charge' || c === 'refund' || c === 'fee' || c === 'adjustment' ? c : 'other';
    if (g === 'fee') add('fee', t.net);
    else {
      add(g, t.amount);
      if (t.fee !== 0) add('fee', -t.fee);
    }
  }
  return lines;
}

describe('reconcilePayout', () => {
  it('sums every group exactly, as BigInt does, and the lines add up to the nets (property)', () => {
    fc.assert(
      fc.property(fc.array(settledTxn, { maxLength: 400 }), fc.boolean(), fc.integer({ min: -3, max: 3 }), (txns, withOwn, off) => {
        const total = txns.reduce((s, t) => s + BigInt(t.net), 0n);
        const safe = total >= BigInt(Number.MIN_SAFE_INTEGER) && total <= BigInt(Number.MAX_SAFE_INTEGER);
        const amount = safe ? Number(total) + off : 1;
        const payout = payoutOf({ amount });
        const own = txn({ type: 'payout', amount: -amount, source: payout.id });
        const listed = withOwn ? [own, ...txns] : txns;
        const r = reconcilePayout(payout, listed);

        expect(r.settled).to.deep.equal(txns);
        expect(r.own).to.deep.equal(withOwn ? [own] : []);
        const expected = expectedLines(txns);
        expect(r.lines.map((l) => l.group)).to.deep.equal(RECONCILIATION_GROUPS.filter((g) => expected.has(g)));
        for (const line of r.lines) {
          const e = expected.get(line.group)!;
          expect(line.count, line.group).to.equal(e.count);
          if (e.sum >= BigInt(Number.MIN_SAFE_INTEGER) && e.sum <= BigInt(Number.MAX_SAFE_INTEGER)) {
            expect(BigInt(line.amount), line.group).to.equal(e.sum);
          } else {
            expect(r.balanced).to.equal(false);
          }
        }
        // The lines sum to the nets, and the nets are the payout exactly or it says it does not add up.
        if (r.balanced) {
          expect(r.lines.reduce((s, l) => s + BigInt(l.amount), 0n)).to.equal(BigInt(amount));
          expect(BigInt(r.total!)).to.equal(total);
          expect(off).to.equal(0);
        } else {
          expect(safe && off === 0 && r.lines.every((l) => expected.get(l.group)!.sum === BigInt(l.amount))).to.equal(false);
        }
      }),
      { numRuns: 300 },
    );
  });

  it('reconciles every payout of generated demo data to the cent (property over seeds and currencies)', function () {
    this.timeout(60_000);
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 1_000_000 }), fc.constantFrom('usd', 'eur', 'jpy'), (seed, currency) => {
        const data = generateDemoData({ seed, months: 2, currency, now: Date.UTC(2026, 10, 26, 15) / 1000 });
        const byId = new Map(data.balance_transactions.map((t) => [t.id, t]));
        expect(data.payouts.length).to.be.greaterThan(10);
        for (const p of data.payouts) {
          const listed = data.payout_balance_transactions[p.id]!.map((id) => byId.get(id)!);
          const r = reconcilePayout(p, listed);
          expect(r.balanced, p.id).to.equal(true);
          expect(r.own.map((t) => t.type)).to.deep.equal(['payout']);
          const big = r.settled.reduce((s, t) => s + BigInt(t.net), 0n);
          expect(big).to.equal(BigInt(p.amount));
          expect(r.lines.reduce((s, l) => s + BigInt(l.amount), 0n)).to.equal(big);
          for (const [group, e] of expectedLines(r.settled)) {
            const line = r.lines.find((l) => l.group === group)!;
            expect(BigInt(line.amount)).to.equal(e.sum);
            expect(line.count).to.equal(e.count);
          }
        }
      }),
      { numRuns: 8 },
    );
  });

  it('groups payments, refunds, fees, adjustments and other, with the fees of payments on the fee line', () => {
    const payout = payoutOf({ amount: 10_000 - 1_500 - 2_000 + 300 - 500 + 700 - 250 + 250 });
    const r = reconcilePayout(payout, [
      txn({ type: 'payout', amount: -payout.amount, source: { id: payout.id } }),
      txn({ type: 'payment', amount: 6_000, fee: 900 }),
      txn({ type: 'charge', amount: 4_000, fee: 600 }),
      txn({ type: 'payment_refund', amount: -2_000, fee: -300 }),
      txn({ type: 'adjustment', amount: -500 }),
      txn({ type: 'transfer', amount: 700 }),
      txn({ type: 'application_fee', amount: -250 }),
      txn({ type: 'payout_failure', amount: 250, source: 'po_earlier' }), // an earlier payout's money coming back
    ]);
    expect(r.balanced).to.equal(true);
    expect(r.lines).to.deep.equal([
      { group: 'charge', count: 2, amount: 10_000 },
      { group: 'refund', count: 1, amount: -2_000 },
      { group: 'fee', count: 4, amount: -900 - 600 + 300 - 250 },
      { group: 'adjustment', count: 1, amount: -500 },
      { group: 'other', count: 2, amount: 950 },
    ]);
    expect(r.total).to.equal(payout.amount);
  });

  it('says the transactions do not add up instead of a wrong total (an adapter that ignores `payout`)', () => {
    const payout = payoutOf({ amount: 5_000 });
    const r = reconcilePayout(payout, [txn({ type: 'payment', amount: 4_000, fee: 400 }), txn({ type: 'payment', amount: 1_000, fee: 100 })]);
    expect(r.balanced).to.equal(false);
    expect(r.reason).to.equal('mismatch');
    expect(r.total).to.equal(4_500);
  });

  it('does not add up other currencies, nor amounts that are not safe integers', () => {
    const payout = payoutOf({ amount: 2_000 });
    expect(reconcilePayout(payout, [txn({ type: 'payment', amount: 1_000 }), txn({ type: 'payment', amount: 1_000, currency: 'eur' })]).reason).to.equal('currency');
    const huge = reconcilePayout(payoutOf({ amount: 1 }), [
      txn({ type: 'payment', amount: Number.MAX_SAFE_INTEGER }),
      txn({ type: 'payment', amount: Number.MAX_SAFE_INTEGER }),
    ]);
    expect(huge.balanced).to.equal(false);
    expect(huge.reason).to.equal('overflow');
    expect(reconcilePayout(payoutOf({ amount: 1 }), [txn({ type: 'payment', amount: 0.5, fee: 0, net: 0.5 })]).reason).to.equal('overflow');
  });

  it("tells the payout's own transactions apart: by source, or by the payout's balance_transaction", () => {
    const payout = { ...payoutOf(), balance_transaction: 'txn_own' } as Payout;
    expect(isOwnTransaction(payout, txn({ type: 'payout', source: 'po_test' }))).to.equal(true);
    expect(isOwnTransaction(payout, txn({ type: 'payout_cancel', source: { id: 'po_test' } }))).to.equal(true);
    expect(isOwnTransaction(payout, { ...txn({ type: 'payout' }), id: 'txn_own' })).to.equal(true);
    expect(isOwnTransaction(payout, txn({ type: 'payout', source: 'po_other' }))).to.equal(false);
    expect(isOwnTransaction(payout, txn({ type: 'payment', source: 'po_test' }))).to.equal(false);
  });

  it('adds zero-decimal amounts (JPY) as whole yen', () => {
    const payout = payoutOf({ currency: 'jpy', amount: 2_150 + 1_800 - 430 - 360 });
    const r = reconcilePayout(payout, [
      txn({ type: 'payment', currency: 'jpy', amount: 2_150, fee: 430 }),
      txn({ type: 'payment', currency: 'jpy', amount: 1_800, fee: 360 }),
      txn({ type: 'payout', currency: 'jpy', amount: -payout.amount, source: payout.id }),
    ]);
    expect(r.balanced).to.equal(true);
    expect(r.lines).to.deep.equal([
      { group: 'charge', count: 2, amount: 3_950 },
      { group: 'fee', count: 2, amount: -790 },
    ]);
  });
});

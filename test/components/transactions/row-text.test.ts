import { expect } from '@open-wc/testing';
import { PayoutIndex } from '../../../src/components/transactions/payout-index.js';
import { missingPayouts, payoutOf, readsAsLoss, RowDates, rowStatus } from '../../../src/components/transactions/row-text.js';
import type { ListPayoutsParams, Payout } from '../../../src/contract/types.js';
import { en } from '../../../src/core/i18n/index.js';
import { txn } from './transactions.fake.js';

const NY = 'America/New_York';
const at = (iso: string) => Date.parse(iso) / 1000;
const payout = (id: string, created: number, status = 'paid'): Payout => ({
  id, amount: 1000, currency: 'usd', created, arrival_date: created + 86400, status,
  destination: { id: 'ba_1', object: 'bank_account', last4: '6789' },
});

describe('transactions row text', () => {
  it("dates show the time of day, and the year only when it is not this year in the account's timezone", () => {
    const d = new RowDates('en-US', NY, 2026);
    expect(d.short(at('2026-11-26T14:15:00Z'))).to.equal('Nov 26, 9:15 AM');
    expect(d.short(at('2025-11-26T14:15:00Z'))).to.equal('Nov 26, 2025, 9:15 AM');
    // 03:00 UTC on Jan 1, 2026 is still 2025 in New York.
    expect(d.short(at('2026-01-01T03:00:00Z'))).to.equal('Dec 31, 2025, 10:00 PM');
    expect(new RowDates('fr-FR', NY, 2026).short(at('2026-11-26T14:15:00Z'))).to.match(/^26 nov\.?,? 0?9:15$/);
  });

  it('a payout row reads as a payout: its own status, never "Available", and never a loss', () => {
    const t = txn({ type: 'payout', amount: -5000, fee: 0, source: 'po_1' });
    expect(rowStatus(t, undefined, en)).to.deep.equal({ kind: 'none' });
    const known = new Map([['po_1', payout('po_1', t.created, 'in_transit')]]);
    expect(payoutOf(t, known)!.status).to.equal('in_transit');
    expect(rowStatus(t, payoutOf(t, known), en)).to.deep.equal({ kind: 'payout', status: 'in_transit', label: 'In transit' });
    expect(rowStatus(t, payout('po_1', 0, 'paid'), en)).to.deep.include({ label: 'Paid' });
    expect(readsAsLoss(t, t.amount)).to.equal(false);
    expect(readsAsLoss(txn({ type: 'payment_refund', amount: -500, fee: 0 }), -500)).to.equal(true);
    // An expanded source is the payout itself.
    const expanded = txn({ type: 'payout', amount: -5000, fee: 0, source: payout('po_2', 1, 'paid') as unknown as { id: string } });
    expect(payoutOf(expanded)!.id).to.equal('po_2');
    expect(missingPayouts([t, expanded, txn({ source: 'po_9' })], new Map())).to.deep.equal([{ id: 'po_1', created: t.created }]);
    expect(missingPayouts([t], known)).to.deep.equal([]);
    // Other rows keep their status.
    expect(rowStatus(txn({ status: 'pending', available_on: 5 }), undefined, en)).to.deep.equal({ kind: 'pending', until: 5 });
    expect(rowStatus(txn(), undefined, en)).to.deep.equal({ kind: 'plain', label: 'Available' });
  });

  it('looks payouts up 100 at a time, newest first, only as far back as the oldest row asks', async () => {
    const all = Array.from({ length: 250 }, (_, i) => payout(`po_${String(1000 - i)}`, 1_000_000 - i * 86400));
    const calls: ListPayoutsParams[] = [];
    const list = async (p: ListPayoutsParams) => {
      calls.push(p);
      const from = p.starting_after ? all.findIndex((x) => x.id === p.starting_after) + 1 : 0;
      const data = all.slice(from, from + (p.limit ?? 10));
      return { data, has_more: from + data.length < all.length };
    };
    const index = new PayoutIndex();
    expect(await index.fill([{ id: all[3]!.id, created: all[3]!.created }], list)).to.equal(true);
    expect(calls).to.deep.equal([{ limit: 100 }]);
    expect(index.payouts.get(all[3]!.id)!.status).to.equal('paid');
    // A row further back: the next page, not the first again.
    await index.fill([{ id: all[150]!.id, created: all[150]!.created }], list);
    expect(calls).to.deep.equal([{ limit: 100 }, { limit: 100, starting_after: all[99]!.id }]);
    // An id the adapter does not list, newer than what was read: no request.
    await index.fill([{ id: 'po_unknown', created: all[10]!.created }], list);
    expect(calls).to.have.length(2);
    // The live feed updates a payout.
    const before = index.payouts;
    expect(index.update({ ...all[3]!, status: 'failed' })).to.equal(true);
    expect(index.payouts).to.not.equal(before);
    expect(index.payouts.get(all[3]!.id)!.status).to.equal('failed');
    expect(index.update({ ...all[3]!, status: 'failed' })).to.equal(false);
  });
});

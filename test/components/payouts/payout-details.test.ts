import { aTimeout, expect, fixture, html, oneEvent, waitUntil } from '@open-wc/testing';
import '../../../src/components/payouts/payouts.js';
import type { ExpressPayoutDetails } from '../../../src/components/payouts/payouts.js';
import { ExpressError } from '../../../src/contract/errors.js';
import type { BalanceTransaction, ExpressAdapter, ListBalanceTransactionsParams, ListPayoutsParams, Payout } from '../../../src/contract/types.js';
import { parseCsv } from '../../../src/core/csv.js';
import type { ExpressErrorEvent } from '../../../src/events.js';
import { failOnLitWarnings } from '../../support/lit-warnings.js';
import { hostPage } from '../../support/host-page.js';
import { account, DAY, dayText, FRIDAY, po, PayoutsAdapter, settledBy, txn } from './payouts.fake.js';

const shadow = (el: Element) => el.shadowRoot!;
const text = (el: Element | null | undefined) => el?.textContent?.replace(/\s+/g, ' ').trim() ?? '';
const q = (el: Element, sel: string) => shadow(el).querySelector<HTMLElement>(sel);
const breakdown = (el: Element) =>
  [...shadow(el).querySelectorAll('.breakdown tbody tr')].map((tr) => [...tr.children].map((c) => text(c)));

/** A payout of three payments ($60, $40 and $25, $2 fee each), a refund of $10 with $1 of fee back, and a $3 adjustment. */
function paidPayout(over: Partial<Payout> = {}) {
  const p = po('po_paid', 'paid', -1, 6_000 + 4_000 + 2_500 - 600 - 1_000 + 100 - 300, { statement_descriptor: 'LUMEN RIDES', ...over });
  const txns = [
    ...settledBy(p, [6_000, 4_000, 2_500], 200),
    txn({ type: 'payment_refund', amount: -1_000, fee: -100, description: 'Refund for trip' }),
    txn({ type: 'adjustment', amount: -300, description: 'Dispute' }),
  ];
  return { payout: p, txns };
}

async function mount(adapter: ExpressAdapter, id = 'po_paid') {
  return fixture<ExpressPayoutDetails>(html`<express-payout-details locale="en-US" payout-id=${id} platform-name="Lumen Rides" .adapter=${adapter}></express-payout-details>`);
}

async function loaded(payout: Payout, txns: BalanceTransaction[], adapter = new PayoutsAdapter()) {
  const el = await mount(adapter, payout.id);
  await waitUntil(() => adapter.open('getPayout').length === 1);
  adapter.resolveAll('getAccount', account);
  adapter.last('getPayout').resolve(payout);
  if (payout.automatic !== false) {
    await waitUntil(() => adapter.open('listBalanceTransactions').length === 1);
    adapter.resolveTransactions(txns);
  }
  await waitUntil(() => q(el, '[part=reconciliation] .breakdown, [part=reconciliation] .note'), 'the reconciliation shown');
  return { el, adapter };
}

failOnLitWarnings();

describe('<express-payout-details>', function () {
  this.timeout(30_000);

  it('alone with payout-id: a skeleton, then the payout, its timeline and what it paid out, to the cent', async () => {
    const { payout, txns } = paidPayout();
    const adapter = new PayoutsAdapter();
    const el = await mount(adapter);
    await waitUntil(() => adapter.open('getPayout').length === 1);
    expect(adapter.last('getPayout').params).to.equal('po_paid');
    expect(q(el, '[part=base]')!.getAttribute('aria-busy')).to.equal('true');
    await expect(el).to.be.accessible();

    adapter.resolveAll('getAccount', account);
    adapter.last('getPayout').resolve(payout);
    await waitUntil(() => adapter.open('listBalanceTransactions').length === 1);
    expect(adapter.last('listBalanceTransactions').params).to.deep.equal({ payout: 'po_paid', limit: 100 });
    // The payout shows while its transactions load.
    expect(text(q(el, '[part=amount]'))).to.equal('$107.00');
    expect(q(el, '[part=reconciliation]')!.getAttribute('aria-busy')).to.equal('true');
    await expect(el).to.be.accessible();
    adapter.resolveTransactions(txns);
    await waitUntil(() => q(el, '.breakdown'));

    expect(text(q(el, '[part=status]'))).to.equal('Paid');
    const facts = [...shadow(el).querySelectorAll('[part=facts] > div')].map((d) => [...d.children].map((c) => text(c)).join(' '));
    expect(facts).to.deep.equal([
      `Arrival date ${dayText(FRIDAY - DAY)}`,
      'Method Standard',
      'Destination Bank account ···· 6789',
      'Bank STRIPE TEST BANK',
      'On your bank statement LUMEN RIDES',
      'Payout ID po_paid',
    ]);
    const steps = [...shadow(el).querySelectorAll('[part=timeline] li')];
    expect(steps.map((s) => s.className.replace('step ', ''))).to.deep.equal(['done', 'done', 'done']);
    expect(text(steps[2])).to.equal(`Arrived ${dayText(FRIDAY - DAY)}`);
    expect(text(steps[0])).to.match(/^Started .+, \d{4}, \d{1,2}:\d{2}/);

    // Payments gross, refunds gross, every fee on its own line (a fee given back counts positive), adjustments.
    expect(breakdown(el)).to.deep.equal([
      ['Payments', '3', '$125.00'],
      ['Refunds', '1', '-$10.00'],
      ['Fees', '4', '-$5.00'],
      ['Adjustments', '1', '-$3.00'],
    ]);
    expect([...shadow(el).querySelectorAll('.breakdown tfoot td, .breakdown tfoot th')].map((c) => text(c))).to.deep.equal([
      'Total paid out', '5', '$107.00',
    ]);
    expect(text(q(el, '.matches'))).to.equal('These add up exactly to the payout.');
    // The transactions, without the payout's own.
    const items = [...shadow(el).querySelectorAll<HTMLElement>('[part=payout-transaction]')];
    expect(items.map((i) => i.dataset.id)).to.deep.equal(txns.slice(1).map((t) => t.id));
    expect(text(items[0]!)).to.contain('Payment from Lumen Rides').and.contain('$58.00');
    await expect(el).to.be.accessible();
  });

  it('says plainly when the transactions do not add up to the payout, and shows no total', async () => {
    const { payout } = paidPayout();
    // An adapter that ignores `payout` and lists other transactions.
    const { el } = await loaded(payout, [txn({ amount: 5_000, fee: 500 }), txn({ amount: 2_000 })]);
    const note = q(el, '[part=reconciliation] .note')!;
    expect(text(note)).to.equal(
      'The transactions listed for this payout add up to $65.00, not to the payout’s $107.00, so no breakdown is shown: the list may be incomplete.',
    );
    expect(q(el, '.breakdown')).to.equal(null);
    expect(q(el, '.matches')).to.equal(null);
    expect(shadow(el).querySelectorAll('[part=payout-transaction]')).to.have.length(2);
    await expect(el).to.be.accessible();
  });

  it('a payout still being matched says so rather than a mismatch', async () => {
    const payout = po('po_transit', 'in_transit', 1, 9_999, { reconciliation_status: 'in_progress' });
    const { el } = await loaded(payout, [txn({ amount: 1_000 })]);
    expect(text(q(el, '[part=reconciliation] .note'))).to.equal(
      'The transactions in this payout are still being matched. Check again once it has arrived.',
    );
    const steps = [...shadow(el).querySelectorAll('[part=timeline] li')];
    expect(steps.map((s) => s.className.replace('step ', ''))).to.deep.equal(['done', 'current', 'upcoming']);
    expect(steps[1]!.getAttribute('aria-current')).to.equal('step');
    expect(text(steps[2])).to.equal(`Expected ${dayText(FRIDAY + DAY)}`);
  });

  it('a manual payout is not tied to transactions: nothing is asked, and it says so', async () => {
    const payout = po('po_manual', 'paid', -1, 5_000, { automatic: false });
    const { el, adapter } = await loaded(payout, []);
    expect(adapter.callsOf('listBalanceTransactions')).to.have.length(0);
    expect(text(q(el, '[part=reconciliation] .note'))).to.equal('This payout was requested by hand, so it is not tied to particular transactions.');
    expect(q(el, '[part=export-button]')).to.equal(null);
  });

  it('an adapter that cannot list by payout (invalid_request on payout) is not an error', async () => {
    const adapter = new PayoutsAdapter();
    const el = await mount(adapter);
    let errors = 0;
    el.addEventListener('express-error', () => errors++);
    await waitUntil(() => adapter.open('getPayout').length === 1);
    adapter.resolveAll('getAccount', account);
    adapter.last('getPayout').resolve(paidPayout().payout);
    await waitUntil(() => adapter.open('listBalanceTransactions').length === 1);
    adapter.last('listBalanceTransactions').reject(new ExpressError('invalid_request', 'manual', { param: 'payout' }));
    await waitUntil(() => q(el, '[part=reconciliation] .note'));
    expect(text(q(el, '[part=reconciliation] .note'))).to.equal('The transactions in this payout are not available.');
    expect(errors).to.equal(0);
  });

  it('pages through a payout of more than 100 transactions, 100 at a time with the cursor, and sums them all', async () => {
    const payments = Array.from({ length: 249 }, (_, i) => 1_000 + i);
    const payout = po('po_big', 'paid', -1, payments.reduce((s, a) => s + a - 100, 0));
    const txns = settledBy(payout, payments, 100);
    const adapter = new PayoutsAdapter();
    const el = await mount(adapter, 'po_big');
    await waitUntil(() => adapter.open('getPayout').length === 1);
    adapter.resolveAll('getAccount', account);
    adapter.last('getPayout').resolve(payout);
    for (let page = 0; page < 3; page++) {
      await waitUntil(() => adapter.open('listBalanceTransactions').length === 1, `page ${page + 1}`);
      const params = adapter.open('listBalanceTransactions')[0]!.params as ListBalanceTransactionsParams;
      expect(params.limit).to.equal(100);
      expect(params.payout).to.equal('po_big');
      expect(params.starting_after).to.equal(page === 0 ? undefined : txns[page * 100 - 1]!.id);
      expect(params.starting_after === undefined).to.equal(page === 0);
      adapter.resolveTransactions(txns);
      if (page < 2) await waitUntil(() => text(q(el, '.progress')) === `Loaded ${(page + 1) * 100} transactions…`);
    }
    await waitUntil(() => q(el, '.breakdown'));
    expect(adapter.callsOf('listBalanceTransactions')).to.have.length(3);
    expect(breakdown(el)).to.deep.equal([
      ['Payments', '249', `$${(payments.reduce((s, a) => s + a, 0) / 100).toLocaleString('en-US', { minimumFractionDigits: 2 })}`],
      ['Fees', '249', '-$249.00'],
    ]);
    expect(text(q(el, '.breakdown tfoot'))).to.contain('249');
    // 25 shown, more on demand.
    expect(shadow(el).querySelectorAll('[part=payout-transaction]')).to.have.length(25);
    q(el, '.show-more')!.click();
    await el.updateComplete;
    expect(shadow(el).querySelectorAll('[part=payout-transaction]')).to.have.length(75);
  });

  it('aborts the paging when it leaves the page', async () => {
    const adapter = new PayoutsAdapter();
    const el = await mount(adapter);
    await waitUntil(() => adapter.open('getPayout').length === 1);
    adapter.last('getPayout').resolve(paidPayout().payout);
    await waitUntil(() => adapter.open('listBalanceTransactions').length === 1);
    const signal = adapter.last('listBalanceTransactions').signal!;
    el.remove();
    expect(signal.aborted).to.equal(true);
  });

  it('zero-decimal currency (JPY): whole yen, summed exactly', async () => {
    const payout = po('po_jpy', 'paid', -1, 2_150 + 1_800 - 430 - 360, { currency: 'jpy' });
    const txns = [settledBy(payout, [])[0]!, txn({ currency: 'jpy', amount: 2_150, fee: 430 }), txn({ currency: 'jpy', amount: 1_800, fee: 360 })];
    const { el } = await loaded(payout, txns);
    expect(text(q(el, '[part=amount]'))).to.equal('¥3,160');
    expect(breakdown(el)).to.deep.equal([
      ['Payments', '2', '¥3,950'],
      ['Fees', '2', '-¥790'],
    ]);
  });

  it('a failed payout says why in words for its code and what to do, and its timeline ends in failure', async () => {
    const payout = po('po_failed', 'failed', -1, 2_222, { failure_code: 'invalid_account_number' });
    const { el } = await loaded(payout, settledBy(payout, [2_222]));
    expect(text(q(el, '[part=status]'))).to.equal('Failed');
    expect(text(q(el, '[part=problem]'))).to.equal(
      'The account number is not valid. What you can do: Update your bank details with Lumen Rides. The money is back in your balance and is paid out again once they are fixed.',
    );
    const steps = [...shadow(el).querySelectorAll('[part=timeline] li')];
    expect(steps.map((s) => text(s.querySelector('.step-label')))).to.deep.equal(['Started', 'Failed']);
    expect(steps[1]!.className).to.contain('failed');
    await expect(el).to.be.accessible();
  });

  it('live: a payout.updated of its payout changes the status and timeline, and what it paid out is asked again', async () => {
    const payout = po('po_transit', 'in_transit', 1, 3_000, { reconciliation_status: 'in_progress' });
    const { el, adapter } = await loaded(payout, settledBy(payout, [3_000]));
    expect(text(q(el, '[part=status]'))).to.equal('In transit');
    adapter.emit({ type: 'payout.updated', data: { ...payout, id: 'po_other', status: 'failed' } });
    adapter.emit({ type: 'payout.updated', data: { ...payout, status: 'paid', reconciliation_status: 'completed' } });
    await waitUntil(() => text(q(el, '[part=status]')) === 'Paid');
    expect(text(q(el, '[part=timeline] li:last-child'))).to.equal(`Arrived ${dayText(FRIDAY + DAY)}`);
    await waitUntil(() => adapter.open('listBalanceTransactions').length === 1);
    // What was shown stays while it loads again.
    expect(q(el, '.breakdown')).to.not.equal(null);
    adapter.resolveTransactions(settledBy(payout, [3_000]));
    await waitUntil(() => adapter.open('listBalanceTransactions').length === 0);
  });

  it('when the transactions fail to load: the payout stays, with the error and Retry; Retry loads them', async () => {
    const adapter = new PayoutsAdapter();
    const el = await mount(adapter);
    await waitUntil(() => adapter.open('getPayout').length === 1);
    adapter.resolveAll('getAccount', account);
    const { payout, txns } = paidPayout();
    adapter.last('getPayout').resolve(payout);
    await waitUntil(() => adapter.open('listBalanceTransactions').length === 1);
    const fired = oneEvent(el, 'express-error') as Promise<ExpressErrorEvent>;
    adapter.last('listBalanceTransactions').reject(new ExpressError('rate_limited', undefined, { retryAfter: 3 }));
    const e = await fired;
    expect(e.detail.operation).to.equal('listBalanceTransactions');
    await waitUntil(() => q(el, '[part=reconciliation] [part=error]'));
    expect(text(q(el, '[part=reconciliation] [part=error]'))).to.contain('Try again in 3 seconds');
    expect(text(q(el, '[part=amount]'))).to.equal('$107.00');
    await expect(el).to.be.accessible();
    q(el, '[part=reconciliation] [part=error] button')!.click();
    await waitUntil(() => adapter.open('listBalanceTransactions').length === 1);
    adapter.resolveTransactions(txns);
    await waitUntil(() => q(el, '.breakdown'));
    expect(q(el, '[part=error]')).to.equal(null);
  });

  it('an unknown payout is an error with Retry (not_found, getPayout)', async () => {
    const adapter = new PayoutsAdapter();
    const el = await mount(adapter, 'po_nope');
    await waitUntil(() => adapter.open('getPayout').length === 1);
    const fired = oneEvent(el, 'express-error') as Promise<ExpressErrorEvent>;
    adapter.last('getPayout').reject(new ExpressError('not_found'));
    expect((await fired).detail.operation).to.equal('getPayout');
    await waitUntil(() => q(el, '[part=error]'));
    expect(text(q(el, '[part=error]'))).to.contain('Retry');
    await expect(el).to.be.accessible();
  });

  it('without getPayout, finds the payout by paging listPayouts; not there is not_found', async () => {
    const adapter = new PayoutsAdapter();
    (adapter as { getPayout?: unknown }).getPayout = undefined;
    const all = Array.from({ length: 150 }, (_, i) => po(`po_${String(i).padStart(3, '0')}`, 'paid', -i));
    const el = await mount(adapter, 'po_120');
    await waitUntil(() => adapter.open('listPayouts').length === 1);
    expect(adapter.last('listPayouts').params).to.deep.equal({ limit: 100 });
    adapter.resolvePayouts(all);
    await waitUntil(() => adapter.open('listPayouts').length === 1);
    expect((adapter.last('listPayouts').params as ListPayoutsParams).starting_after).to.equal('po_099');
    adapter.resolvePayouts(all);
    await waitUntil(() => q(el, '[part=amount]'));
    expect(text(q(el, '[part=facts]'))).to.contain('po_120');

    const lost = await mount(adapter, 'po_lost');
    const fired = oneEvent(lost, 'express-error') as Promise<ExpressErrorEvent>;
    await waitUntil(() => adapter.open('listPayouts').length === 1);
    adapter.resolvePayouts(all);
    await waitUntil(() => adapter.open('listPayouts').length === 1);
    adapter.resolvePayouts(all);
    const e = await fired;
    expect([e.detail.operation, e.detail.error.code]).to.deep.equal(['listPayouts', 'not_found']);
  });

  it('exports what the payout paid out as CSV: formula-safe, every text quoted, without its own payout transaction', async () => {
    const p = po('po_csv', 'paid', -1, 1_000 + 2_000 - 300);
    const txns = [
      ...settledBy(p, [1_000], 0),
      txn({ amount: 2_000, fee: 300, description: '=HYPERLINK("http://evil.example","click")' }),
    ];
    const { el } = await loaded(p, txns);
    let saved: { fileName: string; text: string } | undefined;
    el.save = (fileName, text) => {
      saved = { fileName, text };
    };
    q(el, '[part=export-button]')!.click();
    expect(saved!.fileName).to.equal(`payout-${new Date((FRIDAY - DAY) * 1000).toISOString().slice(0, 10)}-po_csv.csv`);
    expect(saved!.text.startsWith('\uFEFF')).to.equal(true);
    const rows = parseCsv(saved!.text);
    expect(rows[0]).to.deep.equal(['Date', 'Type', 'Category', 'Description', 'Amount', 'Fee', 'Net', 'Currency', 'Status', 'ID']);
    expect(rows.slice(1).map((r) => r[9])).to.deep.equal(txns.slice(1).map((t) => t.id));
    expect(rows.slice(1).map((r) => r[6])).to.deep.equal(['10.00', '17.00']);
    expect(rows[2]![3]).to.equal(`'=HYPERLINK("http://evil.example","click")`);
    expect(saved!.text).to.contain(`"'=HYPERLINK(""http://evil.example"",""click"")"`);
    await el.updateComplete;
    expect(text(q(el, '[role=status]:not(.progress)'))).to.equal('Exported 2 transactions');
  });

  it('never throws, logs errors or fires window errors into the host page through its states', async () => {
    const watch = hostPage();
    try {
      const adapter = new PayoutsAdapter();
      const el = await mount(adapter);
      el.addEventListener('express-error', () => {});
      await waitUntil(() => adapter.open('getPayout').length === 1);
      adapter.last('getPayout').reject(new ExpressError('server_error'));
      await waitUntil(() => q(el, '[part=error]'));
      q(el, '[part=error] button')!.click();
      await waitUntil(() => adapter.open('getPayout').length === 1);
      adapter.resolveAll('getAccount', account);
      const { payout, txns } = paidPayout();
      adapter.last('getPayout').resolve(payout);
      await waitUntil(() => adapter.open('listBalanceTransactions').length === 1);
      adapter.last('listBalanceTransactions').reject(new Error('plain'));
      await waitUntil(() => q(el, '[part=reconciliation] [part=error]'));
      q(el, '[part=reconciliation] [part=error] button')!.click();
      await waitUntil(() => adapter.open('listBalanceTransactions').length === 1);
      adapter.resolveTransactions(txns);
      await waitUntil(() => q(el, '.breakdown'));
      el.style.width = '320px';
      await aTimeout(50);
      el.payoutId = 'po_other';
      await aTimeout(50);
      el.remove();
      await aTimeout(50);
      expect(watch.seen).to.deep.equal([]);
    } finally {
      watch.stop();
    }
  });
});

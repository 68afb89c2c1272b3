import { aTimeout, expect, fixture, html, oneEvent, waitUntil } from '@open-wc/testing';
import { ExpressError } from '../../../src/contract/errors.js';
import { MemoryAdapter } from '../../../src/adapter/memory-adapter.js';
import type { BalanceTransaction } from '../../../src/contract/types.js';
import '../../../src/components/transactions/transactions.js';
import type { ExpressTransactions } from '../../../src/components/transactions/transactions.js';
import { parseCsv } from '../../../src/core/csv.js';
import { localIsoDate } from '../../../src/core/time.js';
import type { ExpressErrorEvent } from '../../../src/events.js';
import { FakeAdapter, page, txn, txns } from './transactions.fake.js';

const $ = (el: ExpressTransactions, sel: string) => el.shadowRoot!.querySelector<HTMLElement>(sel);
const rowsOf = (el: ExpressTransactions) => [...el.shadowRoot!.querySelectorAll<HTMLElement>('[part~="row"]')];
const text = (n: Element | null) => (n?.textContent ?? '').replace(/\s+/g, ' ').trim();

async function settle(el: ExpressTransactions): Promise<void> {
  for (let i = 0; i < 4; i++) {
    await aTimeout(0);
    await el.updateComplete;
  }
}

const TZ = 'Asia/Tokyo';
const account = { id: 'acct_1', default_currency: 'usd', settings: { dashboard: { timezone: TZ } } };

/** A list in a 300px scroller (so the end is out of view), on a MemoryAdapter. */
async function inScroller(adapter: MemoryAdapter | FakeAdapter, pageSize = 25): Promise<{ el: ExpressTransactions; wrap: HTMLElement }> {
  const wrap = await fixture<HTMLDivElement>(html`<div style="height: 300px; overflow: auto">
    <express-transactions locale="en-US" page-size=${pageSize}></express-transactions></div>`);
  const el = wrap.querySelector('express-transactions')!;
  el.adapter = adapter;
  await settle(el);
  return { el, wrap };
}

/** Every row id, by scrolling `scroller` from top to bottom (the DOM only holds the rows in view). */
async function collectIds(el: ExpressTransactions, scroller: HTMLElement): Promise<string[]> {
  const seen = new Map<number, string>();
  scroller.scrollTop = 0;
  for (let guard = 0; guard < 200; guard++) {
    // Two frames: the scroll's (the window draws it) and one more, whatever the machine's load.
    for (let f = 0; f < 2; f++) await new Promise((r) => requestAnimationFrame(r));
    await settle(el);
    for (const r of rowsOf(el)) seen.set(Number(r.getAttribute('aria-rowindex')), r.dataset.id!);
    // Wherever the list is scrolled, exactly one rendered row is reachable with Tab.
    expect(rowsOf(el).filter((r) => r.tabIndex === 0), `tabbable rows at ${scroller.scrollTop}px`).to.have.length(1);
    if (scroller.scrollTop + scroller.clientHeight >= scroller.scrollHeight - 1) break;
    scroller.scrollTop += 200;
  }
  return [...seen.entries()].sort((a, b) => a[0] - b[0]).map(([, id]) => id);
}

describe('<express-transactions> paging, virtualisation and export', function () {
  this.timeout(120_000);

  it('pages without gaps or duplicates, also when a live event brings a row of a later page', async () => {
    const data = txns(60);
    const adapter = new MemoryAdapter({ account, balance_transactions: data });
    const { el, wrap } = await inScroller(adapter);
    await waitUntil(() => rowsOf(el).length > 0, undefined, { timeout: 5000 });
    // A row of the second page arrives live first: it goes to the top and its page does not repeat it.
    adapter.emit({ type: 'balance_transaction.created', data: data[40]! });
    await settle(el);
    await el.loadMore();
    await el.loadMore();
    await settle(el);
    expect($(el, '.load-more')).to.equal(null);
    expect(text($(el, '.footer span'))).to.equal('Showing 60 transactions');
    expect($(el, '[role="treegrid"]')!.getAttribute('aria-rowcount')).to.equal('61');
    const ids = await collectIds(el, wrap);
    const expected = [data[40]!.id, ...data.filter((_, i) => i !== 40).map((t) => t.id)];
    expect(ids).to.deep.equal(expected);
  });

  it('keeps a bounded number of row elements with 10,000 rows loaded', async () => {
    const data = Array.from({ length: 10_000 }, (_, i) =>
      ({ ...txn({ description: `Trip ${i}` }), created: 1_780_000_000 - i * 60, id: `txn_${String(10_000 - i).padStart(8, '0')}` }) as BalanceTransaction,
    );
    const adapter = new MemoryAdapter({ account, balance_transactions: data });
    const el = await fixture<ExpressTransactions>(html`<express-transactions locale="en-US" page-size="100"></express-transactions>`);
    el.adapter = adapter;
    await waitUntil(() => rowsOf(el).length > 0, 'first page', { timeout: 10_000 });
    for (let guard = 0; guard < 200 && $(el, '.load-more'); guard++) {
      await el.loadMore();
      await el.updateComplete;
    }
    await settle(el);
    expect(text($(el, '.footer span'))).to.equal('Showing 10,000 transactions');
    const table = $(el, '[role="treegrid"]')!;
    expect(table.getAttribute('aria-rowcount')).to.equal('10001');
    // The first page (100 rows here) is always in the DOM (issue 12), and a window of a few dozen.
    expect(rowsOf(el).length).to.be.within(1, 100 + 40);
    expect(el.shadowRoot!.querySelectorAll('[role="row"]').length).to.be.below(100 + 50);

    // Scrolled to the middle: the rows there are rendered, still only a few dozen of them.
    const rowTop = (index: number) => $(el, '.body')!.getBoundingClientRect().top + window.scrollY + index * rowsOf(el)[0]!.offsetHeight;
    window.scrollTo(0, rowTop(5000) - window.innerHeight / 2);
    await waitUntil(() => rowsOf(el).some((r) => r.getAttribute('aria-rowindex') === '5002'), 'middle rows', { timeout: 10_000 });
    expect(rowsOf(el).length).to.be.within(1, 100 + 40);
    const middle = rowsOf(el).find((r) => r.getAttribute('aria-rowindex') === '5002')!;
    expect(middle.dataset.id).to.equal(data[5000]!.id);
    expect(text(middle.querySelector('[part~="description"]'))).to.equal('Trip 5000');
    const box = middle.getBoundingClientRect();
    expect(box.bottom).to.be.greaterThan(0);
    expect(box.top).to.be.lessThan(window.innerHeight);
    window.scrollTo(0, rowTop(0));
    await waitUntil(() => rowsOf(el).some((r) => r.getAttribute('aria-rowindex') === '2'), 'back at the top', { timeout: 10_000 });
    window.scrollTo(0, 0);
    await expect(el).to.be.accessible();
  });

  it("exports every matching transaction as CSV in the account's timezone", async () => {
    const data = [
      ...txns(150),
      txn({ id: 'txn_refund_1', type: 'refund', amount: -1234, fee: 0, description: '=cmd|calc', created: 1_779_000_000 }),
      txn({ id: 'txn_jpy', currency: 'jpy', amount: 5000, fee: 500, created: 1_778_000_000 }),
    ];
    const adapter = new MemoryAdapter({ account, balance_transactions: data });
    const { el } = await inScroller(adapter);
    await waitUntil(() => rowsOf(el).length > 0, undefined, { timeout: 5000 });
    const saved: { name: string; text: string }[] = [];
    el.save = (name, csv) => saved.push({ name, text: csv });
    $(el, '[part~="export-button"]')!.click();
    await waitUntil(() => saved.length === 1, 'saved', { timeout: 5000 });
    await settle(el);
    expect(saved[0]!.name).to.equal(`transactions-up-to-${localIsoDate(Date.now() / 1000, TZ)}.csv`);
    const rows = parseCsv(saved[0]!.text);
    expect(rows).to.have.length(153);
    expect(rows[0]).to.deep.equal(['Date', 'Type', 'Category', 'Description', 'Amount', 'Fee', 'Net', 'Currency', 'Status', 'ID']);
    expect(rows.slice(1).map((r) => r[9])).to.deep.equal(data.map((t) => t.id));
    const first = data[0]!;
    expect(rows[1]).to.deep.equal([
      new Intl.DateTimeFormat('sv-SE', { timeZone: TZ, dateStyle: 'short', timeStyle: 'medium' }).format(first.created * 1000).replace(' ', 'T') + '+09:00',
      'payment', 'Payment', 'Payment', '10.00', '2.50', '7.50', 'USD', 'Available', first.id,
    ]);
    expect(rows[151]).to.deep.include.members(['refund', 'Refund', "'=cmd|calc", '-12.34', '0.00', 'txn_refund_1']);
    expect(rows[152]!.slice(4, 8)).to.deep.equal(['5000', '500', '4500', 'JPY']);
    expect(text($(el, '.export-status'))).to.equal('Exported 152 transactions');
    await expect(el).to.be.accessible();

    // The export follows the filters.
    el.category = 'refund';
    await settle(el);
    $(el, '[part~="export-button"]')!.click();
    await waitUntil(() => saved.length === 2, 'saved refunds', { timeout: 5000 });
    expect(parseCsv(saved[1]!.text).slice(1).map((r) => r[9])).to.deep.equal(['txn_refund_1']);
  });

  it('shows the progress of an export, which can be canceled', async () => {
    const a = new FakeAdapter();
    const { el } = await inScroller(a);
    a.last('listBalanceTransactions').resolve(page(txns(3)));
    await settle(el);
    let saved = 0;
    el.save = () => saved++;
    $(el, '[part~="export-button"]')!.click();
    await settle(el);
    const call = a.lists.at(-1)!;
    expect(call.params).to.deep.equal({ limit: 100 });
    expect(text($(el, '.export-status'))).to.include('Exporting… 0 transactions so far');
    call.resolve(page(txns(100), true));
    await settle(el);
    expect(text($(el, '.export-status'))).to.include('Exporting… 100 transactions so far');
    expect($(el, '[part~="export-button"]')!.getAttribute('aria-disabled')).to.equal('true');
    await expect(el).to.be.accessible();
    const next = a.lists.at(-1)!;
    expect(next.params.starting_after).to.be.a('string');
    $(el, '.export-status button')!.click();
    await settle(el);
    expect(next.signal!.aborted).to.equal(true);
    expect(text($(el, '.export-status'))).to.equal('Export canceled');
    expect(saved).to.equal(0);
  });

  it('a failed export says so with Retry and fires express-error; the rows stay', async () => {
    const a = new FakeAdapter();
    const { el } = await inScroller(a);
    a.last('listBalanceTransactions').resolve(page(txns(3)));
    await waitUntil(() => rowsOf(el).length === 3, 'rows', { timeout: 5000 });
    el.save = () => {};
    $(el, '[part~="export-button"]')!.click();
    await settle(el);
    const ev = oneEvent(el, 'express-error');
    a.lists.at(-1)!.reject(new ExpressError('unauthorized'));
    const e = (await ev) as ExpressErrorEvent;
    expect(e.detail.operation).to.equal('listBalanceTransactions');
    await settle(el);
    const alert = el.shadowRoot!.querySelector('[role="alert"]')!;
    expect(text(alert)).to.include('The export did not finish');
    expect(text(alert)).to.include('Your session has ended.');
    expect(rowsOf(el)).to.have.length(3);
    await expect(el).to.be.accessible();
    alert.querySelector('button')!.click();
    await settle(el);
    expect(a.lists.at(-1)!.params).to.deep.equal({ limit: 100 });
  });
});

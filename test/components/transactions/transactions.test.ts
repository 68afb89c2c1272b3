import { aTimeout, expect, fixture, html, oneEvent, waitUntil } from '@open-wc/testing';
import { ContextProvider } from '@lit/context';
import { nothing } from 'lit';
import { sendKeys } from '@web/test-runner-commands';
import { CATEGORY_TYPES } from '../../../src/contract/categories.js';
import { ExpressError } from '../../../src/contract/errors.js';
import { MemoryAdapter } from '../../../src/adapter/memory-adapter.js';
import type { BalanceTransaction } from '../../../src/contract/types.js';
import { dashboardContext } from '../../../src/context.js';
import '../../../src/components/transactions/transactions.js';
import type { ExpressTransactions } from '../../../src/components/transactions/transactions.js';
import { formatMoney } from '../../../src/core/money.js';
import { browserTimeZone, rangeForPreset } from '../../../src/core/time.js';
import type { ExpressErrorEvent } from '../../../src/events.js';
import { failOnLitWarnings } from '../../support/lit-warnings.js';
import { FakeAdapter, page, txn, txns } from './transactions.fake.js';

const $ = (el: ExpressTransactions, sel: string) => el.shadowRoot!.querySelector<HTMLElement>(sel);
const $$ = (el: ExpressTransactions, sel: string) => [...el.shadowRoot!.querySelectorAll<HTMLElement>(sel)];
const rowsOf = (el: ExpressTransactions) => $$(el, '[part~="row"]');
const cell = (row: Element, part: string) => row.querySelector<HTMLElement>(`[part~="${part}"]`)!;
const text = (n: Element | null) => (n?.textContent ?? '').replace(/\s+/g, ' ').trim();

/** Lets promises and Lit updates run. */
async function settle(el: ExpressTransactions): Promise<void> {
  for (let i = 0; i < 4; i++) {
    await aTimeout(0);
    await el.updateComplete;
  }
}

async function mount(adapter: FakeAdapter | MemoryAdapter, attrs = ''): Promise<ExpressTransactions> {
  const el = await fixture<ExpressTransactions>(html`<express-transactions locale="en-US" platform-name="Lumen Rides"></express-transactions>`);
  for (const a of attrs.split(' ').filter(Boolean)) {
    const [k, v = ''] = a.split('=');
    el.setAttribute(k!, v);
  }
  el.adapter = adapter;
  await settle(el);
  return el;
}

/** A list inside `<div style=${style}>` (a scroller, a narrow box), on a fake adapter not yet answered. */
async function wrapped(style: string, dir?: string): Promise<{ a: FakeAdapter; wrap: HTMLDivElement; el: ExpressTransactions }> {
  const a = new FakeAdapter();
  const wrap = await fixture<HTMLDivElement>(html`<div dir=${dir ?? nothing} style=${style}><express-transactions locale="en-US"></express-transactions></div>`);
  const el = wrap.querySelector('express-transactions')!;
  el.adapter = a;
  await settle(el);
  return { a, wrap, el };
}

/** Mounts with a fake adapter and answers the first page with `data`. */
async function withRows(data: BalanceTransaction[], hasMore = false, attrs = ''): Promise<{ el: ExpressTransactions; a: FakeAdapter }> {
  const a = new FakeAdapter();
  const el = await mount(a, attrs);
  a.last('listBalanceTransactions').resolve(page(data, hasMore));
  await settle(el);
  if (data.length) await waitUntil(() => rowsOf(el).length > 0, 'rows rendered', { timeout: 5000 });
  return { el, a };
}

async function select(el: ExpressTransactions, label: string, value: string): Promise<void> {
  const field = $$(el, 'label.field').find((l) => l.textContent!.trim().startsWith(label))!;
  const s = field.querySelector('select')!;
  s.value = value;
  s.dispatchEvent(new Event('change', { bubbles: true }));
  await settle(el);
}

describe('<express-transactions>', function () {
  this.timeout(30_000);

  failOnLitWarnings();

  describe('states', () => {
    it('shows skeleton rows while the first page loads, busy and without transaction rows', async () => {
      const a = new FakeAdapter();
      const el = await mount(a);
      const table = $(el, '[role="treegrid"]')!;
      expect(table.getAttribute('aria-busy')).to.equal('true');
      expect($$(el, '.skeleton-row').length).to.be.greaterThan(0);
      expect(rowsOf(el)).to.have.length(0);
      expect(a.lists).to.have.length(1);
      expect(a.lists[0]!.params).to.deep.equal({ limit: 25 });
      await expect(el).to.be.accessible();
    });

    it('renders rows as soon as the list arrives, before the account', async () => {
      const data = txns(3);
      const { el, a } = await withRows(data, false);
      expect(a.last('getAccount')).to.exist; // still pending
      const rows = rowsOf(el);
      expect(rows.map((r) => r.dataset.id)).to.deep.equal(data.map((t) => t.id));
      expect($(el, '[role="treegrid"]')!.hasAttribute('aria-busy')).to.equal(false);
      expect($(el, '[role="treegrid"]')!.getAttribute('aria-rowcount')).to.equal('4');
      expect(rows.map((r) => r.getAttribute('aria-rowindex'))).to.deep.equal(['2', '3', '4']);
      expect(text(cell(rows[0]!, 'type'))).to.equal('Payment');
      expect(text(cell(rows[0]!, 'description'))).to.equal('Payment from Lumen Rides');
      expect(text(cell(rows[0]!, 'amount').lastElementChild)).to.equal('$10.00');
      expect(text(cell(rows[0]!, 'fee'))).to.include('$2.50');
      expect(text(cell(rows[0]!, 'net'))).to.include('$7.50');
      expect(text(cell(rows[0]!, 'status'))).to.equal('Available');
      // Header, skeleton and detail rows never carry part="row".
      expect($$(el, '[role="row"]').filter((r) => !r.matches('[part~="row"]')).every((r) => !r.dataset.id)).to.equal(true);
      await expect(el).to.be.accessible();
    });

    it("dates use the browser's timezone until getAccount answers, then the account's", async () => {
      const t = Date.UTC(2026, 0, 1, 12, 0, 0) / 1000;
      // The row shows the time of day, and the year only when it is not this year there.
      const day = (tz: string) => {
        const year = (at: number) => new Intl.DateTimeFormat('en-US', { year: 'numeric', timeZone: tz }).format(at);
        const other = year(t * 1000) !== year(Date.now());
        return new Intl.DateTimeFormat('en-US', { month: 'short', day: 'numeric', ...(other ? { year: 'numeric' } : {}), hour: 'numeric', minute: '2-digit', timeZone: tz }).format(t * 1000);
      };
      const browser = browserTimeZone();
      const zone = day('Pacific/Kiritimati') !== day(browser) ? 'Pacific/Kiritimati' : 'Pacific/Pago_Pago';
      const { el, a } = await withRows([txn({ created: t })]);
      const dateCell = () => cell(rowsOf(el)[0]!, 'date');
      expect(text(dateCell().querySelector('time'))).to.equal(day(browser));
      a.last('getAccount').resolve({ id: 'acct_1', settings: { dashboard: { timezone: zone } } });
      await settle(el);
      expect(text(dateCell().querySelector('time'))).to.equal(day(zone));
      expect(dateCell().querySelector('time')!.getAttribute('datetime')).to.match(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}[+-]\d{2}:\d{2}$/);
      // The range is all time: the new timezone asks nothing new.
      expect(a.lists).to.have.length(1);
    });

    it('a date reads as shown; its full form is a tooltip on keyboard focus, not laid out before', async () => {
      const t = Date.UTC(2026, 10, 26, 14, 15, 0) / 1000;
      const { el, a } = await withRows([txn({ created: t }), txn({ created: t - 86400 })]);
      a.last('getAccount').resolve({ id: 'acct_1', settings: { dashboard: { timezone: 'America/New_York' } } });
      await settle(el);
      const [first, second] = rowsOf(el);
      const full = (row: HTMLElement) => cell(row, 'date').querySelector<HTMLElement>('.full-date')!;
      const time = cell(first!, 'date').querySelector('time')!;
      // What a screen reader reads is what a sighted person sees; the tooltip is not read twice.
      expect(time.hasAttribute('aria-hidden')).to.equal(false);
      expect(full(first!).getAttribute('aria-hidden')).to.equal('true');
      expect(full(first!).getClientRects()).to.have.length(0);
      first!.focus();
      await sendKeys({ press: 'ArrowDown' });
      await settle(el);
      expect(el.shadowRoot!.activeElement).to.equal(second);
      // Keyboard focus shows the tooltip, with the weekday and the year, above the row's date.
      const tip = full(second!);
      expect(text(tip)).to.match(/^Wednesday, November 25, 2026 at 9:15\s?AM$/);
      const box = tip.getBoundingClientRect();
      expect(box.height).to.be.greaterThan(10);
      expect(box.bottom).to.be.at.most(cell(second!, 'date').getBoundingClientRect().top);
      expect(full(first!).getClientRects()).to.have.length(0);
      await expect(el).to.be.accessible();
      // A row written again keeps a tooltip it has true: here, in the reader's new language.
      el.setAttribute('locale', 'fr');
      await settle(el);
      await waitUntil(() => /^mercredi 25 novembre 2026/.test(text(full(rowsOf(el)[1]!))), 'the tooltip follows the locale', { timeout: 5000 });
      // The description's whole text is its tooltip under the pointer (it may be cut with an ellipsis).
      const description = cell(rowsOf(el)[0]!, 'description');
      expect(description.hasAttribute('title')).to.equal(false);
      description.dispatchEvent(new PointerEvent('pointerover', { bubbles: true }));
      expect(description.getAttribute('title')).to.equal(text(description));
      expect(text(description).length).to.be.greaterThan(0);
    });

    it('a failed getAccount is not an error state: rows stay, express-error says getAccount', async () => {
      const { el, a } = await withRows(txns(2));
      const ev = oneEvent(el, 'express-error');
      a.last('getAccount').reject(new Error('boom'));
      const e = (await ev) as ExpressErrorEvent;
      expect(e.detail.operation).to.equal('getAccount');
      expect(e.detail.error).to.be.instanceOf(ExpressError);
      expect(e.detail.error.code).to.equal('unknown');
      await settle(el);
      expect(rowsOf(el)).to.have.length(2);
      expect($(el, '[role="alert"]')).to.equal(null);
    });

    it('a failed getBalance or an invalid live event fires express-error and changes nothing shown', async () => {
      const { el, a } = await withRows(txns(2));
      let ev = oneEvent(el, 'express-error');
      a.last('getBalance').reject(new ExpressError('network'));
      expect(((await ev) as ExpressErrorEvent).detail.operation).to.equal('getBalance');
      ev = oneEvent(el, 'express-error');
      a.emit({ type: 'balance_transaction.created', data: { id: 'txn_bad', amount: 'lots' } as unknown as BalanceTransaction });
      const e = (await ev) as ExpressErrorEvent;
      expect(e.detail.operation).to.equal('subscribe');
      expect(e.detail.error.code).to.equal('invalid_response');
      await settle(el);
      expect(rowsOf(el)).to.have.length(2);
      expect($(el, '[role="alert"]')).to.equal(null);
    });

    it('empty without filters says so, without a clear button', async () => {
      const { el } = await withRows([]);
      expect(text($(el, '.empty'))).to.equal('No transactions in this period');
      expect($(el, '.empty button')).to.equal(null);
      await expect(el).to.be.accessible();
    });

    it('empty with filters names them and clears them', async () => {
      const a = new FakeAdapter();
      const el = await mount(a, 'category=refund range=30d');
      expect(a.lists[0]!.params.type).to.deep.equal([...CATEGORY_TYPES.refund]);
      a.last('listBalanceTransactions').resolve(page([]));
      await settle(el);
      expect(text($(el, '.empty p'))).to.equal('No transactions match these filters: Refunds and Last 30 days.');
      await expect(el).to.be.accessible();
      $(el, '.empty button')!.click();
      await settle(el);
      expect(a.lists.at(-1)!.params).to.deep.equal({ limit: 25 });
      expect(el.category).to.equal('all');
      expect(el.range).to.equal('all');
    });

    it('an error shows its message with role=alert and Retry, and fires express-error', async () => {
      const a = new FakeAdapter();
      const el = await mount(a);
      const ev = oneEvent(el, 'express-error');
      a.last('listBalanceTransactions').reject(new ExpressError('network'));
      const e = (await ev) as ExpressErrorEvent;
      expect(e.detail).to.deep.equal({ error: e.detail.error, operation: 'listBalanceTransactions' });
      expect(e.detail.error.code).to.equal('network');
      await settle(el);
      const alert = $(el, '[role="alert"]')!;
      expect(text(alert)).to.include('You appear to be offline');
      expect(text(alert)).to.include('We could not reach the server.');
      await expect(el).to.be.accessible();
      alert.querySelector('button')!.click();
      await settle(el);
      expect(a.lists).to.have.length(2);
      expect(a.lists[1]!.params).to.deep.equal({ limit: 25 });
      a.last('listBalanceTransactions').resolve(page(txns(2)));
      await settle(el);
      await waitUntil(() => rowsOf(el).length === 2, undefined, { timeout: 5000 });
      expect($(el, '[role="alert"]')).to.equal(null);
    });

    it("wraps a plain Error from the adapter as unknown, localised", async () => {
      const a = new FakeAdapter();
      const el = await mount(a);
      el.locale = 'fr-FR';
      const ev = oneEvent(el, 'express-error');
      a.last('listBalanceTransactions').reject(new Error('database exploded'));
      const e = (await ev) as ExpressErrorEvent;
      expect(e.detail.error.code).to.equal('unknown');
      expect((e.detail.error as Error & { cause?: unknown }).cause).to.be.instanceOf(Error);
      await settle(el);
      expect(text($(el, '[role="alert"]'))).to.not.include('database exploded');
      // French is loaded on first use; the element re-renders when it arrives.
      await waitUntil(() => $(el, '[role="alert"] button')!.textContent!.trim() === 'Réessayer', 'French arrives', { timeout: 5000 });
    });

    it('loads the next page when the end is in view; a failure keeps the rows and offers Retry at the end', async () => {
      const first = txns(3);
      const { el, a } = await withRows(first, true);
      // Three rows leave the end of the list in view: the next page starts by itself, 100 rows.
      await waitUntil(() => a.lists.length === 2, 'next page requested', { timeout: 5000 });
      expect(a.lists[1]!.params).to.deep.equal({ limit: 100, starting_after: first[2]!.id });
      await settle(el);
      expect(text($(el, '.load-more'))).to.equal('Loading more…');
      const ev = oneEvent(el, 'express-error');
      a.last('listBalanceTransactions').reject(new ExpressError('rate_limited', undefined, { retryAfter: 3 }));
      expect(((await ev) as ExpressErrorEvent).detail.operation).to.equal('listBalanceTransactions');
      await settle(el);
      expect(rowsOf(el).map((r) => r.dataset.id)).to.deep.equal(first.map((t) => t.id));
      const alert = $(el, '.footer [role="alert"]')!;
      expect(text(alert)).to.include('Could not load more');
      expect(text(alert)).to.include('Try again in 3 seconds');
      // Not at once: the page is asked again by itself only after its Retry-After (or by Retry).
      await aTimeout(50);
      expect(a.lists).to.have.length(2);
      await expect(el).to.be.accessible();
      alert.querySelector('button')!.click();
      await settle(el);
      expect(a.lists[2]!.params).to.deep.equal({ limit: 100, starting_after: first[2]!.id });
      const next = txns(2);
      a.last('listBalanceTransactions').resolve(page(next, false));
      await settle(el);
      await waitUntil(() => rowsOf(el).length === 5, undefined, { timeout: 5000 });
      expect(rowsOf(el).map((r) => r.dataset.id)).to.deep.equal([...first, ...next].map((t) => t.id));
      expect($(el, '.footer [role="alert"]')).to.equal(null);
      expect($(el, '.load-more')).to.equal(null);
      expect($(el, '[role="treegrid"]')!.getAttribute('aria-rowcount')).to.equal('6');
    });

    it('"Load more" loads the next page when the end is out of view', async () => {
      const { a, wrap, el } = await wrapped('height: 300px; overflow: auto');
      const first = txns(25);
      a.last('listBalanceTransactions').resolve(page(first, true));
      await settle(el);
      await waitUntil(() => rowsOf(el).length > 0, undefined, { timeout: 5000 });
      await aTimeout(50);
      expect(a.lists).to.have.length(1);
      expect($(el, '[role="treegrid"]')!.getAttribute('aria-rowcount')).to.equal('-1');
      const more = $(el, '.load-more')!;
      expect(text(more)).to.equal('Load more');
      more.click();
      await settle(el);
      expect(a.lists[1]!.params).to.deep.equal({ limit: 25, starting_after: first[24]!.id });
      more.click(); // busy: no second request
      await settle(el);
      expect(a.lists).to.have.length(2);
      a.last('listBalanceTransactions').resolve(page(txns(25), true));
      await settle(el);
      expect(text($(el, '.footer span'))).to.equal('Showing 50 transactions');
      // Scrolling to the end loads the next page by itself.
      // (Scrolling again on every check, as a person does.)
      await waitUntil(() => {
        wrap.scrollTop = wrap.scrollHeight;
        return a.lists.length === 3;
      }, 'auto-load at the end', { timeout: 5000 });
      await expect(el).to.be.accessible();
    });
  });

  describe('filters', () => {
    it('map to the adapter parameters', async () => {
      const { el, a } = await withRows(txns(1));
      a.last('getAccount').resolve({ id: 'acct_1', settings: { dashboard: { timezone: 'Asia/Tokyo' } } });
      await settle(el);
      await select(el, 'Type', 'payout');
      expect(a.lists.at(-1)!.params).to.deep.equal({ limit: 25, type: ['payout', 'payout_cancel', 'payout_failure'] });
      await select(el, 'Date range', '7d');
      const now = Date.now() / 1000;
      expect(a.lists.at(-1)!.params).to.deep.equal({
        limit: 25,
        type: ['payout', 'payout_cancel', 'payout_failure'],
        created: rangeForPreset('7d', now, 'Asia/Tokyo'),
      });
      await select(el, 'Type', 'other');
      expect(a.lists.at(-1)!.params).to.deep.equal({ limit: 100, created: rangeForPreset('7d', now, 'Asia/Tokyo') });
      expect(el.category).to.equal('other');
      expect(el.range).to.equal('7d');
    });

    it('a custom range asks for whole local days and refuses an end before the start', async () => {
      const { el, a } = await withRows(txns(1));
      a.last('getAccount').resolve({ id: 'acct_1', settings: { dashboard: { timezone: 'UTC' } } });
      await settle(el);
      await select(el, 'Date range', 'custom');
      const n = a.lists.length;
      const [from, to] = $$(el, 'input[type="date"]') as HTMLInputElement[];
      from!.value = '2026-03-01';
      from!.dispatchEvent(new Event('change'));
      await settle(el);
      expect(a.lists.at(-1)!.params.created).to.deep.equal({ gte: Date.UTC(2026, 2, 1) / 1000 });
      to!.value = '2026-02-01';
      to!.dispatchEvent(new Event('change'));
      await settle(el);
      expect(to!.getAttribute('aria-invalid')).to.equal('true');
      expect(text($(el, '#range-error'))).to.equal('The start date must be on or before the end date.');
      expect(a.lists.length).to.equal(n + 1);
      to!.value = '2026-03-31';
      to!.dispatchEvent(new Event('change'));
      await settle(el);
      expect(a.lists.at(-1)!.params.created).to.deep.equal({ gte: Date.UTC(2026, 2, 1) / 1000, lt: Date.UTC(2026, 3, 1) / 1000 });
      a.last('listBalanceTransactions').resolve(page([]));
      await settle(el);
      expect(text($(el, '.empty p'))).to.equal('No transactions match these filters: Mar 1 – 31, 2026.');
      await expect(el).to.be.accessible();
    });

    it('shows a currency filter when the balance has more than one currency', async () => {
      const { el, a } = await withRows(txns(1));
      expect($$(el, 'label.field').some((l) => l.textContent!.includes('Currency'))).to.equal(false);
      a.last('getBalance').resolve({ available: [{ amount: 1, currency: 'usd' }], pending: [{ amount: 5, currency: 'eur' }] });
      await settle(el);
      const field = $$(el, 'label.field').find((l) => l.textContent!.includes('Currency'))!;
      expect([...field.querySelectorAll('option')].map((o) => o.textContent!.trim())).to.deep.equal(['All currencies', 'EUR', 'USD']);
      await select(el, 'Currency', 'eur');
      expect(a.lists.at(-1)!.params).to.deep.equal({ limit: 25, currency: 'eur' });
      await expect(el).to.be.accessible();
    });

    it('rapid changes abort the requests in flight and render only the newest result', async () => {
      const { el, a } = await withRows(txns(1));
      await select(el, 'Type', 'refund');
      await select(el, 'Type', 'payout');
      await select(el, 'Type', 'fee');
      const [, refunds, payouts, fees] = a.lists;
      expect(refunds!.signal!.aborted).to.equal(true);
      expect(payouts!.signal!.aborted).to.equal(true);
      expect(fees!.signal!.aborted).to.equal(false);
      const newest = [txn({ type: 'stripe_fee', description: 'newest' })];
      fees!.resolve(page(newest));
      // The older ones answer late, in any order: nothing of theirs may show.
      payouts!.resolve(page([txn({ type: 'payout', description: 'stale payout' })]));
      refunds!.resolve(page([txn({ type: 'refund', description: 'stale refund' })]));
      await settle(el);
      await waitUntil(() => rowsOf(el).length === 1, undefined, { timeout: 5000 });
      expect(text(cell(rowsOf(el)[0]!, 'description'))).to.equal('newest');
      await aTimeout(50);
      await settle(el);
      expect(rowsOf(el).map((r) => text(cell(r, 'description')))).to.deep.equal(['newest']);
    });

    it('the newest filter wins even when an older response arrives after it', async () => {
      const { el, a } = await withRows(txns(1));
      await select(el, 'Type', 'refund');
      const refunds = a.lists.at(-1)!;
      await select(el, 'Type', 'all');
      const all = a.lists.at(-1)!;
      all.resolve(page([txn({ description: 'everything' })]));
      await settle(el);
      refunds.resolve(page([txn({ type: 'refund', description: 'late refund' })]));
      await settle(el);
      await waitUntil(() => rowsOf(el).length === 1, undefined, { timeout: 5000 });
      expect(text(cell(rowsOf(el)[0]!, 'description'))).to.equal('everything');
    });

    it('changing a filter aborts a later page in flight', async () => {
      const { el, a } = await withRows(txns(3), true);
      $(el, '.load-more')!.click();
      await settle(el);
      const more = a.lists.at(-1)!;
      await select(el, 'Type', 'refund');
      expect(more.signal!.aborted).to.equal(true);
      more.resolve(page([txn({ description: 'stale page' })]));
      a.lists.at(-1)!.resolve(page([txn({ type: 'refund', description: 'fresh' })]));
      await settle(el);
      await waitUntil(() => rowsOf(el).length === 1, undefined, { timeout: 5000 });
      expect(text(cell(rowsOf(el)[0]!, 'description'))).to.equal('fresh');
    });
  });

  describe('rows', () => {
    it('describes: own description, else the generic one, and the describe override; HTML stays text', async () => {
      const html1 = '<img src=x onerror="window.__pwned=1"><b>bold</b>';
      const { el } = await withRows([
        txn({ id: 'txn_own', description: 'Airport ride' }),
        txn({ id: 'txn_generic', description: null }),
        txn({ id: 'txn_html', description: html1 }),
        txn({ id: 'txn_refund', type: 'refund', amount: -500, fee: 0, description: '  ' }),
      ]);
      const desc = () => rowsOf(el).map((r) => cell(r, 'description').textContent!.trim());
      expect(desc()).to.deep.equal(['Airport ride', 'Payment from Lumen Rides', html1, 'Refund']);
      expect(el.shadowRoot!.querySelector('b, img')).to.equal(null);
      expect((window as { __pwned?: number }).__pwned).to.equal(undefined);
      el.describe = (t) => (t.id === 'txn_own' ? '' : `Trip ${t.id.slice(4)}`);
      await settle(el);
      expect(desc()).to.deep.equal(['Airport ride', 'Trip generic', 'Trip html', 'Trip refund']);
    });

    it("takes the adapter from the context and the platform name from an enclosing dashboard", async () => {
      const adapter = new MemoryAdapter({ balance_transactions: [txn({ description: null })] });
      // A stand-in for <express-dashboard>: a provider of its context (adapter and platform name).
      const dash = await fixture<HTMLElement>(html`<div></div>`);
      new ContextProvider(dash, { context: dashboardContext, initialValue: { adapter, platformName: 'Cargo Co', locale: null, announces: false } });
      const el = document.createElement('express-transactions');
      el.locale = 'en-US';
      dash.append(el);
      await waitUntil(() => rowsOf(el).length === 1, 'row from the context adapter', { timeout: 5000 });
      expect(text(cell(rowsOf(el)[0]!, 'description'))).to.equal('Payment from Cargo Co');
      el.platformName = 'Own Name';
      await settle(el);
      expect(text(cell(rowsOf(el)[0]!, 'description'))).to.equal('Payment from Own Name');
    });

    it('formats jpy, bhd and usd amounts exactly, negatives with a minus sign', async () => {
      const { el } = await withRows([
        txn({ currency: 'jpy', amount: 1000, fee: 30 }),
        txn({ currency: 'bhd', amount: 1234, fee: 5 }),
        txn({ currency: 'usd', amount: -123456, fee: 0, type: 'payout' }),
      ]);
      const [jpy, bhd, usd] = rowsOf(el);
      expect(text(cell(jpy!, 'amount').lastElementChild)).to.equal('¥1,000');
      expect(text(cell(jpy!, 'net'))).to.include('¥970');
      expect(text(cell(bhd!, 'amount').lastElementChild).replace(/\s/g, ' ')).to.equal('BHD 1.234');
      expect(text(cell(bhd!, 'fee')).replace(/\s/g, ' ')).to.include('BHD 0.005');
      expect(text(cell(usd!, 'amount').lastElementChild)).to.equal('-$1,234.56');
      // A payout is the person's own money on its way to their bank: a minus sign, not red.
      expect(cell(usd!, 'amount').classList.contains('negative')).to.equal(false);
      expect(text(cell(usd!, 'amount').lastElementChild)).to.equal(formatMoney(-123456, 'usd', 'en-US'));
    });

    it('shows an unknown Stripe type as Other, with the raw type in the details', async () => {
      const { el } = await withRows([txn({ type: 'climate_order_purchase', description: null })]);
      const row = rowsOf(el)[0]!;
      expect(text(cell(row, 'type'))).to.equal('Other');
      expect(text(cell(row, 'description'))).to.equal('Transaction');
      row.click();
      await settle(el);
      await waitUntil(() => $(el, '.row.detail'), undefined, { timeout: 5000 });
      expect(text($(el, '.row.detail'))).to.include('climate_order_purchase');
    });

    it('pending rows say until when', async () => {
      const t = txn({ status: 'pending', available_on: Date.UTC(2026, 10, 28, 12) / 1000 });
      const { el } = await withRows([t]);
      expect(text(cell(rowsOf(el)[0]!, 'status'))).to.equal(
        `Pending until ${new Intl.DateTimeFormat('en-US', { month: 'short', day: 'numeric', timeZone: browserTimeZone() }).format(t.available_on * 1000)}`,
      );
    });

    it('selecting a row fires express-transaction-select and shows its details', async () => {
      const t = txn({
        id: 'txn_sel',
        source: { id: 'py_source_1' },
        fee_details: [
          { amount: 200, currency: 'usd', type: 'application_fee', description: null },
          { amount: 50, currency: 'usd', type: 'stripe_fee', description: 'Card processing' },
        ],
      });
      const { el } = await withRows([t, txn()]);
      const row = rowsOf(el)[0]!;
      const ev = oneEvent(el, 'express-transaction-select');
      row.click();
      const e = await ev;
      expect(e.detail.transaction.id).to.equal('txn_sel');
      await settle(el);
      await waitUntil(() => $(el, '.row.detail'), undefined, { timeout: 5000 });
      expect(row.getAttribute('aria-expanded')).to.equal('true');
      const detail = text($(el, '.row.detail'));
      for (const s of ['txn_sel', 'payment', 'py_source_1', 'Available on', 'Platform fee', '$2.00', 'Card processing', '$0.50']) {
        expect(detail).to.include(s);
      }
      expect($(el, '.row.detail')!.matches('[part~="row"]')).to.equal(false);
      expect($(el, '.row.detail')!.getAttribute('aria-rowindex')).to.equal('3');
      expect(rowsOf(el)[1]!.getAttribute('aria-rowindex')).to.equal('4');
      expect($(el, '[role="treegrid"]')!.getAttribute('aria-rowcount')).to.equal('4');
      await expect(el).to.be.accessible();
      row.click();
      await settle(el);
      await waitUntil(() => !$(el, '.row.detail'), undefined, { timeout: 5000 });
      expect(row.getAttribute('aria-expanded')).to.equal('false');
    });

    it('arrow keys, Home and End move between rows; Enter and Space select', async () => {
      const data = txns(6);
      const { el } = await withRows(data);
      const rows = rowsOf(el);
      expect(rows.map((r) => r.tabIndex)).to.deep.equal([0, -1, -1, -1, -1, -1]);
      rows[0]!.focus();
      await sendKeys({ press: 'ArrowDown' });
      await settle(el);
      const focused = () => (el.shadowRoot!.activeElement as HTMLElement | null)?.dataset.id;
      expect(focused()).to.equal(data[1]!.id);
      await sendKeys({ press: 'End' });
      await settle(el);
      expect(focused()).to.equal(data[5]!.id);
      await sendKeys({ press: 'ArrowUp' });
      await settle(el);
      expect(focused()).to.equal(data[4]!.id);
      expect(rowsOf(el).filter((r) => r.tabIndex === 0).map((r) => r.dataset.id)).to.deep.equal([data[4]!.id]);
      const ev = oneEvent(el, 'express-transaction-select');
      await sendKeys({ press: 'Enter' });
      expect((await ev).detail.transaction.id).to.equal(data[4]!.id);
      await settle(el);
      await sendKeys({ press: ' ' });
      await settle(el);
      expect($(el, '.row.detail')).to.equal(null);
      await sendKeys({ press: 'Home' });
      await settle(el);
      expect(focused()).to.equal(data[0]!.id);
      // Right opens a row's details (firing the event), Left closes them.
      const opened = oneEvent(el, 'express-transaction-select');
      await sendKeys({ press: 'ArrowRight' });
      expect((await opened).detail.transaction.id).to.equal(data[0]!.id);
      await settle(el);
      await waitUntil(() => $(el, '.row.detail'), 'details open', { timeout: 5000 });
      await sendKeys({ press: 'ArrowRight' });
      await settle(el);
      expect(el.shadowRoot!.querySelectorAll('.row.detail')).to.have.length(1);
      await sendKeys({ press: 'ArrowLeft' });
      await settle(el);
      await waitUntil(() => !$(el, '.row.detail'), 'details closed', { timeout: 5000 });
      expect(focused()).to.equal(data[0]!.id);
    });
  });

  describe('live', () => {
    it('inserts a matching new transaction at the top, highlighted and announced', async () => {
      const data = txns(2);
      const { el, a } = await withRows(data);
      expect(a.subscribers).to.equal(1);
      const fresh = txn({ id: 'txn_live', amount: 1850, fee: 400, description: null, created: data[0]!.created + 60 });
      a.emit({ type: 'balance_transaction.created', data: fresh });
      await settle(el);
      await waitUntil(() => rowsOf(el).length === 3, undefined, { timeout: 5000 });
      const top = rowsOf(el)[0]!;
      expect(top.dataset.id).to.equal('txn_live');
      expect(top.classList.contains('fresh')).to.equal(true);
      expect(text($(el, '[aria-live="polite"]'))).to.equal('New transaction: Payment from Lumen Rides, $18.50');
      // The same transaction again (a page or a second event): still once.
      a.emit({ type: 'balance_transaction.created', data: fresh });
      await settle(el);
      expect(rowsOf(el).filter((r) => r.dataset.id === 'txn_live')).to.have.length(1);
      await expect(el).to.be.accessible();
    });

    it('leaves out a new transaction that does not match the filters', async () => {
      const { el, a } = await withRows(txns(1, { type: 'refund', amount: -100, fee: 0 }), false, 'category=refund');
      a.emit({ type: 'balance_transaction.created', data: txn({ id: 'txn_pay', type: 'payment' }) });
      await settle(el);
      expect(rowsOf(el).map((r) => r.dataset.id)).to.not.include('txn_pay');
      expect(text($(el, '[aria-live="polite"]'))).to.equal('');
    });

    it('with a preset range, after local midnight a live transaction still matches, and reload() and Retry ask for the new day', async () => {
      const realNow = Date.now;
      const zone = 'Asia/Tokyo';
      // 23:59 on Nov 26 in Tokyo.
      let now = Date.UTC(2026, 10, 26, 14, 59);
      Date.now = () => now;
      try {
        const a = new FakeAdapter();
        const el = await mount(a, 'range=7d');
        a.last('getAccount').resolve({ id: 'acct_1', settings: { dashboard: { timezone: zone } } });
        await settle(el);
        const window1 = rangeForPreset('7d', now / 1000, zone);
        expect(a.lists.at(-1)!.params.created).to.deep.equal(window1);
        const before = txns(2, { created: Math.floor(now / 1000) - 3600 });
        a.lists.at(-1)!.resolve(page(before));
        await settle(el);
        expect(rowsOf(el)).to.have.length(2);
        // Two minutes later it is Nov 27 in Tokyo: a payment made now belongs in "the last 7 days".
        now += 2 * 60_000;
        const live = txn({ id: 'txn_after_midnight', created: Math.floor(now / 1000) });
        a.emit({ type: 'balance_transaction.created', data: live });
        await settle(el);
        const window2 = rangeForPreset('7d', now / 1000, zone);
        expect(window2.lt).to.be.greaterThan(window1.lt!);
        expect(a.lists.at(-1)!.params.created).to.deep.equal(window2);
        a.lists.at(-1)!.resolve(page(before));
        await settle(el);
        expect(rowsOf(el).map((r) => r.dataset.id)).to.deep.equal(['txn_after_midnight', ...before.map((t) => t.id)]);
        expect(rowsOf(el)[0]!.classList.contains('fresh')).to.equal(true);
        expect(text($(el, '[aria-live="polite"]'))).to.include('New transaction');
        // A day later, reload() asks for that day's window.
        now += 24 * 3600_000;
        el.reload();
        await settle(el);
        expect(a.lists.at(-1)!.params.created).to.deep.equal(rangeForPreset('7d', now / 1000, zone));
        // And so does Retry, a day after a failure.
        a.lists.at(-1)!.reject(new ExpressError('network'));
        await settle(el);
        now += 24 * 3600_000;
        $(el, '[role="alert"] button')!.click();
        await settle(el);
        expect(a.lists.at(-1)!.params.created).to.deep.equal(rangeForPreset('7d', now / 1000, zone));
        // All time does not depend on the day: nothing asked again.
        el.range = 'all';
        await settle(el);
        const n = a.lists.length;
        now += 24 * 3600_000;
        el.reload();
        await settle(el);
        expect(a.lists).to.have.length(n + 1);
        expect(a.lists.at(-1)!.params.created).to.equal(undefined);
      } finally {
        Date.now = realNow;
      }
    });

    it('unsubscribes when removed', async () => {
      const { el, a } = await withRows(txns(1));
      expect(a.subscribers).to.equal(1);
      el.remove();
      expect(a.subscribers).to.equal(0);
    });
  });

  describe('long lists', () => {
    it('scrolling through 3,000 rows leaves no stray nodes behind and reaches the last row', async function () {
      // 120 frames and an axe run over the window: a loaded WebKit under Xvfb took over 30 s.
      this.timeout(90_000);
      // The rows are a window of reused elements: however far the list scrolls, its container
      // holds only them (a keyed lit-html list once left a comment behind per removed row).
      const { a, wrap, el } = await wrapped('height: 400px; overflow: auto');
      a.last('listBalanceTransactions').resolve(page(txns(3000)));
      await settle(el);
      await waitUntil(() => rowsOf(el).length > 0, 'rows rendered', { timeout: 5000 });
      const body = $(el, '.body')!;
      const nodes = () => {
        const all = [...body.childNodes];
        return { comments: all.filter((n) => n.nodeType === Node.COMMENT_NODE).length, rows: body.children.length };
      };
      const frame = () => new Promise((r) => requestAnimationFrame(r));
      for (let i = 1; i <= 60; i++) {
        wrap.scrollTop = Math.round(((wrap.scrollHeight - wrap.clientHeight) * i) / 60);
        await frame();
        await frame();
      }
      await waitUntil(() => {
        wrap.scrollTop = wrap.scrollHeight;
        return rowsOf(el).at(-1)?.getAttribute('aria-rowindex') === '3001';
      }, 'the last row in view', { timeout: 5000 });
      await settle(el);
      const after = nodes();
      expect(after.rows).to.be.lessThan(100);
      // Each rendered item has its own two markers; nothing else may pile up between them.
      expect(after.comments).to.be.at.most(2 * after.rows + 2);
      const last = rowsOf(el).at(-1)!;
      expect(text(cell(last, 'amount').lastElementChild)).to.equal('$10.00');
      await expect(el).to.be.accessible();
    });
  });

  describe('the window of rows', () => {
    const frames = async (n: number) => {
      for (let i = 0; i < n; i++) await new Promise((r) => requestAnimationFrame(r));
    };

    /** A list of `n` rows in a 400px scroller. */
    async function inScroller(n: number, height = 400) {
      const { a, wrap, el } = await wrapped(`height: ${height}px; overflow: auto`);
      const data = txns(n);
      a.last('listBalanceTransactions').resolve(page(data));
      await settle(el);
      await waitUntil(() => rowsOf(el).length > 0, 'rows rendered', { timeout: 5000 });
      const h = rowsOf(el)[0]!.offsetHeight;
      /** The scroll position that puts row `i` at the top of the scroller. */
      const topOf = (i: number) => $(el, '.body')!.getBoundingClientRect().top - wrap.getBoundingClientRect().top + wrap.scrollTop + i * h;
      return { a, wrap, el, data, h, topOf };
    }

    it('reuses its row elements as the list scrolls: the same elements, showing other transactions', async () => {
      const { wrap, el, topOf } = await inScroller(3000);
      const firstPage = rowsOf(el).filter((r) => Number(r.getAttribute('aria-rowindex')) <= 26);
      const beyond = () => rowsOf(el).filter((r) => Number(r.getAttribute('aria-rowindex')) > 26);
      wrap.scrollTop = topOf(1000);
      await frames(3);
      const before = beyond();
      const idsBefore = before.map((r) => r.dataset.id);
      expect(before.length).to.be.within(5, 30);
      wrap.scrollTop = topOf(2000);
      await frames(3);
      const after = beyond();
      expect(after).to.have.length(before.length);
      expect(after.every((r) => before.includes(r)), 'the same element objects').to.equal(true);
      expect(after.some((r) => idsBefore.includes(r.dataset.id))).to.equal(false);
      expect(after.map((r) => Number(r.getAttribute('aria-rowindex')))).to.include(2002);
      // The first page stayed as it was, element for element.
      expect(rowsOf(el).filter((r) => Number(r.getAttribute('aria-rowindex')) <= 26)).to.deep.equal(firstPage);
      await expect(el).to.be.accessible();
    });

    it('a live transaction arriving while the reader is scrolled down keeps what they read in place', async () => {
      const { a, wrap, el, data, topOf } = await inScroller(200, 300);
      wrap.scrollTop = topOf(100) + 10;
      await frames(3);
      const reading = rowsOf(el).find((r) => r.getAttribute('aria-rowindex') === '103')!;
      const y = reading.getBoundingClientRect().top;
      expect(y).to.be.within(wrap.getBoundingClientRect().top, wrap.getBoundingClientRect().bottom);
      a.emit({ type: 'balance_transaction.created', data: txn({ id: 'txn_live', created: data[0]!.created + 60 }) });
      await settle(el);
      await frames(3);
      expect(rowsOf(el)[0]!.dataset.id).to.equal('txn_live');
      const same = rowsOf(el).find((r) => r.dataset.id === reading.dataset.id)!;
      expect(same.getAttribute('aria-rowindex')).to.equal('104');
      expect(same.getBoundingClientRect().top).to.be.closeTo(y, 1);
      // At the top of the list, the new row shows at the top and pushes the others down.
      wrap.scrollTop = 0;
      await frames(3);
      a.emit({ type: 'balance_transaction.created', data: txn({ id: 'txn_live2', created: data[0]!.created + 120 }) });
      await settle(el);
      await frames(3);
      expect(wrap.scrollTop).to.equal(0);
      expect(rowsOf(el)[0]!.dataset.id).to.equal('txn_live2');
      expect(rowsOf(el)[0]!.getBoundingClientRect().top).to.be.below(wrap.getBoundingClientRect().bottom);
    });

    it('End, Page Up and Home reach rows out of the window by keyboard; a focused row stays when scrolled away', async () => {
      const { wrap, el, data } = await inScroller(3000);
      const focused = () => (el.shadowRoot!.activeElement as HTMLElement | null)?.dataset.id;
      const inView = (id: string) => {
        const r = rowsOf(el).find((x) => x.dataset.id === id)!.getBoundingClientRect();
        const w = wrap.getBoundingClientRect();
        return r.top >= w.top - 1 && r.bottom <= w.bottom + 1;
      };
      rowsOf(el)[0]!.focus();
      await sendKeys({ press: 'End' });
      await settle(el);
      await frames(3);
      expect(focused()).to.equal(data[2999]!.id);
      expect(inView(data[2999]!.id)).to.equal(true);
      await sendKeys({ press: 'PageUp' });
      await settle(el);
      await frames(3);
      expect(focused()).to.equal(data[2989]!.id);
      expect(rowsOf(el).filter((r) => r.tabIndex === 0).map((r) => r.dataset.id)).to.deep.equal([data[2989]!.id]);
      // Scrolled away with the mouse: the focused row keeps its element and its focus.
      wrap.scrollTop = 0;
      await frames(3);
      expect(focused()).to.equal(data[2989]!.id);
      await sendKeys({ press: 'Home' });
      await settle(el);
      await frames(3);
      expect(focused()).to.equal(data[0]!.id);
      expect(inView(data[0]!.id)).to.equal(true);
    });

    it("an opened row's details have their own height, and the rows after them move down by it", async () => {
      const fees = Array.from({ length: 6 }, (_, i) => ({ amount: 10 + i, currency: 'usd', type: 'application_fee', description: `Fee ${i}` }));
      const { el } = await withRows([txn(), txn({ fee_details: fees }), txn(), txn(), txn({ fee_details: [] }), txn(), txn()]);
      const rows = () => rowsOf(el);
      const h = rows()[0]!.offsetHeight;
      const top = (r: Element) => r.getBoundingClientRect().top;
      rows()[1]!.click();
      await settle(el);
      await frames(2);
      const detail = $(el, '.row.detail')!;
      const box = detail.getBoundingClientRect();
      expect(box.height).to.be.greaterThan(h * 2);
      expect(box.top).to.be.closeTo(rows()[1]!.getBoundingClientRect().bottom, 1);
      expect(top(rows()[2]!)).to.be.closeTo(box.bottom, 1);
      expect(top(rows()[3]!) - top(rows()[2]!)).to.be.closeTo(h, 0.5);
      // A second, shorter one: each moves the rows after it by its own height.
      rows()[4]!.click();
      await settle(el);
      await frames(2);
      const second = $$(el, '.row.detail')[1]!.getBoundingClientRect();
      expect(second.height).to.be.below(box.height);
      expect(top(rows()[5]!)).to.be.closeTo(second.bottom, 1);
      expect(top(rows()[4]!) - top(rows()[0]!)).to.be.closeTo(4 * h + box.height, 1);
      // The list's height holds both.
      const body = $(el, '.body')!.getBoundingClientRect();
      expect(body.bottom).to.be.closeTo(rows()[6]!.getBoundingClientRect().bottom, 1);
      await expect(el).to.be.accessible();
    });
  });

  describe('layout', () => {
    it('stacks rows as cards in a narrow container', async () => {
      const { a, wrap, el } = await wrapped('width: 380px');
      a.last('listBalanceTransactions').resolve(page(txns(2)));
      await settle(el);
      await waitUntil(() => rowsOf(el).length === 2, undefined, { timeout: 5000 });
      expect(getComputedStyle($(el, '.head')!).display).to.equal('none');
      const row = rowsOf(el)[0]!;
      // Description and net share the first line; the date is on a line below.
      const d = cell(row, 'description').getBoundingClientRect();
      const amt = cell(row, 'net').getBoundingClientRect();
      const date = cell(row, 'date').getBoundingClientRect();
      expect(Math.abs(d.top - amt.top)).to.be.lessThan(4);
      expect(date.top).to.be.greaterThan(d.bottom - 1);
      expect(getComputedStyle($(el, '.filters')!).display).to.equal('none');
      $(el, '.filters-toggle')!.click();
      await settle(el);
      expect(getComputedStyle($(el, '.filters')!).display).to.not.equal('none');
      await expect(el).to.be.accessible();
      wrap.style.width = '900px';
      await settle(el);
      await aTimeout(50);
      expect(getComputedStyle($(el, '.head')!).display).to.not.equal('none');
    });

    it('works right to left', async () => {
      const { a, el } = await wrapped('width: 900px', 'rtl');
      a.last('listBalanceTransactions').resolve(page([txn(), txn({ type: 'payout', amount: -8813, fee: 0 })]));
      await settle(el);
      await waitUntil(() => rowsOf(el).length === 2, undefined, { timeout: 5000 });
      // A negative amount still reads "-$88.13": the minus sign is drawn left of the digits.
      const amount = [...cell(rowsOf(el)[1]!, 'amount').querySelector('[dir="ltr"]')!.childNodes].find((n): n is Text => n.nodeType === Node.TEXT_NODE)!;
      expect(amount.data).to.equal('-$88.13');
      const at = (i: number) => {
        const r = document.createRange();
        r.setStart(amount, i);
        r.setEnd(amount, i + 1);
        return r.getBoundingClientRect().left;
      };
      expect(at(0)).to.be.lessThan(at(1));
      expect(at(1)).to.be.lessThan(at(6));
      const row = rowsOf(el)[0]!.getBoundingClientRect();
      const date = cell(rowsOf(el)[0]!, 'date').getBoundingClientRect();
      const status = cell(rowsOf(el)[0]!, 'status').getBoundingClientRect();
      // The first column is on the right, the last on the left, the row fills the table.
      expect(date.left).to.be.greaterThan(status.left);
      expect(row.right - date.right).to.be.lessThan(20);
      const header = $(el, '.head [role="columnheader"]')!.getBoundingClientRect();
      expect(Math.abs(header.right - date.right)).to.be.lessThan(2);
      await expect(el).to.be.accessible();
    });
  });
});

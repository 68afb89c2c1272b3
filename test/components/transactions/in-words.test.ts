/**
 * `<express-transactions>` read as a driver reads it (issue 15, sections 4 and 5): full
 * descriptions and times of day on a wide screen, net first on a phone, payouts as payouts, row
 * details in words, the language switched after load, the CSV's name, bigger pages once
 * scrolling, a rate-limited page that retries by itself, a focused row never under the header.
 */
import { aTimeout, expect, fixture, html, waitUntil } from '@open-wc/testing';
import { nothing } from 'lit';
import { sendKeys } from '@web/test-runner-commands';
import { ExpressError } from '../../../src/contract/errors.js';
import '../../../src/components/transactions/transactions.js';
import '../../../src/components/earnings/earnings.js';
import { localIsoDate } from '../../../src/core/time.js';
import { fakeAdapter } from '../../support/earnings-adapter.js';
import type { ExpressTransactions } from '../../../src/components/transactions/transactions.js';
import type { BalanceTransaction } from '../../../src/contract/types.js';
import { failOnLitWarnings } from '../../support/lit-warnings.js';
import { FakeAdapter, page, txn, txns } from './transactions.fake.js';

const $ = (el: ExpressTransactions, sel: string) => el.shadowRoot!.querySelector<HTMLElement>(sel);
const $$ = (el: ExpressTransactions, sel: string) => [...el.shadowRoot!.querySelectorAll<HTMLElement>(sel)];
const rowsOf = (el: ExpressTransactions) => $$(el, '[part~="row"]');
const cell = (row: Element, part: string) => row.querySelector<HTMLElement>(`[part~="${part}"]`)!;
const text = (n: Element | null) => (n?.textContent ?? '').replace(/\s+/g, ' ').trim();
const frames = async (n: number) => {
  for (let i = 0; i < n; i++) await new Promise((r) => requestAnimationFrame(r));
};

async function settle(el: ExpressTransactions): Promise<void> {
  for (let i = 0; i < 4; i++) {
    await aTimeout(0);
    await el.updateComplete;
  }
}

/** A list inside `<div style=${style}>`, on a fake adapter whose first page is `data`. */
async function listIn(style: string, data: BalanceTransaction[], opts: { hasMore?: boolean; dir?: string; attrs?: Record<string, string> } = {}) {
  const a = new FakeAdapter();
  const wrap = await fixture<HTMLDivElement>(html`<div dir=${opts.dir ?? nothing} style=${style}><express-transactions locale="en-US" platform-name="Lumen Rides"></express-transactions></div>`);
  const el = wrap.querySelector('express-transactions')!;
  for (const [k, v] of Object.entries(opts.attrs ?? {})) el.setAttribute(k, v);
  el.adapter = a;
  await settle(el);
  a.last('listBalanceTransactions').resolve(page(data, opts.hasMore ?? false));
  await settle(el);
  if (data.length) await waitUntil(() => rowsOf(el).length > 0, 'rows rendered', { timeout: 5000 });
  return { a, wrap, el };
}

describe('<express-transactions> in a driver\'s words', function () {
  this.timeout(30_000);
  failOnLitWarnings();

  // axe-core loads on its first use: in WebKit on a busy machine that alone can outlast a test.
  before(async function () {
    this.timeout(90_000);
    await expect(await fixture(html`<p>warm-up</p>`)).to.be.accessible();
  });

  describe('language', () => {
    it('changing the locale after load redraws every row, the first page and those beyond it', async () => {
      const data = txns(60);
      const { el, wrap } = await listIn('height: 400px; overflow: auto', data.slice(0, 25), { hasMore: true });
      const { a } = { a: (el.adapter as FakeAdapter) };
      const more = el.loadMore();
      a.last('listBalanceTransactions').resolve(page(data.slice(25), false));
      await more;
      await settle(el);
      await waitUntil(() => el.shadowRoot!.textContent!.includes('Showing 60'), 'second page', { timeout: 5000 });
      // Scrolled down: rows of the second page are drawn.
      wrap.scrollTop = wrap.scrollHeight;
      await frames(4);
      expect(rowsOf(el).some((r) => Number(r.getAttribute('aria-rowindex')) > 40)).to.equal(true);
      el.locale = 'fr-FR';
      await waitUntil(() => rowsOf(el).every((r) => text(cell(r, 'type')) === 'Paiement'), 'every row in French', { timeout: 5000 });
      const types = rowsOf(el).map((r) => text(cell(r, 'type')));
      expect(types.every((t) => t === 'Paiement'), types.join(',')).to.equal(true);
      expect(rowsOf(el).every((r) => text(cell(r, 'description')) === 'Paiement via Lumen Rides')).to.equal(true);
      // Scrolling back to the top shows the first page in French too.
      wrap.scrollTop = 0;
      await frames(4);
      expect(rowsOf(el).filter((r) => Number(r.getAttribute('aria-rowindex')) <= 26).every((r) => text(cell(r, 'type')) === 'Paiement')).to.equal(true);
      await expect(el).to.be.accessible();
    });
  });

  describe('the toolbar', () => {
    /** Relative luminance of an `rgb(...)` colour (WCAG). */
    const luminance = (rgb: string) => {
      const [r, g, b] = rgb.match(/[\d.]+/g)!.slice(0, 3).map((v) => {
        const c = Number(v) / 255;
        return c <= 0.03928 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4;
      });
      return 0.2126 * r! + 0.7152 * g! + 0.0722 * b!;
    };
    const contrast = (a: string, b: string) => {
      const [x, y] = [luminance(a), luminance(b)].sort((p, q) => q - p);
      return (x! + 0.05) / (y! + 0.05);
    };

    it('menus and date fields of the transactions and earnings toolbars have borders of 3:1 (the control border token)', async () => {
      const { el } = await listIn('width: 900px', txns(2), { attrs: { range: 'custom' } });
      const fields = $$(el, '.field select, .field input');
      expect(fields.length).to.be.at.least(3);
      for (const f of fields) {
        const cs = getComputedStyle(f);
        expect(contrast(cs.borderTopColor, getComputedStyle($(el, '.base')!).backgroundColor), f.outerHTML.slice(0, 40)).to.be.at.least(3);
      }
      // A page's own token wins.
      el.style.setProperty('--express-color-control-border', 'rgb(1, 2, 3)');
      expect(getComputedStyle(fields[0]!).borderTopColor).to.equal('rgb(1, 2, 3)');

      const wrap = await fixture<HTMLDivElement>(html`<div style="width: 700px"><express-earnings locale="en-US" currency="usd" time-zone="UTC"></express-earnings></div>`);
      const earnings = wrap.querySelector('express-earnings')!;
      earnings.adapter = fakeAdapter();
      await earnings.updateComplete;
      const controls = [...earnings.shadowRoot!.querySelectorAll<HTMLElement>('.controls select, .controls input[type="date"]')];
      expect(controls.length).to.be.at.least(2);
      for (const c of controls) {
        expect(contrast(getComputedStyle(c).borderTopColor, getComputedStyle(c).backgroundColor), c.outerHTML.slice(0, 40)).to.be.at.least(3);
      }
    });

    it('the CSV file is named after what it holds: range, type and currency', async () => {
      const nov = { type: 'payout', amount: -1000, fee: 0, created: Date.UTC(2026, 10, 15, 12) / 1000 };
      const { el, a } = await listIn('width: 900px', txns(3, nov), {
        attrs: { range: 'custom', from: '2026-11-01', to: '2026-11-30', category: 'payout' },
      });
      expect(a.last('listBalanceTransactions').params).to.deep.include({ type: ['payout', 'payout_cancel', 'payout_failure'] });
      const saved: string[] = [];
      el.save = (name) => saved.push(name);
      const done = el.exportCsv();
      a.last('listBalanceTransactions').resolve(page(txns(1, nov)));
      await done;
      expect(saved).to.deep.equal(['transactions-2026-11-01-to-2026-11-30-payouts.csv']);
      el.range = 'all';
      el.category = 'all';
      await settle(el);
      a.last('listBalanceTransactions').resolve(page(txns(1)));
      await settle(el);
      const again = el.exportCsv();
      a.last('listBalanceTransactions').resolve(page(txns(1)));
      await again;
      const tz = Intl.DateTimeFormat().resolvedOptions().timeZone;
      expect(saved[1]).to.equal(`transactions-up-to-${localIsoDate(Date.now() / 1000, tz)}.csv`);
    });
  });

  describe('the rows', () => {
    const year = new Date().getFullYear();
    const tz = Intl.DateTimeFormat().resolvedOptions().timeZone;
    /** Mid-day on a day of this year (in the browser's timezone, the list's until the account answers). */
    const thisYear = (month: number, day: number, hour = 9) => new Date(year, month, day, hour, 15).getTime() / 1000;
    const cutOff = (el: HTMLElement) => el.scrollWidth > el.clientWidth + 0.5;

    // The dashboard's list is 830px wide in a 1280 and a 1440px window (the dashboard's own width).
    for (const width of [830, 1000]) {
      it(`at ${width}px descriptions show in full and dates give the time of day, the year only when not this year`, async () => {
        const data = [
          txn({ created: thisYear(1, 3, 21), description: null }),
          txn({ created: thisYear(1, 3, 20), type: 'payout', amount: -15707, fee: 0, description: null, source: 'po_wide' }),
          txn({ created: thisYear(1, 3, 19), status: 'pending', available_on: thisYear(1, 5) }),
          txn({ created: new Date(year - 1, 10, 26, 21, 45).getTime() / 1000, description: null }),
        ];
        const { el, a } = await listIn(`width: ${width}px`, data);
        a.last('listPayouts').resolve({ data: [{ id: 'po_wide', amount: 15707, currency: 'usd', created: data[1]!.created, arrival_date: data[1]!.created + 86400, status: 'in_transit', destination: { id: 'ba_1', object: 'bank_account', last4: '6789' } }], has_more: false });
        await waitUntil(() => text(cell(rowsOf(el)[1]!, 'description')).endsWith('6789'), 'the payout names its bank account', { timeout: 5000 });
        const rows = rowsOf(el);
        for (const r of rows) {
          const d = cell(r, 'description');
          expect(cutOff(d), `${text(d)}: ${d.scrollWidth} > ${d.clientWidth}`).to.equal(false);
          const t = r.querySelector<HTMLElement>('[part~="date"] time')!;
          expect(cutOff(cell(r, 'date')), text(t)).to.equal(false);
        }
        expect(text(cell(rows[0]!, 'description'))).to.equal('Payment from Lumen Rides');
        expect(text(cell(rows[1]!, 'description'))).to.equal('Payout to your bank account ···· 6789');
        const when = (i: number) => text(rows[i]!.querySelector('[part~="date"] time'));
        const f = (ts: number, y: boolean) => new Intl.DateTimeFormat('en-US', { month: 'short', day: 'numeric', ...(y ? { year: 'numeric' } : {}), hour: 'numeric', minute: '2-digit', timeZone: tz }).format(ts * 1000);
        expect(when(0)).to.equal(f(data[0]!.created, false));
        expect(when(0)).to.match(/9:15 PM$/);
        expect(when(0)).to.not.include(String(year));
        expect(when(3)).to.equal(f(data[3]!.created, true));
        expect(when(3)).to.include(String(year - 1));
        await expect(el).to.be.accessible();
      });
    }

    // 342px: the list in a 390px phone's page with 24px margins (the demo's).
    it('on a phone the card leads with the net; date, type and the status in full under it; gross and fee last', async () => {
      const soon = Math.floor(Date.now() / 1000) + 3 * 86_400;
      const { el } = await listIn('width: 342px', [
        txn({ amount: 1439, fee: 360, description: null, status: 'pending', available_on: soon }),
        txn({ amount: 4293, fee: 1073, description: null, status: 'pending', available_on: soon }),
      ]);
      const rows = rowsOf(el);
      expect(rows).to.have.length(2);
      for (const row of rows) {
        const box = (part: string) => cell(row, part).getBoundingClientRect();
        const [desc, net, amount, fee, date, type] = ['description', 'net', 'amount', 'fee', 'date', 'type'].map(box);
        // First line: the description and, at the end, what the person takes home.
        expect(Math.abs(desc!.top - net!.top)).to.be.below(4);
        expect(net!.left).to.be.above(desc!.left);
        // Second line: the date, the type, and the status ("Pending until …") in full, ending where the net ends.
        const pill = cell(row, 'status').querySelector<HTMLElement>('.pill')!;
        const p = pill.getBoundingClientRect();
        expect(text(pill)).to.match(/^Pending until \w+ \d+$/);
        expect(pill.scrollWidth, text(pill)).to.be.at.most(pill.clientWidth + 1);
        expect(p.top).to.be.below(date!.bottom);
        expect(p.bottom).to.be.above(date!.top);
        expect(Math.abs(type!.top - date!.top)).to.be.below(4);
        expect(date!.top).to.be.above(net!.bottom - 1);
        expect(Math.abs(p.right - net!.right)).to.be.below(2);
        // Last line: gross and fee together, with their labels.
        expect(amount!.top).to.be.above(Math.max(date!.bottom, p.bottom) - 1);
        expect(Math.abs(amount!.top - fee!.top)).to.be.below(4);
        expect(fee!.left).to.be.at.least(amount!.right);
        // Everything inside the card.
        const card = row.getBoundingClientRect();
        for (const b of [desc, net, amount, fee, date, p]) {
          expect(b!.bottom).to.be.at.most(card.bottom + 0.5);
          expect(b!.right).to.be.at.most(card.right + 0.5);
        }
      }
      const row = rows[0]!;
      expect(text(cell(row, 'net').querySelector('[dir="ltr"]'))).to.equal('$10.79');
      const labelled = (part: string) => [...cell(row, part).children].map((c) => text(c)).join(' ');
      expect(labelled('amount')).to.equal('Amount $14.39');
      expect(labelled('fee')).to.equal('Fee $3.60');
      expect(cell(row, 'amount').querySelector<HTMLElement>('.cell-label')!.getBoundingClientRect().width).to.be.above(0);
      // The net is the bigger, bolder number.
      const size = (part: string) => parseFloat(getComputedStyle(cell(row, part)).fontSize);
      expect(size('net')).to.be.above(size('amount'));
      expect(Number(getComputedStyle(cell(row, 'net')).fontWeight)).to.be.at.least(600);
      await expect(el).to.be.accessible();
    });

    it('payout rows read as payouts: neutral amounts, "In transit" then "Paid", the bank\'s last four digits', async () => {
      const created = thisYear(1, 3, 1);
      const data = [
        txn({ created: created + 60 }),
        txn({ id: 'txn_po', created, type: 'payout', amount: -15707, fee: 0, description: 'STRIPE PAYOUT', source: 'po_1' }),
        txn({ created: created - 60, type: 'payment_refund', amount: -500, fee: 0 }),
      ];
      const { el, a } = await listIn('width: 900px', data);
      const row = () => rowsOf(el).find((r) => r.dataset.id === 'txn_po')!;
      // Until the payout is known the row says nothing of its status, and never "Available".
      expect(text(cell(row(), 'status'))).to.equal('');
      const list = a.last('listPayouts');
      expect(list.params).to.deep.equal({ limit: 100 });
      const po = { id: 'po_1', amount: 15707, currency: 'usd', created, arrival_date: created + 86400, status: 'in_transit', destination: { id: 'ba_1', object: 'bank_account', last4: '6789', bank_name: 'STRIPE TEST BANK' } };
      list.resolve({ data: [po], has_more: false });
      await waitUntil(() => text(cell(row(), 'status')) === 'In transit', 'in transit', { timeout: 5000 });
      expect(text(cell(row(), 'description'))).to.equal('Payout to your bank account ···· 6789');
      // Neutral, not a loss: the text colour, not the danger colour the refund gets.
      const refund = rowsOf(el)[2]!;
      const colour = (r: HTMLElement, part: string) => getComputedStyle(cell(r, part)).color;
      expect(colour(row(), 'amount')).to.equal(colour(rowsOf(el)[0]!, 'amount'));
      expect(colour(row(), 'net')).to.equal(colour(rowsOf(el)[0]!, 'net'));
      expect(colour(refund, 'amount')).to.not.equal(colour(rowsOf(el)[0]!, 'amount'));
      expect(text(cell(row(), 'amount'))).to.include('-$157.07');
      // The details: status, arrival and the bank account in words.
      row().click();
      await settle(el);
      await waitUntil(() => $(el, '.row.detail'), 'details', { timeout: 5000 });
      const shown = text($(el, '.row.detail > [role="gridcell"] > dl'));
      expect(shown).to.include('In transit');
      expect(shown).to.include('Bank account ···· 6789 (STRIPE TEST BANK)');
      expect(shown).to.not.include('Available');
      // The live feed says it arrived.
      a.emit({ type: 'payout.updated', data: { ...po, status: 'paid' } });
      await waitUntil(() => text(cell(row(), 'status')) === 'Paid', 'paid', { timeout: 5000 });
      await expect(el).to.be.accessible();
    });

    it('an expanded payout source needs no lookup', async () => {
      const created = thisYear(1, 3, 1);
      const source = { id: 'po_x', object: 'payout', amount: 100, currency: 'usd', created, arrival_date: created, status: 'paid', destination: { id: 'card_1', object: 'card', last4: '4242', brand: 'Visa' } };
      const { el, a } = await listIn('width: 900px', [txn({ created, type: 'payout', amount: -100, fee: 0, description: null, source: source as unknown as { id: string } })]);
      await settle(el);
      expect(a.calls.some((c) => c.method === 'listPayouts')).to.equal(false);
      expect(text(cell(rowsOf(el)[0]!, 'status'))).to.equal('Paid');
      expect(text(cell(rowsOf(el)[0]!, 'description'))).to.equal('Payout to your card ···· 4242');
    });

    it('details speak in words; ids and Stripe\'s words wait behind "Technical details"', async () => {
      const dispute = txn({
        id: 'txn_dispute', type: 'adjustment', amount: -1079, fee: 0, reporting_category: 'dispute',
        description: 'Chargeback withdrawal for py_1Abc (Lumen Rides trip)', source: 'du_1Xyz', fee_details: [],
      });
      const refund = txn({ id: 'txn_refund', type: 'refund', amount: -1200, fee: 0, description: 'REFUND FOR CHARGE (Airport ride)', source: 'pyr_9' });
      const { el } = await listIn('width: 900px', [dispute, refund]);
      expect(text(cell(rowsOf(el)[0]!, 'description'))).to.equal('Chargeback: a customer disputed a payment');
      expect(text(cell(rowsOf(el)[1]!, 'description'))).to.equal('Refund: Airport ride');
      for (const r of rowsOf(el)) {
        r.click();
        await settle(el);
      }
      await waitUntil(() => $$(el, '.row.detail').length === 2, 'both open', { timeout: 5000 });
      const [d1, d2] = $$(el, '.row.detail');
      /** What a sighted reader sees: the text of rendered boxes only (a closed <details> renders only its summary). */
      const visible = (root: HTMLElement) => {
        const out: string[] = [];
        const walker = document.createTreeWalker(root, NodeFilter.SHOW_TEXT);
        for (let n = walker.nextNode(); n; n = walker.nextNode()) {
          const r = document.createRange();
          r.selectNodeContents(n);
          const parent = n.parentElement!;
          const shown = typeof parent.checkVisibility === 'function' ? parent.checkVisibility() : parent.getClientRects().length > 0;
          if (shown && r.getClientRects().length && n.textContent!.trim()) out.push(n.textContent!.trim());
        }
        return out.join(' ');
      };
      const seen = visible(d1!);
      expect(seen).to.include('A customer asked their bank to reverse a payment');
      expect(seen).to.include('Technical details');
      for (const raw of ['txn_dispute', 'py_1Abc', 'du_1Xyz', 'Stripe type', 'adjustment', 'Chargeback withdrawal']) expect(seen, raw).to.not.include(raw);
      expect(visible(d2!)).to.include('Refund of Airport ride');
      expect(visible(d2!)).to.not.include('pyr_9');
      // Support opens the disclosure: the ids are there.
      const summary = d1!.querySelector('summary')!;
      summary.click();
      await settle(el);
      await frames(2);
      const open = visible(d1!);
      for (const raw of ['txn_dispute', 'du_1Xyz', 'adjustment', 'dispute']) expect(open, raw).to.include(raw);
      await expect(el).to.be.accessible();
    });
  });

  describe('long lists', () => {
    it('auto-loading asks for 100 rows a page once the person scrolls through the list; "Load more" keeps the page size', async () => {
      const data = txns(400);
      const { el, a, wrap } = await listIn('height: 400px; overflow: auto', data.slice(0, 25), { hasMore: true });
      expect(a.last('listBalanceTransactions').params).to.deep.include({ limit: 25 });
      // "Load more" by hand: a page of the element's size.
      const more = el.loadMore();
      expect(a.lists).to.have.length(2);
      expect(a.last('listBalanceTransactions').params).to.deep.include({ limit: 25, starting_after: data[24]!.id });
      a.last('listBalanceTransactions').resolve(page(data.slice(25, 50), true));
      await more;
      await settle(el);
      // Scrolling to the end: the next page loads by itself, 100 rows.
      wrap.scrollTop = wrap.scrollHeight;
      await waitUntil(() => a.lists.length === 3, 'auto-load', { timeout: 5000 });
      expect(a.last('listBalanceTransactions').params).to.deep.include({ limit: 100, starting_after: data[49]!.id });
      a.last('listBalanceTransactions').resolve(page(data.slice(50, 150), true));
      await waitUntil(() => el.shadowRoot!.textContent!.includes('Showing 150'), '150 rows', { timeout: 5000 });
      wrap.scrollTop = wrap.scrollHeight;
      await waitUntil(() => a.lists.length === 4, 'auto-load again', { timeout: 5000 });
      expect(a.last('listBalanceTransactions').params).to.deep.include({ limit: 100, starting_after: data[149]!.id });
    });

    it('a rate-limited page is asked again by itself after Retry-After, its message and Retry shown meanwhile', async () => {
      const data = txns(60);
      const { el, a } = await listIn('width: 900px', data.slice(0, 25), { hasMore: true });
      const errors: unknown[] = [];
      el.addEventListener('express-error', (e) => errors.push((e as CustomEvent).detail.error.code));
      const more = el.loadMore();
      a.last('listBalanceTransactions').reject(new ExpressError('rate_limited', undefined, { retryAfter: 1 }));
      await more;
      await settle(el);
      const alert = () => $(el, '.footer [role="alert"]');
      expect(text(alert())).to.include('Too many requests. Try again in 1 second.');
      expect(alert()!.querySelector('button')!.textContent!.trim()).to.equal('Retry');
      expect(errors).to.deep.equal(['rate_limited']);
      // Half-way through the wait: no new request, the message stays.
      await aTimeout(500);
      expect(a.lists).to.have.length(2);
      expect(alert()).to.not.equal(null);
      // After the wait: the same page again, by itself.
      await waitUntil(() => a.lists.length === 3, 'retried', { timeout: 3000 });
      expect(a.last('listBalanceTransactions').params).to.deep.include({ starting_after: data[24]!.id });
      a.last('listBalanceTransactions').resolve(page(data.slice(25), false));
      await waitUntil(() => el.shadowRoot!.textContent!.includes('Showing 60'), 'rows', { timeout: 5000 });
      expect(alert()).to.equal(null);
      await expect(el).to.be.accessible();
    });

    it('a rate-limited first page is asked again by itself too', async () => {
      const a = new FakeAdapter();
      const el = await fixture<ExpressTransactions>(html`<express-transactions locale="en-US"></express-transactions>`);
      el.adapter = a;
      await settle(el);
      a.last('listBalanceTransactions').reject(new ExpressError('rate_limited', undefined, { retryAfter: 1 }));
      await settle(el);
      expect(text($(el, '[part~="error"]'))).to.include('Try again in 1 second');
      expect(a.lists).to.have.length(1);
      await waitUntil(() => a.lists.length === 2, 'retried', { timeout: 3000 });
      a.last('listBalanceTransactions').resolve(page(txns(3)));
      await waitUntil(() => rowsOf(el).length === 3, 'rows', { timeout: 5000 });
      // Another error is not retried by itself.
      el.range = '7d';
      await settle(el);
      a.last('listBalanceTransactions').reject(new ExpressError('server_error' as never));
      await settle(el);
      await aTimeout(1200);
      expect(a.lists).to.have.length(3);
    });

    it('a row focused by keyboard is never hidden under the sticky header', async () => {
      const data = txns(200);
      const { el, wrap } = await listIn('height: 300px; overflow: auto', data);
      const head = () => $(el, '.head')!.getBoundingClientRect();
      const h = rowsOf(el)[0]!.offsetHeight;
      const body = $(el, '.body')!;
      // Row 40 at the top of the scroller: under the header, which sticks there.
      wrap.scrollTop = body.getBoundingClientRect().top - wrap.getBoundingClientRect().top + wrap.scrollTop + 40 * h;
      await frames(3);
      expect(head().top).to.be.closeTo(wrap.getBoundingClientRect().top, 1);
      const row = (i: number) => rowsOf(el).find((r) => r.dataset.id === data[i]!.id)!;
      row(43).focus();
      await frames(2);
      for (let i = 0; i < 3; i++) {
        await sendKeys({ press: 'ArrowUp' });
        await settle(el);
      }
      await frames(2);
      const focused = el.shadowRoot!.activeElement as HTMLElement;
      expect(focused.dataset.id).to.equal(data[40]!.id);
      const r = focused.getBoundingClientRect();
      expect(r.top, `row top ${r.top}, header bottom ${head().bottom}`).to.be.at.least(head().bottom - 0.5);
      expect(r.bottom).to.be.at.most(wrap.getBoundingClientRect().bottom + 0.5);
      // Page Up, far above: the same.
      await sendKeys({ press: 'PageUp' });
      await settle(el);
      await frames(3);
      const up = (el.shadowRoot!.activeElement as HTMLElement).getBoundingClientRect();
      expect((el.shadowRoot!.activeElement as HTMLElement).dataset.id).to.equal(data[30]!.id);
      expect(up.top).to.be.at.least(head().bottom - 0.5);
      // Tab back into the list after scrolling: the row Tab reaches is shown below the header too.
      wrap.scrollTop -= h * 0.5;
      await frames(2);
      focused.blur();
      (el.shadowRoot!.activeElement as HTMLElement | null)?.blur();
      row(30).focus();
      await frames(3);
      expect(row(30).getBoundingClientRect().top).to.be.at.least(head().bottom - 0.5);
    });
  });
});


/**
 * `<express-transactions>` read as a driver reads it (issue 15, sections 4 and 5): full
 * descriptions and times of day on a wide screen, net first on a phone, payouts as payouts, row
 * details in words, the language switched after load, the CSV's name, bigger pages once
 * scrolling, a rate-limited page that retries by itself, a focused row never under the header.
 */
import { aTimeout, expect, fixture, html, waitUntil } from '@open-wc/testing';
import { nothing } from 'lit';
import '../../src/components/transactions/transactions.js';
import '../../src/components/earnings/earnings.js';
import { localIsoDate } from '../../src/core/time.js';
import { fakeAdapter } from '../support/earnings-adapter.js';
import type { ExpressTransactions } from '../../src/components/transactions/transactions.js';
import type { BalanceTransaction } from '../../src/contract/types.js';
import { failOnLitWarnings } from '../support/lit-warnings.js';
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
});

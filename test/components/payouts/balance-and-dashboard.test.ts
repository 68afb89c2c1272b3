import { expect, fixture, html, oneEvent, waitUntil } from '@open-wc/testing';
import '../../../src/components/dashboard/dashboard.js';
import type { ExpressBalance } from '../../../src/components/balance/balance.js';
import type { ExpressDashboard } from '../../../src/components/dashboard/dashboard.js';
import type { ExpressPayoutDetails } from '../../../src/components/payouts/payouts.js';
import { MemoryAdapter } from '../../../src/adapter/memory-adapter.js';
import type { ListPayoutsParams } from '../../../src/contract/types.js';
import { demoAdapter } from '../../../src/demo/demo-adapter.js';
import type { ExpressPayoutSelectEvent } from '../../../src/events.js';
import { failOnLitWarnings } from '../../support/lit-warnings.js';
import { hostPage } from '../../support/host-page.js';
import { account, po, PayoutsAdapter, settledBy } from './payouts.fake.js';

const shadow = (el: Element) => el.shadowRoot!;
const text = (el: Element | null | undefined) => el?.textContent?.replace(/\s+/g, ' ').trim() ?? '';

failOnLitWarnings();

describe("payouts in <express-balance> and <express-dashboard>", function () {
  this.timeout(40_000);

  const next = po('po_next', 'in_transit', 1, 4_000);
  const paid = po('po_p1', 'paid', -1, 1_111);

  async function balance() {
    const adapter = new PayoutsAdapter();
    const el = await fixture<ExpressBalance>(html`<express-balance locale="en-US" .adapter=${adapter}></express-balance>`);
    await waitUntil(() => adapter.callsOf('listPayouts').length === 3);
    adapter.resolveAll('getAccount', account);
    adapter.resolveAll('getBalance', { available: [{ amount: 100, currency: 'usd' }], pending: [] });
    for (const c of adapter.open('listPayouts')) {
      const status = (c.params as ListPayoutsParams).status;
      c.resolve({ data: [next, paid].filter((p) => !status || p.status === status), has_more: false });
    }
    await waitUntil(() => shadow(el).querySelector('[part=total]'));
    return { el, adapter };
  }

  it("the balance's payouts open their details through the same cancelable express-payout-select", async () => {
    const { el, adapter } = await balance();
    const cancel = (e: Event) => e.preventDefault();
    el.addEventListener('express-payout-select', cancel);
    let fired = oneEvent(el, 'express-payout-select') as Promise<ExpressPayoutSelectEvent>;
    shadow(el).querySelector<HTMLButtonElement>('[part=payout][data-id=po_p1] button')!.click();
    expect((await fired).detail.payout.id).to.equal('po_p1');
    await el.updateComplete;
    expect(shadow(el).querySelector('dialog')).to.equal(null);
    el.removeEventListener('express-payout-select', cancel);

    // The next payout (one that day) links to its details.
    const link = shadow(el).querySelector<HTMLButtonElement>('[part=next-payout-details]')!;
    expect(text(link)).to.equal('View details');
    fired = oneEvent(el, 'express-payout-select') as Promise<ExpressPayoutSelectEvent>;
    link.click();
    expect((await fired).detail.payout.id).to.equal('po_next');
    await waitUntil(() => shadow(el).querySelector('dialog[open]'));
    const details = shadow(el).querySelector<ExpressPayoutDetails>('dialog express-payout-details')!;
    expect(details.payoutId).to.equal('po_next');
    await waitUntil(() => adapter.open('listBalanceTransactions').length === 1);
    adapter.resolveAll('listBalanceTransactions', { data: settledBy(next, [4_000]), has_more: false });
    await waitUntil(() => details.shadowRoot!.querySelector('.breakdown'));
    await expect(el).to.be.accessible();
    shadow(el).querySelector<HTMLButtonElement>('.dialog-close')!.click();
    await waitUntil(() => !shadow(el).querySelector('dialog'));
    expect(shadow(el).activeElement).to.equal(link);
  });

  // Without the chart and the list: the list's virtualizer on main can report a ResizeObserver loop
  // (issue 12), which is not what this test is about. The layout test in dashboard.test.ts has all sections.
  it('the dashboard shows the payouts section on the same data, and opens a payout from the balance', async () => {
    const watch = hostPage();
    try {
      const adapter = demoAdapter({ seed: 3, months: 2, now: Date.UTC(2026, 10, 26, 15) / 1000 });
      const wrap = await fixture<HTMLDivElement>(html`<div style="width: 1280px"><express-dashboard locale="en-US" sections="header balance payouts" platform-name="Lumen Rides" .adapter=${adapter}></express-dashboard></div>`);
      const dash = wrap.querySelector<ExpressDashboard>('express-dashboard')!;
      const payouts = await waitUntil(() => shadow(dash).querySelector('express-payouts')).then(() => shadow(dash).querySelector('express-payouts')!);
      await waitUntil(() => shadow(payouts).querySelectorAll('[part~=row]').length > 0, 'payouts listed', { timeout: 10_000 });
      const first = (await adapter.listPayouts({ limit: 1 })).data[0]!;
      expect(shadow(payouts).querySelector('[part~=row]')!.getAttribute('data-id')).to.equal(first.id);
      expect(text(shadow(payouts).querySelector('[part~=row] [part=destination]'))).to.equal('Bank account ···· 6789');

      // A payout opened from the list reconciles exactly on the demo data.
      const bal = shadow(dash).querySelector('express-balance')!;
      await waitUntil(() => shadow(bal).querySelector('[part=payout] button'), 'balance loaded', { timeout: 10_000 });
      shadow(bal).querySelector<HTMLButtonElement>('[part=payouts] [part=payout] button')!.click();
      await waitUntil(() => shadow(bal).querySelector('dialog[open]'));
      const details = shadow(bal).querySelector<ExpressPayoutDetails>('dialog express-payout-details')!;
      await waitUntil(() => details.shadowRoot!.querySelector('.breakdown, .note'), 'details loaded', { timeout: 10_000 });
      expect(text(details.shadowRoot!.querySelector('.matches'))).to.equal('These add up exactly to the payout.');
      await expect(bal).to.be.accessible();
      expect(watch.seen).to.deep.equal([]);
    } finally {
      watch.stop();
    }
  });

  it('a manual payout from a MemoryAdapter says it is not tied to transactions', async () => {
    const manual = po('po_manual', 'paid', -1, 5_000, { automatic: false });
    const adapter = new MemoryAdapter({ account, payouts: [manual] });
    const el = await fixture<ExpressPayoutDetails>(html`<express-payout-details locale="en-US" payout-id="po_manual" .adapter=${adapter}></express-payout-details>`);
    await waitUntil(() => el.shadowRoot!.querySelector('[part=reconciliation] .note'));
    expect(text(el.shadowRoot!.querySelector('[part=reconciliation] .note'))).to.contain('requested by hand');
  });
});

import { aTimeout, expect, fixture, html, waitUntil } from '@open-wc/testing';
import '../../../src/components/dashboard/dashboard.js';
import type { ExpressDashboard } from '../../../src/components/dashboard/dashboard.js';
import { MemoryAdapter } from '../../../src/adapter/memory-adapter.js';
import type { ExpressAdapter, ExpressEvent } from '../../../src/contract/types.js';
import { DemoAdapter, demoAdapter } from '../../../src/demo/demo-adapter.js';
import { balance_transaction as balanceTransaction } from '../../support/fixtures.js';
import { hostPage } from '../../support/host-page.js';

/** A demo history ending now (the live payment is made with the real clock). */
function demo(): DemoAdapter {
  return demoAdapter({ seed: 11, months: 2, currency: 'usd', timezone: 'America/New_York', now: Date.now(), platformName: 'Lumen Rides' });
}

/** `adapter` with its subscriptions counted. */
function counted(adapter: DemoAdapter): DemoAdapter & { subscriptions: number; active: number } {
  const a = adapter as DemoAdapter & { subscriptions: number; active: number };
  a.subscriptions = 0;
  a.active = 0;
  const subscribe = adapter.subscribe.bind(adapter);
  a.subscribe = (listener: (e: ExpressEvent) => void) => {
    a.subscriptions++;
    a.active++;
    const off = subscribe(listener);
    return () => {
      a.active--;
      off();
    };
  };
  return a;
}

/**
 * The same data without a live feed (no `subscribe`), with every call counted; `calls.poll` counts
 * the dashboard's polls (the only `listBalanceTransactions` asking for exactly `{ limit: 20 }`).
 */
function withoutFeed(memory: MemoryAdapter): ExpressAdapter & { calls: Record<string, number> } {
  const calls: Record<string, number> = { poll: 0 };
  const a: Record<string, unknown> = { calls };
  for (const name of ['getAccount', 'getBalance', 'listBalanceTransactions', 'listPayouts', 'createLoginLink', 'getNetVolume'] as const) {
    a[name] = (...args: unknown[]) => {
      calls[name] = (calls[name] ?? 0) + 1;
      if (name === 'listBalanceTransactions' && JSON.stringify(args[0]) === '{"limit":20}') calls.poll++;
      return (memory[name] as (...x: unknown[]) => unknown).apply(memory, args);
    };
  }
  return a as unknown as ExpressAdapter & { calls: Record<string, number> };
}

const inner = (el: ExpressDashboard, part: string) => el.shadowRoot!.querySelector(`[part=${part}]`)!.shadowRoot!;
const pendingText = (el: ExpressDashboard) => inner(el, 'balance').querySelector('[part=pending]')?.textContent ?? '';
const lastBucket = (el: ExpressDashboard) => {
  const rows = [...inner(el, 'earnings').querySelectorAll('[part=data-table] tr[data-start]')];
  return rows.at(-1)?.querySelector('td:last-child, th:last-child')?.textContent ?? '';
};
const hasRow = (el: ExpressDashboard, id: string) => !!inner(el, 'transactions').querySelector(`[part~=row][data-id="${id}"]`);

/** Waits until the balance, the chart and the list have all loaded. */
async function allLoaded(el: ExpressDashboard) {
  await waitUntil(() => pendingText(el) !== '', 'balance loaded', { timeout: 5000 });
  await waitUntil(() => lastBucket(el) !== '', 'chart loaded', { timeout: 5000 });
  // The list renders the rows in view (it is virtualised): bring it into view.
  el.shadowRoot!.querySelector('[part=transactions]')!.scrollIntoView({ block: 'start' });
  await waitUntil(() => inner(el, 'transactions').querySelector('[part~=row]'), 'list loaded', { timeout: 5000 });
}

let hiddenOverride = false;
function setHidden(hidden: boolean) {
  if (hidden) {
    Object.defineProperty(document, 'hidden', { configurable: true, get: () => true });
    Object.defineProperty(document, 'visibilityState', { configurable: true, get: () => 'hidden' });
  } else {
    delete (document as unknown as Record<string, unknown>).hidden;
    delete (document as unknown as Record<string, unknown>).visibilityState;
  }
  hiddenOverride = hidden;
  document.dispatchEvent(new Event('visibilitychange'));
}
// What a host page's error tracking would see while the dashboard lives in it: none of it is allowed
// (a "ResizeObserver loop" report included).
let host: ReturnType<typeof hostPage>;
beforeEach(() => {
  host = hostPage();
});
afterEach(() => {
  if (hiddenOverride) setHidden(false);
  host.stop();
  expect(host.seen, 'errors reaching the host page').to.deep.equal([]);
});

describe('<express-dashboard> live', function () {
  // Three elements loading two months of history: slower engines need more than the default.
  this.timeout(30_000);

  it('subscribes once for the whole dashboard and a new payment updates balance, chart and list together', async () => {
    const adapter = counted(demo());
    const el = await fixture<ExpressDashboard>(html`
      <express-dashboard locale="en-US" platform-name="Lumen Rides" .adapter=${adapter}>
        <express-balance class="extra"></express-balance>
      </express-dashboard>`);
    await allLoaded(el);
    expect(adapter.subscriptions, 'one upstream subscription').to.equal(1);
    expect(adapter.active).to.equal(1);

    const pendingBefore = pendingText(el);
    const bucketBefore = lastBucket(el);
    const txn = adapter.simulatePayment({ amount: 2_345 });
    await waitUntil(() => hasRow(el, txn.id), 'the list shows the new transaction', { timeout: 5000 });
    await waitUntil(() => lastBucket(el) !== bucketBefore, 'the chart counts it', { timeout: 5000 });
    await waitUntil(() => pendingText(el) !== pendingBefore, 'the balance counts it', { timeout: 5000 });
    const extra = el.querySelector<HTMLElement>('.extra')!.shadowRoot!;
    await waitUntil(() => extra.querySelector('[part=pending]')?.textContent === pendingText(el), 'a slotted element too');
    expect(adapter.subscriptions).to.equal(1);

    const region = el.shadowRoot!.querySelector('[role=status]')!;
    expect(region.getAttribute('aria-live')).to.equal('polite');
    await waitUntil(() => region.textContent!.includes('Payment from Lumen Rides'), 'announced');
    const net = new Intl.NumberFormat('en-US', { style: 'currency', currency: 'USD' }).format(txn.net / 100);
    expect(region.textContent).to.equal(`New activity: Payment from Lumen Rides, ${net}`);

    // A second arrival within a few seconds is not announced at once.
    adapter.simulatePayment({ amount: 1_000 });
    await el.updateComplete;
    expect(region.textContent).to.equal(`New activity: Payment from Lumen Rides, ${net}`);

    el.remove();
    expect(adapter.active, 'unsubscribed when gone').to.equal(0);
  });

  it('is accessible with every element loaded and after a live update', async function () {
    this.timeout(90_000); // axe over the whole dashboard takes WebKit a while
    const adapter = demo();
    const el = await fixture<ExpressDashboard>(html`<express-dashboard locale="en-US" platform-name="Lumen Rides" .adapter=${adapter}></express-dashboard>`);
    await allLoaded(el);
    const txn = adapter.simulatePayment({ amount: 2_000 });
    await waitUntil(() => hasRow(el, txn.id), 'live row', { timeout: 5000 });
    await expect(el).to.be.accessible();
  });

  it('gives a payout event to the balance', async () => {
    const adapter = counted(demo());
    const el = await fixture<ExpressDashboard>(html`<express-dashboard locale="en-US" sections="balance" .adapter=${adapter}></express-dashboard>`);
    await waitUntil(() => pendingText(el) !== '', 'balance loaded', { timeout: 5000 });
    adapter.emit({
      type: 'payout.created',
      data: { id: 'po_live', amount: 55_500, currency: 'usd', created: Math.floor(Date.now() / 1000), arrival_date: Math.floor(Date.now() / 1000) + 3600, status: 'in_transit' },
    });
    await waitUntil(() => inner(el, 'balance').querySelector('[data-id=po_live]'), 'payout listed');
    expect(inner(el, 'balance').querySelector('[data-id=po_live] [part=status]')!.textContent).to.equal('In transit');
    const region = el.shadowRoot!.querySelector('[role=status]')!;
    await waitUntil(() => region.textContent === 'Payout of $555.00: In transit');
  });

  it('polls an adapter without subscribe, feeds the children, and pauses while the page is hidden', async () => {
    const memory = demo();
    const adapter = withoutFeed(memory);
    const el = await fixture<ExpressDashboard>(html`
      <express-dashboard locale="en-US" poll-interval="0.05" .adapter=${adapter}></express-dashboard>`);
    await allLoaded(el);
    expect((el.shadowRoot!.querySelector('[part=balance]') as unknown as { adapter?: unknown }).adapter).to.equal(undefined);

    const txn = memory.simulatePayment({ amount: 4_321 }); // the memory adapter's own feed: nobody listens to it
    await waitUntil(() => hasRow(el, txn.id), 'the poll found the new transaction', { timeout: 5000 });
    const pending = new Intl.NumberFormat('en-US', { style: 'currency', currency: 'USD' }).format(
      (await memory.getBalance()).pending[0].amount / 100,
    );
    await waitUntil(() => pendingText(el) === pending, 'the balance follows', { timeout: 5000 });

    setHidden(true);
    await aTimeout(10);
    const polled = adapter.calls.poll;
    expect(polled).to.be.above(1);
    await aTimeout(300); // six intervals
    expect(adapter.calls.poll, 'no poll while hidden').to.equal(polled);

    const second = memory.simulatePayment({ amount: 1_234 });
    setHidden(false);
    await waitUntil(() => hasRow(el, second.id), 'polling resumes when visible', { timeout: 5000 });

    // Taken out of the page it stops; put back, it polls again.
    const parent = el.parentElement!;
    el.remove();
    await aTimeout(10);
    const removedAt = adapter.calls.poll;
    await aTimeout(300);
    expect(adapter.calls.poll, 'no poll while removed').to.equal(removedAt);
    parent.append(el);
    await waitUntil(() => adapter.calls.poll > removedAt, 'polls again when back');
  });

  it('does not poll without poll-interval, nor when the adapter has its own feed', async () => {
    const memory = demo();
    const adapter = withoutFeed(memory);
    const el = await fixture<ExpressDashboard>(html`<express-dashboard sections="header" .adapter=${adapter}></express-dashboard>`);
    await waitUntil(() => el.shadowRoot!.querySelector('h1'));
    await aTimeout(200);
    expect(adapter.calls.poll).to.equal(0);

    const live = counted(demo());
    let lists = 0;
    const list = live.listBalanceTransactions.bind(live);
    live.listBalanceTransactions = (p, o) => {
      lists++;
      return list(p, o);
    };
    const el2 = await fixture<ExpressDashboard>(html`<express-dashboard sections="header" poll-interval="0.05" .adapter=${live}></express-dashboard>`);
    await waitUntil(() => el2.shadowRoot!.querySelector('h1'));
    await aTimeout(200);
    expect(lists).to.equal(0);
    expect(live.subscriptions).to.equal(1);
  });
});

describe('<express-dashboard> context', () => {
  it("give the transactions inside the dashboard's platform name unless they set their own", async () => {
    const payment = { ...structuredClone(balanceTransaction), id: 'txn_pf', type: 'payment', description: null };
    const adapter = new MemoryAdapter({ balance_transactions: [payment as never] });
    const el = await fixture<ExpressDashboard>(html`
      <express-dashboard locale="en-US" platform-name="Lumen" sections="" .adapter=${adapter}>
        <express-transactions class="inherits" style="display:block;height:300px;overflow:auto"></express-transactions>
        <express-transactions class="own" platform-name="Other" style="display:block;height:300px;overflow:auto"></express-transactions>
      </express-dashboard>`);
    const description = (list: Element) => list.shadowRoot?.querySelector('[part~=row] [part~=description]')?.textContent?.trim();
    const inherits = el.querySelector('.inherits')!;
    await waitUntil(() => description(inherits) === 'Payment from Lumen', "the dashboard's platform name", { timeout: 5000 });
    await waitUntil(() => description(el.querySelector('.own')!) === 'Payment from Other', 'its own name wins', { timeout: 5000 });
    el.platformName = 'Cargo';
    await waitUntil(() => description(inherits) === 'Payment from Cargo', 'follows a change');
    expect(description(el.querySelector('.own')!)).to.equal('Payment from Other');
    });
});


// A reset of the live feed (`event: reset`: the server can no longer replay the events a
// reconnecting browser missed) makes every element load its data again, with no code of its own
// for it (AdapterController), over real HTTP and SSE: test/support/middleware.mjs serves a live
// API under /test-api/live/{token}/v1 whose requests are counted, whose balance grows with each
// request, and whose open feeds POST /test-api/live/{token}/reset tells to reset.
import { expect, fixture, html, waitUntil } from '@open-wc/testing';
import '../../../src/components/balance/balance.js';
import '../../../src/components/dashboard/dashboard.js';
import '../../../src/components/earnings/earnings.js';
import '../../../src/components/transactions/transactions.js';
import { HttpAdapter } from '../../../src/adapter/http-adapter.js';
import { hostPage } from '../../support/host-page.js';

const token = () => `r${Math.random().toString(36).slice(2)}${Date.now().toString(36)}`;
type Counts = Record<string, number>;
const requests = async (tok: string): Promise<Counts> => (await fetch(`/test-api/live/${tok}/requests`)).json() as Promise<Counts>;
const openFeeds = async (tok: string): Promise<number> => ((await (await fetch(`/test-api/sse/live-${tok}/state`)).json()) as { open: number }).open;
const reset = (tok: string) => fetch(`/test-api/live/${tok}/reset`, { method: 'POST' });
const total = (c: Counts) => Object.values(c).reduce((a, b) => a + b, 0);

/** Waits until the element's requests stop coming (its data loaded) and its feed is open; returns the counts. */
async function settled(tok: string): Promise<Counts> {
  let last = -1;
  let same = 0;
  await waitUntil(
    async () => {
      const n = total(await requests(tok));
      same = n === last && n > 0 ? same + 1 : 0;
      last = n;
      return same >= 3 && (await openFeeds(tok)) >= 1;
    },
    'the element loaded, its feed open',
    { interval: 150, timeout: 15_000 },
  );
  return requests(tok);
}

/** Resets the feed; resolves with the counts once every resource in `resources` was asked for again. */
async function afterReset(tok: string, before: Counts, resources: string[]): Promise<Counts> {
  await reset(tok);
  let now: Counts = before;
  await waitUntil(
    async () => {
      now = await requests(tok);
      return resources.every((r) => (now[r] ?? 0) > (before[r] ?? 0));
    },
    `${resources.join(', ')} asked for again after the reset`,
    { interval: 100, timeout: 15_000 },
  );
  return now;
}

const shadowText = (el: Element, selector: string) => el.shadowRoot!.querySelector(selector)?.textContent?.trim() ?? '';

// What a host page's error tracking would see while the elements reload: none of it is allowed
// (a "ResizeObserver loop" report included).
let host: ReturnType<typeof hostPage>;
beforeEach(() => {
  host = hostPage();
});
afterEach(() => {
  host.stop();
  expect(host.seen, 'errors reaching the host page').to.deep.equal([]);
});

describe('a reset of the live feed', () => {
  it('reloads <express-balance>: its account, balance and payouts, and shows the new balance', async () => {
    const tok = token();
    const el = await fixture(html`<express-balance .adapter=${new HttpAdapter({ baseUrl: `/test-api/live/${tok}/v1` })}></express-balance>`);
    const before = await settled(tok);
    expect(before.balance).to.equal(1);
    await waitUntil(() => shadowText(el, '[part=available]') === '$10.00', 'the first balance');
    await afterReset(tok, before, ['account', 'balance', 'payouts']);
    await waitUntil(() => shadowText(el, '[part=available]') === '$20.00', 'the balance loaded again');
  });

  it('reloads <express-transactions>: its list', async () => {
    const tok = token();
    await fixture(html`<express-transactions .adapter=${new HttpAdapter({ baseUrl: `/test-api/live/${tok}/v1` })}></express-transactions>`);
    const before = await settled(tok);
    expect(before.balance_transactions).to.be.at.least(1);
    await afterReset(tok, before, ['balance_transactions']);
  });

  it('reloads <express-earnings>: its series', async () => {
    const tok = token();
    await fixture(html`<express-earnings .adapter=${new HttpAdapter({ baseUrl: `/test-api/live/${tok}/v1` })}></express-earnings>`);
    const before = await settled(tok);
    const series = (c: Counts) => (c.net_volume ?? 0) + (c.balance_transactions ?? 0);
    expect(series(before)).to.be.at.least(1);
    await reset(tok);
    await waitUntil(async () => series(await requests(tok)) > series(before), 'the series asked for again', { interval: 100, timeout: 15_000 });
  });

  it('reloads every element of <express-dashboard>, over the one feed the dashboard shares', async () => {
    const tok = token();
    await fixture(html`<express-dashboard .adapter=${new HttpAdapter({ baseUrl: `/test-api/live/${tok}/v1` })}></express-dashboard>`);
    const before = await settled(tok);
    expect(await openFeeds(tok)).to.equal(1);
    // payouts: the balance; balance_transactions: the list (and the chart's small ranges).
    await afterReset(tok, before, ['account', 'balance', 'payouts', 'balance_transactions']);
    const again = await settled(tok);
    expect(again.balance).to.be.greaterThan(before.balance);
    expect(await openFeeds(tok)).to.equal(1, 'still one feed');
  });

  it('without a reset, nothing is loaded twice', async () => {
    const tok = token();
    await fixture(html`<express-balance .adapter=${new HttpAdapter({ baseUrl: `/test-api/live/${tok}/v1` })}></express-balance>`);
    const before = await settled(tok);
    await new Promise((r) => setTimeout(r, 500));
    expect(await requests(tok)).to.deep.equal(before);
  });
});

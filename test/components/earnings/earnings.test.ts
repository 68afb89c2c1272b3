import { aTimeout, expect, fixture, html, oneEvent, waitUntil } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import { ExpressError } from '../../../src/contract/errors.js';
import type { BalanceTransaction, ListBalanceTransactionsParams } from '../../../src/contract/types.js';
import type { ExpressEarnings } from '../../../src/components/earnings/earnings.js';
import '../../../src/components/earnings/earnings.js';
import { parseLocalIsoDate } from '../../../src/core/time.js';
import type { ExpressErrorEvent } from '../../../src/events.js';
import { fakeAdapter, MARCH_DST, page, txn, type FakeAdapter } from '../../support/earnings-adapter.js';
import { failOnLitWarnings } from '../../support/lit-warnings.js';

/** `waitUntil` with room for a busy machine (charts and tables follow frames). */
const until = (predicate: () => unknown, message?: string) => waitUntil(predicate, message, { timeout: 5000 });

const NY = 'America/New_York';
const day = (iso: string) => parseLocalIsoDate(iso, NY);

/** Mar 7-9, 2026 in New York, with the DST day (23 hours) in the middle. */
const DATA = MARCH_DST;
/** The period Mar 7-9 (Sat-Mon) is compared with: the same weekdays a week earlier, Feb 28-Mar 2. */
const PREVIOUS = [txn('txn_p1', '2026-03-01T15:00:00Z', 2008)];

// axe-core loads on its first use: on a loaded machine that alone can outlast a test's 10 s in
// WebKit, so load it once here, with time to spare.
before(async function () {
  this.timeout(60_000);
  await expect(await fixture(html`<p>warm-up</p>`)).to.be.accessible();
});

failOnLitWarnings();

const shadow = (el: ExpressEarnings) => el.shadowRoot!;
const $ = <T extends Element = HTMLElement>(el: ExpressEarnings, sel: string) => shadow(el).querySelector<T>(sel);
const rows = (el: ExpressEarnings) =>
  [...shadow(el).querySelectorAll('[part="data-table"] tbody tr')].map((tr) => ({
    start: Number(tr.getAttribute('data-start')),
    last: tr.lastElementChild!.textContent!.trim(),
  }));
const text = (el: Element | null) => (el?.textContent ?? '').replace(/\s+/g, ' ').trim();
const created = (c: { params: unknown }) => (c.params as ListBalanceTransactionsParams).created;

async function mount(adapter: FakeAdapter, attrs: { from?: string; to?: string; compare?: boolean; width?: number } = {}) {
  const el = await fixture<ExpressEarnings>(html`
    <div style="width: ${attrs.width ?? 640}px">
      <express-earnings
        .adapter=${adapter}
        time-zone=${NY}
        currency="usd"
        locale="en-US"
        from=${attrs.from ?? '2026-03-07'}
        to=${attrs.to ?? '2026-03-09'}
        ?compare=${attrs.compare ?? false}
      ></express-earnings>
    </div>
  `);
  return el.querySelector('express-earnings')!;
}

/** Resolves the pending list call with a page of `txns`. */
async function answerList(adapter: FakeAdapter, txns = DATA) {
  const call = await adapter.next('listBalanceTransactions');
  call.resolve(page(txns, call.params));
  return call;
}

async function loaded(el: ExpressEarnings) {
  // The table follows the chart's frame: on a busy machine that can take a while.
  await waitUntil(() => $(el, '[part="data-table"]'), 'the data table did not render', { timeout: 5000 });
  await el.updateComplete;
}

describe('<express-earnings>', () => {
  it('shows a skeleton while loading', async () => {
    const adapter = fakeAdapter();
    const el = await mount(adapter);
    expect($(el, '.chart-skeleton')).to.exist;
    expect($(el, '[part="base"]')!.getAttribute('aria-busy')).to.equal('true');
    await expect(el).to.be.accessible();
  });

  it('draws the current range first and the previous period in a later call', async () => {
    const adapter = fakeAdapter();
    const el = await mount(adapter);
    const first = await answerList(adapter);
    expect(first.params).to.deep.equal({ limit: 100, created: { gte: day('2026-03-07'), lt: day('2026-03-10') }, currency: 'usd' });
    await loaded(el);
    expect($(el, 'svg[role="img"]')).to.exist;
    expect(text($(el, '[part="total"]'))).to.equal('$30.12');

    // Only now the period compared with: Feb 28-Mar 2, Saturday to Monday as Mar 7-9.
    const second = await adapter.next('listBalanceTransactions');
    expect(created(second)).to.deep.equal({ gte: day('2026-02-28'), lt: day('2026-03-03') });
    second.resolve(page(PREVIOUS, second.params));
    await waitUntil(() => $(el, '[part="change"]'), 'no change line', { timeout: 5000 });
    expect(text($(el, '[part="change"]'))).to.equal('↑ up 50% vs Feb 28 – Mar 2');
    await expect(el).to.be.accessible();
  });

  it('lists every bucket in the data table: DST days whole, the payout left out', async () => {
    const adapter = fakeAdapter({ auto: { listBalanceTransactions: (p) => page(DATA, p) } });
    const el = await mount(adapter);
    await loaded(el);
    expect(rows(el)).to.deep.equal([
      { start: day('2026-03-07'), last: '$0.08' },
      { start: day('2026-03-08'), last: '$30.00' },
      { start: day('2026-03-09'), last: '$0.04' },
    ]);
    const headers = [...shadow(el).querySelectorAll('[part="data-table"] thead th')].map(text);
    expect(headers).to.deep.equal(['Period', 'Transactions', 'Net volume']);
    const label = $(el, 'svg')!.getAttribute('aria-label')!;
    expect(label).to.equal(
      'Net volume from Mar 7, 2026 to Mar 9, 2026: $30.12 in total. Highest $30.00 (Sun, Mar 8, 2026), lowest $0.04 (Mon, Mar 9, 2026).',
    );
  });

  it('compares against a previous total of zero without dividing by it', async () => {
    const adapter = fakeAdapter({ auto: { listBalanceTransactions: (p) => page(DATA, p) } });
    const el = await mount(adapter);
    await waitUntil(() => $(el, '[part="change"]'), 'no change line', { timeout: 5000 });
    expect(text($(el, '[part="change"]'))).to.equal('↑ up from $0.00 vs Feb 28 – Mar 2');
  });

  it('shows "No earnings in this period" when every bucket is zero', async () => {
    const adapter = fakeAdapter({ auto: { listBalanceTransactions: (p) => page([DATA[4]], p) } });
    const el = await mount(adapter);
    await until(() => $(el, '[part="empty"]'));
    expect(text($(el, '[part="empty"]'))).to.equal('No earnings in this period');
    expect($(el, 'svg')).to.equal(null);
    expect(text($(el, '[part="total"]'))).to.equal('$0.00');
    await expect(el).to.be.accessible();
  });

  it('shows an error with Retry and fires express-error, then recovers', async () => {
    const adapter = fakeAdapter();
    const el = await mount(adapter);
    const call = await adapter.next('listBalanceTransactions');
    const event = oneEvent(el, 'express-error');
    call.reject(new ExpressError('network'));
    const { detail } = await event;
    expect(detail.operation).to.equal('listBalanceTransactions');
    expect(detail.error.code).to.equal('network');
    await until(() => $(el, '[role="alert"]'));
    expect(text($(el, '[role="alert"]'))).to.contain('We could not reach the server.');
    await expect(el).to.be.accessible();

    ($(el, '[role="alert"] button') as HTMLButtonElement).click();
    await answerList(adapter);
    await loaded(el);
    expect($(el, '[role="alert"]')).to.equal(null);
    expect(rows(el)).to.have.length(3);
  });

  it('keeps the chart when only the previous period fails, with its own Retry', async () => {
    const adapter = fakeAdapter();
    const el = await mount(adapter);
    await answerList(adapter);
    await loaded(el);
    const previous = await adapter.next('listBalanceTransactions');
    const event = oneEvent(el, 'express-error');
    previous.reject(new ExpressError('rate_limited'));
    expect((await event).detail.operation).to.equal('listBalanceTransactions');
    await until(() => text($(el, '[part="change"]')).includes('could not be loaded'));
    expect($(el, 'svg[role="img"]')).to.exist;
    expect(rows(el)).to.have.length(3);
    await expect(el).to.be.accessible();
    ($(el, '[part="change"] button') as HTMLButtonElement).click();
    await answerList(adapter, PREVIOUS);
    await until(() => text($(el, '[part="change"]')).includes('up 50%'));
  });

  it('shows an error when the account cannot load', async () => {
    const adapter = fakeAdapter();
    const el = await fixture<ExpressEarnings>(html`<express-earnings .adapter=${adapter} locale="en-US"></express-earnings>`);
    const call = await adapter.next('getAccount');
    const event = oneEvent(el, 'express-error');
    call.reject(new ExpressError('unauthorized'));
    expect((await event).detail.operation).to.equal('getAccount');
    await until(() => $(el, '[role="alert"]'));
    expect(text($(el, '[role="alert"]'))).to.contain('Your session has ended.');
    expect($(el, '.skeleton')).to.equal(null);
    await expect(el).to.be.accessible();
  });

  it('prefers getNetVolume when the adapter has it (counts unknown)', async () => {
    const adapter = fakeAdapter({ netVolume: true });
    const el = await mount(adapter);
    const call = await adapter.next('getNetVolume');
    expect(call.params).to.deep.equal({
      interval: 'day', created: { gte: day('2026-03-07'), lt: day('2026-03-10') }, currency: 'usd', timezone: NY,
    });
    call.resolve([{ start: day('2026-03-07'), net: 8 }, { start: day('2026-03-09'), net: 4 }]);
    await loaded(el);
    expect(rows(el).map((r) => r.last)).to.deep.equal(['$0.08', '$0.00', '$0.04']);
    expect([...shadow(el).querySelectorAll('[part="data-table"] thead th')].map(text)).to.deep.equal(['Period', 'Net volume']);
    expect(adapter.callsOf('listBalanceTransactions')).to.have.length(0);
    await expect(el).to.be.accessible();
  });

  it('aborts the running fetch when the range changes; only the newest request renders', async () => {
    const adapter = fakeAdapter();
    const el = await mount(adapter);
    const stale = await adapter.next('listBalanceTransactions');
    el.from = '2026-11-01';
    el.to = '2026-11-02';
    await el.updateComplete;
    expect(stale.signal!.aborted).to.equal(true);
    const fresh = await adapter.next('listBalanceTransactions');
    expect(created(fresh)).to.deep.equal({ gte: day('2026-11-01'), lt: day('2026-11-03') });
    stale.resolve(page(DATA, stale.params)); // too late: ignored
    fresh.resolve(page([txn('txn_n', '2026-11-02T15:00:00Z', 700)], fresh.params));
    await loaded(el);
    expect(rows(el)).to.deep.equal([
      { start: day('2026-11-01'), last: '$0.00' },
      { start: day('2026-11-02'), last: '$7.00' },
    ]);
  });

  it('moves between buckets with the keyboard and announces each politely', async () => {
    const adapter = fakeAdapter({ auto: { listBalanceTransactions: (p) => page(DATA, p) } });
    const el = await mount(adapter);
    await loaded(el);
    const svgEl = $(el, 'svg')!;
    expect(svgEl.getAttribute('tabindex')).to.equal('0');
    svgEl.focus();
    const status = () => text($(el, '[role="status"]'));
    await sendKeys({ press: 'ArrowRight' });
    await el.updateComplete;
    expect(status()).to.equal('Sat, Mar 7, 2026, $0.08, 1 transaction');
    expect(text($(el, '[part="tooltip"]'))).to.equal('Sat, Mar 7, 2026 $0.08 1 transaction');
    expect($(el, '.crosshair')).to.exist;
    await sendKeys({ press: 'End' });
    await el.updateComplete;
    expect(status()).to.equal('Mon, Mar 9, 2026, $0.04, 1 transaction');
    await sendKeys({ press: 'ArrowLeft' });
    await el.updateComplete;
    expect(status()).to.equal('Sun, Mar 8, 2026, $30.00, 2 transactions');
    await sendKeys({ press: 'Home' });
    await sendKeys({ press: 'ArrowLeft' });
    await el.updateComplete;
    expect(status()).to.equal('Sat, Mar 7, 2026, $0.08, 1 transaction');
    await expect(el).to.be.accessible();
  });

  it('shows a crosshair and tooltip for the bucket under the pointer', async () => {
    const adapter = fakeAdapter({ auto: { listBalanceTransactions: (p) => page(DATA, p) } });
    const el = await mount(adapter);
    await loaded(el);
    const svgEl = $(el, 'svg')!;
    const box = svgEl.getBoundingClientRect();
    svgEl.dispatchEvent(new PointerEvent('pointermove', { clientX: box.right - 20, clientY: box.top + 40, bubbles: true, pointerType: 'mouse' }));
    await el.updateComplete;
    expect(text($(el, '[part="tooltip"] .t-label'))).to.equal('Mon, Mar 9, 2026');
    svgEl.dispatchEvent(new PointerEvent('pointerleave', { pointerType: 'mouse' }));
    await el.updateComplete;
    expect($(el, '[part="tooltip"]')).to.equal(null);
  });

  it('draws the previous period as a dashed line with compare, without fetching again', async () => {
    const adapter = fakeAdapter({ auto: { listBalanceTransactions: (p) => page([...DATA, ...PREVIOUS], p) } });
    const el = await mount(adapter);
    await until(() => $(el, '[part="change"]') && $(el, 'svg[role="img"]'));
    expect($(el, '.previous')).to.equal(null);
    const calls = adapter.calls.length;
    el.compare = true;
    await el.updateComplete;
    expect($(el, 'path.previous')!.getAttribute('d')).to.match(/^M/);
    expect(text($(el, '.legend'))).to.equal('This period Previous period');
    expect(adapter.calls.length).to.equal(calls);
  });

  it('offers only readable intervals, and a user change fires express-range-change without refetching', async () => {
    const adapter = fakeAdapter({ auto: { listBalanceTransactions: (p) => page(DATA, p) } });
    const el = await mount(adapter);
    await loaded(el);
    const [rangeSelect, intervalSelect] = [...shadow(el).querySelectorAll('select')];
    // Three days: only daily buckets make sense.
    expect([...intervalSelect.options].map((o) => o.value)).to.deep.equal(['day']);
    expect(rangeSelect.value).to.equal('custom');
    el.from = '2025-03-10';
    await el.updateComplete;
    await loaded(el);
    await until(() => intervalSelect.options.length === 5);
    expect([...intervalSelect.options].map((o) => o.value)).to.deep.equal(['day', 'week', 'month', 'quarter', 'year']);
    // A year: monthly by default.
    await until(() => rows(el).length === 13);
    expect(intervalSelect.value).to.equal('month');
    // The comparison (loaded once the chart is on screen) has been fetched too.
    await until(() => $(el, '[part="change"]'));
    const before = adapter.calls.length;
    intervalSelect.value = 'week';
    const event = oneEvent(el, 'express-range-change');
    intervalSelect.dispatchEvent(new Event('change'));
    expect((await event).detail).to.deep.equal({ range: 'custom', interval: 'week', from: '2025-03-10', to: '2026-03-09' });
    await until(() => rows(el).length === 53);
    expect(el.getAttribute('interval')).to.equal('week');
    expect(adapter.calls.length).to.equal(before);
    await aTimeout(0);
    expect(adapter.calls.length).to.equal(before);
  });

  it('draws an interval the page sets beyond the menu, up to 3,700 buckets; the menu offers no more than about 400', async () => {
    const adapter = fakeAdapter({ netVolume: true, auto: { getNetVolume: () => [{ start: day('2025-03-10'), net: 1200 }] } });
    const el = await mount(adapter, { from: '2024-01-01', to: '2026-03-09' });
    await loaded(el);
    const intervalSelect = shadow(el).querySelectorAll('select')[1];
    const options = () => [...intervalSelect.options].map((o) => o.value);
    // 799 days: monthly by default, and the menu offers no daily chart.
    await until(() => rows(el).length === 27);
    expect(options()).to.deep.equal(['week', 'month', 'quarter', 'year']);

    // The page asks for days: all 799 are drawn, and the menu shows what is drawn.
    el.setAttribute('interval', 'day');
    await until(() => rows(el).length === 799, 'no daily buckets');
    expect(rows(el)[0].start).to.equal(day('2024-01-01'));
    expect((adapter.callsOf('getNetVolume').at(-1)!.params as { interval: string }).interval).to.equal('day');
    expect(options()).to.deep.equal(['day', 'week', 'month', 'quarter', 'year']);
    expect(intervalSelect.value).to.equal('day');
    expect(text($(el, '[part="total"]'))).to.equal('$12.00');
    expect($(el, '[part="base"]')!.getAttribute('aria-busy')).to.equal('false');

    // A person choosing weeks cannot go back to days from the menu.
    intervalSelect.value = 'week';
    intervalSelect.dispatchEvent(new Event('change'));
    await until(() => rows(el).length === 115, 'no weekly buckets');
    expect(options()).to.deep.equal(['week', 'month', 'quarter', 'year']);

    // An interval chosen from the menu keeps the menu's limit when the dates grow: 799 days of a
    // chosen 'day' (from a short range) fall back to months.
    el.from = '2026-03-07';
    el.interval = null;
    await until(() => rows(el).length === 3);
    intervalSelect.value = 'day';
    intervalSelect.dispatchEvent(new Event('change'));
    el.from = '2024-01-01';
    await until(() => rows(el).length === 27, 'a day chosen from the menu was drawn past 400 buckets');
    expect(el.interval).to.equal('day');

    // Past 3,700 buckets even the page's interval falls back to the range's default (quarters).
    el.interval = 'day';
    el.from = '2010-01-01';
    await until(() => rows(el).length === 65, 'no fallback to quarters');
    expect(intervalSelect.value).to.equal('quarter');
    await expect(el).to.be.accessible();
  });

  it('a preset from the range menu clears the custom dates and fires express-range-change', async () => {
    const adapter = fakeAdapter({ auto: { listBalanceTransactions: (p) => page(DATA, p) } });
    const el = await mount(adapter);
    await loaded(el);
    const rangeSelect = shadow(el).querySelector('select')!;
    rangeSelect.value = '90d';
    const event = oneEvent(el, 'express-range-change');
    rangeSelect.dispatchEvent(new Event('change'));
    expect((await event).detail).to.deep.equal({ range: '90d', interval: 'week', from: null, to: null });
    expect(el.hasAttribute('from')).to.equal(false);
    expect(el.getAttribute('range')).to.equal('90d');
  });

  it('a live transaction updates its bucket and the headline', async () => {
    const adapter = fakeAdapter({ subscribe: true, auto: { listBalanceTransactions: (p) => page(DATA, p) } });
    const el = await mount(adapter);
    await loaded(el);
    adapter.emit({ type: 'balance_transaction.created', data: txn('txn_live', '2026-03-09T15:00:00Z', 996) });
    await el.updateComplete;
    expect(rows(el)[2].last).to.equal('$10.00');
    expect(text($(el, '[part="total"]'))).to.equal('$40.08');
    // A payout is not earnings.
    adapter.emit({ type: 'balance_transaction.created', data: txn('txn_po', '2026-03-09T16:00:00Z', -1000, 'payout') });
    await el.updateComplete;
    expect(text($(el, '[part="total"]'))).to.equal('$40.08');
  });

  it('removed and appended again, listens to the live feed again', async () => {
    const adapter = fakeAdapter({ subscribe: true, auto: { listBalanceTransactions: (p) => page(DATA, p) } });
    const el = await mount(adapter);
    await loaded(el);
    await until(() => adapter.listeners.size === 1, 'subscribed');
    const parent = el.parentElement!;
    el.remove();
    expect(adapter.listeners.size, 'unsubscribed when removed').to.equal(0);
    parent.append(el);
    await until(() => adapter.listeners.size === 1, 'not subscribed again after coming back');
    adapter.emit({ type: 'balance_transaction.created', data: txn('txn_back', '2026-03-09T15:00:00Z', 996) });
    await until(() => text($(el, '[part="total"]')) === '$40.08', 'a live update after coming back');
    expect(rows(el)[2].last).to.equal('$10.00');
  });

  it('removed while loading, loads again when it comes back', async () => {
    const adapter = fakeAdapter();
    const el = await mount(adapter);
    const first = await adapter.next('listBalanceTransactions');
    const parent = el.parentElement!;
    el.remove();
    expect(first.signal!.aborted, 'the load is aborted when the element leaves').to.equal(true);
    parent.append(el);
    const again = await adapter.next('listBalanceTransactions');
    expect(again).to.not.equal(first);
    expect(created(again)).to.deep.equal(created(first));
    again.resolve(page(DATA, again.params));
    await loaded(el);
    expect($(el, '.chart-skeleton')).to.equal(null);
    expect(text($(el, '[part="total"]'))).to.equal('$30.12');
    expect($(el, '[part="base"]')!.getAttribute('aria-busy')).to.equal('false');
  });

  it('fetches the comparison only in the page: once its chart is painted, or when it comes back', async () => {
    const adapter = fakeAdapter();
    const el = await mount(adapter);
    await answerList(adapter);
    await el.updateComplete;
    // Loaded, the chart not painted yet: no comparison call so far. The element leaves the page.
    expect(adapter.callsOf('listBalanceTransactions')).to.have.length(1);
    const parent = el.parentElement!;
    el.remove();
    await aTimeout(1300); // past the paused-frames fallback
    expect(adapter.callsOf('listBalanceTransactions'), 'a removed element fetched its comparison').to.have.length(1);
    parent.append(el);
    const second = await adapter.next('listBalanceTransactions');
    expect(created(second)).to.deep.equal({ gte: day('2026-02-28'), lt: day('2026-03-03') });
    second.resolve(page(PREVIOUS, second.params));
    await loaded(el);
    await until(() => text($(el, '[part="change"]')) === '↑ up 50% vs Feb 28 – Mar 2');
  });

  it('an invalid live event fires express-error (operation subscribe) and changes nothing shown', async () => {
    const adapter = fakeAdapter({ subscribe: true, auto: { listBalanceTransactions: (p) => page(DATA, p) } });
    const el = await mount(adapter);
    await loaded(el);
    const total = text($(el, '[part="total"]'));
    const ev = oneEvent(el, 'express-error');
    adapter.emit({ type: 'balance_transaction.created', data: { id: 'txn_bad', amount: 'lots' } as unknown as BalanceTransaction });
    const e = (await ev) as ExpressErrorEvent;
    expect(e.detail.operation).to.equal('subscribe');
    expect(e.detail.error.code).to.equal('invalid_response');
    await el.updateComplete;
    expect(text($(el, '[part="total"]'))).to.equal(total);
  });

  it('says how many transactions it has loaded during a long fetch', async () => {
    const many = Array.from({ length: 150 }, (_, i) => txn(`txn_${String(i).padStart(3, '0')}`, day('2026-03-08') + 3600 + i * 60, 1));
    const adapter = fakeAdapter();
    const el = await mount(adapter);
    await answerList(adapter, many);
    await until(() => $(el, '.progress'));
    expect(text($(el, '.progress'))).to.equal('Loaded 100 transactions');
    await expect(el).to.be.accessible();
    await answerList(adapter, many);
    await loaded(el);
    expect(rows(el)[1].last).to.equal('$1.50');
  });

  it('starts all time at the account creation date, in the account zone', async () => {
    const adapter = fakeAdapter({
      netVolume: true,
      auto: {
        getAccount: () => ({ id: 'acct_1', default_currency: 'eur', created: Date.parse('2025-01-15T12:00:00Z') / 1000,
          settings: { dashboard: { timezone: 'Europe/Paris' } } }),
        getBalance: () => ({ available: [{ amount: 0, currency: 'eur' }, { amount: 0, currency: 'usd' }], pending: [] }),
      },
    });
    const el = await fixture<ExpressEarnings>(html`<express-earnings .adapter=${adapter} range="all" locale="en-US"></express-earnings>`);
    const call = await adapter.next('getNetVolume');
    const p = call.params as { interval: string; created: { gte: number }; currency: string; timezone: string };
    expect(p.interval).to.equal('month');
    expect(p.currency).to.equal('eur');
    expect(p.timezone).to.equal('Europe/Paris');
    expect(p.created.gte).to.equal(Date.parse('2025-01-14T23:00:00Z') / 1000); // Jan 15, midnight in Paris
    call.resolve([]);
    await until(() => $(el, '[part="empty"]'));
    // Two currencies in the balance: a currency menu.
    const selects = [...shadow(el).querySelectorAll('select')];
    expect(selects).to.have.length(3);
    expect([...selects[2].options].map((o) => o.value)).to.deep.equal(['eur', 'usd']);
    // The comparison is settled once the chart is on screen.
    await waitUntil(() => $(el, '[part="change"]'), 'no change line', { timeout: 5000 });
    expect(text($(el, '[part="change"]'))).to.equal('no earlier data to compare');
  });

  it('redraws to its container width', async () => {
    const adapter = fakeAdapter({ auto: { listBalanceTransactions: (p) => page(DATA, p) } });
    const el = await mount(adapter, { width: 700 });
    await loaded(el);
    const plotWidth = () => Math.round($(el, '.plot-area')!.getBoundingClientRect().width);
    await until(() => Number($(el, 'svg')!.getAttribute('width')) === plotWidth());
    el.parentElement!.style.width = '360px';
    await until(() => Number($(el, 'svg')!.getAttribute('width')) === plotWidth(), 'no redraw at 360px');
    expect(plotWidth()).to.be.below(360);
    expect($(el, 'svg')!.getAttribute('height')).to.equal('200');
  });
});

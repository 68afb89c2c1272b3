// Issue 12 §2: <express-earnings> throws nothing into the host page. Through every state (loading,
// loaded, empty, failed), a container resized 1280 → 375 → 1280 px, a change of locale and of
// colour scheme, and a pointer moving over the chart, the window gets no `error` event (a
// "ResizeObserver loop completed with undelivered notifications" counts), no unhandled rejection,
// and nothing is logged with console.error. Nothing is filtered: every report is a failure.
import { expect, fixture, html, waitUntil } from '@open-wc/testing';
import { resetMouse, sendMouse } from '@web/test-runner-commands';
import { ExpressError } from '../../../src/contract/errors.js';
import type { ExpressEarnings } from '../../../src/components/earnings/earnings.js';
import '../../../src/components/earnings/earnings.js';
import { fakeAdapter, page, txn, type FakeAdapter } from '../../support/earnings-adapter.js';
import { colourScheme, frames, hostPage } from '../../support/host-page.js';

/** `waitUntil` with room for a busy machine (charts and tables follow frames). */
const until = (predicate: () => unknown, message?: string) => waitUntil(predicate, message, { timeout: 5000 });

const NY = 'America/New_York';

/** A month of days with earnings, a zero day and a small negative one. */
const MONTH = Array.from({ length: 30 }, (_, i) =>
  txn(`txn_${i}`, Date.UTC(2026, 2, i + 1, 17) / 1000, i === 3 ? 0 : i === 7 ? -120 : 1000 + ((i * 7919) % 5000)),
);

async function mount(adapter: FakeAdapter) {
  const wrap = await fixture<HTMLDivElement>(html`
    <div style="width: 1280px">
      <express-earnings .adapter=${adapter} time-zone=${NY} currency="usd" locale="en-US" from="2026-03-01" to="2026-03-30">
      </express-earnings>
    </div>
  `);
  return { wrap, el: wrap.querySelector('express-earnings')! as ExpressEarnings };
}

/** Hovers the chart (when there is one) with the real mouse, left to right. */
async function hover(el: ExpressEarnings) {
  const svg = el.shadowRoot!.querySelector('svg[part~="svg"]');
  if (!svg) return;
  svg.scrollIntoView({ block: 'center', inline: 'start' });
  const box = svg.getBoundingClientRect();
  const left = Math.max(box.left, 0) + 4;
  const right = Math.min(box.right, window.innerWidth) - 4;
  for (let i = 0; i <= 6; i++) {
    await sendMouse({ type: 'move', position: [Math.round(left + ((right - left) * i) / 6), Math.round(box.top + box.height / 2)] });
    await frames(1);
  }
}

/** The whole scenario on an element in its current state. */
async function exercise(wrap: HTMLElement, el: ExpressEarnings) {
  await frames();
  await hover(el);
  for (const width of [375, 1280, 375, 1280]) {
    wrap.style.width = `${width}px`;
    await frames();
    await hover(el);
  }
  el.setAttribute('locale', 'fr-FR');
  await frames();
  document.documentElement.lang = 'de';
  el.removeAttribute('locale');
  await frames();
  await hover(el);
  await colourScheme(wrap, true);
  await frames();
  await hover(el);
  wrap.style.width = '375px';
  await frames();
  await colourScheme(wrap, false);
  wrap.style.width = '1280px';
  await frames();
  await hover(el);
  el.setAttribute('locale', 'en-US');
  await frames();
}

describe('<express-earnings> in the host page', function () {
  this.timeout(30_000);
  let host: ReturnType<typeof hostPage>;
  let lang: string;

  beforeEach(() => {
    lang = document.documentElement.lang;
    host = hostPage();
  });
  afterEach(async () => {
    host.stop();
    document.documentElement.lang = lang;
    await resetMouse();
    await colourScheme(document.body, false);
  });

  it('reports nothing to the page while loading', async () => {
    const adapter = fakeAdapter();
    const { wrap, el } = await mount(adapter);
    await adapter.next('listBalanceTransactions');
    await exercise(wrap, el);
    expect(el.shadowRoot!.querySelector('.chart-skeleton')).to.exist;
    expect(host.seen).to.deep.equal([]);
  });

  it('reports nothing to the page once loaded, with the comparison, hovered', async () => {
    const adapter = fakeAdapter({ subscribe: true, auto: { listBalanceTransactions: (p) => page(MONTH, p) } });
    const { wrap, el } = await mount(adapter);
    el.compare = true;
    await until(() => el.shadowRoot!.querySelector('[part~="data-table"] tbody tr'), 'loaded');
    await exercise(wrap, el);
    adapter.emit({ type: 'balance_transaction.created', data: txn('txn_live', Date.UTC(2026, 2, 20, 18) / 1000, 500) });
    await frames();
    expect(el.shadowRoot!.querySelector('svg[part~="svg"]')).to.exist;
    expect(host.seen).to.deep.equal([]);
  });

  it('reports nothing to the page when the period is empty', async () => {
    const adapter = fakeAdapter({ auto: { listBalanceTransactions: (p) => page([], p) } });
    const { wrap, el } = await mount(adapter);
    await until(() => el.shadowRoot!.querySelector('[part~="empty"]'), 'empty');
    await exercise(wrap, el);
    expect(host.seen).to.deep.equal([]);
  });

  it('reports nothing to the page when loading failed (only express-error)', async () => {
    const adapter = fakeAdapter();
    const { wrap, el } = await mount(adapter);
    const errors: string[] = [];
    el.addEventListener('express-error', (e) => errors.push(e.detail.error.code));
    (await adapter.next('listBalanceTransactions')).reject(new ExpressError('network'));
    await until(() => el.shadowRoot!.querySelector('[part~="error"]'), 'failed');
    await exercise(wrap, el);
    expect(errors).to.deep.equal(['network']);
    expect(host.seen).to.deep.equal([]);
  });

  it('reports nothing to the page in a scrolling box whose scrollbar comes and goes with the chart', async () => {
    // A box just wide enough for the 240px chart (600px and up), which a classic scrollbar makes
    // too narrow for it (the chart is 200px tall there), and as tall as between the two: a chart
    // that redraws in the same frame as it measures sets off a ResizeObserver loop, and one that
    // follows every measurement flips between the two heights for ever.
    // A classic scrollbar also where the engine would draw an overlay one (WebKitGTK).
    const style = document.createElement('style');
    // The controls (laid out differently when narrow) hidden, as a page may: what is left is
    // shorter when narrow (the chart is 40px shorter, the change's line 20px taller).
    style.textContent =
      '.scroll-box::-webkit-scrollbar { width: 16px } .scroll-box::-webkit-scrollbar-thumb { background: #888 } ' +
      '.scroll-box express-earnings::part(controls) { display: none }';
    document.head.append(style);
    const probe = document.createElement('div');
    probe.className = 'scroll-box';
    probe.style.cssText = 'width: 100px; height: 50px; overflow-y: scroll';
    document.body.append(probe);
    const scrollbar = probe.offsetWidth - probe.clientWidth;
    probe.remove();
    const adapter = fakeAdapter({ auto: { listBalanceTransactions: (p) => page(MONTH, p) } });
    const { wrap, el } = await mount(adapter);
    wrap.className = 'scroll-box';
    await until(() => el.shadowRoot!.querySelector('[part~="data-table"] tbody tr'), 'loaded');
    // The card's padding and border: the chart's width is the box's less these.
    const inset = 1280 - el.shadowRoot!.querySelector('.plot-area')!.getBoundingClientRect().width;
    const wide = Math.ceil(600 + inset + scrollbar / 2);
    wrap.style.width = `${wide}px`;
    await frames();
    const tall = el.getBoundingClientRect().height;
    wrap.style.width = `${wide - scrollbar}px`;
    await frames();
    const short = el.getBoundingClientRect().height;
    // Headless Chromium hides scrollbars altogether: there the box cannot flip, and the test only
    // checks that nothing was reported.
    if (scrollbar > 0) expect(tall - short, 'a narrow chart is shorter').to.be.above(10);
    wrap.style.cssText = `width: ${wide}px; height: ${Math.round((tall + short) / 2)}px; overflow-y: auto`;
    for (let i = 0; i < 3; i++) {
      await frames(8);
      wrap.style.width = '700px';
      await frames(2);
      wrap.style.width = `${wide}px`;
    }
    await frames(8);
    expect(host.seen).to.deep.equal([]);
    // It settles: the chart stays at one size.
    const svg = () => el.shadowRoot!.querySelector('svg[part~="svg"]')!;
    const size = () => `${svg().getAttribute('width')}x${svg().getAttribute('height')}`;
    const settled = size();
    for (let i = 0; i < 6; i++) {
      await frames(1);
      expect(size()).to.equal(settled);
    }
    style.remove();
  });

  it('reports nothing to the page when removed and added again while loading', async () => {
    const adapter = fakeAdapter({ subscribe: true });
    const { wrap, el } = await mount(adapter);
    await adapter.next('listBalanceTransactions');
    el.remove();
    await frames(2);
    wrap.append(el);
    const call = await adapter.next('listBalanceTransactions');
    call.resolve(page(MONTH, call.params));
    await until(() => el.shadowRoot!.querySelector('[part~="data-table"] tbody tr'), 'loaded');
    await exercise(wrap, el);
    expect(host.seen).to.deep.equal([]);
  });
});

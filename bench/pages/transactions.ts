/**
 * `<express-transactions>` at scale against a naive table, each in its own fresh page
 * (`?mode=paged`, `?mode=ours` or `?mode=naive`) so none pays for another's heap.
 *
 * Data: 100,000 generated balance transactions (seeded, newest first), the same in both modes.
 * - ours, paged: a MemoryAdapter holding all 100,000, the element with `page-size="100"` as a
 *   platform would use it: time from the adapter given (data ready) to the first rows painted.
 * - ours, all at once: an adapter whose one page is all 100,000 (what the element holds after
 *   paging through everything): time to first rows painted, row elements in the DOM, JS heap, then
 *   two scripted scrolls with every frame's cost (see frames.ts): top to bottom in `frames` equal
 *   jumps (every frame shows rows that were not on screen: the worst case), and a steady scroll of
 *   `frames` frames at 130 px a frame (about 8,000 px/s, a fast wheel) from the middle.
 * - naive: the same 100,000 rows, formatted the same way (dates, money, type, description,
 *   status), rendered by Lit's `repeat` into a plain table: the same measurements.
 */
import { html, render } from 'lit';
import { repeat } from 'lit/directives/repeat.js';
import { categoryOf } from '../../src/contract/categories.js';
import { MemoryAdapter } from '../../src/adapter/memory-adapter.js';
import type { BalanceTransaction, List, ListBalanceTransactionsParams, RequestOptions } from '../../src/contract/types.js';
import { describeTransaction } from '../../src/core/describe.js';
import { stringsFor } from '../../src/core/i18n/index.js';
import { formatMoney } from '../../src/core/money.js';
import { statusLabel } from '../../src/components/transactions/export.js';
import '../../src/components/transactions/transactions.js';
import { balanceTransactions, FROM, TO } from './data.js';
import { heapUsed, nextFrame, paintedWhen, timeFrames } from './frames.js';

const TIME_ZONE = 'America/New_York';
const LOCALE = 'en-US';
const N = 100_000;
const account = { id: 'acct_bench', default_currency: 'usd', settings: { dashboard: { timezone: TIME_ZONE } } };
const stage = () => document.getElementById('stage')!;

/** All of the adapter's matching transactions in one page (the limit ignored), from memory. */
class AllAtOnceAdapter extends MemoryAdapter {
  constructor(private readonly all: BalanceTransaction[]) {
    super({ account, balance_transactions: all.slice(0, 1) });
  }
  override async listBalanceTransactions(p: ListBalanceTransactionsParams = {}, _o?: RequestOptions): Promise<List<BalanceTransaction>> {
    if (p.starting_after) return { data: [], has_more: false };
    return { data: this.all, has_more: false };
  }
}

/** Pixels a frame in the steady scroll. */
const STEADY_PX = 130;

/**
 * Scrolls the window from top to bottom in `frames` equal jumps, then from the middle down at
 * STEADY_PX a frame for `frames` frames; returns each frame's cost for both, and the most row
 * elements seen.
 */
async function scrollThrough(frames: number, countRows: () => number) {
  scrollTo(0, 0);
  await nextFrame();
  const max = document.documentElement.scrollHeight - innerHeight;
  let maxRows = 0;
  const jumps = await timeFrames(frames, (i) => {
    scrollTo(0, Math.round((max * (i + 1)) / frames));
    maxRows = Math.max(maxRows, countRows());
  });
  await nextFrame();
  maxRows = Math.max(maxRows, countRows());
  const atBottom = scrollY;
  const middle = Math.round(max / 2);
  scrollTo(0, middle);
  await nextFrame();
  await nextFrame();
  const steady = await timeFrames(frames, (i) => {
    scrollTo(0, middle + (i + 1) * STEADY_PX);
    maxRows = Math.max(maxRows, countRows());
  });
  return { frames: jumps.costs, intervals: jumps.intervals, steadyFrames: steady.costs, steadyIntervals: steady.intervals, steadyPx: STEADY_PX, scrollHeight: max + innerHeight, reachedBottom: atBottom >= max - 1, maxRows };
}

const rowsOf = (el: Element) => el.shadowRoot?.querySelectorAll('[part~="row"]').length ?? 0;

async function mountOurs(adapter: MemoryAdapter, pageSize: number) {
  const el = document.createElement('express-transactions');
  el.setAttribute('locale', LOCALE);
  el.setAttribute('page-size', String(pageSize));
  const t0 = performance.now();
  el.adapter = adapter;
  stage().append(el);
  const t1 = await paintedWhen(() => rowsOf(el) > 0);
  return { el, ms: t1 - t0 };
}

/** Paged, as a platform embeds it: a MemoryAdapter holding all 100,000 (its own copy, dropped after). */
async function firstPagePaged(data: BalanceTransaction[]): Promise<number[]> {
  const memory = new MemoryAdapter({ account, balance_transactions: data });
  (await mountOurs(memory, 100)).el.remove(); // warm-up
  const ms: number[] = [];
  for (let i = 0; i < 5; i++) {
    const m = await mountOurs(memory, 100);
    ms.push(m.ms);
    m.el.remove();
  }
  return ms;
}

const progress = (...a: unknown[]) => console.info(`${(performance.now() / 1000).toFixed(1)} s`, ...a);

async function runOurs(data: BalanceTransaction[], scrollFrames: number) {
  const heapData = await heapUsed();
  // all at once
  const bulk = new AllAtOnceAdapter(data);
  (await mountOurs(bulk, 100)).el.remove(); // warm-up
  const allMs: number[] = [];
  let el!: HTMLElement;
  for (let i = 0; i < 3; i++) {
    const m = await mountOurs(bulk, 100);
    allMs.push(m.ms);
    if (i < 2) m.el.remove();
    else el = m.el;
  }
  await new Promise((r) => setTimeout(r, 300));
  const shown = el.shadowRoot!.querySelector('.footer span')?.textContent?.trim() ?? '';
  const rowsAfterLoad = rowsOf(el);
  const domRows = el.shadowRoot!.querySelectorAll('[role="row"]').length;
  const heapAfter = await heapUsed();
  progress('ours: scroll', allMs);
  const scroll = await scrollThrough(scrollFrames, () => rowsOf(el));
  progress('ours: done');
  scrollTo(0, document.documentElement.scrollHeight);
  await nextFrame();
  await nextFrame();
  const lastRow = [...el.shadowRoot!.querySelectorAll<HTMLElement>('[part~="row"]')].at(-1)?.getAttribute('aria-rowindex');
  return { allMs, shown, rowsAfterLoad, domRows, heapData, heapAfter, ...scroll, lastRowIndex: Number(lastRow) };
}

// ---- the naive baseline ----

const dateFmt = new Intl.DateTimeFormat(LOCALE, { dateStyle: 'medium', timeZone: TIME_ZONE });

function naiveTable(rows: BalanceTransaction[]) {
  const s = stringsFor(LOCALE);
  const c = s.transactions.columns;
  const money = (n: number, cur: string) => formatMoney(n, cur, LOCALE);
  return html`<table class="naive">
    <thead><tr><th>${c.date}</th><th>${c.type}</th><th>${c.description}</th><th>${c.amount}</th><th>${c.fee}</th><th>${c.net}</th><th>${c.status}</th></tr></thead>
    <tbody>${repeat(rows, (t) => t.id, (t) => html`<tr data-id=${t.id}>
      <td>${dateFmt.format(new Date(t.created * 1000))}</td>
      <td>${s.categories.singular[categoryOf(t)]}</td>
      <td>${describeTransaction(t, { strings: s, platformName: null })}</td>
      <td class="num">${money(t.amount, t.currency)}</td>
      <td class="num">${money(t.fee, t.currency)}</td>
      <td class="num">${money(t.net, t.currency)}</td>
      <td>${statusLabel(t.status, s)}</td>
    </tr>`)}</tbody>
  </table>`;
}

async function mountNaive(rows: BalanceTransaction[]) {
  const host = document.createElement('div');
  stage().append(host);
  const t0 = performance.now();
  render(naiveTable(rows), host);
  const t1 = await paintedWhen(() => host.querySelector('tbody tr') !== null);
  return { host, ms: t1 - t0 };
}

async function runNaive(data: BalanceTransaction[], scrollFrames: number) {
  progress('naive: render');
  const heapData = await heapUsed();
  (await mountNaive(data.slice(0, 2000))).host.remove(); // warm-up on fewer rows
  // one timed render: it takes tens of seconds, and the ratio to ours is far from the goal's edge
  const m = await mountNaive(data);
  const allMs = [m.ms];
  const host = m.host;
  await new Promise((r) => setTimeout(r, 300));
  const rowsAfterLoad = host.querySelectorAll('tbody tr').length;
  const heapAfter = await heapUsed();
  progress('naive: scroll', allMs);
  const scroll = await scrollThrough(scrollFrames, () => rowsAfterLoad);
  progress('naive: done');
  return { allMs, rowsAfterLoad, domRows: rowsAfterLoad, heapData, heapAfter, ...scroll };
}

async function run() {
  const data = balanceTransactions(N, FROM, TO);
  const mode = new URLSearchParams(location.search).get('mode');
  // the naive table's frames take most of a second each in wall time: fewer of them
  const scrollFrames = Number(new URLSearchParams(location.search).get('frames') ?? (mode === 'naive' ? 80 : 160));
  progress(`${mode}: ${data.length} rows generated`);
  if (mode === 'paged') return { mode, rows: data.length, pagedMs: await firstPagePaged(data) };
  const out = mode === 'naive' ? await runNaive(data, scrollFrames) : await runOurs(data, scrollFrames);
  return { mode, rows: data.length, ...out };
}

declare global {
  interface Window { benchReady?: boolean; runTransactions?: typeof run }
}
window.runTransactions = run;
window.benchReady = true;

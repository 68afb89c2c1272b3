/**
 * `<express-transactions>` at scale against a naive table, each in its own fresh page
 * (`?mode=paged`, `?mode=ours` or `?mode=naive`) so none pays for another's heap. The floor and
 * TanStack Virtual have pages of their own (floor.ts, tanstack.ts); all share the protocol of
 * list-bench.ts (scrolls, coverage).
 *
 * Data: 100,000 generated balance transactions (seeded, newest first), the same in both modes.
 * - ours, paged: a MemoryAdapter holding all 100,000, the element with `page-size="100"` as a
 *   platform would use it: time from the adapter given (data ready) to the first rows painted.
 * - ours, all at once: an adapter whose one page is all 100,000 (what the element holds after
 *   paging through everything): time to first rows painted, row elements in the DOM, JS heap, then
 *   the two scripted scrolls of list-bench.ts with every frame's cost and coverage.
 * - naive: the same 100,000 rows, formatted the same way (dates, money, type, description,
 *   status), rendered by Lit's `repeat` into a plain table: the same measurements.
 */
import { html, render } from 'lit';
import { repeat } from 'lit/directives/repeat.js';
import { MemoryAdapter } from '../../src/adapter/memory-adapter.js';
import type { BalanceTransaction, List, ListBalanceTransactionsParams, RequestOptions } from '../../src/contract/types.js';
import '../../src/components/transactions/transactions.js';
import { heapUsed, paintedWhen } from './frames.js';
import { benchData, countNodes, coverage, headers, LOCALE, progress, rowText, scrollThrough, TIME_ZONE } from './list-bench.js';

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
  const root = el.shadowRoot!;
  const shown = root.querySelector('.footer span')?.textContent?.trim() ?? '';
  const rowsAfterLoad = rowsOf(el);
  const domRows = root.querySelectorAll('[role="row"]').length;
  const heapAfter = await heapUsed();
  progress('ours: scroll', allMs);
  const first = root.querySelector<HTMLElement>('[part~="row"]')!;
  const scroll = await scrollThrough(scrollFrames, {
    rows: () => rowsOf(el),
    covered: coverage({
      root,
      row: '[part~="row"]',
      index: (row) => Number(row.getAttribute('aria-rowindex')) - 2,
      rowHeight: first.getBoundingClientRect().height,
      top: root.querySelector('.body')!.getBoundingClientRect().top + scrollY,
      count: data.length,
      header: root.querySelector<HTMLElement>('.head')!.getBoundingClientRect().height,
    }),
  });
  progress('ours: done');
  scrollTo(0, document.documentElement.scrollHeight);
  await new Promise((r) => setTimeout(r, 100));
  const lastRow = [...root.querySelectorAll<HTMLElement>('[part~="row"]')].at(-1)?.getAttribute('aria-rowindex');
  return { allMs, shown, rowsAfterLoad, domRows, domNodes: countNodes(), heapData, heapAfter, ...scroll, lastRowIndex: Number(lastRow) };
}

// ---- the naive baseline ----

function naiveTable(rows: BalanceTransaction[]) {
  return html`<table class="naive">
    <thead><tr>${headers().map((h) => html`<th>${h}</th>`)}</tr></thead>
    <tbody>${repeat(rows, (t) => t.id, (t) => {
      const [date, type, description, amount, fee, net, status] = rowText(t);
      return html`<tr data-id=${t.id}>
      <td>${date}</td>
      <td>${type}</td>
      <td>${description}</td>
      <td class="num">${amount}</td>
      <td class="num">${fee}</td>
      <td class="num">${net}</td>
      <td>${status}</td>
    </tr>`;
    })}</tbody>
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
  const index = new Map(data.map((t, i) => [t.id, i]));
  const [tr0, tr1] = host.querySelectorAll('tbody tr');
  const top = tr0!.getBoundingClientRect().top + scrollY;
  const scroll = await scrollThrough(scrollFrames, {
    rows: () => rowsAfterLoad,
    covered: coverage({
      root: document,
      row: 'tbody tr',
      index: (tr) => index.get((tr as HTMLElement).dataset.id!) ?? -1,
      rowHeight: tr1!.getBoundingClientRect().top + scrollY - top,
      top,
      count: data.length,
    }),
  });
  progress('naive: done');
  return { allMs, rowsAfterLoad, domRows: rowsAfterLoad, domNodes: countNodes(), heapData, heapAfter, ...scroll };
}

async function run() {
  const data = benchData();
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

/**
 * TanStack Virtual (`@tanstack/virtual-core`, a benchmark-only dependency) on the same 100,000
 * rows, set up as its documentation's window example does (`useWindowVirtualizer`: the window's
 * rect and offset observers, `scrollMargin` at the list's offset, `overscan: 5`, a fixed
 * `estimateSize`), rendered the way its framework adapters render: keyed by item, an element made
 * for each item entering, removed for each leaving, placed with `transform: translateY(start)`.
 *
 * `?mode=documented`: it hears the scroll from the `scroll` event, as documented. The benchmark
 * scrolls inside a rAF callback, and the event arrives in the next frame: each frame shows the
 * rows of the previous position (counted by the coverage).
 * `?mode=frame`: the same, and the benchmark also hands it the new offset right after scrolling,
 * in the same frame, through the offset observer's callback (not the documented use).
 */
import './node-env.js';
import { observeWindowOffset, observeWindowRect, Virtualizer, windowScroll } from '@tanstack/virtual-core';
import type { BalanceTransaction } from '../../src/contract/types.js';
import { heapUsed, paintedWhen } from './frames.js';
import { benchData, coverage, headers, progress, rowText, scrollThrough, type ListUnderTest } from './list-bench.js';

const H = 44;
const mode = new URLSearchParams(location.search).get('mode') === 'frame' ? 'frame' : 'documented';

class TanStackList {
  readonly el: HTMLElement;
  private readonly rowsEl: HTMLElement;
  private readonly items = new Map<number | string | bigint, HTMLElement>();
  readonly virtualizer: Virtualizer<Window, HTMLElement>;
  /** In `frame` mode: hands the virtualizer the window's offset now. */
  push?: () => void;
  private cleanup?: () => void;

  constructor(private readonly data: BalanceTransaction[]) {
    this.el = document.createElement('div');
    this.el.className = 'card';
    const title = document.createElement('h2');
    title.textContent = 'Transactions';
    const head = document.createElement('div');
    head.className = 'head';
    for (const h of headers()) head.append(Object.assign(document.createElement('span'), { textContent: h }));
    this.rowsEl = document.createElement('div');
    this.rowsEl.className = 'rows';
    this.el.append(title, head, this.rowsEl);
    this.virtualizer = new Virtualizer<Window, HTMLElement>({
      count: data.length,
      estimateSize: () => H,
      overscan: 5,
      scrollMargin: 0,
      getScrollElement: () => window,
      observeElementRect: observeWindowRect,
      observeElementOffset:
        mode === 'frame'
          ? (instance, cb) => {
              this.push = () => cb(window.scrollY, true);
              return observeWindowOffset(instance, cb);
            }
          : observeWindowOffset,
      scrollToFn: windowScroll,
      initialOffset: () => window.scrollY,
      onChange: () => this.render(),
    });
  }

  /** Once in the document (what the React adapter's layout effect does). */
  mounted(): void {
    this.virtualizer.setOptions({ ...this.virtualizer.options, scrollMargin: this.rowsEl.getBoundingClientRect().top + scrollY });
    this.cleanup = this.virtualizer._didMount();
    this.virtualizer._willUpdate();
    this.render();
  }

  get rowsTop(): number {
    return this.virtualizer.options.scrollMargin;
  }

  destroy(): void {
    this.cleanup?.();
    this.el.remove();
  }

  /** Keyed: existing items stay, new ones get new elements, gone ones are removed. */
  render(): void {
    const v = this.virtualizer;
    this.rowsEl.style.height = `${v.getTotalSize()}px`;
    const seen = new Set<number | string | bigint>();
    for (const item of v.getVirtualItems()) {
      seen.add(item.key);
      let el = this.items.get(item.key);
      if (!el) {
        el = this.row(item.index);
        this.items.set(item.key, el);
        this.rowsEl.append(el);
      }
      el.style.transform = `translateY(${item.start - v.options.scrollMargin}px)`;
    }
    for (const [key, el] of this.items) {
      if (seen.has(key)) continue;
      el.remove();
      this.items.delete(key);
    }
  }

  private row(index: number): HTMLElement {
    const el = document.createElement('div');
    el.className = 'row';
    el.dataset.index = String(index);
    const text = rowText(this.data[index]!);
    ['', '', '', 'num', 'num', 'num', 'status'].forEach((cls, c) => {
      const cell = document.createElement('span');
      if (cls) cell.className = cls;
      if (cls === 'status') cell.append(Object.assign(document.createElement('span'), { textContent: text[c] }));
      else cell.textContent = text[c]!;
      el.append(cell);
    });
    return el;
  }
}

const stage = () => document.getElementById('stage')!;

async function mount(data: BalanceTransaction[]) {
  const t0 = performance.now();
  const list = new TanStackList(data);
  stage().append(list.el);
  list.mounted();
  const t1 = await paintedWhen(() => list.el.querySelector('.row') !== null);
  return { list, ms: t1 - t0 };
}

async function run() {
  const data = benchData();
  const frames = Number(new URLSearchParams(location.search).get('frames') ?? 160);
  const heapData = await heapUsed();
  (await mount(data)).list.destroy(); // warm-up
  const allMs: number[] = [];
  let list!: TanStackList;
  for (let i = 0; i < 3; i++) {
    const m = await mount(data);
    allMs.push(m.ms);
    if (i < 2) m.list.destroy();
    else list = m.list;
  }
  await new Promise((r) => setTimeout(r, 300));
  const rows = () => list.el.querySelectorAll('.row').length;
  const rowsAfterLoad = rows();
  const heapAfter = await heapUsed();
  progress(`tanstack (${mode}): scroll`, allMs);
  const under: ListUnderTest = {
    rows,
    afterScroll: mode === 'frame' ? () => list.push?.() : undefined,
    covered: coverage({ root: document, row: '.row', index: (el) => Number((el as HTMLElement).dataset.index), rowHeight: H, top: list.rowsTop, count: data.length, header: 36 }),
  };
  const scroll = await scrollThrough(frames, under);
  progress(`tanstack (${mode}): done`);
  return { mode: `tanstack-${mode}`, rows: data.length, allMs, rowsAfterLoad, domRows: rowsAfterLoad, heapData, heapAfter, ...scroll };
}

declare global {
  interface Window { benchReady?: boolean; runList?: () => Promise<unknown> }
}
window.runList = run;
window.benchReady = true;

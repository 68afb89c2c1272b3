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
import { listCard, rowElement, rowText, runComparison, type ComparisonList } from './list-bench.js';

const H = 44;
const mode = new URLSearchParams(location.search).get('mode') === 'frame' ? 'frame' : 'documented';

class TanStackList implements ComparisonList {
  readonly el: HTMLElement;
  private readonly rowsEl: HTMLElement;
  private readonly items = new Map<number | string | bigint, HTMLElement>();
  private readonly virtualizer: Virtualizer<Window, HTMLElement>;
  /** In `frame` mode: hands the virtualizer the window's offset now. */
  private push?: () => void;
  private cleanup?: () => void;

  constructor(private readonly data: BalanceTransaction[]) {
    ({ el: this.el, rowsEl: this.rowsEl } = listCard());
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

  get rowsTop(): number {
    return this.virtualizer.options.scrollMargin;
  }

  /** What the React adapter's layout effect does. */
  mounted(): void {
    this.virtualizer.setOptions({ ...this.virtualizer.options, scrollMargin: this.rowsEl.getBoundingClientRect().top + scrollY });
    this.cleanup = this.virtualizer._didMount();
    this.virtualizer._willUpdate();
    this.render();
  }

  afterScroll(): void {
    this.push?.();
  }

  destroy(): void {
    this.cleanup?.();
    this.el.remove();
  }

  /** Keyed: existing items stay, new ones get new elements, gone ones are removed. */
  private render(): void {
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
    const { el, cells } = rowElement();
    el.dataset.index = String(index);
    rowText(this.data[index]!).forEach((text, c) => (cells[c]!.textContent = text));
    return el;
  }
}

declare global {
  interface Window { benchReady?: boolean; runList?: () => Promise<unknown> }
}
window.runList = () => runComparison(`tanstack-${mode}`, (data) => new TanStackList(data));
window.benchReady = true;

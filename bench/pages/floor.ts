/**
 * The floor: the least a list of 100,000 rows of a fixed height can do per frame, written by hand
 * for this benchmark (not the library's code). A spacer of the full height; a pool of as many row
 * elements as a screen holds, plus two, each moved with `transform` and refilled with
 * `textContent` only when the row it shows changes (row `i` always goes to element `i % pool`);
 * the scroll position read once, at the start of `update()`, before any write (the list's
 * document offset is read once, at mount). The benchmark calls `update()` right after each scroll,
 * in the same animation frame: no blank or stale frame by construction. No keyboard, no
 * accessibility tree, no detail rows, no live rows, DOM order not kept: a floor, not a list.
 */
import type { BalanceTransaction } from '../../src/contract/types.js';
import { listCard, rowElement, rowText, runComparison, type ComparisonList } from './list-bench.js';

const H = 44;

interface Slot {
  el: HTMLElement;
  cells: HTMLElement[];
  index: number;
}

class Floor implements ComparisonList {
  readonly el: HTMLElement;
  private readonly rowsEl: HTMLElement;
  private readonly pool: Slot[] = [];
  private top = 0;

  constructor(private readonly data: BalanceTransaction[]) {
    ({ el: this.el, rowsEl: this.rowsEl } = listCard());
    this.rowsEl.style.height = `${data.length * H}px`;
    const size = Math.ceil(innerHeight / H) + 2;
    for (let k = 0; k < size; k++) {
      const { el, cells } = rowElement();
      this.rowsEl.append(el);
      this.pool.push({ el, cells, index: -1 });
    }
  }

  get rowsTop(): number {
    return this.top;
  }

  mounted(): void {
    this.top = this.rowsEl.getBoundingClientRect().top + scrollY;
    this.update();
  }

  afterScroll(): void {
    this.update();
  }

  destroy(): void {
    this.el.remove();
  }

  /** Reads the scroll position, then writes the rows that changed. */
  private update(): void {
    const first = Math.max(0, Math.min(this.data.length - this.pool.length, Math.floor((scrollY - this.top) / H)));
    for (let i = first; i < first + this.pool.length; i++) {
      const slot = this.pool[i % this.pool.length]!;
      if (slot.index === i) continue;
      slot.index = i;
      slot.el.style.transform = `translateY(${i * H}px)`;
      slot.el.dataset.index = String(i);
      const text = rowText(this.data[i]!);
      for (let c = 0; c < 7; c++) slot.cells[c]!.textContent = text[c]!;
    }
  }
}

declare global {
  interface Window { benchReady?: boolean; runList?: () => Promise<unknown> }
}
window.runList = () => runComparison('floor', (data) => new Floor(data));
window.benchReady = true;

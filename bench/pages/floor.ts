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
import { heapUsed, paintedWhen } from './frames.js';
import { benchData, coverage, headers, progress, rowText, scrollThrough, type ListUnderTest } from './list-bench.js';

const H = 44;

interface Slot {
  el: HTMLElement;
  cells: HTMLElement[];
  index: number;
}

class Floor {
  readonly el: HTMLElement;
  private readonly rowsEl: HTMLElement;
  private readonly pool: Slot[] = [];
  private top = 0;

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
    this.rowsEl.style.height = `${data.length * H}px`;
    this.el.append(title, head, this.rowsEl);
    const size = Math.ceil(innerHeight / H) + 2;
    for (let k = 0; k < size; k++) {
      const el = document.createElement('div');
      el.className = 'row';
      const cells: HTMLElement[] = [];
      ['', '', '', 'num', 'num', 'num', 'status'].forEach((cls) => {
        const cell = document.createElement('span');
        if (cls) cell.className = cls;
        if (cls === 'status') {
          const pill = document.createElement('span');
          cell.append(pill);
          cells.push(pill);
        } else {
          cells.push(cell);
        }
        el.append(cell);
      });
      this.rowsEl.append(el);
      this.pool.push({ el, cells, index: -1 });
    }
  }

  /** Once in the document: where the rows start. */
  mounted(): void {
    this.top = this.rowsEl.getBoundingClientRect().top + scrollY;
  }

  get rowsTop(): number {
    return this.top;
  }

  /** Reads the scroll position, then writes the rows that changed. */
  update(): void {
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

const stage = () => document.getElementById('stage')!;

async function mount(data: BalanceTransaction[]) {
  const t0 = performance.now();
  const floor = new Floor(data);
  stage().append(floor.el);
  floor.mounted();
  floor.update();
  const t1 = await paintedWhen(() => floor.el.querySelector('.row[data-index]') !== null);
  return { floor, ms: t1 - t0 };
}

async function run() {
  const data = benchData();
  const frames = Number(new URLSearchParams(location.search).get('frames') ?? 160);
  const heapData = await heapUsed();
  (await mount(data)).floor.el.remove(); // warm-up
  const allMs: number[] = [];
  let floor!: Floor;
  for (let i = 0; i < 3; i++) {
    const m = await mount(data);
    allMs.push(m.ms);
    if (i < 2) m.floor.el.remove();
    else floor = m.floor;
  }
  await new Promise((r) => setTimeout(r, 300));
  const rows = () => floor.el.querySelectorAll('.row').length;
  const rowsAfterLoad = rows();
  const heapAfter = await heapUsed();
  progress('floor: scroll', allMs);
  const list: ListUnderTest = {
    rows,
    afterScroll: () => floor.update(),
    covered: coverage({ root: document, row: '.row', index: (el) => Number((el as HTMLElement).dataset.index), rowHeight: H, top: floor.rowsTop, count: data.length, header: 36 }),
  };
  const scroll = await scrollThrough(frames, list);
  progress('floor: done');
  return { mode: 'floor', rows: data.length, allMs, rowsAfterLoad, domRows: rowsAfterLoad, heapData, heapAfter, ...scroll };
}

declare global {
  interface Window { benchReady?: boolean; runList?: () => Promise<unknown> }
}
window.runList = run;
window.benchReady = true;

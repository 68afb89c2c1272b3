/**
 * One protocol for every list of 100,000 transactions the benchmark compares (ours, the floor,
 * TanStack Virtual both ways, the naive table), each in a fresh page:
 * - the rows' text, formatted the same way for all (the library's own formatters);
 * - `scrollThrough`: the window scrolled by script at the start of each frame (inside its rAF
 *   callback): top to bottom in `frames` equal jumps (every frame shows rows that were not on
 *   screen: the worst case), then `frames` frames of a steady 130 px a frame from the middle; each
 *   frame's cost (see frames.ts) and, once the frame's rendering is over, its coverage. Each
 *   scroll starts after a second without one, as a person's does: a list that only works while
 *   it is already moving shows it in its first frame;
 * - coverage: whether the rows on screen at the end of the frame are the ones of the scroll
 *   position: at three points of the list's visible part (below a sticky header, the middle, the
 *   bottom; in the middle of the row due there), the element there must be a row, and that
 *   row's top must be where the row of its index belongs at this scroll position. A blank (no row) or stale (a row of an old position, or
 *   the right place with old text) frame fails.
 */
import { categoryOf } from '../../src/contract/categories.js';
import type { BalanceTransaction } from '../../src/contract/types.js';
import { describeTransaction } from '../../src/core/describe.js';
import { stringsFor } from '../../src/core/i18n/index.js';
import { formatMoney } from '../../src/core/money.js';
import { statusLabel } from '../../src/components/transactions/export.model.js';
import { balanceTransactions, FROM, TO } from './data.js';
import { heapUsed, nextFrame, paintedWhen, timeFrames } from './frames.js';

export const TIME_ZONE = 'America/New_York';
export const LOCALE = 'en-US';
export const N = 100_000;
/** Pixels a frame in the steady scroll. */
export const STEADY_PX = 130;

/** The benchmark's transactions: generated, seeded, newest first; the same in every page. */
export function benchData(): BalanceTransaction[] {
  return balanceTransactions(N, FROM, TO);
}

const dateFmt = new Intl.DateTimeFormat(LOCALE, { dateStyle: 'medium', timeZone: TIME_ZONE });
const strings = stringsFor(LOCALE);

/** A row's seven texts, formatted as every list shows them. */
export function rowText(t: BalanceTransaction): [string, string, string, string, string, string, string] {
  return [
    dateFmt.format(new Date(t.created * 1000)),
    strings.categories.singular[categoryOf(t)],
    describeTransaction(t, { strings, platformName: null }),
    formatMoney(t.amount, t.currency, LOCALE),
    formatMoney(t.fee, t.currency, LOCALE),
    formatMoney(t.net, t.currency, LOCALE),
    statusLabel(t.status, strings),
  ];
}

/** The column headers. */
export function headers(): string[] {
  const c = strings.transactions.columns;
  return [c.date, c.type, c.description, c.amount, c.fee, c.net, c.status];
}

/** What the protocol needs of a list. */
export interface ListUnderTest {
  /** Row elements in the DOM now. */
  rows(): number;
  /** Whether the rows on screen match the scroll position (see `coverage`). */
  covered(): boolean;
  /** Called right after each scroll, in the same rAF callback (a list told to render in the scroll's frame). */
  afterScroll?(): void;
}

/**
 * A coverage check: `root` hit-tests the points; `row` finds the row element at a point;
 * `index(el)` is its item index; rows are `rowHeight` high from `top` (document coordinates of the
 * first row's top), `count` of them; points higher than `header` px from the viewport's top are
 * left out (a sticky header covers them).
 */
export function coverage(opts: {
  root: Document | ShadowRoot;
  row: string;
  index(el: Element): number;
  rowHeight: number;
  top: number;
  count: number;
  header?: number;
}): () => boolean {
  const x = Math.round(document.documentElement.clientWidth / 2);
  return () => {
    const listTop = opts.top - window.scrollY;
    const from = Math.max(listTop, opts.header ?? 0) + 4;
    const to = Math.min(listTop + opts.count * opts.rowHeight, window.innerHeight) - 4;
    if (to <= from) return true; // no list on screen: nothing to cover
    // The middles of the first, the middle and the last row wholly due in view (far down a
    // 4,400,000px list, sub-pixel rounding can make a point at a row's edge fall between two rows
    // in Firefox's hit test).
    const h = opts.rowHeight;
    const mid = (i: number) => listTop + (i + 0.5) * h;
    const row = (y: number) => Math.floor((y - listTop) / h);
    const top = mid(row(from)) < from ? row(from) + 1 : row(from);
    const bottom = mid(row(to)) > to ? row(to) - 1 : row(to);
    for (const i of new Set([top, row((from + to) / 2), bottom])) {
      const y = mid(i);
      if (y < from || y > to) continue;
      const hit = opts.root.elementFromPoint(x, y)?.closest(opts.row);
      if (!hit) return false;
      const expected = listTop + opts.index(hit) * h;
      if (Math.abs(hit.getBoundingClientRect().top - expected) > 1) return false;
    }
    return true;
  };
}

export interface ScrollResult {
  frames: number[];
  intervals: number[];
  covered: number;
  steadyFrames: number[];
  steadyIntervals: number[];
  steadyCovered: number;
  steadyPx: number;
  scrollHeight: number;
  reachedBottom: boolean;
  maxRows: number;
}

/** A second without scrolling (and two frames), so that each scroll starts from rest. */
async function rest(): Promise<void> {
  await new Promise((r) => setTimeout(r, 1000));
  await nextFrame();
  await nextFrame();
}

/** See the module doc. */
export async function scrollThrough(frames: number, list: ListUnderTest): Promise<ScrollResult> {
  scrollTo(0, 0);
  list.afterScroll?.();
  await rest();
  const max = document.documentElement.scrollHeight - innerHeight;
  let maxRows = 0;
  performance.mark('jump-start');
  const jumps = await timeFrames(
    frames,
    (i) => {
      scrollTo(0, Math.round((max * (i + 1)) / frames));
      list.afterScroll?.();
    },
    // After the frame (outside its cost): what it showed, and how many row elements it took.
    () => {
      maxRows = Math.max(maxRows, list.rows());
      return list.covered();
    },
  );
  performance.mark('jump-end');
  await nextFrame();
  maxRows = Math.max(maxRows, list.rows());
  const atBottom = scrollY;
  const middle = Math.round(max / 2);
  scrollTo(0, middle);
  list.afterScroll?.();
  await rest();
  performance.mark('steady-start');
  const steady = await timeFrames(
    frames,
    (i) => {
      scrollTo(0, middle + (i + 1) * STEADY_PX);
      list.afterScroll?.();
    },
    () => {
      maxRows = Math.max(maxRows, list.rows());
      return list.covered();
    },
  );
  performance.mark('steady-end');
  return {
    frames: jumps.costs,
    intervals: jumps.intervals,
    covered: jumps.checks.filter(Boolean).length,
    steadyFrames: steady.costs,
    steadyIntervals: steady.intervals,
    steadyCovered: steady.checks.filter(Boolean).length,
    steadyPx: STEADY_PX,
    scrollHeight: max + innerHeight,
    reachedBottom: atBottom >= max - 1,
    maxRows,
  };
}

/** Elements in the document, shadow trees included (where the browser has no DOM counters). */
export function countNodes(root: Node = document): number {
  let n = 0;
  const walk = (r: Node) => {
    const it = document.createTreeWalker(r, NodeFilter.SHOW_ALL);
    for (let node: Node | null = it.currentNode; node; node = it.nextNode()) {
      n++;
      const shadow = (node as Element).shadowRoot;
      if (shadow) walk(shadow);
    }
  };
  walk(root);
  return n;
}

/** Console progress lines (shown with BENCH_VERBOSE=1). */
export const progress = (...a: unknown[]) => console.info(`${(performance.now() / 1000).toFixed(1)} s`, ...a);

// ---- the comparison lists (floor.ts, tanstack.ts) ----

/** A card like ours for a comparison list: the title, a sticky header row and the rows' spacer. */
export function listCard(): { el: HTMLElement; rowsEl: HTMLElement } {
  const el = document.createElement('div');
  el.className = 'card';
  const title = document.createElement('h2');
  title.textContent = 'Transactions';
  const head = document.createElement('div');
  head.className = 'head';
  for (const h of headers()) head.append(Object.assign(document.createElement('span'), { textContent: h }));
  const rowsEl = document.createElement('div');
  rowsEl.className = 'rows';
  el.append(title, head, rowsEl);
  return { el, rowsEl };
}

/** A comparison list's row element with its seven cells (the status inside a pill); returns the elements to fill. */
export function rowElement(): { el: HTMLElement; cells: HTMLElement[] } {
  const el = document.createElement('div');
  el.className = 'row';
  const cells = ['', '', '', 'num', 'num', 'num', 'status'].map((cls) => {
    const cell = document.createElement('span');
    if (cls) cell.className = cls;
    el.append(cell);
    return cls === 'status' ? cell.appendChild(document.createElement('span')) : cell;
  });
  return { el, cells };
}

/** A comparison list: rows 44px high in `.rows`, each with `data-index`. */
export interface ComparisonList {
  readonly el: HTMLElement;
  /** Document offset of the first row (read once, when mounted). */
  readonly rowsTop: number;
  /** Once in the page: read what it needs, render the first rows. */
  mounted(): void;
  /** Told right after each scroll, in the same frame (if it renders that way). */
  afterScroll?(): void;
  destroy(): void;
}

/**
 * The protocol for a comparison list `make(data)`: first rows painted (a warm-up, then three
 * fresh lists; the last stays), row elements, heap, then `scrollThrough` with its coverage.
 */
export async function runComparison(mode: string, make: (data: BalanceTransaction[]) => ComparisonList) {
  const data = benchData();
  const frames = Number(new URLSearchParams(location.search).get('frames') ?? 160);
  const stage = document.getElementById('stage')!;
  const heapData = await heapUsed();
  const mount = async () => {
    const t0 = performance.now();
    const list = make(data);
    stage.append(list.el);
    list.mounted();
    const t1 = await paintedWhen(() => list.el.querySelector('.row[data-index]') !== null);
    return { list, ms: t1 - t0 };
  };
  (await mount()).list.destroy(); // warm-up
  const allMs: number[] = [];
  let list!: ComparisonList;
  for (let i = 0; i < 3; i++) {
    const m = await mount();
    allMs.push(m.ms);
    if (i < 2) m.list.destroy();
    else list = m.list;
  }
  await new Promise((r) => setTimeout(r, 300));
  const rows = () => list.el.querySelectorAll('.row').length;
  const rowsAfterLoad = rows();
  const heapAfter = await heapUsed();
  progress(`${mode}: scroll`, allMs);
  const scroll = await scrollThrough(frames, {
    rows,
    afterScroll: list.afterScroll?.bind(list),
    covered: coverage({ root: document, row: '.row', index: (el) => Number((el as HTMLElement).dataset.index), rowHeight: 44, top: list.rowsTop, count: data.length, header: 36 }),
  });
  progress(`${mode}: done`);
  return { mode, rows: data.length, allMs, rowsAfterLoad, domRows: rowsAfterLoad, heapData, heapAfter, ...scroll };
}

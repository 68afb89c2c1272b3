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
import { nextFrame, timeFrames } from './frames.js';

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

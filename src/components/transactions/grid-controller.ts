/**
 * The list as a treegrid to keyboard and pointer: which rows are open, which row Tab reaches
 * (roving tabindex), and the keys: Up, Down, Page Up, Page Down, Home and End move between rows,
 * Enter and Space open or close a row, Right opens and Left closes (mirrored right to left). A
 * row that opens fires `express-transaction-select`.
 */
import type { ReactiveController, ReactiveControllerHost } from 'lit';
import type { BalanceTransaction } from '../../contract/types.js';
import { ExpressTransactionSelectEvent } from '../../events.js';
import type { TransactionFeed } from './transactions.model.js';

/** Rows moved by Page Up / Page Down. */
const PAGE_STEP = 10;

/** What the grid needs of the rows on screen (see `RowsController`). */
export interface GridRows {
  /** The element showing the transaction `id`, if rendered. */
  elementFor(id: string): HTMLElement | undefined;
  /** Renders the transaction `id` (wherever the list is scrolled) and returns its element. */
  show(id: string): HTMLElement | undefined;
  /** The first transaction row at least partly in view (else the first rendered), if any. */
  firstInView(): HTMLElement | undefined;
}

type Host = ReactiveControllerHost & HTMLElement & { renderRoot: HTMLElement | DocumentFragment };

/** The nearest ancestor of `el` that scrolls vertically, through shadow roots; the window when none. */
function scrollerOf(el: Element): Element | Window {
  for (let n: Node | null = el.parentNode; n; n = n instanceof ShadowRoot ? n.host : n.parentNode) {
    if (!(n instanceof Element) || n === document.documentElement || n === document.body) continue;
    const o = getComputedStyle(n).overflowY;
    if ((o === 'auto' || o === 'scroll' || o === 'overlay') && n.scrollHeight > n.clientHeight) return n;
  }
  return window;
}

/** See the module's documentation. */
export class GridController implements ReactiveController {
  /** Ids of the open rows (a new Set on every change). */
  expanded: ReadonlySet<string> = new Set();
  /** The row holding keyboard focus (the window keeps it rendered while it does). */
  focusedId?: string;
  /** The row Tab reaches. */
  private tabId?: string;
  /** The element with tabindex 0 now. */
  private tabStop?: HTMLElement;
  private feedSeen?: TransactionFeed;

  constructor(
    private readonly host: Host,
    private readonly feed: () => TransactionFeed | undefined,
    private readonly rows: () => GridRows,
  ) {
    host.addController(this);
  }

  /** A new list: nothing open; Tab reaches its first row. */
  hostUpdate(): void {
    const feed = this.feed();
    if (feed !== this.feedSeen) {
      this.feedSeen = feed;
      if (this.expanded.size) this.expanded = new Set();
    }
    if (feed && (this.tabId === undefined || !feed.has(this.tabId))) this.tabId = feed.rows[0]?.id;
  }

  /** Whether `el` is the row Tab reaches. */
  isTabStop(el: HTMLElement): boolean {
    return el === this.tabStop;
  }

  /**
   * Gives tabindex 0 to one rendered row: the roving one when rendered, else the first
   * transaction row in view. Called after the window writes its rows (attribute writes only).
   */
  placeTabStop(): void {
    const rows = this.rows();
    const el = (this.tabId !== undefined ? rows.elementFor(this.tabId) : undefined) ?? rows.firstInView();
    if (el === this.tabStop && el?.tabIndex === 0) return;
    if (this.tabStop && this.tabStop !== el) this.tabStop.tabIndex = -1;
    this.tabStop = el;
    if (el) el.tabIndex = 0;
  }

  readonly onClick = (e: MouseEvent): void => {
    const row = this.rowOf(e);
    if (!row) return;
    this.tabId = row.txn.id;
    this.toggle(row.txn);
  };

  readonly onKeydown = (e: KeyboardEvent): void => {
    const row = this.rowOf(e);
    if (!row || e.target !== row.el || e.altKey || e.ctrlKey || e.metaKey) return;
    const rows = this.feed()?.rows ?? [];
    const i = rows.indexOf(row.txn);
    let to: number;
    switch (e.key) {
      case 'Enter':
      case ' ':
        e.preventDefault();
        this.toggle(row.txn);
        return;
      case 'ArrowRight':
      case 'ArrowLeft': {
        // Treegrid keys: towards the end of the line opens, towards the start closes.
        const rtl = getComputedStyle(this.host).direction === 'rtl';
        const open = (e.key === 'ArrowRight') !== rtl;
        if (open !== this.expanded.has(row.txn.id)) this.toggle(row.txn);
        e.preventDefault();
        return;
      }
      case 'ArrowDown': to = i + 1; break;
      case 'ArrowUp': to = i - 1; break;
      case 'PageDown': to = i + PAGE_STEP; break;
      case 'PageUp': to = i - PAGE_STEP; break;
      case 'Home': to = 0; break;
      case 'End': to = rows.length - 1; break;
      default: return;
    }
    e.preventDefault();
    to = Math.max(0, Math.min(rows.length - 1, to));
    if (to !== i) this.focus(rows[to]!.id);
  };

  readonly onFocusIn = (e: FocusEvent): void => {
    const row = (e.target as Element).closest?.<HTMLElement>('[part~="row"]');
    this.focusedId = row?.dataset.id;
    // Tab, a click or a screen reader focused it: once the browser has scrolled, out from under the header.
    if (row && e.target === row) requestAnimationFrame(() => {
      if (row.matches(':focus')) this.reveal(row);
    });
  };

  readonly onFocusOut = (e: FocusEvent): void => {
    const next = e.relatedTarget as Element | null;
    if (!next?.closest?.('[part~="row"]')) this.focusedId = undefined;
  };

  /**
   * Moves focus to a row: the window renders it (wherever it is), focusing scrolls it into view,
   * and then out from under the sticky header.
   */
  private focus(id: string): void {
    this.tabId = id;
    const el = this.rows().show(id);
    if (!el) return;
    el.focus();
    this.reveal(el);
  }

  /**
   * Scrolls a focused row out from under the sticky header (WCAG 2.4.11, focus not obscured): the
   * browser scrolls a focused element into the scroller's view, which the header covers the top of.
   * The rows' `scroll-margin-top` asks the same of browsers that honour it; this makes sure.
   */
  private reveal(row: HTMLElement): void {
    const head = (this.host.renderRoot as ParentNode).querySelector<HTMLElement>('.head');
    if (!head || head.offsetHeight === 0) return;
    const h = head.getBoundingClientRect();
    const r = row.getBoundingClientRect();
    const hidden = h.bottom - r.top;
    if (hidden > 0.5 && r.bottom > h.top) scrollerOf(row).scrollBy(0, -Math.ceil(hidden));
  }

  private toggle(txn: BalanceTransaction): void {
    const expanded = new Set(this.expanded);
    const opens = !expanded.delete(txn.id);
    if (opens) expanded.add(txn.id);
    this.expanded = expanded;
    this.host.requestUpdate();
    if (!opens) return;
    // Through a variable: the manifest analyzer would take `txn` for the event's name.
    const event = new ExpressTransactionSelectEvent(txn);
    this.host.dispatchEvent(event);
  }

  private rowOf(e: Event): { el: HTMLElement; txn: BalanceTransaction } | undefined {
    const el = (e.target as Element).closest?.<HTMLElement>('[part~="row"]');
    const id = el?.dataset.id;
    const txn = id !== undefined ? this.feed()?.rows.find((t) => t.id === id) : undefined;
    return el && txn ? { el, txn } : undefined;
  }
}

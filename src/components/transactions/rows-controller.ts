/**
 * The rows of `<express-transactions>` on screen: the list's items (each transaction, and the
 * details under an open one) shown through a `RowWindow` in the table's body. The first page is
 * always in the DOM (find in page, browse mode, print), in view or not; beyond it, the rows in
 * view, in a pool of reused elements. Rows are written after each update of the element in
 * which they, or what their text depends on, changed, and by the window as the list scrolls.
 */
import type { ReactiveController, ReactiveControllerHost } from 'lit';
import type { BalanceTransaction } from '../../contract/types.js';
import type { GridController, GridRows } from './grid-controller.js';
import type { ListController } from './list-controller.js';
import { createRow, renderDetailRow, renderTransactionRow, RowViews, type RowContext } from './row-views.js';
import { RowWindow, type RowWindowSource } from './row-window.js';

/** One entry of the body: a transaction's row, or the detail row under an open one. */
interface Item {
  kind: 'txn' | 'detail';
  txn: BalanceTransaction;
}

type Host = ReactiveControllerHost & HTMLElement & { renderRoot: ParentNode };

/** See the module's documentation. */
export class RowsController implements ReactiveController, GridRows {
  /** Each row's text, formatted once per context. */
  readonly views = new RowViews();
  private readonly window: RowWindow;
  private readonly source: RowWindowSource;
  private items: Item[] = [];
  /** Item index of each transaction row. */
  private indexById = new Map<string, number>();
  /** Item indices of the detail rows, ascending. */
  private details: number[] = [];
  private itemsFor?: { rows: readonly BalanceTransaction[]; expanded: ReadonlySet<string> };
  /** What the rows were last written with. */
  private writtenFor: unknown[] = [];

  constructor(
    private readonly host: Host,
    private readonly list: ListController,
    private readonly grid: GridController,
    private readonly context: () => RowContext,
  ) {
    host.addController(this);
    this.window = new RowWindow({
      heightProperty: '--_row-h',
      measuredKinds: ['detail'],
      afterSync: () => grid.placeTabStop(),
      onVisibleChange: (range) => list.inView(range.lastVisible, this.items.length),
    });
    const items = () => this.items;
    const details = () => this.details;
    this.source = {
      get count() {
        return items().length;
      },
      key: (i) => (this.items[i]!.kind === 'txn' ? this.items[i]!.txn.id : `detail:${this.items[i]!.txn.id}`),
      indexOf: (key) => {
        if (!key.startsWith('detail:')) return this.indexById.get(key) ?? -1;
        const i = this.indexById.get(key.slice(7));
        return i === undefined || this.items[i + 1]?.kind !== 'detail' ? -1 : i + 1;
      },
      kind: (i) => this.items[i]!.kind,
      get measured() {
        return details();
      },
      create: createRow,
      render: (el, i) => this.render(el, i),
    };
  }

  hostConnected(): void {
    this.writtenFor = [];
  }

  hostDisconnected(): void {
    this.window.detach();
    this.writtenFor = [];
  }

  /** How many entries the body has for `rows` (with the details of the open ones). */
  count(rows: readonly BalanceTransaction[]): number {
    return this.itemsOf(rows).length;
  }

  elementFor(id: string): HTMLElement | undefined {
    return this.window.elementFor(id);
  }

  show(id: string): HTMLElement | undefined {
    const index = this.indexById.get(id);
    if (index === undefined) return undefined;
    this.window.refresh(this.source, { keep: [index] });
    return this.window.elementFor(id);
  }

  firstInView(): HTMLElement | undefined {
    const { firstVisible, first } = this.window.range;
    const from = firstVisible >= 0 ? firstVisible : Math.max(0, first);
    for (let i = from; i <= from + 1 && i < this.items.length; i++) {
      const el = this.items[i]!.kind === 'txn' ? this.window.elementFor(this.items[i]!.txn.id) : undefined;
      if (el) return el;
    }
    return this.window.elements.find((e) => e.matches('[part~="row"]'));
  }

  /** After each update: the window in the body, and the rows written when anything they show changed. */
  hostUpdated(): void {
    const body = this.host.renderRoot.querySelector<HTMLElement>('.body');
    const probe = this.host.renderRoot.querySelector<HTMLElement>('.probe');
    const feed = this.list.feed;
    if (!body || !probe || !feed || !this.host.isConnected) {
      this.window.detach();
      this.writtenFor = [];
      return;
    }
    this.views.use(this.context());
    this.window.attach(body, probe);
    this.itemsOf(feed.rows);
    const inputs = [body, feed, feed.rows, this.grid.expanded, this.views.context, this.list.freshVersion];
    const before = this.writtenFor;
    if (inputs.every((v, i) => v === before[i])) return;
    this.writtenFor = inputs;
    const rows = feed.rows;
    const pageSize = feed.query.pageSize;
    // The first page is always in the DOM, in view or not.
    this.window.pinned = rows.length > pageSize ? this.indexById.get(rows[pageSize]!.id)! : this.items.length;
    const focused = this.grid.focusedId === undefined ? undefined : this.indexById.get(this.grid.focusedId);
    this.window.refresh(this.source, {
      reset: before[1] !== feed || before[0] !== body,
      invalidate: inputs.slice(3).some((v, i) => v !== before[i + 3]),
      keep: focused === undefined ? [] : [focused],
    });
  }

  /** Writes the item at `index` into a pooled element (called by the window, between updates too). */
  private render(el: HTMLElement, index: number): void {
    const it = this.items[index];
    const ctx = this.views.context;
    if (!it || !ctx) return;
    if (it.kind === 'detail') return renderDetailRow(el, it.txn, index, ctx);
    const id = it.txn.id;
    const state = { expanded: this.grid.expanded.has(id), fresh: this.list.fresh.has(id), tabbable: this.grid.isTabStop(el) };
    renderTransactionRow(el, it.txn, index, this.views.view(it.txn), state, ctx.strings);
  }

  /**
   * The body's items: every row, each open one followed by its details. Rows appended by a page
   * extend the previous items (no rebuild of 100,000 items per page).
   */
  private itemsOf(rows: readonly BalanceTransaction[]): Item[] {
    const expanded = this.grid.expanded;
    const prev = this.itemsFor;
    if (prev?.rows === rows && prev.expanded === expanded) return this.items;
    const n = prev?.rows.length ?? 0;
    const appended = prev?.expanded === expanded && n > 0 && rows.length > n && rows[0] === prev.rows[0] && rows[n - 1] === prev.rows[n - 1];
    const add: Item[] = [];
    const indexById = appended ? this.indexById : new Map<string, number>();
    const details = appended ? this.details : [];
    const base = appended ? this.items.length : 0;
    for (let i = appended ? n : 0; i < rows.length; i++) {
      const txn = rows[i]!;
      indexById.set(txn.id, base + add.length);
      add.push({ kind: 'txn', txn });
      if (expanded.has(txn.id)) {
        details.push(base + add.length);
        add.push({ kind: 'detail', txn });
      }
    }
    this.items = appended ? this.items.concat(add) : add;
    this.indexById = indexById;
    this.details = details;
    this.itemsFor = { rows, expanded };
    return this.items;
  }
}

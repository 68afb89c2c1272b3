import { initialState, Task, TaskStatus } from '@lit/task';
import { html, LitElement, nothing, render as renderInto, type TemplateResult } from 'lit';
import { property, query, state } from 'lit/decorators.js';
import { categoryOf } from '../../contract/categories.js';
import { ExpressError, isAbortError, toExpressError } from '../../contract/errors.js';
import type { GuardedAdapter } from '../../adapter/guard.js';
import type { Balance, BalanceTransaction, ExpressAdapter, ExpressEvent } from '../../contract/types.js';
import { describeTransaction, type DescribeFn } from '../../core/describe.js';
import { format, stringsFor, type Strings } from '../../core/i18n/registry.js';
import { formatMoney } from '../../core/money.js';
import { browserTimeZone, isValidTimeZone, localIsoDate, parseLocalIsoDate } from '../../core/time.js';
import { ExpressTransactionSelectEvent } from '../../events.js';
import { AdapterController } from '../shared/adapter-controller.js';
import { LocaleController } from '../shared/locale.js';
import { exportFileName, isoDateTime, statusLabel, transactionsCsv } from './export.js';
import {
  activeFilters,
  CATEGORY_FILTERS,
  fetchAllTransactions,
  isValidCustomRange,
  queryFor,
  toCategoryFilter,
  toPageSize,
  toRange,
  TRANSACTION_RANGES,
  TransactionFeed,
  type ListPage,
  type TransactionFilters,
  type TransactionQuery,
} from './transactions.model.js';
import { RowWindow, type RowWindowSource } from './row-window.js';
import { styles } from './transactions.styles.js';

/** One entry of the virtualised body: a transaction's row, or the detail row under an expanded one. */
type Item = { kind: 'txn'; txn: BalanceTransaction } | { kind: 'detail'; txn: BalanceTransaction };

/** A row's text, formatted. */
interface RowView {
  iso: string;
  short: string;
  full: string;
  type: string;
  description: string;
  amount: string;
  fee: string;
  net: string;
  status: TemplateResult | string;
}

/** Where the CSV export is. */
type ExportState =
  | { state: 'idle' }
  | { state: 'running'; count: number }
  | { state: 'done'; count: number }
  | { state: 'canceled' }
  | { state: 'error'; error: ExpressError };

/** Rows from the end of the loaded list at which the next page starts loading by itself. */
const AUTO_LOAD_THRESHOLD = 5;
/** How long a live transaction stays highlighted (ms). */
const FRESH_MS = 4000;
/** Rows moved by Page Up / Page Down. */
const PAGE_STEP = 10;
const COLUMNS = ['date', 'type', 'description', 'amount', 'fee', 'net', 'status'] as const;

const dateFormats = new Map<string, Intl.DateTimeFormat>();
function dateFormat(locale: string, timeZone: string, kind: 'short' | 'full' | 'long' | 'day'): Intl.DateTimeFormat {
  const key = `${kind}|${locale}|${timeZone}`;
  let f = dateFormats.get(key);
  if (!f) {
    const opts: Intl.DateTimeFormatOptions =
      kind === 'short' ? { dateStyle: 'medium' }
      : kind === 'full' ? { dateStyle: 'full', timeStyle: 'short' }
      : kind === 'long' ? { dateStyle: 'full' }
      : { month: 'short', day: 'numeric' };
    f = new Intl.DateTimeFormat(locale, { ...opts, timeZone });
    dateFormats.set(key, f);
  }
  return f;
}

/** Sets an attribute when its value differs (rows are rewritten often; unchanged ones cost nothing). */
function setAttr(el: Element, name: string, value: string): void {
  if (el.getAttribute(name) !== value) el.setAttribute(name, value);
}

/**
 * A connected account's balance transactions (payments, refunds, transfers, payouts, fees,
 * adjustments) by type, date and amount, newest first.
 *
 * Filters: category (mapped to the adapter's `type[]`; `other` is filtered on the client), date
 * range in the account's timezone, and a currency when the balance has more than one. Pages load
 * as the end of the list nears, or with the "Load more" button. Rendering is virtualised: with
 * 100,000 rows the DOM holds a few dozen, and the list stays a table to assistive technology:
 * a read-only `treegrid` (a grid whose rows expand) with `aria-rowcount` and `aria-rowindex`.
 * Selecting a row (click, Enter or Space) expands its details and fires
 * `express-transaction-select`; Up, Down, Home, End, Page Up and Page Down move between rows,
 * Right expands and Left collapses (mirrored right to left). New transactions from the adapter's `subscribe` appear at the top,
 * highlighted and announced politely. The export button writes every matching transaction to a
 * CSV file (see `save`). Under 600px of width the rows become stacked cards.
 *
 * @summary Balance transactions by type, date and amount: filters, paging, details, live rows, CSV export.
 *
 * @csspart base - The card around everything.
 * @csspart toolbar - The title, filters and export button.
 * @csspart filters - The filter controls.
 * @csspart export-button - The "Export CSV" button.
 * @csspart row - A transaction's row (only those; it carries `data-id`, the transaction's id).
 * @csspart date - A row's date cell.
 * @csspart type - A row's type cell.
 * @csspart description - A row's description cell.
 * @csspart amount - A row's gross amount cell.
 * @csspart fee - A row's fee cell.
 * @csspart net - A row's net amount cell.
 * @csspart status - A row's status cell.
 *
 * @cssproperty --express-color-primary - Focus ring, highlight of a new row.
 * @cssproperty --express-color-background - The card and the rows.
 * @cssproperty --express-color-surface - Header row, expanded rows, skeletons.
 * @cssproperty --express-color-text - Text.
 * @cssproperty --express-color-secondary-text - Labels, header, secondary lines.
 * @cssproperty --express-color-border - Card and row borders.
 * @cssproperty --express-color-danger - Negative amounts, errors.
 * @cssproperty --express-font-family - The font.
 * @cssproperty --express-font-size-base - The font size.
 * @cssproperty --express-border-radius - Corners.
 * @cssproperty --express-spacing-unit - The spacing rhythm.
 *
 * @fires express-transaction-select - A row was selected (expanded); `detail.transaction` is the transaction.
 * @fires express-error - An adapter call failed; `detail` is `{ error, operation }`.
 */
export class ExpressTransactions extends LitElement {
  static override styles = styles;

  private readonly _adapters = new AdapterController(this);
  /** Re-renders when the string table of the element's language arrives or `<html lang>` changes. */
  private readonly _l10n = new LocaleController(this);

  /** The account, for its timezone (dates use the browser's until it answers, and if it fails). */
  private readonly _account = new Task(this, {
    task: async ([adapter], { signal }) => {
      if (!adapter) return initialState;
      try {
        return await adapter.getAccount({ signal });
      } catch (e) {
        this._adapters.report(e, 'getAccount');
        throw e;
      }
    },
    args: () => [this._adapters.value] as const,
  });

  /** The balance, for the currencies of the currency filter. */
  private readonly _balance = new Task(this, {
    task: async ([adapter], { signal }) => {
      if (!adapter) return initialState;
      try {
        return await adapter.getBalance({ signal });
      } catch (e) {
        this._adapters.report(e, 'getBalance');
        throw e;
      }
    },
    args: () => [this._adapters.value] as const,
  });

  /** The first page of the current query. Later pages go through `loadMore`. */
  private readonly _list = new Task(this, {
    task: async ([adapter, q], { signal }) => {
      this._more?.abort();
      this._more = undefined;
      this._loadingMore = false;
      this._moreError = undefined;
      this._expanded = new Set();
      if (!adapter || !q) {
        this._feed = undefined;
        return initialState;
      }
      const feed = new TransactionFeed(q);
      this._feed = feed;
      try {
        await feed.loadPage(this._pager(adapter), signal);
      } catch (e) {
        throw this._adapters.report(e, 'listBalanceTransactions') ?? e;
      }
      // Live transactions that moved the list to a new day (see `_onLiveEvent`) arrive now.
      const waiting = this._waitingLive;
      this._waitingLive = [];
      for (const txn of waiting) {
        if (feed.insertLive(txn) || feed.has(txn.id)) this._arrived(txn);
      }
      return feed;
    },
    args: () => [this._adapters.value, this._query] as const,
  });

  @query('.body') private _body?: HTMLElement;
  @query('.probe') private _probe?: HTMLElement;

  /** The currency picked in the currency filter (`''`: every currency). */
  @state() private _currency = '';
  /** Whether the filters are open (narrow containers hide them behind a button). */
  @state() private _filtersOpen = false;
  /** A custom range the person typed that cannot be applied. */
  @state() private _rangeInvalid = false;
  @state() private _loadingMore = false;
  @state() private _moreError?: ExpressError;
  @state() private _export: ExportState = { state: 'idle' };
  /** The polite announcement of the latest live transaction. */
  @state() private _announcement = '';
  /** Ids of the expanded rows (a new Set on every change). */
  @state() private _expanded: ReadonlySet<string> = new Set();

  /** The data adapter; without one, the adapter of an enclosing `<express-dashboard>`. */
  @property({ attribute: false }) adapter?: ExpressAdapter;
  /** The platform's name in generic descriptions ("Payment from {platform}"); default: the enclosing dashboard's. */
  @property({ attribute: 'platform-name' }) platformName: string | null = null;
  /** BCP 47 locale; default: the nearest `lang`, then the browser's language. */
  @property({ reflect: true }) locale: string | null = null;
  /** Transactions per page, 1 to 100 (default 25). */
  @property({ attribute: 'page-size', type: Number }) pageSize = 25;
  /** The category filter: `all` (default), `charge`, `refund`, `transfer`, `payout`, `fee`, `adjustment` or `other`. Follows the person's choice. */
  @property() category = 'all';
  /** The date range: `7d`, `30d`, `90d`, `12m`, `all` (default) or `custom` (with `from` and `to`). Follows the person's choice. */
  @property() range = 'all';
  /** First local day (`YYYY-MM-DD`) of a `custom` range, in the account's timezone. */
  @property() from: string | null = null;
  /** Last local day (`YYYY-MM-DD`) of a `custom` range, inclusive. */
  @property() to: string | null = null;
  /** The platform's own description of a transaction; wins over `description` and the generic text when it returns a non-empty string. */
  @property({ attribute: false }) describe?: DescribeFn;

  /** The query the list shows; a new object only when it asks something else. */
  private _query?: TransactionQuery;
  private _queryInputs = '';
  /** Live transactions that came as the local day changed: added once the new day's list loads. */
  private _waitingLive: BalanceTransaction[] = [];
  /** The rows of the current query (the newest run's; older runs' feeds are never shown). */
  private _feed?: TransactionFeed;
  private _more?: AbortController;
  private _exportAbort?: AbortController;
  private _liveBalance?: Balance;
  private _unsubscribe?: () => void;
  private _subscribedTo?: GuardedAdapter;
  private readonly _fresh = new Set<string>();
  private readonly _timers = new Set<ReturnType<typeof setTimeout>>();
  /** The row that Tab reaches (roving tabindex). */
  private _tabId?: string;
  /** The row that holds keyboard focus (the window keeps it rendered). */
  private _focusedId?: string;
  /** The row that has tabindex 0 now. */
  private _tabStop?: HTMLElement;
  private _lastVisible = -1;
  private _items: Item[] = [];
  /** Item index of each transaction row. */
  private _indexById = new Map<string, number>();
  /** Item indices of the detail rows, ascending. */
  private _detailIndices: number[] = [];
  /** What the rows were last written with (see `_syncRows`). */
  private _rowsFor: unknown[] = [];
  private _freshVersion = 0;
  /** Strings, locale and timezone of the latest render, for rows written between renders. */
  private _rowContext?: { s: Strings; locale: string; timeZone: string };
  /** The rows on screen: a window of the list in a pool of reused elements (see row-window.ts). */
  private readonly _window = new RowWindow({
    heightProperty: '--_row-h',
    measuredKinds: ['detail'],
    afterSync: () => this._placeTabStop(),
    onVisibleChange: (range) => {
      this._lastVisible = range.lastVisible;
      this._autoLoad();
    },
  });
  private readonly _source: RowWindowSource = ((host: ExpressTransactions): RowWindowSource => ({
    get count() {
      return host._items.length;
    },
    key: (i) => {
      const it = host._items[i]!;
      return it.kind === 'txn' ? it.txn.id : `detail:${it.txn.id}`;
    },
    indexOf: (key) => {
      if (key.startsWith('detail:')) {
        const i = host._indexById.get(key.slice(7));
        return i === undefined || host._items[i + 1]?.kind !== 'detail' ? -1 : i + 1;
      }
      return host._indexById.get(key) ?? -1;
    },
    kind: (i) => host._items[i]!.kind,
    get measured() {
      return host._detailIndices;
    },
    create: (kind) => {
      const el = document.createElement('div');
      el.setAttribute('role', 'row');
      el.setAttribute('aria-level', kind === 'txn' ? '1' : '2');
      el.className = kind === 'txn' ? 'row txn' : 'row detail';
      return el;
    },
    render: (el, i) => host._renderItem(el, i),
  }))(this);
  /** Each row's text, formatted once per locale, timezone, platform name and `describe`. */
  private _views = new WeakMap<BalanceTransaction, RowView>();
  private _viewsKey: unknown[] = [];
  private _itemsFor?: { rows: readonly BalanceTransaction[]; expanded: ReadonlySet<string> };

  override connectedCallback(): void {
    super.connectedCallback();
    // Subscribes again and puts the rows back (in `updated`) after a move in the DOM.
    this._rowsFor = [];
    this.requestUpdate();
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    this._window.detach();
    this._unsubscribe?.();
    this._unsubscribe = undefined;
    this._subscribedTo = undefined;
    this._more?.abort();
    this._exportAbort?.abort();
    for (const t of this._timers) clearTimeout(t);
    this._timers.clear();
  }

  protected override willUpdate(): void {
    this._updateQuery();
  }

  /**
   * Makes `_query` the query of the filters now; returns whether it changed. The local day is one
   * of its inputs: a preset range ends at the end of today, so after midnight it asks for the
   * new day's window (a live transaction still matches, Retry and `reload()` fetch the current
   * window).
   */
  private _updateQuery(): boolean {
    const timeZone = this._timeZone;
    const filters = this._filters;
    const now = Date.now() / 1000;
    const today = filters.range === 'all' || filters.range === 'custom' ? '' : localIsoDate(now, timeZone);
    const inputs = JSON.stringify([filters, this.pageSize, timeZone, today]);
    if (inputs === this._queryInputs) return false;
    this._queryInputs = inputs;
    const next = queryFor(filters, { now, timeZone, pageSize: toPageSize(this.pageSize) });
    if (next.key === this._query?.key) return false;
    this._query = next;
    return true;
  }

  protected override updated(): void {
    this._syncSubscription();
    this._syncRows();
  }

  /** Hands the rows to the window when they, or what their text depends on, changed. */
  private _syncRows(): void {
    const body = this._body;
    const probe = this._probe;
    const feed = this._feed;
    if (!body || !probe || !feed || !this.isConnected) {
      this._window.detach();
      this._rowsFor = [];
      return;
    }
    this._window.attach(body, probe);
    const inputs = [body, feed, feed.rows, this._expanded, this._views, this._freshVersion, this._rowContext?.s];
    const before = this._rowsFor;
    if (inputs.every((v, i) => v === before[i])) return;
    this._rowsFor = inputs;
    const rows = feed.rows;
    const pageSize = feed.query.pageSize;
    // The first page is always in the DOM (find in page, browse mode, print), in view or not.
    this._window.pinned = rows.length > pageSize ? this._indexById.get(rows[pageSize]!.id)! : this._items.length;
    const keep = this._focusedId !== undefined ? this._indexById.get(this._focusedId) : undefined;
    this._window.refresh(this._source, {
      reset: before[1] !== feed || before[0] !== body,
      invalidate: inputs.slice(3).some((v, i) => v !== before[i + 3]),
      keep: keep === undefined ? [] : [keep],
    });
  }

  // ---- derived values ----

  /** The account's timezone once known and valid, else the browser's. */
  private get _timeZone(): string {
    const tz = this._account.value?.settings?.dashboard?.timezone;
    return tz && isValidTimeZone(tz) ? tz : browserTimeZone();
  }

  private get _filters(): TransactionFilters {
    const range = toRange(this.range);
    return {
      category: toCategoryFilter(this.category),
      range,
      from: range === 'custom' ? this.from : null,
      to: range === 'custom' ? this.to : null,
      currency: this._currency || null,
    };
  }

  private get _platformName(): string | null {
    return this.platformName ?? this._adapters.dashboard?.platformName ?? null;
  }

  /** The currencies of the balance, sorted. */
  private get _currencies(): string[] {
    const b = this._liveBalance ?? this._balance.value;
    if (!b) return [];
    return [...new Set([...b.available, ...b.pending].map((a) => a.currency.toLowerCase()))].sort();
  }

  private _pager(adapter: GuardedAdapter): ListPage {
    return (params, signal) =>
      adapter.listBalanceTransactions(params, { signal }).then((l) => this._adapters.reportDropped(l, 'listBalanceTransactions'));
  }

  /**
   * The body's entries: every row, each expanded one followed by its details. Rows appended by a
   * page extend the previous entries (no rebuild of 100,000 entries per page).
   */
  private _itemsOf(rows: readonly BalanceTransaction[]): Item[] {
    const prev = this._itemsFor;
    if (prev?.rows === rows && prev.expanded === this._expanded) return this._items;
    const n = prev?.rows.length ?? 0;
    const appended =
      prev !== undefined && prev.expanded === this._expanded && n > 0 && rows.length > n &&
      rows[0] === prev.rows[0] && rows[n - 1] === prev.rows[n - 1];
    const from = appended ? n : 0;
    const add: Item[] = [];
    const indexById = appended ? this._indexById : new Map<string, number>();
    const details = appended ? this._detailIndices : [];
    const base = appended ? this._items.length : 0;
    for (let i = from; i < rows.length; i++) {
      const txn = rows[i]!;
      indexById.set(txn.id, base + add.length);
      add.push({ kind: 'txn', txn });
      if (this._expanded.has(txn.id)) {
        details.push(base + add.length);
        add.push({ kind: 'detail', txn });
      }
    }
    this._items = appended ? this._items.concat(add) : add;
    this._indexById = indexById;
    this._detailIndices = details;
    this._itemsFor = { rows, expanded: this._expanded };
    return this._items;
  }

  // ---- live events ----

  private _syncSubscription(): void {
    const adapter = this.isConnected ? this._adapters.value : undefined;
    if (adapter === this._subscribedTo) return;
    this._unsubscribe?.();
    this._unsubscribe = undefined;
    this._subscribedTo = adapter;
    if (adapter?.subscribe) {
      this._unsubscribe = adapter.subscribe(
        (e) => this._onLiveEvent(e),
        (error) => this._adapters.report(error, 'subscribe'),
      );
    }
  }

  private _onLiveEvent(e: ExpressEvent): void {
    if (e.type === 'balance.updated') {
      this._liveBalance = e.data;
      this.requestUpdate();
      return;
    }
    if (e.type !== 'balance_transaction.created') return;
    const txn = e.data;
    if (this._updateQuery()) {
      // A new local day: the list moves to the new window and the transaction joins it there.
      this._waitingLive.push(txn);
      this.requestUpdate();
      return;
    }
    const feed = this._feed;
    if (!feed || !feed.insertLive(txn)) return;
    this._arrived(txn);
  }

  /** A live transaction in the rows: highlighted for a moment, announced (unless a dashboard announces it). */
  private _arrived(txn: BalanceTransaction): void {
    this._fresh.add(txn.id);
    this._freshVersion++;
    const timer = setTimeout(() => {
      this._timers.delete(timer);
      this._fresh.delete(txn.id);
      this._freshVersion++;
      this.requestUpdate();
    }, FRESH_MS);
    this._timers.add(timer);
    // Inside a dashboard that announces live activity, the dashboard says it once.
    if (this._feed?.loaded && !this._adapters.dashboard?.announces) {
      const locale = this._l10n.locale;
      const s = stringsFor(locale);
      this._announcement = format(s.transactions.newTransaction, {
        description: this._describe(txn, s),
        amount: formatMoney(txn.amount, txn.currency, locale),
      });
    }
    this.requestUpdate();
  }

  // ---- handlers ----

  private _onCategory(e: Event): void {
    this.category = (e.target as HTMLSelectElement).value;
  }

  private _onRange(e: Event): void {
    this.range = (e.target as HTMLSelectElement).value;
    this._rangeInvalid = false;
  }

  private _onCustomDate(which: 'from' | 'to', e: Event): void {
    const value = (e.target as HTMLInputElement).value || null;
    const from = which === 'from' ? value : this.from;
    const to = which === 'to' ? value : this.to;
    if (!isValidCustomRange(from, to, this._timeZone)) {
      this._rangeInvalid = true;
      return;
    }
    this._rangeInvalid = false;
    this.from = from;
    this.to = to;
  }

  private _onCurrency(e: Event): void {
    this._currency = (e.target as HTMLSelectElement).value;
  }

  private _clearFilters(): void {
    this.category = 'all';
    this.range = 'all';
    this.from = null;
    this.to = null;
    this._currency = '';
    this._rangeInvalid = false;
  }

  private _toggle(txn: BalanceTransaction): void {
    const expanded = new Set(this._expanded);
    if (expanded.delete(txn.id)) {
      this._expanded = expanded;
      return;
    }
    expanded.add(txn.id);
    this._expanded = expanded;
    // Through a variable: the manifest analyzer would take `txn` for the event's name.
    const event = new ExpressTransactionSelectEvent(txn);
    this.dispatchEvent(event);
  }

  private _rowOf(e: Event): { el: HTMLElement; txn: BalanceTransaction } | undefined {
    const el = (e.target as Element).closest?.<HTMLElement>('[part~="row"]');
    const id = el?.dataset.id;
    const txn = id !== undefined ? this._feed?.rows.find((t) => t.id === id) : undefined;
    return el && txn ? { el, txn } : undefined;
  }

  private _onBodyClick(e: MouseEvent): void {
    const row = this._rowOf(e);
    if (!row) return;
    this._tabId = row.txn.id;
    this._toggle(row.txn);
  }

  private _onBodyKeydown(e: KeyboardEvent): void {
    const row = this._rowOf(e);
    if (!row || e.target !== row.el || e.altKey || e.ctrlKey || e.metaKey) return;
    const rows = this._feed?.rows ?? [];
    const i = rows.indexOf(row.txn);
    let to: number;
    switch (e.key) {
      case 'Enter':
      case ' ':
        e.preventDefault();
        this._toggle(row.txn);
        return;
      case 'ArrowRight':
      case 'ArrowLeft': {
        // Treegrid keys: towards the end of the line expands, towards the start collapses.
        const rtl = getComputedStyle(this).direction === 'rtl';
        const expand = (e.key === 'ArrowRight') !== rtl;
        if (expand !== this._expanded.has(row.txn.id)) this._toggle(row.txn);
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
    if (to !== i) void this._focusRow(rows[to]!.id);
  }

  /** Moves keyboard focus to a row: the window renders it (and keeps it while focused), focus scrolls it into view. */
  private _focusRow(id: string): void {
    this._tabId = id;
    const index = this._indexById.get(id);
    if (index === undefined) return;
    this._window.refresh(this._source, { keep: [index] });
    this._window.elementFor(id)?.focus();
  }

  private _onFocusIn(e: FocusEvent): void {
    const el = (e.target as Element).closest?.<HTMLElement>('[part~="row"]');
    this._focusedId = el?.dataset.id;
  }

  private _onFocusOut(e: FocusEvent): void {
    const next = e.relatedTarget as Element | null;
    if (!next || !this._body?.contains(next)) this._focusedId = undefined;
  }

  /**
   * Gives tabindex 0 to one rendered row (roving tabindex): the roving one when rendered, else
   * the first transaction row in view (else the first rendered).
   */
  private _placeTabStop(): void {
    let el = this._tabId !== undefined ? this._window.elementFor(this._tabId) : undefined;
    if (!el) {
      const { firstVisible, first } = this._window.range;
      const from = firstVisible >= 0 ? firstVisible : Math.max(0, first);
      for (let i = from; i < this._items.length && i <= from + 2 && !el; i++) {
        const it = this._items[i]!;
        if (it.kind === 'txn') el = this._window.elementFor(it.txn.id);
      }
      el ??= this._window.elements.find((e) => e.matches('[part~="row"]'));
    }
    if (el === this._tabStop && el?.tabIndex === 0) return;
    if (this._tabStop && this._tabStop !== el) this._tabStop.tabIndex = -1;
    this._tabStop = el;
    if (el) el.tabIndex = 0;
  }

  /** Loads the next page when the end of the list is in view. */
  private _autoLoad(): void {
    const feed = this._feed;
    if (!feed?.hasMore || this._loadingMore || this._moreError || this._list.status !== TaskStatus.COMPLETE) return;
    if (this._lastVisible >= this._items.length - AUTO_LOAD_THRESHOLD) void this.loadMore();
  }

  // ---- public methods ----

  /**
   * Loads the next page of the current filters (what nearing the end and "Load more" do). Does
   * nothing while a page loads, before the first page or after the last. A failure keeps the rows
   * and shows Retry at the end.
   */
  async loadMore(): Promise<void> {
    const feed = this._feed;
    const adapter = this._adapters.value;
    if (!feed || !adapter || !feed.loaded || !feed.hasMore || this._loadingMore) return;
    if (this._list.status !== TaskStatus.COMPLETE) return;
    const abort = new AbortController();
    this._more = abort;
    this._loadingMore = true;
    this._moreError = undefined;
    try {
      await feed.loadPage(this._pager(adapter), abort.signal);
    } catch (e) {
      if (feed === this._feed && !abort.signal.aborted) this._moreError = this._adapters.report(e, 'listBalanceTransactions');
    } finally {
      if (this._more === abort) {
        this._more = undefined;
        this._loadingMore = false;
      }
      this.requestUpdate();
    }
    if (feed === this._feed && !this._moreError) {
      await this.updateComplete;
      this._autoLoad();
    }
  }

  /** Loads the list again from the first page (the error state's Retry). */
  reload(): void {
    // After midnight a preset range asks for the new day's window (the new query runs the list).
    if (this._updateQuery()) this.requestUpdate();
    else void this._list.run();
  }

  /**
   * Exports every transaction of the current filters as CSV (paging through the adapter with
   * progress; `cancelExport()` stops it) and hands the file to `save`. Resolves when done,
   * canceled or failed.
   */
  async exportCsv(): Promise<void> {
    const adapter = this._adapters.value;
    const query = this._query;
    if (!adapter || !query || this._export.state === 'running') return;
    const abort = new AbortController();
    this._exportAbort = abort;
    this._export = { state: 'running', count: 0 };
    const timeZone = this._timeZone;
    try {
      const txns = await fetchAllTransactions(this._pager(adapter), query, {
        signal: abort.signal,
        onProgress: (count) => {
          if (this._exportAbort === abort) this._export = { state: 'running', count };
        },
      });
      const strings = stringsFor(this._l10n.locale);
      const csv = transactionsCsv(txns, { timeZone, strings, platformName: this._platformName, describe: this.describe });
      this.save(exportFileName(Date.now() / 1000, timeZone), csv);
      if (this._exportAbort === abort) this._export = { state: 'done', count: txns.length };
    } catch (e) {
      if (this._exportAbort !== abort) return;
      const error = abort.signal.aborted || isAbortError(e) ? undefined : this._adapters.report(e, 'listBalanceTransactions');
      this._export = error ? { state: 'error', error } : { state: 'canceled' };
    } finally {
      if (this._exportAbort === abort) this._exportAbort = undefined;
    }
  }

  /** Stops a running export; nothing is saved. */
  cancelExport(): void {
    this._exportAbort?.abort();
  }

  /**
   * Saves the export: by default downloads `text` as `fileName` (a `text/csv` file) through a
   * temporary link. Override it (on the instance or a subclass) to handle the file yourself.
   */
  save(fileName: string, text: string): void {
    const url = URL.createObjectURL(new Blob([text], { type: 'text/csv;charset=utf-8' }));
    const a = document.createElement('a');
    a.href = url;
    a.download = fileName;
    a.hidden = true;
    this.renderRoot.append(a);
    a.click();
    a.remove();
    setTimeout(() => URL.revokeObjectURL(url), 30_000);
  }

  // ---- rendering ----

  private _describe(txn: BalanceTransaction, s: Strings): string {
    return describeTransaction(txn, { strings: s, platformName: this._platformName, describe: this.describe });
  }

  private _errorMessage(error: ExpressError, s: Strings, locale: string): string {
    if (error.code === 'rate_limited' && error.retryAfter !== undefined) return s.common.rateLimitedWait(error.retryAfter, locale);
    return s.common.errors[error.code] ?? s.common.errors.unknown;
  }

  private _rangeLabel(filters: TransactionFilters, s: Strings, locale: string): string {
    if (filters.range !== 'custom') return s.transactions.ranges[filters.range];
    const tz = this._timeZone;
    const day = (iso: string) => new Date(parseLocalIsoDate(iso, tz) * 1000);
    const f = dateFormat(locale, tz, 'short');
    if (filters.from && filters.to) return f.formatRange(day(filters.from), day(filters.to));
    if (filters.from) return `${s.transactions.from} ${f.format(day(filters.from))}`;
    if (filters.to) return `${s.transactions.to} ${f.format(day(filters.to))}`;
    return s.transactions.ranges.custom;
  }

  private _renderFilters(s: Strings, locale: string): TemplateResult {
    const t = s.transactions;
    const f = this._filters;
    const currencies = this._currencies;
    const showCurrency = currencies.length > 1 || !!this._currency;
    return html`
      <div part="filters" class="filters ${this._filtersOpen ? 'open' : ''}" id="filters" role="group" aria-label=${s.common.filters}>
        <label class="field">${t.categoryLabel}
          <select @change=${this._onCategory} .value=${f.category}>
            ${CATEGORY_FILTERS.map((c) => html`<option value=${c} ?selected=${c === f.category}>
              ${c === 'all' ? s.categories.all : s.categories.plural[c]}</option>`)}
          </select>
        </label>
        <label class="field">${t.rangeLabel}
          <select @change=${this._onRange} .value=${f.range}>
            ${TRANSACTION_RANGES.map((r) => html`<option value=${r} ?selected=${r === f.range}>${t.ranges[r]}</option>`)}
          </select>
        </label>
        ${f.range === 'custom'
          ? html`
              <label class="field">${t.from}
                <input type="date" .value=${this.from ?? ''} max=${this.to ?? nothing}
                  aria-invalid=${this._rangeInvalid ? 'true' : 'false'} aria-describedby="range-error"
                  @change=${(e: Event) => this._onCustomDate('from', e)} />
              </label>
              <label class="field">${t.to}
                <input type="date" .value=${this.to ?? ''} min=${this.from ?? nothing}
                  aria-invalid=${this._rangeInvalid ? 'true' : 'false'} aria-describedby="range-error"
                  @change=${(e: Event) => this._onCustomDate('to', e)} />
              </label>
              <p class="range-error" id="range-error" aria-live="polite">${this._rangeInvalid ? t.invalidRange : ''}</p>`
          : nothing}
        ${showCurrency
          ? html`<label class="field">${t.currency}
              <select @change=${this._onCurrency} .value=${this._currency}>
                <option value="" ?selected=${!this._currency}>${t.allCurrencies}</option>
                ${currencies.map((c) => html`<option value=${c} ?selected=${c === this._currency}>${c.toUpperCase()}</option>`)}
              </select>
            </label>`
          : nothing}
      </div>
    `;
  }

  private _renderToolbar(s: Strings, locale: string): TemplateResult {
    const active = activeFilters(this._filters).length;
    const running = this._export.state === 'running';
    return html`
      <div part="toolbar" class="toolbar">
        <h2 class="title" id="title">${s.transactions.title}</h2>
        <button class="button filters-toggle" aria-expanded=${this._filtersOpen ? 'true' : 'false'} aria-controls="filters"
          @click=${() => (this._filtersOpen = !this._filtersOpen)}>
          ${s.common.filters}${active ? ` (${new Intl.NumberFormat(locale).format(active)})` : ''}
        </button>
        ${this._renderFilters(s, locale)}
        <button part="export-button" class="button" aria-disabled=${running ? 'true' : 'false'}
          @click=${() => void this.exportCsv()}>${s.common.exportCsv}</button>
      </div>
      ${this._renderExportStatus(s, locale)}
    `;
  }

  private _renderExportStatus(s: Strings, locale: string): TemplateResult {
    const x = this._export;
    const t = s.transactions;
    let body: unknown = nothing;
    if (x.state === 'running') {
      body = html`<span>${t.exporting(x.count, locale)}</span>
        <button class="button" @click=${() => this.cancelExport()}>${s.common.cancel}</button>`;
    } else if (x.state === 'done') {
      body = t.exported(x.count, locale);
    } else if (x.state === 'canceled') {
      body = t.exportCanceled;
    }
    return html`
      <div class="export-status" role="status">${body}</div>
      ${x.state === 'error'
        ? html`<div class="error" role="alert">
            <div><strong>${t.exportFailed}</strong><p>${this._errorMessage(x.error, s, locale)}</p></div>
            <button class="button" @click=${() => void this.exportCsv()}>${s.common.retry}</button>
          </div>`
        : nothing}
    `;
  }

  private _renderHead(s: Strings): TemplateResult {
    const c = s.transactions.columns;
    return html`<div role="rowgroup" class="head">
      <div role="row" class="row" aria-rowindex="1">
        ${COLUMNS.map((col) => html`<div role="columnheader" class="cell c-${col} ${col === 'amount' || col === 'fee' || col === 'net' ? 'numeric' : ''}">${c[col]}</div>`)}
      </div>
    </div>`;
  }

  private _renderSkeleton(): TemplateResult {
    const rows = [0, 1, 2, 3, 4, 5];
    return html`<div role="rowgroup" class="skeleton-body">
      ${rows.map(() => html`<div role="row" class="row skeleton-row">
        ${COLUMNS.map((col) => html`<div role="gridcell" class="cell c-${col} ${col === 'amount' || col === 'fee' || col === 'net' ? 'numeric' : ''}"><span class="skeleton"></span></div>`)}
      </div>`)}
    </div>`;
  }

  /** The formatted text of a row, from the cache (see `_prepareViews`). */
  private _view(txn: BalanceTransaction, s: Strings, locale: string, timeZone: string): RowView {
    let v = this._views.get(txn);
    if (!v) {
      const money = (n: number) => formatMoney(n, txn.currency, locale);
      const created = new Date(txn.created * 1000);
      v = {
        iso: isoDateTime(txn.created, timeZone),
        short: dateFormat(locale, timeZone, 'short').format(created),
        full: dateFormat(locale, timeZone, 'full').format(created),
        type: s.categories.singular[categoryOf(txn)],
        description: this._describe(txn, s),
        amount: money(txn.amount),
        fee: money(txn.fee),
        net: money(txn.net),
        status: txn.status === 'pending' ? this._pendingUntil(txn, s, locale, timeZone) : statusLabel(txn.status, s),
      };
      this._views.set(txn, v);
    }
    return v;
  }

  /** Drops the formatted rows when what they depend on changed. */
  private _prepareViews(locale: string, timeZone: string): void {
    const key = [locale, timeZone, this._platformName, this.describe];
    if (key.length !== this._viewsKey.length || key.some((k, i) => k !== this._viewsKey[i])) {
      this._views = new WeakMap();
      this._viewsKey = key;
    }
  }

  /** Writes the item at `index` into a pooled row element (called by the window, between renders too). */
  private _renderItem(el: HTMLElement, index: number): void {
    const it = this._items[index];
    const ctx = this._rowContext;
    if (!it || !ctx) return;
    if (it.kind === 'txn') this._renderRow(el, it.txn, index, ctx.s, ctx.locale, ctx.timeZone);
    else this._renderDetail(el, it.txn, index, ctx.s, ctx.locale, ctx.timeZone);
  }

  // Amounts are isolated left to right: in a right-to-left page, "-$88.13" would read "$88.13-".
  private _renderRow(el: HTMLElement, txn: BalanceTransaction, index: number, s: Strings, locale: string, timeZone: string): void {
    const expanded = this._expanded.has(txn.id);
    const v = this._view(txn, s, locale, timeZone);
    const c = s.transactions.columns;
    setAttr(el, 'part', 'row');
    setAttr(el, 'data-id', txn.id);
    setAttr(el, 'aria-rowindex', String(index + 2));
    setAttr(el, 'aria-expanded', expanded ? 'true' : 'false');
    setAttr(el, 'tabindex', el === this._tabStop ? '0' : '-1');
    setAttr(el, 'class', `row txn${expanded ? ' expanded' : ''}${this._fresh.has(txn.id) ? ' fresh' : ''}`);
    renderInto(
      html`<div role="gridcell" part="date" class="cell c-date date">
          <time datetime=${v.iso} aria-hidden="true">${v.short}</time>
          <span class="full-date">${v.full}</span>
        </div>
        <div role="gridcell" part="type" class="cell c-type type">${v.type}</div>
        <div role="gridcell" part="description" class="cell c-description description" title=${v.description}>${v.description}</div>
        <div role="gridcell" part="amount" class="cell c-amount numeric amount ${txn.amount < 0 ? 'negative' : ''}"><span dir="ltr">${v.amount}</span></div>
        <div role="gridcell" part="fee" class="cell c-fee numeric fee"><span class="cell-label">${c.fee}</span><span dir="ltr">${v.fee}</span></div>
        <div role="gridcell" part="net" class="cell c-net numeric net ${txn.net < 0 ? 'negative' : ''}"><span class="cell-label">${c.net}</span><span dir="ltr">${v.net}</span></div>
        <div role="gridcell" part="status" class="cell c-status status"><span class="pill ${txn.status === 'pending' ? 'pending' : ''}">${v.status}</span></div>`,
      el,
    );
  }

  /** "Pending until {date}", the date kept on one line when the pill wraps. */
  private _pendingUntil(txn: BalanceTransaction, s: Strings, locale: string, timeZone: string): TemplateResult {
    const date = dateFormat(locale, timeZone, 'day').format(new Date(txn.available_on * 1000));
    const [before = '', after = ''] = s.statuses.pendingUntil.split('{date}');
    return html`${before}<span class="until">${date}</span>${after}`;
  }

  private _renderDetail(el: HTMLElement, txn: BalanceTransaction, index: number, s: Strings, locale: string, timeZone: string): void {
    const d = s.transactions.detail;
    const source = typeof txn.source === 'string' ? txn.source : txn.source?.id;
    const fees = txn.fee_details ?? [];
    setAttr(el, 'aria-rowindex', String(index + 2));
    setAttr(el, 'data-detail-for', txn.id);
    renderInto(
      html`<div role="gridcell" aria-colspan="7">
          <dl class="details">
            <div><dt>${s.transactions.columns.date}</dt><dd>${dateFormat(locale, timeZone, 'full').format(new Date(txn.created * 1000))}</dd></div>
            <div><dt>${d.id}</dt><dd class="mono">${txn.id}</dd></div>
            <div><dt>${d.type}</dt><dd class="mono">${txn.type}</dd></div>
            <div><dt>${d.source}</dt><dd class="mono">${source ?? '—'}</dd></div>
            <div><dt>${d.availableOn}</dt><dd>${dateFormat(locale, timeZone, 'long').format(new Date(txn.available_on * 1000))}</dd></div>
            <div><dt>${d.fees}</dt><dd>
              ${fees.length
                ? html`<ul class="fees">${fees.map((f) => html`<li>
                    <span>${f.description?.trim() || s.transactions.feeTypes[f.type] || f.type}</span>
                    <span class="numeric" dir="ltr">${formatMoney(f.amount, f.currency, locale)}</span></li>`)}</ul>`
                : d.noFees}
            </dd></div>
          </dl>
        </div>`,
      el,
    );
  }

  private _renderBody(feed: TransactionFeed, s: Strings, locale: string): TemplateResult {
    this._itemsOf(feed.rows);
    const timeZone = this._timeZone;
    this._prepareViews(locale, timeZone);
    const ctx = this._rowContext;
    if (!ctx || ctx.s !== s || ctx.locale !== locale || ctx.timeZone !== timeZone) this._rowContext = { s, locale, timeZone };
    if (this._tabId === undefined || !feed.has(this._tabId)) this._tabId = feed.rows[0]?.id;
    // The rows are the window's (see `_syncRows`): Lit renders the body empty and never touches it.
    return html`<div role="rowgroup" class="body" @click=${this._onBodyClick} @keydown=${this._onBodyKeydown}
      @focusin=${this._onFocusIn} @focusout=${this._onFocusOut}></div>`;
  }

  private _renderFooter(feed: TransactionFeed, s: Strings, locale: string): TemplateResult {
    const t = s.transactions;
    const error = this._moreError;
    return html`
      <div class="footer">
        <span>${t.showing(feed.rows.length, locale)}</span>
        ${error
          ? html`<div class="error" role="alert">
              <div><strong>${s.common.loadMoreErrorTitle}</strong><p>${this._errorMessage(error, s, locale)}</p></div>
              <button class="button" @click=${() => void this.loadMore()}>${s.common.retry}</button>
            </div>`
          : feed.hasMore
            ? html`<button class="button load-more" aria-disabled=${this._loadingMore ? 'true' : 'false'}
                @click=${() => void this.loadMore()}>${this._loadingMore ? t.loadingMore : s.common.loadMore}</button>`
            : nothing}
      </div>
    `;
  }

  private _renderEmpty(s: Strings, locale: string): TemplateResult {
    const filters = this._filters;
    const active = activeFilters(filters);
    const names = active.map((a) =>
      a === 'category' ? s.categories.plural[filters.category as Exclude<typeof filters.category, 'all'>]
      : a === 'range' ? this._rangeLabel(filters, s, locale)
      : (filters.currency ?? '').toUpperCase(),
    );
    const text = active.length
      ? format(s.transactions.emptyFiltered, { filters: new Intl.ListFormat(locale, { type: 'conjunction' }).format(names) })
      : s.transactions.empty;
    return html`<div class="state empty">
      <p>${text}</p>
      ${active.length ? html`<button class="button" @click=${this._clearFilters}>${s.common.clearFilters}</button>` : nothing}
    </div>`;
  }

  private _renderError(error: ExpressError, s: Strings, locale: string): TemplateResult {
    const title = error.code === 'network' ? s.common.networkErrorTitle : s.common.errorTitle;
    return html`<div class="error" role="alert">
      <div><strong>${title}</strong><p>${this._errorMessage(error, s, locale)}</p></div>
      <button class="button" @click=${() => this.reload()}>${s.common.retry}</button>
    </div>`;
  }

  override render() {
    const locale = this._l10n.locale;
    const s = stringsFor(locale);
    const status = this._list.status;
    const feed = this._feed;
    let content: TemplateResult;
    if (status === TaskStatus.ERROR) {
      content = this._renderError(toExpressError(this._list.error), s, locale);
    } else if (status === TaskStatus.COMPLETE && feed && feed.rows.length === 0) {
      content = this._renderEmpty(s, locale);
    } else if (status === TaskStatus.COMPLETE && feed) {
      const count = this._itemsOf(feed.rows).length;
      content = html`
        <div role="treegrid" class="table" aria-labelledby="title" aria-readonly="true" aria-rowcount=${feed.hasMore ? -1 : count + 1}>
          ${this._renderHead(s)} ${this._renderBody(feed, s, locale)}
        </div>
        ${this._renderFooter(feed, s, locale)}
        <div class="probe" aria-hidden="true"></div>
      `;
    } else {
      content = html`
        <div role="treegrid" class="table" aria-labelledby="title" aria-readonly="true" aria-busy="true">
          ${this._renderHead(s)} ${this._renderSkeleton()}
        </div>
        <span class="visually-hidden" role="status">${s.common.loading}</span>
      `;
    }
    return html`
      <div part="base" class="base">
        ${this._renderToolbar(s, locale)}
        ${content}
        <div class="visually-hidden" aria-live="polite">${this._announcement}</div>
      </div>
    `;
  }
}

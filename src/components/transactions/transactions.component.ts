import { TaskStatus } from '@lit/task';
import { html, LitElement, nothing, type TemplateResult } from 'lit';
import { property, state } from 'lit/decorators.js';
import { toExpressError } from '../../contract/errors.js';
import type { BalanceTransaction, ExpressAdapter } from '../../contract/types.js';
import type { DescribeFn } from '../../core/describe.js';
import { format } from '../../core/i18n/registry.js';
import { formatMoney } from '../../core/money.js';
import { browserTimeZone, isValidTimeZone } from '../../core/time.js';
import { AdapterController } from '../shared/adapter-controller.js';
import { errorView } from '../shared/error-view.js';
import { LocaleController } from '../shared/locale.js';
import { ExportController } from './export-controller.js';
import { GridController } from './grid-controller.js';
import { ListController } from './list-controller.js';
import { describe, tooltipsOnDemand, type RowContext } from './row-views.js';
import { yearIn } from './row-text.js';
import { RowsController } from './rows-controller.js';
import { emptyView, footerView, headView, skeletonView } from './table-views.js';
import { toolbarView, type ToolbarActions } from './toolbar-view.js';
import { balanceCurrencies, isValidCustomRange, toCategoryFilter, toRange, type TransactionFilters } from './transactions.model.js';
import { styles } from './transactions.styles.js';

/**
 * A connected account's balance transactions (payments, refunds, transfers, payouts, fees,
 * adjustments) by type, date and amount, newest first.
 *
 * Filters: category (mapped to the adapter's `type[]`; `other` is filtered on the client), date
 * range in the account's timezone, and a currency when the balance has more than one. Pages load
 * as the end of the list nears, or with the "Load more" button. The first page is always in the
 * DOM; beyond it only the rows in view are (a window of reused elements: with 100,000 rows the DOM
 * holds the first page and a few dozen more), and the list stays a table to assistive technology:
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
 * @csspart error - The list's error (its message and Retry) when the first page fails.
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
 * @cssproperty --express-color-control-border - The borders of the filters' fields and menus.
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
  private readonly _account = this._adapters.task({
    operation: 'getAccount',
    args: () => [this._adapters.value] as const,
    task: async ([adapter], { signal }) => (adapter ? adapter.getAccount({ signal }) : undefined),
  });
  /** The balance, for the currencies of the currency filter. */
  private readonly _balance = this._adapters.task({
    operation: 'getBalance',
    args: () => [this._adapters.value] as const,
    task: async ([adapter], { signal }) => (adapter ? adapter.getBalance({ signal }) : undefined),
  });
  /** The query, its pages and the live transactions. */
  private readonly _list = new ListController(this, {
    adapters: this._adapters,
    inputs: () => ({ filters: this._filters, pageSize: this.pageSize, timeZone: this._timeZone }),
    announcement: (txn) => this._announcementOf(txn),
  });
  /** Open rows, keyboard and focus. */
  private readonly _grid: GridController = new GridController(this, () => this._list.feed, (): RowsController => this._rows);
  /** Focus in the body: the grid's roving tab stop, and the focused row's tooltip filled in. */
  private readonly _onFocusIn = (e: FocusEvent): void => {
    this._grid.onFocusIn(e);
    tooltipsOnDemand(e);
  };
  /** The rows on screen. */
  private readonly _rows: RowsController = new RowsController(this, this._list, this._grid, () => this._rowContext());
  private readonly _export = new ExportController(this, {
    adapters: this._adapters,
    query: () => this._list.currentQuery(),
    csv: () => ({ timeZone: this._timeZone, strings: this._l10n.strings, platformName: this._platformName, describe: this.describe, payouts: this._list.payoutIndex.payouts }),
    save: (fileName, text) => this.save(fileName, text),
  });

  /** The currency picked in the currency filter (`''`: every currency). */
  @state() private _currency = '';
  /** Whether the filters are open (narrow containers hide them behind a button). */
  @state() private _filtersOpen = false;
  /** A custom range the person typed that cannot be applied. */
  @state() private _rangeInvalid = false;

  /** The data adapter; without one, the adapter of an enclosing `<express-dashboard>`. */
  @property({ attribute: false }) adapter?: ExpressAdapter;
  /** The platform's name in generic descriptions ("Payment from {platform}"); default: the enclosing dashboard's. */
  @property({ attribute: 'platform-name' }) platformName: string | null = null;
  /** BCP 47 locale; default: the enclosing dashboard's, then the nearest `lang`, then the browser's language. */
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

  // ---- what the controllers read ----

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

  private _rowContext(): RowContext {
    const timeZone = this._timeZone;
    return {
      strings: this._l10n.strings, locale: this._l10n.locale, timeZone, platformName: this._platformName, describe: this.describe,
      thisYear: yearIn(Date.now() / 1000, timeZone), payouts: this._list.payoutIndex.payouts,
    };
  }

  /** "New transaction: Payment from Lumen Rides, $18.50"; nothing inside a dashboard that announces live activity itself. */
  private _announcementOf(txn: BalanceTransaction): string | null {
    if (this._adapters.dashboard?.announces) return null;
    const ctx = this._rowContext();
    return format(ctx.strings.transactions.newTransaction, { description: describe(txn, ctx), amount: formatMoney(txn.amount, txn.currency, ctx.locale) });
  }

  // ---- event handlers ----

  private readonly _on: ToolbarActions = {
    category: (value) => (this.category = value),
    range: (value) => {
      this.range = value;
      this._rangeInvalid = false;
    },
    customDate: (which, value) => {
      const from = which === 'from' ? value : this.from;
      const to = which === 'to' ? value : this.to;
      this._rangeInvalid = !isValidCustomRange(from, to, this._timeZone);
      if (this._rangeInvalid) return;
      this.from = from;
      this.to = to;
    },
    currency: (value) => (this._currency = value),
    toggleFilters: () => (this._filtersOpen = !this._filtersOpen),
    exportCsv: () => void this.exportCsv(),
    cancelExport: () => this.cancelExport(),
  };

  private readonly _clearFilters = (): void => {
    this.category = 'all';
    this.range = 'all';
    this.from = null;
    this.to = null;
    this._currency = '';
    this._rangeInvalid = false;
  };

  // ---- public methods ----

  /**
   * Loads the next page of the current filters (what nearing the end and "Load more" do). Does
   * nothing while a page loads, before the first page or after the last. A failure keeps the rows
   * and shows Retry at the end.
   */
  loadMore(): Promise<void> {
    return this._list.loadMore();
  }

  /** Loads the list again from the first page (the error state's Retry); after midnight, the new day's window. */
  reload(): void {
    this._list.reload();
  }

  /**
   * Exports every transaction of the current filters as CSV (paging through the adapter with
   * progress; `cancelExport()` stops it) and hands the file to `save`. Resolves when done,
   * canceled or failed.
   */
  exportCsv(): Promise<void> {
    return this._export.run();
  }

  /** Stops a running export; nothing is saved. */
  cancelExport(): void {
    this._export.cancel();
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

  override render() {
    const locale = this._l10n.locale;
    const s = this._l10n.strings;
    const list = this._list;
    const feed = list.feed;
    const status = list.task.status;
    const table = (rowcount: string | typeof nothing, rows: TemplateResult, busy = false) =>
      html`<div role="treegrid" class="table" aria-labelledby="title" aria-readonly="true" aria-rowcount=${rowcount} aria-busy=${busy ? 'true' : nothing}>
        ${headView(s)} ${rows}
      </div>`;
    let content: TemplateResult;
    if (status === TaskStatus.ERROR) {
      content = errorView(toExpressError(list.task.error), s, locale, () => this.reload());
    } else if (status === TaskStatus.COMPLETE && feed && feed.rows.length === 0) {
      content = emptyView({ strings: s, locale, filters: this._filters, timeZone: this._timeZone }, this._clearFilters);
    } else if (status === TaskStatus.COMPLETE && feed) {
      // The body's rows are the window's (RowsController): Lit renders it empty and never touches them.
      const g = this._grid;
      content = html`
        ${table(feed.hasMore ? '-1' : String(this._rows.count(feed.rows) + 1),
          html`<div role="rowgroup" class="body" @click=${g.onClick} @keydown=${g.onKeydown} @focusin=${this._onFocusIn} @focusout=${g.onFocusOut} @pointerover=${tooltipsOnDemand}></div>`)}
        ${footerView({ strings: s, locale, shown: feed.rows.length, hasMore: feed.hasMore, loadingMore: list.loadingMore, error: list.moreError }, () => void this.loadMore())}
        <div class="probe" aria-hidden="true"></div>
      `;
    } else {
      content = html`${table(nothing, skeletonView(), true)}<span class="visually-hidden" role="status">${s.common.loading}</span>`;
    }
    const filters = this._filters;
    return html`
      <div part="base" class="base">
        ${toolbarView({
          strings: s, locale, filters, from: this.from, to: this.to, rangeInvalid: this._rangeInvalid,
          currencies: balanceCurrencies(list.liveBalance ?? this._balance.value), filtersOpen: this._filtersOpen, export: this._export.state,
        }, this._on)}
        ${content}
        <div class="visually-hidden" aria-live="polite">${list.announcement}</div>
      </div>
    `;
  }
}

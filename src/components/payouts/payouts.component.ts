import { TaskStatus } from '@lit/task';
import { html, LitElement, nothing, type PropertyValues, type TemplateResult } from 'lit';
import { property, state } from 'lit/decorators.js';
import { repeat } from 'lit/directives/repeat.js';
import { isAbortError, toExpressError, type ExpressError } from '../../contract/errors.js';
import type { GuardedAdapter } from '../../adapter/guard.js';
import type { ExpressAdapter, ExpressEvent, Payout } from '../../contract/types.js';
import { dateTimeFormat } from '../../core/date-format.js';
import { format, type Strings } from '../../core/i18n/registry.js';
import { formatMoney } from '../../core/money.js';
import { describeSchedule, payoutStatusLabel } from '../../core/payouts.js';
import { browserTimeZone, isValidTimeZone, parseLocalIsoDate } from '../../core/time.js';
import { AdapterController } from '../shared/adapter-controller.js';
import { errorView } from '../shared/error-view.js';
import { LiveController } from '../shared/live-controller.js';
import { LocaleController } from '../shared/locale.js';
import { PayoutDialogController } from '../shared/payout-dialog.js';
import {
  activePayoutFilters,
  isValidArrivalRange,
  PayoutFeed,
  payoutQueryFor,
  toPayoutPageSize,
  toPayoutsRange,
  toStatusFilter,
  type ListPayoutsPage,
  type PayoutFilters,
  type PayoutQuery,
} from './payouts.model.js';
import { styles } from './payouts.styles.js';
import { payoutRow, payoutsHead, payoutsSkeleton } from './row-views.js';
import { payoutsToolbarView, type PayoutsToolbarActions } from './toolbar-view.js';

/** How far below the list the next page starts loading by itself. */
const AUTO_LOAD_MARGIN = '400px';
/** How long a live payout stays highlighted (ms). */
const FRESH_MS = 4000;

/**
 * Every payout of the connected account, newest first: amount, arrival day (in the account's
 * timezone; Stripe's midnight-UTC arrival dates read as calendar dates), status in words, method
 * (standard or instant) and destination ("Bank account ···· 6789"). A failed or canceled payout
 * says why (its `failure_message`, else words for its `failure_code`) and what the person can do.
 *
 * Filters by status and by arrival date (presets count back from today and keep upcoming
 * payouts; `custom` takes `from` and `to` days). Pages load with cursor paging: the first page is
 * shown as soon as it arrives, the next when the end of the list comes near or with "Load more".
 * Live `payout.created` and `payout.updated` events put a payout in its place and change its
 * status where it is.
 *
 * Selecting a payout (click, Enter or Space; Up, Down, Home and End move between payouts) fires
 * the cancelable `express-payout-select`; unless a listener prevents it, its details
 * (`<express-payout-details>`) open in a dialog. Under 600px of width the rows become stacked
 * cards.
 *
 * @summary Payout history: status and arrival date filters, paging, failure advice, live status, and each payout's details.
 *
 * @csspart base - The card around everything.
 * @csspart toolbar - The title and filters.
 * @csspart filters - The filter controls.
 * @csspart row - A payout (only those; it carries `data-id`, the payout's id).
 * @csspart arrival - A row's arrival day.
 * @csspart amount - A row's amount.
 * @csspart status - A row's status badge.
 * @csspart method - A row's method (standard, instant).
 * @csspart destination - A row's destination.
 * @csspart problem - Why a failed or canceled payout did not arrive, and what to do.
 * @csspart error - An error message with its Retry button.
 * @csspart dialog - The dialog with a payout's details.
 * @csspart details - The `<express-payout-details>` in it.
 *
 * @cssproperty --express-color-primary - Focus rings, the "in transit" badge, a live row's highlight.
 * @cssproperty --express-color-background - The rows, buttons, the dialog.
 * @cssproperty --express-color-surface - The card, skeletons.
 * @cssproperty --express-color-text - Text.
 * @cssproperty --express-color-secondary-text - Labels, dates, method and destination.
 * @cssproperty --express-color-border - Borders and dividers.
 * @cssproperty --express-color-control-border - The filters' fields.
 * @cssproperty --express-color-success - The "paid" badge.
 * @cssproperty --express-color-danger - The "failed" badge, failure notes, errors.
 * @cssproperty --express-font-family - The font.
 * @cssproperty --express-font-size-base - The base font size.
 * @cssproperty --express-border-radius - Corners.
 * @cssproperty --express-spacing-unit - The spacing rhythm.
 *
 * @fires express-payout-select - A payout was selected; `detail.payout` is the payout. Cancelable: `preventDefault()` keeps the details closed (to show the payout on the platform's own page).
 * @fires express-error - An adapter call failed (`listPayouts`, `getAccount`), or the live feed sent an invalid event (`subscribe`); `detail` is `{ error, operation }`.
 */
export class ExpressPayouts extends LitElement {
  static override styles = styles;

  private readonly _adapters = new AdapterController(this);
  /** Re-renders when the string table of the element's language arrives or `<html lang>` changes. */
  private readonly _l10n = new LocaleController(this);
  /** The live feed: payout events change the rows in place. */
  protected readonly _live = new LiveController(this, this._adapters, {
    onEvent: (e) => this._onEvent(e),
    onStop: () => this._clearTimers(),
  });
  /** Selecting a payout: the event, then its details in a dialog. */
  private readonly _dialog = new PayoutDialogController(this, {
    locale: () => this._l10n.locale,
    platformName: () => this._platformName,
    words: () => ({ title: this._l10n.strings.payouts.details.title, close: this._l10n.strings.common.close }),
  });

  /** Whether the filters are open (narrow containers hide them behind a button). */
  @state() private _filtersOpen = false;
  /** A custom range the person typed that cannot be applied. */
  @state() private _rangeInvalid = false;
  @state() private _loadingMore = false;
  @state() private _moreError?: ExpressError;
  /** The polite announcement of the latest live payout (alone; a dashboard announces itself). */
  @state() private _announcement = '';

  /** The data adapter; else the one of an enclosing `<express-dashboard>`. */
  @property({ attribute: false }) adapter?: ExpressAdapter;
  /** BCP 47 locale; defaults to the nearest `lang`, then the browser's. */
  @property({ reflect: true }) locale: string | null = null;
  /** The platform's name, in failure advice ("Update your bank details with {platform}"); default: the enclosing dashboard's. */
  @property({ attribute: 'platform-name' }) platformName: string | null = null;
  /** Payouts per page, 1 to 100 (default 25). */
  @property({ attribute: 'page-size', type: Number }) pageSize = 25;
  /** The status filter: `all` (default), `paid`, `in_transit`, `pending`, `failed` or `canceled`. Follows the person's choice. */
  @property() status = 'all';
  /** The arrival date filter: `30d`, `90d`, `12m`, `all` (default) or `custom` (with `from` and `to`). Follows the person's choice. */
  @property() range = 'all';
  /** First arrival day (`YYYY-MM-DD`) of a `custom` range. */
  @property() from: string | null = null;
  /** Last arrival day (`YYYY-MM-DD`) of a `custom` range, inclusive. */
  @property() to: string | null = null;

  /** The query the list shows; a new object only when it asks something else. */
  private _query?: PayoutQuery;
  private _queryInputs = '';
  /** The rows of the current query (the newest run's). */
  private _feed?: PayoutFeed;
  private _more?: AbortController;
  private _observer?: IntersectionObserver;
  private _observed?: Element;
  /** The row Tab reaches (roving tabindex). */
  private _tabId?: string;
  private readonly _fresh = new Set<string>();
  private readonly _timers = new Set<ReturnType<typeof setTimeout>>();

  /** The account: its timezone (arrival days) and payout schedule (the empty state). A failure does not stop the list. */
  private readonly _account = this._adapters.task({
    operation: 'getAccount',
    task: async ([adapter], { signal }) => (adapter ? adapter.getAccount({ signal }) : undefined),
    args: () => [this._adapters.value] as const,
  });

  /** The first page of the current query; later pages go through `loadMore`. */
  private readonly _list = this._adapters.task({
    operation: 'listPayouts',
    task: async ([adapter, query], { signal }) => {
      this._more?.abort();
      this._more = undefined;
      this._loadingMore = false;
      this._moreError = undefined;
      if (!adapter || !query) return undefined;
      const feed = new PayoutFeed(query);
      await feed.loadPage(this._pager(adapter), signal);
      this._feed = feed;
      return feed;
    },
    args: () => [this._adapters.value, this._query] as const,
  });

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    this._more?.abort();
    this._observer?.disconnect();
    this._observer = undefined;
    this._observed = undefined;
  }

  protected override willUpdate(_changed: PropertyValues<this>): void {
    const timeZone = this._timeZone;
    const filters = this._filters;
    const inputs = JSON.stringify([filters, this.pageSize, timeZone]);
    if (inputs === this._queryInputs) return;
    this._queryInputs = inputs;
    const next = payoutQueryFor(filters, { now: Date.now() / 1000, timeZone, pageSize: toPayoutPageSize(this.pageSize) });
    if (next.key !== this._query?.key) this._query = next;
  }

  protected override updated(): void {
    this._observeEnd();
  }

  // ---- derived values ----

  private get _timeZone(): string {
    const tz = this._account.value?.settings?.dashboard?.timezone;
    return tz && isValidTimeZone(tz) ? tz : browserTimeZone();
  }

  private get _filters(): PayoutFilters {
    const range = toPayoutsRange(this.range);
    return {
      status: toStatusFilter(this.status),
      range,
      from: range === 'custom' ? this.from : null,
      to: range === 'custom' ? this.to : null,
    };
  }

  private get _platformName(): string | null {
    return this.platformName ?? this._adapters.dashboard?.platformName ?? null;
  }

  /** The feed to show: the current query's, once its first page is in. */
  private get _shownFeed(): PayoutFeed | undefined {
    const feed = this._feed;
    return feed && feed.query === this._query && this._list.status !== TaskStatus.ERROR ? feed : undefined;
  }

  private _pager(adapter: GuardedAdapter): ListPayoutsPage {
    return (params, signal) => adapter.listPayouts(params, { signal }).then((l) => this._adapters.reportDropped(l, 'listPayouts'));
  }

  // ---- live ----

  private _clearTimers(): void {
    for (const t of this._timers) clearTimeout(t);
    this._timers.clear();
    this._fresh.clear();
  }

  private _onEvent(e: ExpressEvent): void {
    if (e.type !== 'payout.created' && e.type !== 'payout.updated') return;
    const payout = e.data;
    this._dialog.update(payout);
    const feed = this._shownFeed;
    if (!feed) return;
    const result = feed.upsert(payout);
    if (result === 'ignored') return;
    if (result !== 'removed') {
      this._fresh.add(payout.id);
      const timer = setTimeout(() => {
        this._timers.delete(timer);
        this._fresh.delete(payout.id);
        this.requestUpdate();
      }, FRESH_MS);
      this._timers.add(timer);
    }
    if (!this._adapters.dashboard?.announces) {
      const s = this._l10n.strings;
      this._announcement = format(s.dashboard.payoutActivity, {
        amount: formatMoney(payout.amount, payout.currency, this._l10n.locale),
        status: payoutStatusLabel(payout.status, s),
      });
    }
    this.requestUpdate();
  }

  // ---- paging ----

  /** Watches the last row while more can load: when it comes within `AUTO_LOAD_MARGIN` of the view, the next page loads. */
  private _observeEnd(): void {
    const feed = this._shownFeed;
    const end = feed?.hasMore && !this._moreError ? this.renderRoot.querySelector('.rows > li:last-child') : null;
    if (end === this._observed) return;
    this._observer?.disconnect();
    this._observed = end ?? undefined;
    if (!end || typeof IntersectionObserver === 'undefined') return;
    this._observer ??= new IntersectionObserver((entries) => {
      if (entries.some((en) => en.isIntersecting)) void this.loadMore();
    }, { rootMargin: `0px 0px ${AUTO_LOAD_MARGIN} 0px` });
    this._observer.observe(end);
  }

  /**
   * Loads the next page of the current filters (what nearing the end and "Load more" do). Does
   * nothing while a page loads, before the first page or after the last. A failure keeps the rows
   * and shows Retry at the end.
   */
  async loadMore(): Promise<void> {
    const feed = this._shownFeed;
    const adapter = this._adapters.value;
    if (!feed || !adapter || !feed.hasMore || this._loadingMore || this._moreError) return;
    if (this._list.status !== TaskStatus.COMPLETE) return;
    const abort = new AbortController();
    this._more = abort;
    this._loadingMore = true;
    try {
      await feed.loadPage(this._pager(adapter), abort.signal);
    } catch (e) {
      if (feed === this._feed && !abort.signal.aborted) this._moreError = this._adapters.report(e, 'listPayouts');
    } finally {
      if (this._more === abort) {
        this._more = undefined;
        this._loadingMore = false;
      }
      this.requestUpdate();
    }
    // Still near the end after this page (a tall screen, or few matches): the observer fires again.
    if (feed === this._feed && !this._moreError && feed.hasMore) {
      await this.updateComplete;
      this._observer?.disconnect();
      this._observed = undefined;
      this._observeEnd();
    }
  }

  /** Loads the list again from the first page (the error state's Retry). */
  reload(): void {
    void this._list.run();
  }

  // ---- handlers ----

  /** What the toolbar's controls do. */
  private readonly _toolbar: PayoutsToolbarActions = {
    status: (value) => (this.status = value),
    range: (value) => {
      this.range = value;
      this._rangeInvalid = false;
    },
    customDate: (which, value) => this._onCustomDate(which, value),
    toggleFilters: () => (this._filtersOpen = !this._filtersOpen),
  };

  private _onCustomDate(which: 'from' | 'to', value: string | null): void {
    const from = which === 'from' ? value : this.from;
    const to = which === 'to' ? value : this.to;
    if (!isValidArrivalRange(from, to)) {
      this._rangeInvalid = true;
      return;
    }
    this._rangeInvalid = false;
    this.from = from;
    this.to = to;
  }

  private _clearFilters(): void {
    this.status = 'all';
    this.range = 'all';
    this.from = null;
    this.to = null;
    this._rangeInvalid = false;
  }

  private _rowOf(e: Event): { el: HTMLElement; payout: Payout } | undefined {
    const el = (e.target as Element).closest?.<HTMLElement>('[part~="row"]');
    const id = el?.dataset.id;
    const payout = id !== undefined ? this._shownFeed?.rows.find((p) => p.id === id) : undefined;
    return el && payout ? { el, payout } : undefined;
  }

  private _onListClick(e: MouseEvent): void {
    const row = this._rowOf(e);
    if (!row) return;
    this._tabId = row.payout.id;
    const button = row.el.querySelector<HTMLElement>('.select');
    this._dialog.select(row.payout, button);
    this.requestUpdate();
  }

  private _onListKeydown(e: KeyboardEvent): void {
    const row = this._rowOf(e);
    if (!row || e.altKey || e.ctrlKey || e.metaKey) return;
    const rows = this._shownFeed?.rows ?? [];
    const i = rows.findIndex((p) => p.id === row.payout.id);
    let to: number;
    switch (e.key) {
      case 'ArrowDown': to = i + 1; break;
      case 'ArrowUp': to = i - 1; break;
      case 'Home': to = 0; break;
      case 'End': to = rows.length - 1; break;
      default: return; // Enter and Space click the row's button
    }
    e.preventDefault();
    to = Math.max(0, Math.min(rows.length - 1, to));
    const id = rows[to]?.id;
    if (id === undefined) return;
    this._tabId = id;
    this.requestUpdate();
    void this.updateComplete.then(() =>
      this.renderRoot.querySelector<HTMLElement>(`[part~="row"][data-id="${CSS.escape(id)}"] .select`)?.focus(),
    );
  }

  // ---- rendering ----

  private _rangeLabel(f: PayoutFilters, s: Strings, locale: string): string {
    if (f.range !== 'custom') return s.payouts.ranges[f.range];
    const tz = this._timeZone;
    const fmt = dateTimeFormat(locale, { dateStyle: 'medium', timeZone: tz });
    const day = (iso: string) => new Date(parseLocalIsoDate(iso, tz) * 1000);
    if (f.from && f.to) return fmt.formatRange(day(f.from), day(f.to));
    if (f.from) return `${s.transactions.from} ${fmt.format(day(f.from))}`;
    if (f.to) return `${s.transactions.to} ${fmt.format(day(f.to))}`;
    return s.payouts.ranges.custom;
  }

  private _renderList(feed: PayoutFeed, s: Strings, locale: string): TemplateResult {
    const c = { strings: s, locale, zone: this._timeZone, now: Math.floor(Date.now() / 1000), platformName: this._platformName };
    if (this._tabId !== undefined && !feed.has(this._tabId)) this._tabId = undefined;
    const tabbable = (p: Payout, i: number) => (this._tabId === undefined ? i === 0 : this._tabId === p.id);
    return html`
      ${payoutsHead(s)}
      <ul class="rows" aria-labelledby="title" @click=${this._onListClick} @keydown=${this._onListKeydown}>
        ${repeat(feed.rows, (p) => p.id, (p, i) => payoutRow(p, i, c, { tabbable: tabbable(p, i), fresh: this._fresh.has(p.id) }))}
      </ul>
      ${this._renderFooter(feed, s, locale)}
    `;
  }

  private _renderFooter(feed: PayoutFeed, s: Strings, locale: string): TemplateResult {
    const error = this._moreError;
    return html`
      <div class="footer">
        <span class="count">${s.payouts.showing(feed.rows.length, locale)}</span>
        ${error
          ? html`<div class="more-error">${errorView(error, { ...s, common: { ...s.common, errorTitle: s.common.loadMoreErrorTitle } }, locale, () => {
              this._moreError = undefined;
              void this.loadMore();
            })}</div>`
          : feed.hasMore
            ? html`<button class="button load-more" type="button" aria-disabled=${this._loadingMore ? 'true' : 'false'}
                @click=${() => void this.loadMore()}>${this._loadingMore ? s.payouts.loadingMore : s.common.loadMore}</button>`
            : nothing}
      </div>
    `;
  }

  private _renderEmpty(s: Strings, locale: string): TemplateResult {
    const filters = this._filters;
    const active = activePayoutFilters(filters);
    if (active.length) {
      const names = active.map((a) => (a === 'status' ? payoutStatusLabel(filters.status, s) : this._rangeLabel(filters, s, locale)));
      return html`<div class="state empty">
        <p>${format(s.payouts.emptyFiltered, { filters: new Intl.ListFormat(locale, { type: 'conjunction' }).format(names) })}</p>
        <button class="button" type="button" @click=${this._clearFilters}>${s.common.clearFilters}</button>
      </div>`;
    }
    const schedule = describeSchedule(this._account.value?.settings?.payouts?.schedule, s, locale);
    return html`<div class="state empty">
      <p class="empty-title">${s.payouts.empty}</p>
      ${schedule ? html`<p class="schedule">${format(s.payouts.emptySchedule, { schedule })}</p>` : nothing}
    </div>`;
  }

  override render() {
    const locale = this._l10n.locale;
    const s = this._l10n.strings;
    const feed = this._shownFeed;
    const failed = this._list.status === TaskStatus.ERROR && !isAbortError(this._list.error) ? toExpressError(this._list.error) : undefined;
    const loading = !feed && !failed;
    let content: unknown;
    if (failed) content = errorView(failed, s, locale, () => this.reload());
    else if (!feed) content = payoutsSkeleton(s);
    else if (feed.rows.length === 0) content = this._renderEmpty(s, locale);
    else content = this._renderList(feed, s, locale);
    return html`
      <section part="base" class="base" aria-labelledby="title" aria-busy=${loading ? 'true' : 'false'}>
        ${payoutsToolbarView(
          { strings: s, locale, filters: this._filters, from: this.from, to: this.to, rangeInvalid: this._rangeInvalid, filtersOpen: this._filtersOpen },
          this._toolbar,
        )} ${content}
        <div class="visually-hidden" aria-live="polite">${this._announcement}</div>
      </section>
      ${this._dialog.render()}
    `;
  }
}

/**
 * The list of `<express-transactions>`: the query of the filters now, its first page, the later
 * pages (by "Load more" or by nearing the end), and the live transactions that join it.
 */
import { initialState, TaskStatus, type Task } from '@lit/task';
import type { ReactiveController, ReactiveControllerHost } from 'lit';
import type { ExpressError } from '../../contract/errors.js';
import { isAbortError, toExpressError } from '../../contract/errors.js';
import type { Balance, BalanceTransaction, ExpressAdapter, ExpressEvent } from '../../contract/types.js';
import { localIsoDate } from '../../core/time.js';
import type { AdapterController } from '../shared/adapter-controller.js';
import { LiveController } from '../shared/live-controller.js';
import { MAX_PAGE_SIZE, queryFor, toPageSize, TransactionFeed, type TransactionFilters, type TransactionQuery } from './transactions.model.js';
import { listPages } from './transactions.data.js';
import { PayoutIndex } from './payout-index.js';
import { missingPayouts } from './row-text.js';

/** Rows from the end of the loaded list at which the next page starts loading by itself. */
const AUTO_LOAD_THRESHOLD = 5;
/** Seconds before a `rate_limited` page is asked again when the error does not say (`retryAfter`). */
const DEFAULT_RETRY_AFTER = 5;
/** The longest wait before asking again by itself (s); beyond it, Retry is the person's. */
const MAX_RETRY_AFTER = 120;
/** How long a live transaction stays highlighted (ms). */
const FRESH_MS = 4000;

export interface ListOptions {
  adapters: AdapterController;
  /** The filters, page size and timezone the list shows now. */
  inputs(): { filters: TransactionFilters; pageSize: number; timeZone: string };
  /** What to announce of a live transaction that joined the rows (`null`: nothing, a dashboard says it). */
  announcement(txn: BalanceTransaction): string | null;
}

/** See the module's documentation. */
export class ListController implements ReactiveController {
  /** The first page of the current query. Later pages go through `loadMore`. */
  readonly task: Task<readonly unknown[], TransactionFeed | typeof initialState>;
  /** The rows of the current query (the newest run's: older runs' feeds are never shown). */
  feed?: TransactionFeed;
  loadingMore = false;
  /** Why the latest later page failed (Retry at the end). */
  moreError?: ExpressError;
  /** The newest balance from the live feed. */
  liveBalance?: Balance;
  /** The polite announcement of the latest live transaction. */
  announcement = '';
  /** Ids of the live transactions still highlighted; `freshVersion` changes with it. */
  readonly fresh = new Set<string>();
  freshVersion = 0;
  /** The payouts of the payout rows (looked up as rows arrive, updated by the live feed). */
  payoutIndex = new PayoutIndex();

  private query?: TransactionQuery;
  private queryInputs = '';
  /** Live transactions that came as the local day changed: they join once the new day's list loads. */
  private waiting: BalanceTransaction[] = [];
  private more?: AbortController;
  /** The adapter the payout index is of, and its lookup in flight. */
  private payoutAdapter?: ExpressAdapter;
  private payoutLookup?: AbortController;
  private payoutAgain = false;
  /** The retry of a rate-limited page, waiting for its `Retry-After`. */
  private retryTimer?: ReturnType<typeof setTimeout>;
  /** The first page's error a retry was planned for. */
  private retriedError?: unknown;
  private readonly timers = new Set<ReturnType<typeof setTimeout>>();

  constructor(
    private readonly host: ReactiveControllerHost,
    private readonly options: ListOptions,
  ) {
    host.addController(this);
    const { adapters } = options;
    this.task = adapters.task({
      operation: 'listBalanceTransactions',
      args: () => [adapters.value, this.currentQuery()] as const,
      task: async ([adapter, q], { signal }) => {
        this.cancelRetry();
        this.more?.abort();
        this.more = undefined;
        this.loadingMore = false;
        this.moreError = undefined;
        if (!adapter || !q) {
          this.feed = undefined;
          return initialState;
        }
        const feed = new TransactionFeed(q);
        this.feed = feed;
        await feed.loadPage(listPages(adapter, adapters), signal);
        const waiting = this.waiting;
        this.waiting = [];
        for (const txn of waiting) if (feed.insertLive(txn) || feed.has(txn.id)) this.arrived(txn);
        this.lookUpPayouts(feed);
        return feed;
      },
    });
    new LiveController(host, adapters, { onEvent: (e) => this.onEvent(e), onStop: () => this.stopTimers() });
  }

  hostDisconnected(): void {
    this.cancelRetry();
    this.retriedError = undefined;
    this.more?.abort();
    this.payoutLookup?.abort();
    this.payoutLookup = undefined;
    this.stopTimers();
  }

  /** A first page refused with `rate_limited` is asked again by itself after its `Retry-After` (the error and Retry stay shown meanwhile). */
  hostUpdated(): void {
    if (this.task.status !== TaskStatus.ERROR || this.retriedError === this.task.error) return;
    this.retriedError = this.task.error;
    this.retryAfter(this.task.error, () => this.reload());
  }

  /** Plans `retry` after the wait a `rate_limited` error asks for; nothing for another error. */
  private retryAfter(error: unknown, retry: () => void): void {
    const e = toExpressError(error);
    if (e.code !== 'rate_limited') return;
    const wait = Number.isFinite(e.retryAfter) && e.retryAfter! >= 0 ? e.retryAfter! : DEFAULT_RETRY_AFTER;
    if (wait > MAX_RETRY_AFTER) return;
    this.cancelRetry();
    this.retryTimer = setTimeout(() => {
      this.retryTimer = undefined;
      retry();
    }, wait * 1000);
  }

  private cancelRetry(): void {
    clearTimeout(this.retryTimer);
    this.retryTimer = undefined;
  }

  /**
   * Looks up the payouts of `feed`'s payout rows that neither carry theirs (an expanded `source`)
   * nor are known yet; the rows say "Paid" or "In transit" once they are. One lookup at a time; a
   * failure is reported and leaves those rows without a status.
   */
  private lookUpPayouts(feed: TransactionFeed): void {
    const adapters = this.options.adapters;
    const adapter = adapters.value;
    if (!adapter) return;
    if (adapter !== this.payoutAdapter) {
      this.payoutLookup?.abort();
      this.payoutLookup = undefined;
      this.payoutAdapter = adapter;
      this.payoutIndex = new PayoutIndex();
    }
    if (this.payoutLookup) {
      this.payoutAgain = true;
      return;
    }
    const index = this.payoutIndex;
    const wanted = missingPayouts(feed.rows, index.payouts);
    if (!wanted.length || index.exhausted) return;
    const abort = new AbortController();
    this.payoutLookup = abort;
    index
      .fill(wanted, (params, signal) => adapter.listPayouts(params, { signal }), abort.signal)
      .then((added) => {
        if (added && index === this.payoutIndex) this.host.requestUpdate();
      })
      .catch((e) => {
        if (!abort.signal.aborted && !isAbortError(e)) adapters.report(e, 'listPayouts');
      })
      .finally(() => {
        if (this.payoutLookup !== abort) return;
        this.payoutLookup = undefined;
        if (this.payoutAgain && this.feed) {
          this.payoutAgain = false;
          this.lookUpPayouts(this.feed);
        }
      });
  }

  /**
   * The query of the inputs now; a new object only when it asks something else. The local day is
   * one of its inputs: a preset range ends at the end of today, so after midnight it asks for the
   * new day's window (a live transaction still matches; Retry and `reload()` fetch the current
   * window).
   */
  currentQuery(): TransactionQuery {
    const { filters, pageSize, timeZone } = this.options.inputs();
    const now = Date.now() / 1000;
    const today = filters.range === 'all' || filters.range === 'custom' ? '' : localIsoDate(now, timeZone);
    const inputs = JSON.stringify([filters, pageSize, timeZone, today]);
    if (inputs !== this.queryInputs || !this.query) {
      this.queryInputs = inputs;
      const next = queryFor(filters, { now, timeZone, pageSize: toPageSize(pageSize) });
      if (next.key !== this.query?.key) this.query = next;
    }
    return this.query!;
  }

  /** Whether the query asks something else now than what the list holds (a new local day). */
  private moved(): boolean {
    const before = this.query;
    return this.currentQuery() !== before;
  }

  /**
   * Loads the next page of the current query. Does nothing while a page loads, before the first
   * page or after the last. A failure keeps the rows and shows Retry at the end; a `rate_limited`
   * one is tried again by itself after its `Retry-After`. `auto` (nearing the end while
   * scrolling): this and the later pages ask for 100 rows.
   */
  async loadMore(opts: { auto?: boolean } = {}): Promise<void> {
    const feed = this.feed;
    const adapter = this.options.adapters.value;
    if (!feed || !adapter || !feed.loaded || !feed.hasMore || this.loadingMore || this.task.status !== TaskStatus.COMPLETE) return;
    this.cancelRetry();
    if (opts.auto) feed.laterPageSize = MAX_PAGE_SIZE;
    const abort = new AbortController();
    this.more = abort;
    this.loadingMore = true;
    this.moreError = undefined;
    this.host.requestUpdate();
    try {
      await feed.loadPage(listPages(adapter, this.options.adapters), abort.signal);
      if (feed === this.feed) this.lookUpPayouts(feed);
    } catch (e) {
      if (feed === this.feed && !abort.signal.aborted) {
        this.moreError = this.options.adapters.report(e, 'listBalanceTransactions');
        this.retryAfter(this.moreError, () => {
          if (feed === this.feed) void this.loadMore(opts);
        });
      }
    } finally {
      if (this.more === abort) {
        this.more = undefined;
        this.loadingMore = false;
      }
      this.host.requestUpdate();
    }
  }

  /** Loads the list again from the first page (a new local day: the new day's window). */
  reload(): void {
    if (this.moved()) this.host.requestUpdate();
    else void this.task.run();
  }

  /** The item at `lastVisible` of `count` is in view: near the end, the next page loads by itself. */
  inView(lastVisible: number, count: number): void {
    const feed = this.feed;
    if (!feed?.hasMore || this.loadingMore || this.moreError || this.task.status !== TaskStatus.COMPLETE) return;
    if (lastVisible >= count - AUTO_LOAD_THRESHOLD) void this.loadMore({ auto: true });
  }

  private onEvent(e: ExpressEvent): void {
    if (e.type === 'payout.created' || e.type === 'payout.updated') {
      if (this.payoutIndex.update(e.data)) this.host.requestUpdate();
      return;
    }
    if (e.type === 'balance.updated') {
      this.liveBalance = e.data;
      this.host.requestUpdate();
      return;
    }
    if (e.type !== 'balance_transaction.created') return;
    const txn = e.data;
    if (this.moved()) {
      // A new local day: the list moves to the new window and the transaction joins it there.
      this.waiting.push(txn);
      this.host.requestUpdate();
      return;
    }
    if (this.feed?.insertLive(txn)) {
      this.arrived(txn);
      this.lookUpPayouts(this.feed);
    }
  }

  /** A live transaction in the rows: highlighted for a moment, announced. */
  private arrived(txn: BalanceTransaction): void {
    this.fresh.add(txn.id);
    this.freshVersion++;
    const timer = setTimeout(() => {
      this.timers.delete(timer);
      this.fresh.delete(txn.id);
      this.freshVersion++;
      this.host.requestUpdate();
    }, FRESH_MS);
    this.timers.add(timer);
    if (this.feed?.loaded) this.announcement = this.options.announcement(txn) ?? this.announcement;
    this.host.requestUpdate();
  }

  private stopTimers(): void {
    for (const t of this.timers) clearTimeout(t);
    this.timers.clear();
    if (this.fresh.size) {
      this.fresh.clear();
      this.freshVersion++;
    }
  }
}

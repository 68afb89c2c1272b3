import { initialState, TaskStatus } from '@lit/task';
import type { ReactiveController, ReactiveControllerHost } from 'lit';
import type { GuardedAdapter } from '../../adapter/guard.js';
import { isAbortError } from '../../contract/errors.js';
import type { BalanceTransaction, ExpressAccount, ExpressEvent, Interval, List } from '../../contract/types.js';
import type { EarningsRange } from '../../events.js';
import { browserTimeZone, isValidTimeZone, localIsoDate, type Range } from '../../core/time.js';
import { operation, type AdapterController } from '../shared/adapter-controller.js';
import { LiveController } from '../shared/live-controller.js';
import { afterNextPaint } from './after-paint.js';
import { EarningsStore, seriesKey, type Series, type SeriesQuery } from './earnings.data.js';
import {
  allowedIntervals,
  chooseInterval,
  comparisonSpan,
  incompleteBuckets,
  INTERVALS,
  resolveRange,
  type BucketCompleteness,
  type ResolvedRange,
} from './ranges.model.js';

/** What the element's properties ask for (each already checked: `null` when absent or not valid). */
export interface SeriesRequest {
  /** The effective preset: `custom` when both dates are set. */
  range: EarningsRange;
  from: string | null;
  to: string | null;
  interval: Interval | null;
  /** Whether the page set `interval` itself (drawn up to 3,700 buckets), rather than a person choosing it from the menu. */
  explicit: boolean;
  currency: string | null;
  timeZone: string | null;
}

/** What the chart shows once the current range has loaded. */
export interface CurrentView {
  range: ResolvedRange;
  interval: Interval;
  currency: string;
  timeZone: string;
  query: SeriesQuery;
  /** `seriesKey(query)`: what the previous period is loaded for. */
  key: string;
  series: Series;
  /** The buckets that are not a whole period (this month so far; a month the range cuts). */
  incomplete: ReadonlyMap<number, BucketCompleteness>;
  /** The period compared with, like with like (see `comparisonSpan`); `null` for all time. */
  comparison: Range | null;
}

/** The range and interval the controls show, and the intervals the menu offers. */
export interface ControlsView {
  range: ResolvedRange;
  interval: Interval;
  timeZone: string;
  allowed: Interval[];
}

type Host = ReactiveControllerHost & HTMLElement;

/**
 * The element's data: the account (when the zone, currency or "all time" start depends on it),
 * the balance's currencies (for the currency menu), the current range's buckets, then the
 * previous period's in a later call, and the live feed's new transactions added to what is kept.
 *
 * Every load is an `AdapterController.task()`: a failure is reported as `express-error` with its
 * operation, a removal aborts what is running and a return runs it again. What was fetched is
 * kept in one `EarningsStore` per adapter, so another interval or `compare` fetches nothing again.
 */
export class SeriesController implements ReactiveController {
  /** The last loaded current range, kept up to date by live events (shown, dimmed, while another loads). */
  current?: CurrentView;
  /** Transactions fetched so far by the running load (for "Loaded 3,200 transactions"). */
  loaded = 0;

  private store?: EarningsStore;
  /** The key of the current view once its chart has been painted: the previous period loads only then. */
  private paintedKey?: string;
  private cancelPaint?: () => void;
  private controlsKey?: string;
  private controlsValue?: ControlsView;

  /** The account, when the currency, zone or "all time" start depends on it. */
  readonly account = this.adapters.task({
    operation: 'getAccount',
    task: async ([adapter, needed], { signal }): Promise<ExpressAccount | null | typeof initialState> => {
      if (!adapter) return initialState;
      if (!needed) return null;
      return adapter.getAccount({ signal });
    },
    args: () => [this.adapters.value, this.needsAccount()] as const,
  });

  /** The balance, only to learn which currencies the account holds (never an error of its own). */
  readonly balance = this.adapters.task({
    operation: 'getBalance',
    task: async ([adapter], { signal }) => (adapter ? adapter.getBalance({ signal }).catch(() => undefined) : undefined),
    args: () => [this.adapters.value] as const,
  });

  /** The current range's buckets. */
  readonly series = this.adapters.task({
    operation: 'listBalanceTransactions',
    task: async ([adapter, account, range, from, to, interval, explicit, currency, timeZone], { signal }) => {
      if (!adapter || account === undefined) return initialState;
      const store = this.storeFor(adapter);
      this.setLoaded(0);
      const opts = {
        signal,
        onProgress: (n: number) => {
          if (!signal.aborted) this.setLoaded(n);
        },
        onList: (list: List<BalanceTransaction>) => this.adapters.reportDropped(list, 'listBalanceTransactions'),
      };
      const now = Math.floor(Date.now() / 1000);
      let allStart = account?.created ?? null;
      let r = resolveRange({ range, from, to, now, timeZone, allStart });
      if (r.preset === 'all' && allStart === null) {
        allStart = (await store.oldest(currency, r.span.lt, opts)) ?? now;
        r = resolveRange({ range, from, to, now, timeZone, allStart });
      }
      const chosen = chooseInterval(interval, r.preset, r.span, timeZone, { explicit });
      const query: SeriesQuery = { currency, timeZone, interval: chosen, span: r.span };
      const series = await operation(store.usesNetVolume(query) ? 'getNetVolume' : 'listBalanceTransactions', store.load(query, opts));
      const starts = series.points.map((p) => p.start);
      return {
        range: r,
        interval: chosen,
        currency,
        timeZone,
        query,
        key: seriesKey(query),
        series,
        incomplete: incompleteBuckets(starts, r.span, chosen, timeZone, now),
        comparison: comparisonSpan(r, chosen, timeZone),
      } satisfies CurrentView;
    },
    args: () => this.seriesArgs(),
    onComplete: (view) => {
      if (view === initialState) return;
      this.current = view;
      if (view.key !== this.paintedKey) {
        // The period compared with loads once this chart is on screen: it never delays it.
        this.cancelPaint?.();
        this.cancelPaint = afterNextPaint(() => {
          this.paintedKey = view.key;
          this.host.requestUpdate();
        });
      }
    },
  });

  /** The period compared with: a separate call, once the current range's chart has been painted. */
  readonly previous = this.adapters.task({
    operation: 'listBalanceTransactions',
    task: async ([adapter, key, painted], { signal }): Promise<Series | null | typeof initialState> => {
      const cur = this.current;
      if (!adapter || !cur || cur.key !== key || !painted) return initialState;
      const span = cur.comparison;
      if (!span) return null;
      const store = this.storeFor(adapter);
      const query: SeriesQuery = { ...cur.query, span };
      const load = store.load(query, { signal, onList: (list) => this.adapters.reportDropped(list, 'listBalanceTransactions') });
      return operation(store.usesNetVolume(query) ? 'getNetVolume' : 'listBalanceTransactions', load);
    },
    args: () =>
      [
        this.series.status === TaskStatus.COMPLETE ? this.adapters.value : undefined,
        this.current?.key,
        // Not for an element that has left the page (it loads when it comes back).
        this.current !== undefined && this.paintedKey === this.current.key && this.host.isConnected,
      ] as const,
  });

  /** The live feed while connected: a new transaction is added to its bucket. */
  private readonly live: LiveController;

  constructor(
    private readonly host: Host,
    private readonly adapters: AdapterController,
    private readonly request: () => SeriesRequest,
  ) {
    host.addController(this);
    this.live = new LiveController(host, adapters, { onEvent: (e) => this.onEvent(e) });
  }

  hostUpdate(): void {
    // What was kept for an adapter the element no longer uses goes with it.
    if (this.store && this.store.adapter !== this.adapters.value) this.store = undefined;
  }

  // ---- what the element reads ----

  /** The account once known: `null` when it was not needed, `undefined` while loading or failed. */
  get accountValue(): ExpressAccount | null | undefined {
    return this.account.status === TaskStatus.COMPLETE ? (this.account.value as ExpressAccount | null) : undefined;
  }

  /** The previous period once loaded (`null`: nothing to compare with, as for all time), else `undefined`. */
  get previousSeries(): Series | null | undefined {
    return this.previous.status === TaskStatus.COMPLETE ? (this.previous.value as Series | null) : undefined;
  }

  /** Whether loading the previous period failed (the chart stays; the headline offers its own Retry). */
  get previousFailed(): boolean {
    return this.previous.status === TaskStatus.ERROR;
  }

  /** What failed when the account or the current range could not load (never an abort), else `undefined`. */
  get error(): unknown {
    const failed =
      this.account.status === TaskStatus.ERROR ? this.account.error : this.series.status === TaskStatus.ERROR ? this.series.error : undefined;
    return failed !== undefined && !isAbortError(failed) ? failed : undefined;
  }

  /** Whether the current range is still loading (and has not failed). */
  get loading(): boolean {
    return this.error === undefined && this.series.status !== TaskStatus.COMPLETE;
  }

  /** The currency shown: the page's, else the account's default, else USD. */
  get currency(): string {
    return this.current?.currency ?? this.currencyFor(this.accountValue);
  }

  /** The currencies the menu offers: those of the balance, and the one shown. */
  get currencies(): string[] {
    const balance = this.balance.value;
    const set = new Set<string>();
    for (const a of [...(balance?.available ?? []), ...(balance?.pending ?? [])]) set.add(a.currency.toLowerCase());
    set.add(this.currency);
    return [...set].sort();
  }

  /** The range and interval the controls show: the loaded view's when it matches the request, else a fresh resolution. */
  controls(): ControlsView {
    const req = this.request();
    const account = this.accountValue;
    const cur = this.current;
    const timeZone = cur?.timeZone ?? this.zoneFor(account);
    let range: ResolvedRange;
    if (cur && cur.range.preset === req.range && (req.range !== 'custom' || (cur.range.from === req.from && cur.range.to === req.to))) {
      range = cur.range;
    } else {
      const allStart = account?.created ?? (req.range === 'all' && cur?.range.preset === 'all' ? cur.range.span.gte : null);
      range = resolveRange({ range: req.range, from: req.from, to: req.to, now: Math.floor(Date.now() / 1000), timeZone, allStart });
    }
    const key = [range.preset, range.span.gte, range.span.lt, timeZone, req.interval, req.explicit].join('|');
    if (key !== this.controlsKey || !this.controlsValue) {
      const interval = chooseInterval(req.interval, range.preset, range.span, timeZone, { explicit: req.explicit });
      const allowed = allowedIntervals(range.span, timeZone);
      // An interval the page asked for beyond the menu's limit is shown as chosen, but offered no further.
      if (!allowed.includes(interval)) {
        allowed.push(interval);
        allowed.sort((a, b) => INTERVALS.indexOf(a) - INTERVALS.indexOf(b));
      }
      this.controlsKey = key;
      this.controlsValue = { range, interval, timeZone, allowed };
    }
    return { ...this.controlsValue, range };
  }

  /** Loads again what failed: the account, else the current range. */
  retry(): void {
    if (this.account.status === TaskStatus.ERROR) void this.account.run();
    else void this.series.run();
  }

  /** Loads the previous period again. */
  retryPrevious(): void {
    void this.previous.run();
  }

  // ---- inside ----

  private setLoaded(n: number): void {
    if (n === this.loaded) return;
    this.loaded = n;
    this.host.requestUpdate();
  }

  private needsAccount(): boolean {
    const req = this.request();
    return !req.timeZone || !req.currency || req.range === 'all';
  }

  private zoneFor(account: ExpressAccount | null | undefined): string {
    const tz = account?.settings?.dashboard?.timezone;
    return this.request().timeZone ?? (tz && isValidTimeZone(tz) ? tz : browserTimeZone());
  }

  private currencyFor(account: ExpressAccount | null | undefined): string {
    return this.request().currency ?? account?.default_currency?.toLowerCase() ?? 'usd';
  }

  private seriesArgs() {
    const req = this.request();
    const adapter = this.adapters.value;
    const account = this.accountValue;
    const timeZone = this.zoneFor(account);
    // The day is an argument so that a range ending "today" moves on after midnight.
    const today = adapter && account !== undefined ? localIsoDate(Date.now() / 1000, timeZone) : '';
    return [
      account === undefined ? undefined : adapter,
      account,
      req.range,
      req.from,
      req.to,
      req.interval,
      req.explicit,
      this.currencyFor(account),
      timeZone,
      today,
    ] as const;
  }

  private storeFor(adapter: GuardedAdapter): EarningsStore {
    if (this.store?.adapter !== adapter) this.store = new EarningsStore(adapter);
    return this.store;
  }

  private onEvent(e: ExpressEvent): void {
    if (e.type !== 'balance_transaction.created') return;
    const store = this.store;
    if (!store || store.adapter !== this.live.adapter || !store.addLive(e.data)) return;
    const cur = this.current;
    const series = cur && store.peek(cur.query);
    if (cur && series && series !== cur.series) {
      this.current = { ...cur, series };
      this.host.requestUpdate();
    }
  }
}

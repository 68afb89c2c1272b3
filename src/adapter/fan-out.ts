/**
 * One live feed for a whole dashboard. DOM-free.
 *
 * - `LiveHub` wraps the platform's adapter into the adapter `<express-dashboard>` provides to its
 *   children: every call goes to the platform's adapter, concurrent `getAccount` calls share one
 *   request (and so do concurrent `getBalance` calls), and `subscribe` adds a listener to the hub, which holds at most one subscription to
 *   the platform's adapter (made for the first listener, ended after the last) and hands each
 *   event to every listener. `onReset` is the platform adapter's own, when it has one.
 * - `Poller` stands in for a live feed when the platform's adapter has no `subscribe`: every
 *   interval it fetches the balance and the newest transactions and turns what changed into the
 *   same events (`balance.updated`, `balance_transaction.created`), which it gives to the hub.
 */
import type { ExpressError } from '../contract/errors.js';
import { guardedAdapterFor } from './guard.js';
import type { BalanceTransaction, ExpressAdapter, ExpressEvent, RequestOptions } from '../contract/types.js';
import { abortReason, isAbortError, toExpressError } from '../contract/errors.js';

/** Reports a failure the hub or the poller met (never an abort). */
export type LiveErrorHandler = (error: ExpressError, operation: string) => void;

/** Calls shared while in flight: reads that take no parameters. */
const SHARED = ['getAccount', 'getBalance'] as const;
const DELEGATED = ['listBalanceTransactions', 'listPayouts', 'getPayout', 'createLoginLink', 'getNetVolume', 'onReset'] as const;

/**
 * The fan-out of one adapter's live feed (see the module's description). `onError` hears of the
 * events the guard drops as invalid (operation `subscribe`), once for all listeners.
 */
export class LiveHub {
  /** The adapter to provide to children. It has every method the upstream adapter has, and always `subscribe`. */
  readonly adapter: ExpressAdapter;

  private readonly listeners = new Set<(e: ExpressEvent) => void>();
  private unsubscribeUpstream?: () => void;
  private readonly inFlight = new Map<string, { promise: Promise<unknown>; controller: AbortController; users: number }>();
  private closed = false;

  /** How many times the hub has subscribed to the upstream adapter (for tests and diagnostics). */
  upstreamSubscriptions = 0;

  constructor(
    /** The platform's adapter. */
    readonly upstream: ExpressAdapter,
    private readonly onError: LiveErrorHandler = () => {},
  ) {
    const inner = upstream as unknown as Record<string, unknown>;
    const adapter: Record<string, unknown> = {};
    for (const name of DELEGATED) {
      if (typeof inner[name] === 'function') {
        adapter[name] = (...args: unknown[]) => (inner[name] as (...a: unknown[]) => unknown).apply(upstream, args);
      }
    }
    for (const name of SHARED) {
      if (typeof inner[name] === 'function') adapter[name] = (o?: RequestOptions) => this.shared(name, o);
    }
    adapter.subscribe = (listener: (e: ExpressEvent) => void) => this.add(listener);
    this.adapter = adapter as unknown as ExpressAdapter;
  }

  /** Whether the upstream adapter has a live feed of its own. */
  get hasUpstreamFeed(): boolean {
    return typeof this.upstream.subscribe === 'function';
  }

  /** Whether the hub holds its upstream subscription now. */
  get subscribed(): boolean {
    return this.unsubscribeUpstream !== undefined;
  }

  /** The number of listeners now. */
  get listenerCount(): number {
    return this.listeners.size;
  }

  /** Hands `event` to every listener (a listener that throws is logged and does not stop the others). */
  emit(event: ExpressEvent): void {
    if (this.closed) return;
    for (const l of [...this.listeners]) {
      if (!this.listeners.has(l)) continue; // removed by an earlier listener
      try {
        l(event);
      } catch (e) {
        console.error(e);
      }
    }
  }

  /** Ends the upstream subscription and drops every listener; later events are not delivered. */
  close(): void {
    this.closed = true;
    this.listeners.clear();
    this.stopUpstream();
    for (const entry of this.inFlight.values()) entry.controller.abort();
    this.inFlight.clear();
  }

  private add(listener: (e: ExpressEvent) => void): () => void {
    if (this.closed) return () => {};
    // A wrapper per call: the same function subscribed twice gets two subscriptions, as upstream.
    const l = (e: ExpressEvent) => listener(e);
    this.listeners.add(l);
    if (!this.unsubscribeUpstream && this.hasUpstreamFeed) {
      this.upstreamSubscriptions++;
      const guarded = guardedAdapterFor(this.upstream);
      this.unsubscribeUpstream = guarded.subscribe!(
        (e) => this.emit(e),
        (error) => this.onError(error, 'subscribe'),
      );
    }
    let active = true;
    return () => {
      if (!active) return;
      active = false;
      this.listeners.delete(l);
      if (this.listeners.size === 0) this.stopUpstream();
    };
  }

  private stopUpstream(): void {
    const stop = this.unsubscribeUpstream;
    this.unsubscribeUpstream = undefined;
    stop?.();
  }

  /**
   * Concurrent calls of `name` share one upstream request; each caller's own signal rejects only
   * its own promise, and the upstream request is aborted when every caller has aborted. Once it
   * settles, the next call makes a new request.
   */
  private shared(name: (typeof SHARED)[number], o?: RequestOptions): Promise<unknown> {
    const signal = o?.signal;
    if (signal?.aborted) return Promise.reject(abortReason(signal));
    let entry = this.inFlight.get(name);
    if (!entry) {
      const controller = new AbortController();
      let promise: Promise<unknown>;
      try {
        promise = Promise.resolve(this.upstream[name]({ signal: controller.signal }));
      } catch (e) {
        promise = Promise.reject(e);
      }
      const made = (entry = { promise, controller, users: 0 });
      this.inFlight.set(name, made);
      const clear = () => {
        if (this.inFlight.get(name) === made) this.inFlight.delete(name);
      };
      promise.then(clear, clear);
    }
    const shared = entry;
    shared.users++;
    return new Promise((resolve, reject) => {
      let done = false;
      const settle = () => {
        done = true;
        shared.users--;
        signal?.removeEventListener('abort', onAbort);
      };
      const onAbort = () => {
        if (done) return;
        settle();
        reject(abortReason(signal!));
        if (shared.users === 0) {
          shared.controller.abort();
          if (this.inFlight.get(name) === shared) this.inFlight.delete(name);
        }
      };
      signal?.addEventListener('abort', onAbort, { once: true });
      shared.promise.then(
        (v) => {
          if (done) return;
          settle();
          resolve(v);
        },
        (e: unknown) => {
          if (done) return;
          settle();
          reject(e);
        },
      );
    });
  }
}

/** Starts a timer; returns the function that cancels it. */
export type Schedule = (fn: () => void, ms: number) => () => void;

/** `setTimeout` as a `Schedule`. */
export const defaultSchedule: Schedule = (fn, ms) => {
  const t = setTimeout(fn, ms);
  return () => clearTimeout(t);
};

/** Options of `Poller`. */
export interface PollerOptions {
  /** Seconds between the end of one poll and the start of the next (above 0). */
  intervalSeconds: number;
  /** Receives the events made from what changed. */
  emit(event: ExpressEvent): void;
  /** Hears of failed polls (`getBalance`, `listBalanceTransactions`); polling goes on. */
  onError?: LiveErrorHandler;
  /** How many of the newest transactions each poll fetches; default 20. */
  limit?: number;
  /** The timer; default `setTimeout`. */
  schedule?: Schedule;
}

/** How many transaction ids a poller remembers. */
const SEEN_MAX = 500;

/**
 * Polls an adapter that has no live feed. The first poll only notes the current balance and the
 * newest transactions; each later poll emits `balance.updated` when the balance differs and
 * `balance_transaction.created` for each transaction it has not seen, oldest first. `start()`
 * polls at once, then every `intervalSeconds` after the previous poll ends; `stop()` cancels the
 * timer and aborts a poll in flight (and `start()` later resumes, with what it has seen).
 */
export class Poller {
  private readonly adapter;
  private readonly schedule: Schedule;
  private readonly limit: number;
  private cancelTimer?: () => void;
  private inFlight?: AbortController;
  private started = false;
  private balanceKey?: string;
  private txnsKnown = false;
  private readonly seen = new Set<string>();

  /** Number of polls started (for tests and diagnostics). */
  polls = 0;

  constructor(
    adapter: ExpressAdapter,
    private readonly options: PollerOptions,
  ) {
    this.adapter = guardedAdapterFor(adapter);
    this.schedule = options.schedule ?? defaultSchedule;
    this.limit = options.limit ?? 20;
  }

  /** Whether polling is on (between `start()` and `stop()`). */
  get running(): boolean {
    return this.started;
  }

  /** Polls now, then every interval, until `stop()`. Does nothing when already running. */
  start(): void {
    if (this.started) return;
    this.started = true;
    void this.poll();
  }

  /** Stops polling: cancels the timer and aborts a poll in flight. */
  stop(): void {
    this.started = false;
    this.cancelTimer?.();
    this.cancelTimer = undefined;
    this.inFlight?.abort();
    this.inFlight = undefined;
  }

  private async poll(): Promise<void> {
    this.cancelTimer = undefined;
    const abort = new AbortController();
    this.inFlight = abort;
    this.polls++;
    const { signal } = abort;
    const [balance, txns] = await Promise.allSettled([
      this.adapter.getBalance({ signal }),
      this.adapter.listBalanceTransactions({ limit: this.limit }, { signal }),
    ]);
    if (signal.aborted) return;
    this.inFlight = undefined;
    if (balance.status === 'fulfilled') {
      const b = balance.value;
      const key = JSON.stringify([
        ...['available', 'pending'].map((k) =>
          (b[k as 'available' | 'pending'] ?? []).map((a) => `${a.currency}:${a.amount}`).sort(),
        ),
        b.livemode ?? null,
      ]);
      if (this.balanceKey !== undefined && key !== this.balanceKey) this.options.emit({ type: 'balance.updated', data: b });
      this.balanceKey = key;
    } else this.fail(balance.reason, 'getBalance');
    if (txns.status === 'fulfilled') {
      const fresh: BalanceTransaction[] = txns.value.data.filter((t) => !this.seen.has(t.id));
      for (const t of fresh) this.seen.add(t.id);
      // Oldest first, as they happened.
      if (this.txnsKnown) for (const t of fresh.reverse()) this.options.emit({ type: 'balance_transaction.created', data: t });
      while (this.seen.size > SEEN_MAX) this.seen.delete(this.seen.values().next().value as string);
      this.txnsKnown = true;
    } else this.fail(txns.reason, 'listBalanceTransactions');
    if (this.started) {
      this.cancelTimer = this.schedule(() => void this.poll(), Math.max(0, this.options.intervalSeconds) * 1000);
    }
  }

  private fail(e: unknown, operation: string): void {
    if (isAbortError(e)) return;
    this.options.onError?.(toExpressError(e), operation);
  }
}

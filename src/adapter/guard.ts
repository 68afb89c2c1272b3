/**
 * The adapter guard: wraps any `ExpressAdapter` (ours or a platform's) so that what elements get
 * from it keeps the contract, whatever the inner adapter does.
 *
 * - Every result passes the boundary validator (`validate.ts`). A list keeps its valid items and
 *   drops the malformed ones; each dropped item is reported (see `DROPPED` and `onInvalidItem`).
 *   Any other malformed result rejects with `invalid_response`.
 * - Every rejection is normalised: an abort error passes through unchanged, an `ExpressError` as
 *   is, a `TypeError` becomes `network`, anything else `unknown` with the original as `cause`.
 * - Nothing throws synchronously: a missing method rejects with `unknown`, a method that throws
 *   rejects as above, a result that is not a promise rejects with `invalid_response`.
 * - Aborting: an already aborted signal rejects with `signal.reason` without calling the inner
 *   adapter; aborting during a call rejects at once with `signal.reason`, even when the inner
 *   adapter ignores the signal.
 * - `subscribe` delivers only valid events; invalid ones are dropped and reported with operation
 *   `subscribe`. After unsubscribing, no event is delivered. `onReset` passes the inner adapter's
 *   resets on (a listener that throws is logged); after stopping, none is.
 */
import { abortReason, ExpressError, isAbortError, toExpressError } from '../contract/errors.js';
import type {
  BalanceTransaction,
  ExpressAdapter,
  ExpressEvent,
  List,
  ListBalanceTransactionsParams,
  ListPayoutsParams,
  NetVolumeParams,
  Payout,
  RequestOptions,
} from '../contract/types.js';
import {
  validateAccount,
  validateBalance,
  validateBalanceTransaction,
  validateEvent,
  validateList,
  validateLoginLink,
  validateNetVolume,
  validatePayout,
} from './validate.js';

/**
 * The key of the non-enumerable property that every list a guarded adapter resolves with carries:
 * the `invalid_response` errors of the items it dropped (empty when none). Read it with
 * `droppedItems(list)`. It does not survive copying the list (spread, `structuredClone`).
 */
export const DROPPED: unique symbol = Symbol('express-dashboard-elements.dropped');

/** A list from a guarded adapter, with the errors of its dropped items under `DROPPED`. */
export type GuardedList<T> = List<T> & { readonly [DROPPED]?: readonly ExpressError[] };

/** The errors of the items a guarded adapter dropped from `list` (empty for any other list). */
export function droppedItems(list: List<unknown>): readonly ExpressError[] {
  return (list as GuardedList<unknown>)[DROPPED] ?? [];
}

/** Callbacks of `guardAdapter`. */
export interface GuardHooks {
  /**
   * Called once per dropped list item or invalid event, with the `invalid_response` error naming
   * the field (`data[3].amount`) and the adapter method's name (`listBalanceTransactions`,
   * `subscribe`, ...). Errors thrown here are logged (`console.error`), not propagated.
   */
  onInvalidItem?(error: ExpressError, operation: string): void;
}

/**
 * What `guardAdapter` returns: an `ExpressAdapter` whose `subscribe` also takes an optional
 * per-subscription `onInvalid` callback for the events it drops (the way an element learns about
 * them from a shared wrapper of `guardedAdapterFor`).
 */
export interface GuardedAdapter extends ExpressAdapter {
  listBalanceTransactions(p: ListBalanceTransactionsParams, o?: RequestOptions): Promise<GuardedList<BalanceTransaction>>;
  listPayouts(p: ListPayoutsParams, o?: RequestOptions): Promise<GuardedList<Payout>>;
  subscribe?(listener: (e: ExpressEvent) => void, onInvalid?: (error: ExpressError) => void): () => void;
}

const guarded = new WeakSet<object>();
const cache = new WeakMap<object, GuardedAdapter>();

/** True when `adapter` is a wrapper made by `guardAdapter` or `guardedAdapterFor`. */
export function isGuardedAdapter(adapter: unknown): adapter is GuardedAdapter {
  return typeof adapter === 'object' && adapter !== null && guarded.has(adapter);
}

/**
 * The one shared guard of `adapter`: the same inner adapter always yields the same wrapper (so
 * elements can use its identity as a task argument), and a wrapper yields itself. It has no hooks:
 * an element learns about dropped list items from `droppedItems(list)` (the `DROPPED` property of
 * each list it resolves with), and about dropped events from the second argument of `subscribe`.
 */
export function guardedAdapterFor(adapter: ExpressAdapter): GuardedAdapter {
  if (isGuardedAdapter(adapter)) return adapter;
  let g = cache.get(adapter);
  if (!g) {
    g = guardAdapter(adapter);
    cache.set(adapter, g);
  }
  return g;
}

function report(e: unknown): void {
  console.error(e);
}

function normalise(e: unknown): unknown {
  return isAbortError(e) ? e : toExpressError(e);
}

function isThenable(v: unknown): v is PromiseLike<unknown> {
  return (typeof v === 'object' || typeof v === 'function') && v !== null && typeof (v as { then?: unknown }).then === 'function';
}

/**
 * Wraps `adapter` so that every result is validated and every rejection normalised (see the
 * module's description). `hooks.onInvalidItem` hears of every dropped list item and invalid event;
 * lists also carry their dropped items' errors under `DROPPED`. `getPayout`, `getNetVolume` and
 * `subscribe` exist on the wrapper only when the inner adapter has them. Each call makes a new wrapper: to
 * share one, use `guardedAdapterFor`.
 */
export function guardAdapter(adapter: ExpressAdapter, hooks: GuardHooks = {}): GuardedAdapter {
  const inner = adapter as unknown as Record<string, unknown> | null | undefined;

  const invalid = (error: ExpressError, operation: string, extra?: (e: ExpressError) => void): void => {
    for (const fn of [hooks.onInvalidItem?.bind(hooks), extra]) {
      if (!fn) continue;
      try {
        fn(error, operation);
      } catch (e) {
        report(e);
      }
    }
  };

  function call<T>(op: string, args: unknown[], o: RequestOptions | undefined, check: (v: unknown) => T): Promise<T> {
    const signal = o?.signal;
    if (signal?.aborted) return Promise.reject(abortReason(signal));
    const method = inner?.[op];
    if (typeof method !== 'function') {
      return Promise.reject(new ExpressError('unknown', `The adapter has no ${op} method.`));
    }
    let result: unknown;
    try {
      result = method.apply(inner, args);
    } catch (e) {
      return Promise.reject(normalise(e));
    }
    if (!isThenable(result)) {
      return Promise.reject(new ExpressError('invalid_response', `The adapter's ${op} did not return a promise.`));
    }
    const checked = Promise.resolve(result).then(
      (v) => {
        try {
          return check(v);
        } catch (e) {
          throw normalise(e);
        }
      },
      (e) => {
        throw normalise(e);
      },
    );
    if (!signal) return checked;
    return new Promise<T>((resolve, reject) => {
      const onAbort = () => reject(abortReason(signal));
      signal.addEventListener('abort', onAbort, { once: true });
      checked.then(
        (v) => {
          signal.removeEventListener('abort', onAbort);
          if (signal.aborted) reject(abortReason(signal));
          else resolve(v);
        },
        (e) => {
          signal.removeEventListener('abort', onAbort);
          reject(signal.aborted ? abortReason(signal) : e);
        },
      );
    });
  }

  function listCheck<T>(op: string, item: (x: unknown, path: string) => T) {
    return (v: unknown): GuardedList<T> => {
      const { list, dropped } = validateList(v, item);
      Object.defineProperty(list, DROPPED, { value: Object.freeze(dropped), enumerable: false });
      for (const e of dropped) invalid(e, op);
      return list;
    };
  }

  const wrapper: GuardedAdapter = {
    getAccount: (o) => call('getAccount', [o], o, validateAccount),
    getBalance: (o) => call('getBalance', [o], o, validateBalance),
    listBalanceTransactions: (p, o) =>
      call('listBalanceTransactions', [p, o], o, listCheck('listBalanceTransactions', validateBalanceTransaction)),
    listPayouts: (p, o) => call('listPayouts', [p, o], o, listCheck('listPayouts', validatePayout)),
    createLoginLink: (o) => call('createLoginLink', [o], o, validateLoginLink),
  };

  if (typeof inner?.getPayout === 'function') {
    wrapper.getPayout = (id: string, o?: RequestOptions) => call('getPayout', [id, o], o, validatePayout);
  }

  if (typeof inner?.getNetVolume === 'function') {
    wrapper.getNetVolume = (p: NetVolumeParams, o?: RequestOptions) => call('getNetVolume', [p, o], o, validateNetVolume);
  }

  if (typeof inner?.onReset === 'function') {
    const onReset = inner.onReset as (listener: () => void) => unknown;
    wrapper.onReset = (listener) => {
      let active = true;
      let stop: unknown;
      try {
        stop = onReset.call(inner, () => {
          if (!active) return;
          try {
            listener();
          } catch (e) {
            report(e);
          }
        });
      } catch (e) {
        report(e);
      }
      return () => {
        if (!active) return;
        active = false;
        if (typeof stop === 'function') stop();
      };
    };
  }

  if (typeof inner?.subscribe === 'function') {
    const subscribe = inner.subscribe as (listener: (e: unknown) => void) => unknown;
    wrapper.subscribe = (listener, onInvalid) => {
      let active = true;
      const unsubscribe = subscribe.call(inner, (e: unknown) => {
        if (!active) return;
        let event: ExpressEvent;
        try {
          event = validateEvent(e);
        } catch (err) {
          invalid(toExpressError(err), 'subscribe', onInvalid && ((x) => onInvalid(x)));
          return;
        }
        listener(event);
      });
      return () => {
        if (!active) return;
        active = false;
        if (typeof unsubscribe === 'function') unsubscribe();
      };
    };
  }

  guarded.add(wrapper);
  return wrapper;
}

/**
 * `MemoryAdapter`: the whole `ExpressAdapter` contract in the browser, over data held in memory.
 * The embedded default of the demo, and the adapter of most tests.
 */
import { aggregateNetVolume } from '../core/net-volume.js';
import { isValidTimeZone } from '../core/time.js';
import { balanceOf, mulberry32, newestFirst } from './memory-data.js';
import { abortReason, ExpressError } from '../contract/errors.js';
import type {
  Balance,
  BalanceTransaction,
  ExpressAccount,
  ExpressAdapter,
  ExpressEvent,
  List,
  ListBalanceTransactionsParams,
  ListPayoutsParams,
  LoginLink,
  NetVolumeParams,
  NetVolumePoint,
  Payout,
  RequestOptions,
} from '../contract/types.js';

/** The adapter methods a failure can be injected into (see `MemoryAdapterOptions.fail`). */
export type MemoryOperation =
  | 'getAccount'
  | 'getBalance'
  | 'listBalanceTransactions'
  | 'listPayouts'
  | 'getPayout'
  | 'createLoginLink'
  | 'getNetVolume';

/**
 * Failure injection, for demos and tests. Either
 * - a function `(operation, params) => error | undefined`, called on every call after the latency
 *   wait: return an error (an `ExpressError`, or any `Error`) to reject the call with it; or
 * - an object keyed by operation name (or `'*'` for every operation) whose value is an error to
 *   reject every such call with, or a probability from 0 to 1 of rejecting with
 *   `ExpressError('network')` (drawn from the adapter's seeded PRNG, so a run is repeatable).
 * `params` is the call's first argument (the list or net-volume parameters), else `undefined`.
 */
export type MemoryFailure =
  | ((operation: MemoryOperation, params: unknown) => ExpressError | Error | undefined | null | void)
  | Partial<Record<MemoryOperation | '*', ExpressError | Error | number>>;

/** Latency of every call in milliseconds: a fixed delay, or a deterministic jitter in `[min, max]`. */
export type MemoryLatency = number | { min: number; max: number };

/** Options of `new MemoryAdapter()`. Every data field is optional. */
export interface MemoryAdapterOptions {
  /** Default `{ id: 'acct_memory', default_currency }` (the first transaction's currency, else `usd`). */
  account?: ExpressAccount;
  /** Default: derived from the transactions (`balanceOf`). */
  balance?: Balance;
  /** Any order: kept newest first (`created` descending, then `id` descending). */
  balance_transactions?: BalanceTransaction[];
  /** Any order: kept newest first. */
  payouts?: Payout[];
  /**
   * What each automatic payout paid out: payout id → the ids of the balance transactions it
   * settled, its own `payout` transaction included (answers `listBalanceTransactions({ payout })`).
   */
  payout_balance_transactions?: Record<string, readonly string[]>;
  /** Delay of every call; aborting the signal ends the wait at once. */
  latency?: MemoryLatency;
  /** Failure injection (see `MemoryFailure`). */
  fail?: MemoryFailure;
  /** Base of the login links (`?login_token=…` is added); default `https://express.example.com/login`. */
  loginUrl?: string;
  /** Seed of the PRNG behind latency jitter, failure probabilities, ids and fares of `simulatePayment`; default 1. */
  seed?: number;
}

const MAX_LIMIT = 100;
const DEFAULT_LIMIT = 10;

function invalidParam(param: string, message: string): ExpressError {
  return new ExpressError('invalid_request', message, { param });
}

function checkLimit(limit: unknown): number {
  if (limit === undefined) return DEFAULT_LIMIT;
  if (typeof limit !== 'number' || !Number.isInteger(limit) || limit < 1 || limit > MAX_LIMIT) {
    throw invalidParam('limit', `limit must be an integer from 1 to ${MAX_LIMIT}.`);
  }
  return limit;
}

function checkRange(range: unknown, name: string): { gte?: number; lt?: number } {
  if (range === undefined) return {};
  if (typeof range !== 'object' || range === null) throw invalidParam(name, `${name} must be an object.`);
  const r = range as { gte?: unknown; lt?: unknown };
  for (const k of ['gte', 'lt'] as const) {
    if (r[k] !== undefined && (typeof r[k] !== 'number' || !Number.isFinite(r[k]))) {
      throw invalidParam(`${name}[${k}]`, `${name}[${k}] must be a number.`);
    }
  }
  return r as { gte?: number; lt?: number };
}

/**
 * An in-memory `ExpressAdapter`: the full contract (cursor pagination with no gaps or duplicates,
 * `created` ranges, `type[]`, `currency`, payout filters, net volume, a real-time feed), with
 * latency and failure injection, and `addTransaction()` for live updates. A seeded ride-share
 * history is in the `./demo` entry (`demoAdapter()`), so pages that do not show demo data do not
 * load its generator.
 *
 * The data is stored as given (cloned, not validated: the guard validates what comes out, so
 * malformed data can be fed in on purpose); every result is a copy, so callers cannot change the
 * adapter's state. Parameter errors reject with `invalid_request` naming the parameter (`limit`
 * outside 1..100, an unknown `starting_after`, a range bound that is not a number). An aborted
 * signal rejects with its reason at once, also during the latency wait.
 */
export class MemoryAdapter implements ExpressAdapter {
  protected account: ExpressAccount;
  private balance: Balance;
  private txns: BalanceTransaction[];
  private txnIndex = new Map<string, number>();
  private payouts: Payout[];
  private payoutIndex = new Map<string, number>();
  private settled: Map<string, Set<string>>;
  private listeners = new Set<(e: ExpressEvent) => void>();
  /** The adapter's seeded PRNG (latency jitter, failure probabilities; subclasses draw ids from it). */
  protected rand: () => number;
  private readonly latency?: MemoryLatency;
  private readonly fail?: MemoryFailure;
  private readonly loginUrl: string;

  constructor(options: MemoryAdapterOptions = {}) {
    this.txns = structuredClone(options.balance_transactions ?? []).sort(newestFirst);
    this.payouts = structuredClone(options.payouts ?? []).sort(newestFirst);
    this.settled = new Map(Object.entries(options.payout_balance_transactions ?? {}).map(([id, txns]) => [id, new Set(txns)]));
    this.reindex();
    const currency =
      options.account?.default_currency ?? this.txns[0]?.currency ?? options.balance?.available[0]?.currency ?? 'usd';
    this.account = structuredClone(options.account ?? { id: 'acct_memory', default_currency: currency });
    this.balance = options.balance ? structuredClone(options.balance) : balanceOf(this.txns, { currency });
    this.latency = options.latency;
    this.fail = options.fail;
    this.loginUrl = options.loginUrl ?? 'https://express.example.com/login';
    this.rand = mulberry32((options.seed ?? 1) ^ 0x9e3779b9);
  }

  /** The account. */
  getAccount(o?: RequestOptions): Promise<ExpressAccount> {
    return this.run('getAccount', undefined, o, () => structuredClone(this.account));
  }

  /** The balance (derived from the transactions unless one was given, then kept up to date by `addTransaction`). */
  getBalance(o?: RequestOptions): Promise<Balance> {
    return this.run('getBalance', undefined, o, () => structuredClone(this.balance));
  }

  /**
   * A page of balance transactions, newest first (`created` descending, then `id` descending),
   * after `starting_after`, inside `created` (`gte` inclusive, `lt` exclusive), of the types in
   * `type` (all when absent or empty), of `currency`, and paid out by `payout` (an automatic
   * payout: what it settled and its own transaction; an unknown or manual payout is an
   * `invalid_request` naming `payout`). `limit` defaults to 10, at most 100.
   */
  listBalanceTransactions(p: ListBalanceTransactionsParams = {}, o?: RequestOptions): Promise<List<BalanceTransaction>> {
    return this.run('listBalanceTransactions', p, o, () => {
      const limit = checkLimit(p.limit);
      const { gte, lt } = checkRange(p.created, 'created');
      let types: Set<string> | undefined;
      if (p.type !== undefined) {
        const list: unknown = typeof p.type === 'string' ? [p.type] : p.type;
        if (!Array.isArray(list) || list.some((t) => typeof t !== 'string')) throw invalidParam('type', 'type must be a list of strings.');
        if (list.length) types = new Set(list as string[]);
      }
      if (p.currency !== undefined && typeof p.currency !== 'string') throw invalidParam('currency', 'currency must be a string.');
      const currency = p.currency?.toLowerCase();
      const paidOut = p.payout === undefined ? undefined : this.paidOutBy(p.payout);
      let i = this.after(p.starting_after, this.txnIndex);
      if (lt !== undefined) i = Math.max(i, this.firstCreatedBefore(lt));
      const data: BalanceTransaction[] = [];
      let has_more = false;
      for (; i < this.txns.length; i++) {
        const t = this.txns[i];
        if (gte !== undefined && t.created < gte) break; // newest first: all the rest are older
        if (types && !types.has(t.type)) continue;
        if (currency !== undefined && t.currency !== currency) continue;
        if (paidOut && !paidOut.has(t.id)) continue;
        if (data.length === limit) {
          has_more = true;
          break;
        }
        data.push(structuredClone(t));
      }
      return { object: 'list', data, has_more, url: '/v1/balance_transactions' } as List<BalanceTransaction>;
    });
  }

  /**
   * A page of payouts, newest first, after `starting_after`, of `status`, with `arrival_date`
   * inside the range (`gte` inclusive, `lt` exclusive). `limit` defaults to 10, at most 100.
   */
  listPayouts(p: ListPayoutsParams = {}, o?: RequestOptions): Promise<List<Payout>> {
    return this.run('listPayouts', p, o, () => {
      const limit = checkLimit(p.limit);
      const { gte, lt } = checkRange(p.arrival_date, 'arrival_date');
      const data: Payout[] = [];
      let has_more = false;
      for (let i = this.after(p.starting_after, this.payoutIndex); i < this.payouts.length; i++) {
        const po = this.payouts[i];
        if (p.status !== undefined && po.status !== p.status) continue;
        if (gte !== undefined && !(po.arrival_date >= gte)) continue;
        if (lt !== undefined && !(po.arrival_date < lt)) continue;
        if (data.length === limit) {
          has_more = true;
          break;
        }
        data.push(structuredClone(po));
      }
      return { object: 'list', data, has_more, url: '/v1/payouts' } as List<Payout>;
    });
  }

  /** One payout by id; an unknown id rejects with `not_found`. */
  getPayout(id: string, o?: RequestOptions): Promise<Payout> {
    return this.run('getPayout', id, o, () => {
      const i = typeof id === 'string' ? this.payoutIndex.get(id) : undefined;
      if (i === undefined) throw new ExpressError('not_found', `No such payout: ${String(id).slice(0, 64)}`, { param: 'id' });
      return structuredClone(this.payouts[i]);
    });
  }

  /** A fresh login link on every call: `loginUrl?login_token=<random>`, created now, expiring 5 minutes later. */
  createLoginLink(o?: RequestOptions): Promise<LoginLink> {
    return this.run('createLoginLink', undefined, o, () => {
      const bytes = crypto.getRandomValues(new Uint8Array(18));
      const token = btoa(String.fromCharCode(...bytes)).replace(/\+/g, '-').replace(/\//g, '_');
      const url = new URL(this.loginUrl);
      url.searchParams.set('login_token', token);
      const created = Math.floor(Date.now() / 1000);
      return { object: 'login_link', url: url.href, created, expires_at: created + 300 } as LoginLink;
    });
  }

  /** Net volume per bucket as the core computes it (`aggregateNetVolume`): `{ start, net }` for every bucket of the range. */
  getNetVolume(p: NetVolumeParams, o?: RequestOptions): Promise<NetVolumePoint[]> {
    return this.run('getNetVolume', p, o, () => {
      const created = checkRange(p?.created, 'created');
      if (created.gte === undefined || created.lt === undefined) throw invalidParam('created', 'created[gte] and created[lt] are required.');
      if (!['day', 'week', 'month', 'quarter', 'year'].includes(p.interval)) throw invalidParam('interval', 'Unknown interval.');
      if (typeof p.timezone !== 'string' || !isValidTimeZone(p.timezone)) throw invalidParam('timezone', 'Unknown time zone.');
      if (typeof p.currency !== 'string') throw invalidParam('currency', 'currency must be a string.');
      const buckets = aggregateNetVolume(this.txns, {
        interval: p.interval,
        created: { gte: created.gte, lt: created.lt },
        currency: p.currency,
        timezone: p.timezone,
      });
      return buckets.map(({ start, net }) => ({ start, net }));
    });
  }

  /** Calls `listener` with every event (`addTransaction`, `emit`); returns the function that stops it. */
  subscribe(listener: (e: ExpressEvent) => void): () => void {
    const l = (e: ExpressEvent) => listener(e);
    this.listeners.add(l);
    return () => {
      this.listeners.delete(l);
    };
  }

  /** Sends `event` to every subscriber (each gets its own copy), as a live backend would. */
  emit(event: ExpressEvent): void {
    for (const l of [...this.listeners]) {
      try {
        l(structuredClone(event));
      } catch (e) {
        console.error(e); // one broken listener must not silence the others
      }
    }
  }

  /** True when a balance transaction with this id is held. */
  hasTransaction(id: string): boolean {
    return this.txnIndex.has(id);
  }

  /**
   * A new balance transaction, as a live backend records one: it is added to the list (newest
   * first), its `net` to the available or pending balance of its currency (by its `status`), and
   * subscribers get `balance_transaction.created`, then `balance.updated`.
   * @returns a copy of the transaction.
   */
  addTransaction(transaction: BalanceTransaction): BalanceTransaction {
    if (this.txnIndex.has(transaction.id)) throw invalidParam('id', `Duplicate id: ${transaction.id.slice(0, 64)}`);
    const txn = structuredClone(transaction);
    let at = this.txns.findIndex((t) => newestFirst(txn, t) < 0);
    if (at < 0) at = this.txns.length;
    this.txns.splice(at, 0, txn);
    this.reindex();
    const side = txn.status === 'available' ? this.balance.available : this.balance.pending;
    let amount = side.find((a) => a.currency === txn.currency);
    if (!amount) side.push((amount = { amount: 0, currency: txn.currency }));
    amount.amount += txn.net;
    this.emit({ type: 'balance_transaction.created', data: txn });
    this.emit({ type: 'balance.updated', data: this.balance });
    return structuredClone(txn);
  }

  // ---- internals ----

  private reindex(): void {
    this.txnIndex = new Map(this.txns.map((t, i) => [t.id, i]));
    this.payoutIndex = new Map(this.payouts.map((p, i) => [p.id, i]));
  }

  /** The ids of what an automatic payout paid out. @throws invalid_request for an unknown or manual payout. */
  private paidOutBy(payout: unknown): Set<string> {
    const i = typeof payout === 'string' ? this.payoutIndex.get(payout) : undefined;
    if (i === undefined) throw invalidParam('payout', `No such payout: ${String(payout).slice(0, 64)}`);
    if (this.payouts[i].automatic === false) {
      throw invalidParam('payout', 'Balance transactions can only be filtered by an automatic payout, not a manual one.');
    }
    const ids = new Set(this.settled.get(payout as string));
    const own = (this.payouts[i] as { balance_transaction?: unknown }).balance_transaction;
    if (typeof own === 'string') ids.add(own); // its own transaction, also without a recorded settlement
    return ids;
  }

  /** The index after the cursor (0 without one). */
  private after(startingAfter: string | undefined, index: Map<string, number>): number {
    if (startingAfter === undefined) return 0;
    const i = typeof startingAfter === 'string' ? index.get(startingAfter) : undefined;
    if (i === undefined) throw invalidParam('starting_after', `No such object: ${String(startingAfter).slice(0, 64)}`);
    return i + 1;
  }

  /** Index of the first transaction with `created < lt` (binary search, newest first). */
  private firstCreatedBefore(lt: number): number {
    let lo = 0;
    let hi = this.txns.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (this.txns[mid].created >= lt) lo = mid + 1;
      else hi = mid;
    }
    return lo;
  }

  private delay(): number {
    const l = this.latency;
    if (l === undefined) return 0;
    if (typeof l === 'number') return Math.max(0, l);
    return Math.max(0, l.min + this.rand() * (l.max - l.min));
  }

  private failure(op: MemoryOperation, params: unknown): Error | undefined {
    const f = this.fail;
    if (!f) return undefined;
    if (typeof f === 'function') return f(op, params) ?? undefined;
    const spec = f[op] ?? f['*'];
    if (spec === undefined) return undefined;
    if (typeof spec === 'number') {
      return this.rand() < spec ? new ExpressError('network', `Simulated failure of ${op}.`) : undefined;
    }
    return spec;
  }

  private async run<T>(op: MemoryOperation, params: unknown, o: RequestOptions | undefined, answer: () => T): Promise<T> {
    const signal = o?.signal;
    if (signal?.aborted) throw abortReason(signal);
    const ms = this.delay();
    if (ms > 0) {
      await new Promise<void>((resolve, reject) => {
        const onAbort = () => {
          clearTimeout(timer);
          reject(abortReason(signal!));
        };
        const timer = setTimeout(() => {
          signal?.removeEventListener('abort', onAbort);
          resolve();
        }, ms);
        signal?.addEventListener('abort', onAbort, { once: true });
      });
    }
    const err = this.failure(op, params);
    if (err) throw err;
    return answer();
  }
}

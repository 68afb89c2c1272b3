// A fake adapter for the earnings tests: every call is recorded and waits until the test settles
// it by hand (`call.resolve(...)`, `call.reject(...)`), unless an `auto` answer is given for its
// method. `page(txns, params)` answers a list call the way Stripe pages (newest first).
import { waitUntil } from '@open-wc/testing';
import type {
  Balance,
  BalanceTransaction,
  ExpressAccount,
  ExpressAdapter,
  ExpressEvent,
  List,
  ListBalanceTransactionsParams,
  NetVolumeParams,
  NetVolumePoint,
} from '../../src/contract/types.js';

export interface Call {
  method: string;
  params: unknown;
  signal?: AbortSignal;
  resolve(value: unknown): void;
  reject(error: unknown): void;
  settled: boolean;
}

type Auto = Partial<Record<string, (params: unknown) => unknown>>;

export interface FakeAdapter extends ExpressAdapter {
  calls: Call[];
  auto: Auto;
  /** The first unsettled call of `method` whose signal is not aborted (waits for it). */
  next(method: string): Promise<Call>;
  /** Calls of `method` so far. */
  callsOf(method: string): Call[];
  /** Sends an event to subscribers. */
  emit(e: ExpressEvent): void;
  listeners: Set<(e: ExpressEvent) => void>;
}

/** A balance transaction with `net` (amount = net, no fee). `created` is Unix seconds or an ISO string. */
export function txn(id: string, created: number | string, net: number, type = 'charge', currency = 'usd'): BalanceTransaction {
  const t = typeof created === 'string' ? Date.parse(created) / 1000 : created;
  return {
    id,
    amount: net,
    fee: 0,
    net,
    currency,
    created: t,
    available_on: t + 2 * 86400,
    status: 'available',
    type,
    description: null,
  };
}

/**
 * Mar 7-9, 2026 in New York around the daylight-saving change (Mar 8 has 23 hours), with a payout
 * that must not count: Mar 7 nets $0.08, Mar 8 $30.00 (two transactions), Mar 9 $0.04.
 */
export const MARCH_DST: readonly BalanceTransaction[] = [
  txn('txn_a', '2026-03-08T05:30:00Z', 1000), // Mar 8, 00:30 EST
  txn('txn_b', '2026-03-09T03:30:00Z', 2000), // Mar 8, 23:30 EDT
  txn('txn_c', '2026-03-09T04:30:00Z', 4), // Mar 9, 00:30 EDT
  txn('txn_d', '2026-03-08T04:30:00Z', 8), // Mar 7, 23:30 EST
  txn('txn_e', '2026-03-08T13:00:00Z', -50000, 'payout'), // must not count
];

/** One page of `txns` (any order) for list `params`, newest first, as Stripe answers. */
export function page(txns: readonly BalanceTransaction[], params: unknown): List<BalanceTransaction> {
  const p = (params ?? {}) as ListBalanceTransactionsParams;
  const sorted = [...txns].sort((a, b) => b.created - a.created || (a.id < b.id ? 1 : -1));
  let rows = sorted.filter(
    (t) =>
      (p.created?.gte === undefined || t.created >= p.created.gte) &&
      (p.created?.lt === undefined || t.created < p.created.lt) &&
      (p.currency === undefined || t.currency === p.currency),
  );
  if (p.starting_after) rows = rows.slice(rows.findIndex((t) => t.id === p.starting_after) + 1);
  const limit = p.limit ?? 10;
  return { data: structuredClone(rows.slice(0, limit)), has_more: rows.length > limit };
}

/** The fake; with `netVolume: true` it has `getNetVolume`, with `subscribe: true` a live feed. */
export function fakeAdapter(o: { netVolume?: boolean; subscribe?: boolean; auto?: Auto } = {}): FakeAdapter {
  const calls: Call[] = [];
  const auto: Auto = { ...o.auto };
  const listeners = new Set<(e: ExpressEvent) => void>();
  function call<T>(method: string, params: unknown, opts?: { signal?: AbortSignal }): Promise<T> {
    return new Promise<T>((resolve, reject) => {
      const c: Call = {
        method,
        params,
        signal: opts?.signal,
        settled: false,
        resolve: (v) => {
          c.settled = true;
          resolve(v as T);
        },
        reject: (e) => {
          c.settled = true;
          reject(e);
        },
      };
      calls.push(c);
      const a = auto[method];
      if (a) {
        try {
          c.resolve(a(params));
        } catch (e) {
          c.reject(e);
        }
      }
    });
  }
  const adapter: FakeAdapter = {
    calls,
    auto,
    listeners,
    callsOf: (method) => calls.filter((c) => c.method === method),
    async next(method) {
      let found: Call | undefined;
      await waitUntil(() => (found = calls.find((c) => c.method === method && !c.settled && !c.signal?.aborted)), `no pending ${method} call`, {
        timeout: 5000,
      });
      return found!;
    },
    emit: (e) => listeners.forEach((l) => l(structuredClone(e))),
    getAccount: (opts) => call<ExpressAccount>('getAccount', undefined, opts),
    getBalance: (opts) => call<Balance>('getBalance', undefined, opts),
    listBalanceTransactions: (p, opts) => call<List<BalanceTransaction>>('listBalanceTransactions', p, opts),
    listPayouts: (p, opts) => call('listPayouts', p, opts),
    createLoginLink: (opts) => call('createLoginLink', undefined, opts),
  };
  if (o.netVolume) {
    adapter.getNetVolume = (p: NetVolumeParams, opts) => call<NetVolumePoint[]>('getNetVolume', p, opts);
  }
  if (o.subscribe) {
    adapter.subscribe = (l) => {
      listeners.add(l);
      return () => listeners.delete(l);
    };
  }
  return adapter;
}

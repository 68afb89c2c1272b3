/**
 * Test helpers of `<express-transactions>`: a transaction builder and a fake adapter whose every
 * call returns a promise the test settles by hand, with a live feed the test emits into.
 */
import type {
  Balance,
  BalanceTransaction,
  ExpressAccount,
  ExpressAdapter,
  ExpressEvent,
  List,
  ListBalanceTransactionsParams,
  RequestOptions,
} from '../../../src/contract/types.js';

let counter = 0;

/** A valid balance transaction (a $10 payment with a $2.50 fee, available) with `over` applied; `net` follows `amount - fee`. */
export function txn(over: Partial<BalanceTransaction> = {}): BalanceTransaction {
  counter++;
  const amount = over.amount ?? 1000;
  const fee = over.fee ?? 250;
  return {
    id: `txn_${String(counter).padStart(6, '0')}`,
    amount,
    fee,
    currency: 'usd',
    created: 1_780_000_000 - counter * 60,
    available_on: 1_780_200_000,
    status: 'available',
    type: 'payment',
    description: null,
    source: `py_${counter}`,
    fee_details: [{ amount: fee, currency: over.currency ?? 'usd', type: 'application_fee', description: null }],
    ...over,
    net: over.net ?? amount - fee,
  } as BalanceTransaction;
}

/** `n` transactions, newest first, one minute apart. */
export function txns(n: number, over: Partial<BalanceTransaction> = {}): BalanceTransaction[] {
  return Array.from({ length: n }, () => txn(over)).sort((a, b) => b.created - a.created || (a.id < b.id ? 1 : -1));
}

/** One recorded call. */
export interface Call<P = unknown> {
  method: string;
  params: P;
  signal: AbortSignal | undefined;
  resolve(value: unknown): void;
  reject(reason: unknown): void;
}

/** A list page. */
export function page(data: BalanceTransaction[], has_more = false): List<BalanceTransaction> {
  return { data, has_more };
}

/** Calls are recorded in `calls`; settle them with `call.resolve(...)` / `call.reject(...)`. */
export class FakeAdapter implements ExpressAdapter {
  readonly calls: Call[] = [];
  private listeners = new Set<(e: ExpressEvent) => void>();

  constructor(live = true) {
    if (!live) (this as { subscribe?: unknown }).subscribe = undefined;
  }

  private record<T>(method: string, params: unknown, o?: RequestOptions): Promise<T> {
    return new Promise<T>((resolve, reject) => {
      this.calls.push({ method, params, signal: o?.signal, resolve: resolve as (v: unknown) => void, reject });
    });
  }

  /** The list calls, oldest first. */
  get lists(): Call<ListBalanceTransactionsParams>[] {
    return this.calls.filter((c) => c.method === 'listBalanceTransactions') as Call<ListBalanceTransactionsParams>[];
  }

  /** The newest call of a method. */
  last(method: string): Call {
    const c = this.calls.filter((x) => x.method === method).at(-1);
    if (!c) throw new Error(`no ${method} call`);
    return c;
  }

  /** Sends an event to every subscriber. */
  emit(e: ExpressEvent): void {
    for (const l of [...this.listeners]) l(structuredClone(e));
  }

  get subscribers(): number {
    return this.listeners.size;
  }

  getAccount(o?: RequestOptions): Promise<ExpressAccount> { return this.record('getAccount', undefined, o); }
  getBalance(o?: RequestOptions): Promise<Balance> { return this.record('getBalance', undefined, o); }
  listBalanceTransactions(p: ListBalanceTransactionsParams, o?: RequestOptions): Promise<List<BalanceTransaction>> {
    return this.record('listBalanceTransactions', structuredClone(p), o);
  }
  listPayouts(p: unknown, o?: RequestOptions): Promise<never> { return this.record('listPayouts', p, o); }
  createLoginLink(o?: RequestOptions): Promise<never> { return this.record('createLoginLink', undefined, o); }
  subscribe(listener: (e: ExpressEvent) => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }
}

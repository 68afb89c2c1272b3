/**
 * Test helpers of `<express-payouts>` and `<express-payout-details>`: payouts and transactions
 * built from a template, a deferred adapter (every call settled by hand) with `getPayout` and a
 * live feed, and a watcher of what reaches the host page.
 */
import type {
  BalanceTransaction, ExpressAccount, ExpressAdapter, ExpressEvent, ListBalanceTransactionsParams, ListPayoutsParams, Payout, RequestOptions,
} from '../../../src/contract/types.js';

export const DAY = 86400;
/** A Friday, midnight UTC (as Stripe's arrival dates), at least two days from now. */
export const FRIDAY = (() => {
  let t = Math.ceil(Date.now() / 1000 / DAY) * DAY + 2 * DAY;
  while (new Date(t * 1000).getUTCDay() !== 5) t += DAY;
  return t;
})();
/** How a day reads in en-US: "Fri, Nov 28". */
export const dayText = (t: number) =>
  new Intl.DateTimeFormat('en-US', { weekday: 'short', month: 'short', day: 'numeric', timeZone: 'UTC' }).format(t * 1000);

export const account: ExpressAccount = {
  id: 'acct_1',
  default_currency: 'usd',
  settings: {
    dashboard: { timezone: 'America/New_York', display_name: 'Dana' },
    payouts: { schedule: { interval: 'daily', delay_days: 2 } },
  },
};

export const bank = { id: 'ba_1', object: 'bank_account', last4: '6789', bank_name: 'STRIPE TEST BANK' };

/** A payout arriving `days` after FRIDAY (newest first by `created` as the index grows). */
export function po(id: string, status: string, days = 0, amount = 10_000, extra: Partial<Payout> = {}): Payout {
  return {
    id, amount, currency: 'usd', created: FRIDAY - 2 * DAY + days * DAY, arrival_date: FRIDAY + days * DAY, status,
    automatic: true, method: 'standard', type: 'bank_account', destination: { ...bank }, ...extra,
  };
}

let t = 0;
/** A balance transaction; `net` follows `amount - fee`. */
export function txn(over: Partial<BalanceTransaction> = {}): BalanceTransaction {
  t++;
  const amount = over.amount ?? 1_000;
  const fee = over.fee ?? 0;
  return {
    id: `txn_${String(t).padStart(6, '0')}`, amount, fee, currency: 'usd', created: FRIDAY - 3 * DAY - t, available_on: FRIDAY - 2 * DAY,
    status: 'available', type: 'payment', description: null, ...over, net: over.net ?? amount - fee,
  } as BalanceTransaction;
}

/** What a payout of `payments` paid out: the payments with a fee each and its own payout transaction (newest first). */
export function settledBy(payout: Payout, payments: number[], feeEach = 0): BalanceTransaction[] {
  const paid = payments.map((amount) => txn({ amount, fee: feeEach, currency: payout.currency }));
  return [txn({ type: 'payout', amount: -payout.amount, source: payout.id, currency: payout.currency, created: payout.created }), ...paid];
}

/** One recorded call, settled by the test. */
export interface Call {
  method: string;
  params: unknown;
  signal: AbortSignal | undefined;
  settled: boolean;
  resolve(value: unknown): void;
  reject(reason: unknown): void;
}

/**
 * A fake adapter whose every call returns a promise the test settles by hand (`resolve`,
 * `reject`), with `getPayout` and a live feed the test emits into.
 */
export class PayoutsAdapter implements ExpressAdapter {
  readonly calls: Call[] = [];
  listeners = new Set<(e: ExpressEvent) => void>();

  private record(method: string, params: unknown, o?: RequestOptions): Promise<never> {
    return new Promise((resolve, reject) => {
      const call: Call = {
        method, params, signal: o?.signal, settled: false,
        resolve: (v) => { call.settled = true; resolve(v as never); },
        reject: (e) => { call.settled = true; reject(e); },
      };
      this.calls.push(call);
    });
  }

  getAccount(o?: RequestOptions) { return this.record('getAccount', undefined, o); }
  getBalance(o?: RequestOptions) { return this.record('getBalance', undefined, o); }
  listBalanceTransactions(p: ListBalanceTransactionsParams, o?: RequestOptions) { return this.record('listBalanceTransactions', p, o); }
  listPayouts(p: ListPayoutsParams, o?: RequestOptions) { return this.record('listPayouts', p, o); }
  getPayout(id: string, o?: RequestOptions) { return this.record('getPayout', id, o); }
  createLoginLink(o?: RequestOptions) { return this.record('createLoginLink', undefined, o); }

  subscribe(listener: (e: ExpressEvent) => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }
  emit(e: ExpressEvent): void {
    for (const l of [...this.listeners]) l(structuredClone(e));
  }

  /** Every call of a method, oldest first. */
  callsOf(method: string): Call[] {
    return this.calls.filter((c) => c.method === method);
  }
  /** The newest call of a method (throws when there is none). */
  last(method: string): Call {
    const c = this.callsOf(method).at(-1);
    if (!c) throw new Error(`no ${method} call`);
    return c;
  }
  /** The calls of a method not settled yet. */
  open(method: string): Call[] {
    return this.callsOf(method).filter((c) => !c.settled);
  }
  /** Settles every open listPayouts call from `all` (newest first), honouring status, limit and cursor. */
  resolvePayouts(all: Payout[]): number {
    const open = this.open('listPayouts');
    for (const c of open) {
      const p = c.params as ListPayoutsParams;
      const matching = all.filter((x) => !p.status || x.status === p.status);
      const from = p.starting_after ? matching.findIndex((x) => x.id === p.starting_after) + 1 : 0;
      const data = matching.slice(from, from + (p.limit ?? 10));
      c.resolve({ object: 'list', data, has_more: from + data.length < matching.length });
    }
    return open.length;
  }
  /** Settles every open listBalanceTransactions call from `all` (newest first), 'limit' and cursor honoured. */
  resolveTransactions(all: BalanceTransaction[]): number {
    const open = this.open('listBalanceTransactions');
    for (const c of open) {
      const p = c.params as ListBalanceTransactionsParams;
      const from = p.starting_after ? all.findIndex((x) => x.id === p.starting_after) + 1 : 0;
      const data = all.slice(from, from + (p.limit ?? 10));
      c.resolve({ object: 'list', data, has_more: from + data.length < all.length });
    }
    return open.length;
  }
  /** Settles the open calls of `method` with `value`. */
  resolveAll(method: string, value: unknown): void {
    for (const c of this.open(method)) c.resolve(value);
  }
}

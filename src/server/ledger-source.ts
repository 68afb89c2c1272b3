/**
 * `ledgerSource`: the REST contract over a platform's own ledger, kept in Stripe's shapes behind a
 * `LedgerStore` (the reference server's is SQLite; a PostgreSQL one implements the same
 * interface). The store keeps and pages the objects; this source adds what the contract says
 * about them: statuses as of now (a transaction is `pending` until `available_on`, a payout
 * `paid` once it arrived), the balance with the account's currency first, net volume summed by
 * the core's `aggregateNetVolume`, and 404s for what is not the account's.
 */
import type { Balance, BalanceTransaction, ExpressAccount, Payout } from '../contract/types.js';
import { aggregateNetVolume, type NetVolumeTxn } from '../core/net-volume.js';
import { ApiError } from './errors.js';
import type { EventStore } from './events.js';
import type { Awaitable, BalanceTransactionQuery, ExpressSource, ListPage, PayoutQuery } from './source.js';

/** An account as a ledger keeps it: Stripe's account object (which has no `livemode`) and its mode. */
export interface LedgerAccount {
  account: ExpressAccount;
  livemode: boolean;
}

/**
 * What `ledgerSource` needs from storage. Every method is scoped to one account: an id of another
 * account's object is unknown to it. Lists follow Stripe's semantics: newest first (`created`,
 * then `id`, descending), `limit` objects after `starting_after` or before `ending_before`,
 * `has_more` in the direction of paging; a cursor that is not one of the account's objects
 * throws `ApiError` 400 `resource_missing` naming the cursor parameter.
 */
export interface LedgerStore {
  /** The account, or undefined. */
  account(id: string): Awaitable<LedgerAccount | undefined>;
  /** Per currency, the sums of `net` of the transactions available at `now` (`available_on <= now`) and of the others. */
  balanceSums(account: string, now: number): Awaitable<{ currency: string; available: number; pending: number }[]>;
  /**
   * A page of balance transactions (filters: `created`, `type` any of, `currency`, `source`, and
   * `payout`: what that automatic payout settled and its own transaction; an unknown payout is a
   * 400 naming `payout`, a manual one too).
   */
  listBalanceTransactions(account: string, q: BalanceTransactionQuery): Awaitable<ListPage<BalanceTransaction>>;
  balanceTransaction(account: string, id: string): Awaitable<BalanceTransaction | undefined>;
  /**
   * A page of payouts. `status` as of `now`: `paid` includes pending and in-transit payouts whose
   * `arrival_date` has passed, and `pending`/`in_transit` exclude them.
   */
  listPayouts(account: string, q: PayoutQuery, now: number): Awaitable<ListPage<Payout>>;
  payout(account: string, id: string): Awaitable<Payout | undefined>;
  /** The transactions of `currency` with `gte <= created < lt`, in any order (net volume reads `net`, `created`, `type`, `currency`). */
  netVolumeRows(account: string, currency: string, gte: number, lt: number): Awaitable<Iterable<NetVolumeTxn>>;
  /** The accounts' events (see `EventStore`). */
  readonly events: EventStore;
}

/** Options of `ledgerSource`. */
export interface LedgerSourceOptions {
  store: LedgerStore;
  /** Milliseconds since the epoch; default `Date.now` (tests move it). */
  now?: () => number;
}

/** A transaction's status as of `now` (Unix seconds): pending until `available_on`, then available. */
export function transactionAsOf(t: BalanceTransaction, now: number): BalanceTransaction {
  if (t.status === 'pending' || t.status === 'available') t.status = t.available_on <= now ? 'available' : 'pending';
  return t;
}

/** A payout's status as of `now`: a pending or in-transit payout whose arrival date has passed has been paid (and reconciled). */
export function payoutAsOf(p: Payout, now: number): Payout {
  if ((p.status === 'pending' || p.status === 'in_transit') && p.arrival_date <= now) {
    p.status = 'paid';
    if (p.reconciliation_status === 'in_progress') p.reconciliation_status = 'completed';
  }
  return p;
}

/**
 * Stripe's balance object from a ledger's sums: per currency (alphabetical, the account's default
 * currency first, with zeros when it has none), `available` and `pending`, and `livemode`.
 */
export function balanceObject(a: LedgerAccount, sums: Iterable<{ currency: string; available: number; pending: number }>): Balance {
  const rows = [...sums].sort((x, y) => (x.currency < y.currency ? -1 : x.currency > y.currency ? 1 : 0));
  const def = a.account.default_currency?.toLowerCase();
  if (def && !rows.some((r) => r.currency === def)) rows.unshift({ currency: def, available: 0, pending: 0 });
  rows.sort((x, y) => (x.currency === def ? -1 : y.currency === def ? 1 : 0));
  return {
    object: 'balance',
    available: rows.map((r) => ({ amount: r.available, currency: r.currency })),
    pending: rows.map((r) => ({ amount: r.pending, currency: r.currency })),
    livemode: a.livemode,
  } as Balance;
}

/** The contract over a `LedgerStore` (see the module doc). */
export function ledgerSource(options: LedgerSourceOptions): ExpressSource {
  const { store } = options;
  const clock = options.now ?? Date.now;
  const unixNow = () => Math.floor(clock() / 1000);

  async function accountOf(id: string): Promise<LedgerAccount> {
    const a = await store.account(id);
    if (!a) throw new ApiError(404, 'resource_missing', 'No such account.');
    return a;
  }

  return {
    events: store.events,

    async getAccount(account) {
      const a = await accountOf(account);
      return { ...a.account, livemode: a.livemode };
    },

    async getBalance(account) {
      const a = await accountOf(account);
      return balanceObject(a, await store.balanceSums(account, unixNow()));
    },

    async listBalanceTransactions(account, q) {
      const page = await store.listBalanceTransactions(account, q);
      const now = unixNow();
      return { ...page, data: page.data.map((t) => transactionAsOf(t, now)) };
    },

    async getBalanceTransaction(account, id) {
      const t = await store.balanceTransaction(account, id);
      if (!t) throw new ApiError(404, 'resource_missing', `No such balance transaction: '${id.slice(0, 64)}'`, { param: 'id' });
      return transactionAsOf(t, unixNow());
    },

    async listPayouts(account, q) {
      const now = unixNow();
      const page = await store.listPayouts(account, q, now);
      return { ...page, data: page.data.map((p) => payoutAsOf(p, now)) };
    },

    async getPayout(account, id) {
      const p = await store.payout(account, id);
      if (!p) throw new ApiError(404, 'resource_missing', `No such payout: '${id.slice(0, 64)}'`, { param: 'id' });
      return payoutAsOf(p, unixNow());
    },

    async getNetVolume(account, q) {
      const { gte, lt } = q.created;
      const rows = await store.netVolumeRows(account, q.currency, gte, lt);
      return aggregateNetVolume(rows, q).map(({ start, net }) => ({ start, net }));
    },
  };
}

/**
 * The ledger: accounts, balance transactions, payouts and their events, read with Stripe's list
 * semantics. Every read takes the account id from the caller's session (never from the request),
 * and every lookup by object id is scoped to that account, so one account can never reach
 * another's objects by naming their ids.
 *
 * Reuses the library's own code: net volume is `aggregateNetVolume` (src/core/net-volume.ts) over
 * the stored transactions, time zones and currencies are checked by src/core, and a simulated
 * payment is made by the demo generator's own helpers (src/demo/demo-data.ts).
 */
import { newPaymentTransaction, randomFare } from '../../src/demo/demo-data.js';
import type { Balance, BalanceTransaction, ExpressAccount, ExpressEvent, Interval, Payout } from '../../src/contract/types.js';
import { aggregateNetVolume, MAX_NET_VOLUME_BUCKETS } from '../../src/core/net-volume.js';
import { isValidTimeZone } from '../../src/core/time.js';
import { unixNow, type Clock } from './clock.js';
import { cryptoRandom } from './crypto.js';
import type { Db } from './db.js';
import { ApiError, invalidParam } from './errors.js';

/** An account as stored. */
export interface AccountRow {
  id: string;
  livemode: boolean;
  email: string | null;
  phone: string | null;
  /** The Stripe account object. */
  account: ExpressAccount;
}

/** A `gte`/`gt`/`lt`/`lte` filter on an integer column (Stripe's range parameters). */
export interface RangeFilter {
  gte?: number;
  gt?: number;
  lt?: number;
  lte?: number;
}

/** A list request after validation, as Stripe spells it. */
export interface ListParams {
  /** 1 to 100, default 10. */
  limit: number;
  starting_after?: string;
  ending_before?: string;
}

/** Balance transaction filters. */
export interface TransactionFilters extends ListParams {
  created?: RangeFilter;
  available_on?: RangeFilter;
  types?: string[];
  currency?: string;
}

/** Payout filters. */
export interface PayoutFilters extends ListParams {
  created?: RangeFilter;
  arrival_date?: RangeFilter;
  status?: string;
}

/** A Stripe list page. */
export interface ListPage<T> {
  object: 'list';
  data: T[];
  has_more: boolean;
  url: string;
}

/** An event as stored and streamed: its sequence number and the contract's event. */
export interface StoredEvent {
  id: number;
  event: ExpressEvent;
}

/** The largest number of buckets one net-volume request may ask for (ten years of days; src/core/net-volume.ts). */
export { MAX_NET_VOLUME_BUCKETS };

const MIN_BUCKET_SECONDS: Record<Interval, number> = {
  day: 23 * 3600,
  week: 7 * 86400 - 3600,
  month: 28 * 86400 - 3600,
  quarter: 89 * 86400 - 3600,
  year: 365 * 86400 - 3600,
};

function parse<T>(json: string): T {
  return JSON.parse(json) as T;
}

/** The ledger over a database (see the module doc). */
export class Ledger {
  constructor(
    private readonly db: Db,
    private readonly clock: Clock,
  ) {}

  // ---- accounts ----

  /** An account by id, or undefined. */
  account(id: string): AccountRow | undefined {
    const r = this.db.prepare('SELECT id, livemode, email, phone, data FROM accounts WHERE id = ?').get(id) as RawAccount | undefined;
    return r && accountRow(r);
  }

  /** An account by email (case-insensitive), or undefined. */
  accountByEmail(email: string): AccountRow | undefined {
    const r = this.db.prepare('SELECT id, livemode, email, phone, data FROM accounts WHERE email = ?').get(email.trim()) as RawAccount | undefined;
    return r && accountRow(r);
  }

  /** Every account, oldest first (by insertion). */
  accounts(): AccountRow[] {
    return (this.db.prepare('SELECT id, livemode, email, phone, data FROM accounts ORDER BY rowid').all() as RawAccount[]).map(accountRow);
  }

  /** Whether the ledger holds no account yet. */
  isEmpty(): boolean {
    return this.db.prepare('SELECT 1 FROM accounts LIMIT 1').get() === undefined;
  }

  /** Stores an account (the Stripe object, `livemode` taken from it) with its phone number for SMS codes. */
  insertAccount(account: ExpressAccount, phone: string | null): void {
    this.db
      .prepare('INSERT INTO accounts (id, livemode, email, phone, created, data) VALUES (?, ?, ?, ?, ?, ?)')
      .run(account.id, account.livemode ? 1 : 0, account.email ?? null, phone, account.created ?? unixNow(this.clock), JSON.stringify(account));
  }

  /** Stores balance transactions of an account. */
  insertTransactions(accountId: string, txns: readonly BalanceTransaction[]): void {
    const stmt = this.db.prepare(
      'INSERT INTO balance_transactions (id, account_id, created, available_on, type, currency, net, data) VALUES (?, ?, ?, ?, ?, ?, ?, ?)',
    );
    for (const t of txns) stmt.run(t.id, accountId, t.created, t.available_on, t.type, t.currency.toLowerCase(), t.net, JSON.stringify(t));
  }

  /** Stores payouts of an account. */
  insertPayouts(accountId: string, payouts: readonly Payout[]): void {
    const stmt = this.db.prepare('INSERT INTO payouts (id, account_id, created, arrival_date, status, data) VALUES (?, ?, ?, ?, ?, ?)');
    for (const p of payouts) stmt.run(p.id, accountId, p.created, p.arrival_date, p.status, JSON.stringify(p));
  }

  /** The account object, with `livemode` (which Stripe's account object lacks). */
  accountObject(accountId: string): ExpressAccount {
    const a = this.account(accountId);
    if (!a) throw new ApiError(404, 'resource_missing', 'No such account.');
    return { ...a.account, livemode: a.livemode };
  }

  // ---- balance ----

  /**
   * The balance: per currency, the integer sum of `net` of the transactions available now
   * (`available_on` passed) and of those still pending. The account's default currency is
   * listed first, with zeros when it has no transactions.
   */
  balance(accountId: string): Balance {
    const a = this.account(accountId);
    if (!a) throw new ApiError(404, 'resource_missing', 'No such account.');
    const now = unixNow(this.clock);
    const rows = this.db
      .prepare(
        `SELECT currency,
                SUM(CASE WHEN available_on <= @now THEN net ELSE 0 END) AS available,
                SUM(CASE WHEN available_on > @now THEN net ELSE 0 END) AS pending
           FROM balance_transactions WHERE account_id = @account GROUP BY currency ORDER BY currency`,
      )
      .all({ now, account: accountId }) as { currency: string; available: number; pending: number }[];
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

  // ---- lists ----

  /** A page of the account's balance transactions, newest first (Stripe's list semantics). */
  listBalanceTransactions(accountId: string, f: TransactionFilters): ListPage<BalanceTransaction> {
    const where: string[] = [];
    const args: Record<string, unknown> = {};
    addRange(where, args, 'created', f.created);
    addRange(where, args, 'available_on', f.available_on);
    if (f.types?.length) {
      where.push(`type IN (${f.types.map((_, i) => `@type${i}`).join(', ')})`);
      f.types.forEach((t, i) => (args[`type${i}`] = t));
    }
    if (f.currency !== undefined) {
      where.push('currency = @currency');
      args.currency = f.currency.toLowerCase();
    }
    const now = unixNow(this.clock);
    return this.page('balance_transactions', 'balance transaction', '/v1/balance_transactions', accountId, f, where, args, (r) =>
      txnWithStatus(parse<BalanceTransaction>(r.data), now),
    );
  }

  /** One of the account's balance transactions. @throws ApiError 404 when it is not the account's. */
  balanceTransaction(accountId: string, id: string): BalanceTransaction {
    const r = this.db.prepare('SELECT data FROM balance_transactions WHERE id = ? AND account_id = ?').get(id, accountId) as { data: string } | undefined;
    if (!r) throw new ApiError(404, 'resource_missing', `No such balance transaction: '${id.slice(0, 64)}'`, { param: 'id' });
    return txnWithStatus(parse<BalanceTransaction>(r.data), unixNow(this.clock));
  }

  /** A page of the account's payouts, newest first (Stripe's list semantics). */
  listPayouts(accountId: string, f: PayoutFilters): ListPage<Payout> {
    const where: string[] = [];
    const args: Record<string, unknown> = {};
    addRange(where, args, 'created', f.created);
    addRange(where, args, 'arrival_date', f.arrival_date);
    const now = unixNow(this.clock);
    if (f.status !== undefined) {
      // A pending or in-transit payout whose arrival date has passed has been paid.
      if (f.status === 'paid') where.push(`(status = 'paid' OR (status IN ('pending', 'in_transit') AND arrival_date <= @now))`);
      else if (f.status === 'pending' || f.status === 'in_transit') where.push('status = @status AND arrival_date > @now');
      else where.push('status = @status');
      if (f.status !== 'paid') args.status = f.status;
      args.now = now;
    }
    return this.page('payouts', 'payout', '/v1/payouts', accountId, f, where, args, (r) => payoutWithStatus(parse<Payout>(r.data), now));
  }

  /** One of the account's payouts. @throws ApiError 404 when it is not the account's. */
  payout(accountId: string, id: string): Payout {
    const r = this.db.prepare('SELECT data FROM payouts WHERE id = ? AND account_id = ?').get(id, accountId) as { data: string } | undefined;
    if (!r) throw new ApiError(404, 'resource_missing', `No such payout: '${id.slice(0, 64)}'`, { param: 'id' });
    return payoutWithStatus(parse<Payout>(r.data), unixNow(this.clock));
  }

  /**
   * Stripe's cursor pagination over `table`, newest first (`created` descending, then `id`
   * descending). `starting_after` gives the page after that object, `ending_before` the page
   * before it; `has_more` says whether more objects lie further in the direction of paging. A
   * cursor that is not one of this account's objects is a 400 naming the parameter.
   */
  private page<T>(
    table: 'balance_transactions' | 'payouts',
    noun: string,
    url: string,
    accountId: string,
    f: ListParams,
    where: string[],
    args: Record<string, unknown>,
    map: (row: { data: string }) => T,
  ): ListPage<T> {
    if (f.starting_after !== undefined && f.ending_before !== undefined) {
      throw new ApiError(400, 'parameters_exclusive', 'Give only one of starting_after and ending_before.', { param: 'ending_before' });
    }
    const cursorName = f.starting_after !== undefined ? 'starting_after' : f.ending_before !== undefined ? 'ending_before' : undefined;
    const conditions = ['account_id = @account', ...where];
    const params: Record<string, unknown> = { ...args, account: accountId, limit: f.limit + 1 };
    let ascending = false;
    if (cursorName) {
      const id = (cursorName === 'starting_after' ? f.starting_after : f.ending_before)!;
      const c = this.db.prepare(`SELECT created FROM ${table} WHERE id = ? AND account_id = ?`).get(id, accountId) as { created: number } | undefined;
      if (!c) throw invalidParam(cursorName, `No such ${noun}: '${id.slice(0, 64)}'`, 'resource_missing');
      params.cursorCreated = c.created;
      params.cursorId = id;
      if (cursorName === 'starting_after') {
        conditions.push('(created < @cursorCreated OR (created = @cursorCreated AND id < @cursorId))');
      } else {
        conditions.push('(created > @cursorCreated OR (created = @cursorCreated AND id > @cursorId))');
        ascending = true;
      }
    }
    const order = ascending ? 'created ASC, id ASC' : 'created DESC, id DESC';
    const rows = this.db.prepare(`SELECT data FROM ${table} WHERE ${conditions.join(' AND ')} ORDER BY ${order} LIMIT @limit`).all(params) as { data: string }[];
    const has_more = rows.length > f.limit;
    const kept = rows.slice(0, f.limit);
    if (ascending) kept.reverse();
    return { object: 'list', data: kept.map(map), has_more, url };
  }

  // ---- net volume ----

  /**
   * Net volume per bucket, `{ start, net }` for every bucket of `created` in `timezone`, as the
   * library's core computes it (`aggregateNetVolume`). @throws ApiError 400 for an unknown time
   * zone, an empty range or a range of more than `MAX_NET_VOLUME_BUCKETS` buckets.
   */
  netVolume(
    accountId: string,
    p: { interval: Interval; created: { gte: number; lt: number }; currency: string; timezone: string },
  ): { start: number; net: number }[] {
    if (!isValidTimeZone(p.timezone)) throw invalidParam('timezone', `Unknown time zone: ${p.timezone.slice(0, 64)}`);
    const { gte, lt } = p.created;
    if (!(gte < lt)) throw invalidParam('created[lt]', 'created[lt] must be after created[gte].');
    if ((lt - gte) / MIN_BUCKET_SECONDS[p.interval] > MAX_NET_VOLUME_BUCKETS) {
      throw invalidParam('created', `That range has too many ${p.interval}s: at most ${MAX_NET_VOLUME_BUCKETS} buckets. Use a longer interval.`);
    }
    const currency = p.currency.toLowerCase();
    const rows = this.db
      .prepare(
        `SELECT net, created, type, currency FROM balance_transactions
          WHERE account_id = ? AND currency = ? AND created >= ? AND created < ? ORDER BY created DESC, id DESC`,
      )
      .all(accountId, currency, gte, lt) as { net: number; created: number; type: string; currency: string }[];
    return aggregateNetVolume(rows, { interval: p.interval, created: { gte, lt }, currency, timezone: p.timezone }).map(({ start, net }) => ({ start, net }));
  }

  // ---- live changes and events ----

  /**
   * For the live demo: a new pending `payment` for the account, created now, as the demo
   * generator makes them (a random fare unless `amount` is given, the platform's application fee,
   * available at the start of the local day two days later). Records the events
   * `balance_transaction.created` and `balance.updated` and returns them with the transaction.
   */
  createPayment(accountId: string, opts: { amount?: number; description?: string | null } = {}): { txn: BalanceTransaction; events: StoredEvent[] } {
    return this.db.transaction(() => {
      const a = this.account(accountId);
      if (!a) throw new ApiError(404, 'resource_missing', 'No such account.');
      const currency = a.account.default_currency?.toLowerCase() ?? 'usd';
      const txn = newPaymentTransaction({
        amount: opts.amount ?? randomFare(cryptoRandom, currency),
        currency,
        created: unixNow(this.clock),
        timeZone: a.account.settings?.dashboard?.timezone,
        rand: cryptoRandom,
        description: opts.description,
      });
      this.insertTransactions(accountId, [txn]);
      const events = [
        this.appendEvent(accountId, { type: 'balance_transaction.created', data: txn }),
        this.appendEvent(accountId, { type: 'balance.updated', data: this.balance(accountId) }),
      ];
      return { txn, events };
    })();
  }

  /** Records an event of the account and returns it with its sequence number (the SSE `id`). */
  appendEvent(accountId: string, event: ExpressEvent): StoredEvent {
    const r = this.db
      .prepare('INSERT INTO events (account_id, type, created, data) VALUES (?, ?, ?, ?)')
      .run(accountId, event.type, unixNow(this.clock), JSON.stringify(event));
    return { id: Number(r.lastInsertRowid), event };
  }

  /** The account's events after sequence number `afterId`, oldest first, at most `limit`. */
  eventsAfter(accountId: string, afterId: number, limit = 1000): StoredEvent[] {
    const rows = this.db
      .prepare('SELECT id, data FROM events WHERE account_id = ? AND id > ? ORDER BY id LIMIT ?')
      .all(accountId, afterId, limit) as { id: number; data: string }[];
    return rows.map((r) => ({ id: r.id, event: parse<ExpressEvent>(r.data) }));
  }
}

interface RawAccount {
  id: string;
  livemode: number;
  email: string | null;
  phone: string | null;
  data: string;
}

function accountRow(r: RawAccount): AccountRow {
  return { id: r.id, livemode: r.livemode === 1, email: r.email, phone: r.phone, account: parse<ExpressAccount>(r.data) };
}

function addRange(where: string[], args: Record<string, unknown>, column: string, r: RangeFilter | undefined): void {
  if (!r) return;
  const ops = { gte: '>=', gt: '>', lt: '<', lte: '<=' } as const;
  for (const k of Object.keys(ops) as (keyof typeof ops)[]) {
    if (r[k] === undefined) continue;
    where.push(`${column} ${ops[k]} @${column}_${k}`);
    args[`${column}_${k}`] = r[k];
  }
}

/** A transaction's status as of `now`: pending until `available_on`, then available. */
function txnWithStatus(t: BalanceTransaction, now: number): BalanceTransaction {
  if (t.status === 'pending' || t.status === 'available') t.status = t.available_on <= now ? 'available' : 'pending';
  return t;
}

/** A payout's status as of `now`: a pending or in-transit payout whose arrival date has passed is paid. */
function payoutWithStatus(p: Payout, now: number): Payout {
  if ((p.status === 'pending' || p.status === 'in_transit') && p.arrival_date <= now) p.status = 'paid';
  return p;
}

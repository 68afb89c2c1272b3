/**
 * The ledger: accounts, balance transactions, payouts and their events in SQLite, read with
 * Stripe's list semantics: the reference server's `LedgerStore` (src/server/ledger-source.ts), so
 * its data routes are `createExpressApi({ source: ledgerSource({ store: ledger }) })`. Every read
 * is scoped to one account (the caller's session's, never the request's), so one account can never
 * reach another's objects by naming their ids.
 *
 * Reuses the library's own code: statuses as of now and net volume come from `ledgerSource` (the
 * core's `aggregateNetVolume`), and a simulated payment is made by the demo generator's own
 * helpers (src/demo/demo-data.ts). Which payout settled which transactions is kept
 * (`balance_transactions.payout_id`), for Stripe's `payout` filter.
 */
import { newPaymentTransaction, randomFare } from '../../src/demo/demo-data.js';
import { stripeId } from '../../src/adapter/memory-data.js';
import type { Balance, BalanceTransaction, ExpressAccount, ExpressEvent, Payout } from '../../src/contract/types.js';
import { MAX_NET_VOLUME_BUCKETS, type NetVolumeTxn } from '../../src/core/net-volume.js';
import { zonedDateToUnix, zonedParts, isValidTimeZone } from '../../src/core/time.js';
import { ApiError, invalidParam } from '../../src/server/errors.js';
import type { StoredEvent } from '../../src/server/events.js';
import { balanceObject, type LedgerAccount, type LedgerStore } from '../../src/server/ledger-source.js';
import type { RangeFilter } from '../../src/server/params.js';
import type { BalanceTransactionQuery, ListPage, ListQuery, PayoutQuery } from '../../src/server/source.js';
import { unixNow, type Clock } from './clock.js';
import { cryptoRandom } from './crypto.js';
import type { Db } from './db.js';
import { SqliteEventStore } from './event-store.js';

/** An account as stored. */
export interface AccountRow extends LedgerAccount {
  id: string;
  email: string | null;
  phone: string | null;
}

export type { RangeFilter, ListPage, StoredEvent };

/** The largest number of buckets one net-volume request may ask for (ten years of days; src/core/net-volume.ts). */
export { MAX_NET_VOLUME_BUCKETS };

/** What a new payment, payout or payout change recorded: the objects and the events told to the account's streams. */
export interface LedgerChange<T> {
  object: T;
  /** A new balance transaction, when one was made (a payment's, a payout's). */
  txn?: BalanceTransaction;
  events: StoredEvent[];
}

function parse<T>(json: string): T {
  return JSON.parse(json) as T;
}

/** The id of an object reference (`'py_1'`, or an expanded `{ id: 'py_1' }`). */
function refId(v: unknown): string | null {
  if (typeof v === 'string') return v;
  if (v && typeof v === 'object' && typeof (v as { id?: unknown }).id === 'string') return (v as { id: string }).id;
  return null;
}

/** The ledger over a database (see the module doc). */
export class Ledger implements LedgerStore {
  /** The accounts' events, in the `events` table. */
  readonly events: SqliteEventStore;

  constructor(
    private readonly db: Db,
    private readonly clock: Clock,
  ) {
    this.events = new SqliteEventStore(db, clock);
  }

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

  /**
   * Stores balance transactions of an account; `settledBy` (payout id → the transaction ids it
   * settled, its own included: the demo generator's `payout_balance_transactions`) records which
   * payout paid each out.
   */
  insertTransactions(accountId: string, txns: readonly BalanceTransaction[], settledBy: Readonly<Record<string, readonly string[]>> = {}): void {
    const payoutOf = new Map<string, string>();
    for (const [payout, ids] of Object.entries(settledBy)) for (const id of ids) payoutOf.set(id, payout);
    const stmt = this.db.prepare(
      `INSERT INTO balance_transactions (id, account_id, created, available_on, type, currency, net, source_id, payout_id, data)
       VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
    );
    for (const t of txns) {
      stmt.run(t.id, accountId, t.created, t.available_on, t.type, t.currency.toLowerCase(), t.net, refId(t.source), payoutOf.get(t.id) ?? null, JSON.stringify(t));
    }
  }

  /** Stores payouts of an account. */
  insertPayouts(accountId: string, payouts: readonly Payout[]): void {
    const stmt = this.db.prepare('INSERT INTO payouts (id, account_id, created, arrival_date, status, data) VALUES (?, ?, ?, ?, ?, ?)');
    for (const p of payouts) stmt.run(p.id, accountId, p.created, p.arrival_date, p.status, JSON.stringify(p));
  }

  // ---- balance ----

  balanceSums(accountId: string, now: number): { currency: string; available: number; pending: number }[] {
    return this.db
      .prepare(
        `SELECT currency,
                SUM(CASE WHEN available_on <= @now THEN net ELSE 0 END) AS available,
                SUM(CASE WHEN available_on > @now THEN net ELSE 0 END) AS pending
           FROM balance_transactions WHERE account_id = @account GROUP BY currency ORDER BY currency`,
      )
      .all({ now, account: accountId }) as { currency: string; available: number; pending: number }[];
  }

  // ---- lists ----

  /** A page of the account's balance transactions, newest first (Stripe's list semantics; see `LedgerStore`). */
  listBalanceTransactions(accountId: string, q: BalanceTransactionQuery): ListPage<BalanceTransaction> {
    const where: string[] = [];
    const args: Record<string, unknown> = {};
    addRange(where, args, 'created', q.created);
    if (q.type?.length) {
      where.push(`type IN (${q.type.map((_, i) => `@type${i}`).join(', ')})`);
      q.type.forEach((t, i) => (args[`type${i}`] = t));
    }
    if (q.currency !== undefined) {
      where.push('currency = @currency');
      args.currency = q.currency.toLowerCase();
    }
    if (q.source !== undefined) {
      where.push('source_id = @source');
      args.source = q.source;
    }
    if (q.payout !== undefined) {
      const p = this.payout(accountId, q.payout);
      if (!p) throw invalidParam('payout', `No such payout: '${q.payout.slice(0, 64)}'`, 'resource_missing');
      if (p.automatic === false) {
        throw invalidParam('payout', 'Balance transaction history can only be filtered on automatic payouts, not manual ones.');
      }
      where.push('payout_id = @payout');
      args.payout = q.payout;
    }
    // A payout or a source picks out a few rows: read them by its index (the planner, without
    // statistics, would rather walk the account's rows in order until the page is full).
    const index = q.payout !== undefined ? 'balance_transactions_by_payout' : q.source !== undefined ? 'balance_transactions_by_source' : undefined;
    return this.page('balance_transactions', 'balance transaction', '/v1/balance_transactions', accountId, q, where, args, (r) => parse<BalanceTransaction>(r.data), index);
  }

  /** One of the account's balance transactions, or undefined. */
  balanceTransaction(accountId: string, id: string): BalanceTransaction | undefined {
    const r = this.db.prepare('SELECT data FROM balance_transactions WHERE id = ? AND account_id = ?').get(id, accountId) as { data: string } | undefined;
    return r && parse<BalanceTransaction>(r.data);
  }

  /** A page of the account's payouts, newest first (Stripe's list semantics; `status` as of `now`). */
  listPayouts(accountId: string, q: PayoutQuery, now: number): ListPage<Payout> {
    const where: string[] = [];
    const args: Record<string, unknown> = {};
    addRange(where, args, 'created', q.created);
    addRange(where, args, 'arrival_date', q.arrival_date);
    if (q.status !== undefined) {
      // A pending or in-transit payout whose arrival date has passed has been paid.
      if (q.status === 'paid') where.push(`(status = 'paid' OR (status IN ('pending', 'in_transit') AND arrival_date <= @now))`);
      else if (q.status === 'pending' || q.status === 'in_transit') where.push('status = @status AND arrival_date > @now');
      else where.push('status = @status');
      if (q.status !== 'paid') args.status = q.status;
      args.now = now;
    }
    return this.page('payouts', 'payout', '/v1/payouts', accountId, q, where, args, (r) => parse<Payout>(r.data));
  }

  /** One of the account's payouts, or undefined. */
  payout(accountId: string, id: string): Payout | undefined {
    const r = this.db.prepare('SELECT data FROM payouts WHERE id = ? AND account_id = ?').get(id, accountId) as { data: string } | undefined;
    return r && parse<Payout>(r.data);
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
    f: ListQuery,
    where: string[],
    args: Record<string, unknown>,
    map: (row: { data: string }) => T,
    index?: string,
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
    const from = index ? `${table} INDEXED BY ${index}` : table;
    const rows = this.db.prepare(`SELECT data FROM ${from} WHERE ${conditions.join(' AND ')} ORDER BY ${order} LIMIT @limit`).all(params) as { data: string }[];
    const has_more = rows.length > f.limit;
    const kept = rows.slice(0, f.limit);
    if (ascending) kept.reverse();
    return { object: 'list', data: kept.map(map), has_more, url };
  }

  // ---- net volume ----

  /** The account's transactions of `currency` with `gte <= created < lt` (what net volume sums). */
  netVolumeRows(accountId: string, currency: string, gte: number, lt: number): NetVolumeTxn[] {
    return this.db
      .prepare(
        `SELECT net, created, type, currency FROM balance_transactions
          WHERE account_id = ? AND currency = ? AND created >= ? AND created < ? ORDER BY created DESC, id DESC`,
      )
      .all(accountId, currency.toLowerCase(), gte, lt) as NetVolumeTxn[];
  }

  // ---- live changes ----

  /**
   * For the live demo: a new pending `payment` for the account, created now, as the demo
   * generator makes them (a random fare unless `amount` is given, the platform's application fee,
   * available at the start of the local day two days later). Records and tells the account's
   * streams `balance_transaction.created` and `balance.updated`.
   */
  createPayment(accountId: string, opts: { amount?: number; description?: string | null } = {}): LedgerChange<BalanceTransaction> {
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
    return this.announce(accountId, txn, [{ type: 'balance_transaction.created', data: txn }], txn);
  }

  /**
   * For the live demo: an automatic payout, now, of what is available and not yet paid out (the
   * transactions it settles are recorded, with its own `payout` transaction), arriving the next
   * business day. Records `payout.created`, `balance_transaction.created` and `balance.updated`.
   * @throws ApiError 400 when nothing positive is available.
   */
  createPayout(accountId: string): LedgerChange<Payout> {
    const a = this.account(accountId);
    if (!a) throw new ApiError(404, 'resource_missing', 'No such account.');
    const now = unixNow(this.clock);
    const currency = a.account.default_currency?.toLowerCase() ?? 'usd';
    const { payout, txn } = this.db.transaction(() => {
      const settled = this.db
        .prepare(`SELECT id, net FROM balance_transactions WHERE account_id = ? AND currency = ? AND payout_id IS NULL AND available_on <= ? AND type <> 'payout'`)
        .all(accountId, currency, now) as { id: string; net: number }[];
      const amount = settled.reduce((sum, t) => sum + t.net, 0);
      if (amount <= 0) throw new ApiError(400, 'balance_insufficient', 'Nothing is available to pay out.');
      const tz = a.account.settings?.dashboard?.timezone ?? 'UTC';
      const zone = isValidTimeZone(tz) ? tz : 'UTC';
      const today = zonedParts(now, zone);
      let arrival = zonedDateToUnix(today.year, today.month, today.day + 1, zone);
      while ([0, 6].includes(new Date(arrival * 1000 + 12 * 3600_000).getUTCDay())) arrival += 86_400;
      const previous = this.db.prepare('SELECT data FROM payouts WHERE account_id = ? ORDER BY created DESC LIMIT 1').get(accountId) as { data: string } | undefined;
      const destination = previous ? parse<Payout>(previous.data).destination ?? null : null;
      const id = stripeId('po', cryptoRandom);
      const txnId = stripeId('txn', cryptoRandom);
      const payout = {
        id,
        object: 'payout',
        amount,
        arrival_date: arrival,
        automatic: true,
        balance_transaction: txnId,
        created: now,
        currency,
        description: 'STRIPE PAYOUT',
        destination,
        failure_code: null,
        failure_message: null,
        livemode: a.livemode,
        method: 'standard',
        reconciliation_status: 'in_progress',
        source_type: 'card',
        statement_descriptor: null,
        status: 'pending',
        type: 'bank_account',
      } as Payout;
      const txn = {
        id: txnId,
        object: 'balance_transaction',
        amount: -amount,
        available_on: now,
        created: now,
        currency,
        description: null,
        exchange_rate: null,
        fee: 0,
        fee_details: [],
        net: -amount,
        reporting_category: 'payout',
        source: id,
        status: 'available',
        type: 'payout',
      } as BalanceTransaction;
      this.insertPayouts(accountId, [payout]);
      this.insertTransactions(accountId, [txn], { [id]: [txnId] });
      const mark = this.db.prepare('UPDATE balance_transactions SET payout_id = ? WHERE id = ? AND account_id = ?');
      for (const t of settled) mark.run(id, t.id, accountId);
      return { payout, txn };
    })();
    return this.announce(accountId, payout, [
      { type: 'payout.created', data: payout },
      { type: 'balance_transaction.created', data: txn },
    ], txn);
  }

  /**
   * For the live demo: a payout changes status (`in_transit`, `paid`, `failed` with Stripe's
   * `account_closed`, or `canceled`). Records `payout.updated`.
   * @throws ApiError 404 for a payout that is not the account's.
   */
  updatePayout(accountId: string, id: string, status: 'in_transit' | 'paid' | 'failed' | 'canceled'): LedgerChange<Payout> {
    const current = this.payout(accountId, id);
    if (!current) throw new ApiError(404, 'resource_missing', `No such payout: '${id.slice(0, 64)}'`, { param: 'id' });
    const payout: Payout = {
      ...current,
      status,
      reconciliation_status: status === 'paid' ? 'completed' : current.reconciliation_status,
      failure_code: status === 'failed' ? 'account_closed' : current.failure_code ?? null,
      failure_message: status === 'failed' ? 'The bank account has been closed.' : current.failure_message ?? null,
      ...(status === 'paid' ? { arrival_date: Math.min(current.arrival_date, unixNow(this.clock)) } : {}),
    };
    const events = this.db.transaction(() => {
      this.db.prepare('UPDATE payouts SET status = ?, arrival_date = ?, data = ? WHERE id = ? AND account_id = ?').run(status, payout.arrival_date, JSON.stringify(payout), id, accountId);
      return this.events.record(accountId, [{ type: 'payout.updated', data: payout }]);
    })();
    this.events.publish(accountId, events);
    return { object: payout, events };
  }

  /** The account's balance as of now (Stripe's balance object). */
  balance(accountId: string): Balance {
    const a = this.account(accountId);
    if (!a) throw new ApiError(404, 'resource_missing', 'No such account.');
    return balanceObject(a, this.balanceSums(accountId, unixNow(this.clock)));
  }

  /** Records `events` and `balance.updated` for the account, then tells its streams. */
  private announce<T>(accountId: string, object: T, events: ExpressEvent[], txn?: BalanceTransaction): LedgerChange<T> {
    const stored = this.events.append(accountId, [...events, { type: 'balance.updated', data: this.balance(accountId) }]);
    return { object, txn, events: stored };
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

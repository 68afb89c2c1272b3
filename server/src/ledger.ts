/**
 * The ledger: accounts, balance transactions, payouts and their events in the database (SQLite or
 * PostgreSQL, through `SqlDb`), read with Stripe's list semantics: the reference server's `LedgerStore` (src/server/ledger-source.ts), so
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
import type { SqlEventStore } from './event-store.js';
import type { SqlDb, SqlQueryable, SqlTx } from './storage/sql.js';

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
  constructor(
    private readonly db: SqlDb,
    private readonly clock: Clock,
    /** The accounts' events, in the `events` table. */
    readonly events: SqlEventStore,
  ) {}

  // ---- accounts ----

  /** An account by id, or undefined. */
  async account(id: string, q: SqlQueryable = this.db): Promise<AccountRow | undefined> {
    const r = await q.get<RawAccount>('SELECT id, livemode, email, phone, data FROM accounts WHERE id = ?', [id]);
    return r && accountRow(r);
  }

  /** An account by email (case-insensitive), or undefined. */
  async accountByEmail(email: string): Promise<AccountRow | undefined> {
    const r = await this.db.get<RawAccount>('SELECT id, livemode, email, phone, data FROM accounts WHERE lower(email) = ?', [email.trim().toLowerCase()]);
    return r && accountRow(r);
  }

  /** Every account, oldest first (by insertion). */
  async accounts(): Promise<AccountRow[]> {
    const order = this.db.engine === 'postgres' ? 'seq' : 'rowid';
    return (await this.db.all<RawAccount>(`SELECT id, livemode, email, phone, data FROM accounts ORDER BY ${order}`)).map(accountRow);
  }

  /** Whether the ledger holds no account yet. */
  async isEmpty(): Promise<boolean> {
    return (await this.db.get('SELECT 1 AS one FROM accounts LIMIT 1')) === undefined;
  }

  /** Stores an account (see `insertAccount`). */
  insertAccount(account: ExpressAccount, phone: string | null, q: SqlQueryable = this.db): Promise<void> {
    return insertAccount(q, account, phone, unixNow(this.clock));
  }

  /** Stores balance transactions of an account (see `insertTransactions`). */
  insertTransactions(accountId: string, txns: readonly BalanceTransaction[], settledBy: Readonly<Record<string, readonly string[]>> = {}, tx?: SqlTx): Promise<void> {
    return insertTransactions(this.db, accountId, txns, settledBy, tx);
  }

  /** Stores payouts of an account (see `insertPayouts`). */
  insertPayouts(accountId: string, payouts: readonly Payout[], tx?: SqlTx): Promise<void> {
    return insertPayouts(this.db, accountId, payouts, tx);
  }

  // ---- balance ----

  async balanceSums(accountId: string, now: number, q: SqlQueryable = this.db): Promise<{ currency: string; available: number; pending: number }[]> {
    return q.all(
      `SELECT currency,
              CAST(SUM(CASE WHEN available_on <= ? THEN net ELSE 0 END) AS BIGINT) AS available,
              CAST(SUM(CASE WHEN available_on > ? THEN net ELSE 0 END) AS BIGINT) AS pending
         FROM balance_transactions WHERE account_id = ? GROUP BY currency ORDER BY currency`,
      [now, now, accountId],
    );
  }

  // ---- lists ----

  /** A page of the account's balance transactions, newest first (Stripe's list semantics; see `LedgerStore`). */
  async listBalanceTransactions(accountId: string, q: BalanceTransactionQuery): Promise<ListPage<BalanceTransaction>> {
    const where: string[] = [];
    const args: unknown[] = [];
    addRange(where, args, 'created', q.created);
    if (q.type?.length) {
      where.push(`type IN (${q.type.map(() => '?').join(', ')})`);
      args.push(...q.type);
    }
    if (q.currency !== undefined) {
      where.push('currency = ?');
      args.push(q.currency.toLowerCase());
    }
    if (q.source !== undefined) {
      where.push('source_id = ?');
      args.push(q.source);
    }
    if (q.payout !== undefined) {
      const p = await this.payout(accountId, q.payout);
      if (!p) throw invalidParam('payout', `No such payout: '${q.payout.slice(0, 64)}'`, 'resource_missing');
      if (p.automatic === false) {
        throw invalidParam('payout', 'Balance transaction history can only be filtered on automatic payouts, not manual ones.');
      }
      where.push('payout_id = ?');
      args.push(q.payout);
    }
    // A payout or a source picks out a few rows: on SQLite, read them by its index (the planner,
    // without statistics, would rather walk the account's rows in order until the page is full).
    const index = q.payout !== undefined ? 'balance_transactions_by_payout' : q.source !== undefined ? 'balance_transactions_by_source' : undefined;
    return this.page('balance_transactions', 'balance transaction', '/v1/balance_transactions', accountId, q, where, args, (r) => parse<BalanceTransaction>(r.data), index);
  }

  /** One of the account's balance transactions, or undefined. */
  async balanceTransaction(accountId: string, id: string): Promise<BalanceTransaction | undefined> {
    const r = await this.db.get<{ data: string }>('SELECT data FROM balance_transactions WHERE id = ? AND account_id = ?', [id, accountId]);
    return r && parse<BalanceTransaction>(r.data);
  }

  /** A page of the account's payouts, newest first (Stripe's list semantics; `status` as of `now`). */
  async listPayouts(accountId: string, q: PayoutQuery, now: number): Promise<ListPage<Payout>> {
    const where: string[] = [];
    const args: unknown[] = [];
    addRange(where, args, 'created', q.created);
    addRange(where, args, 'arrival_date', q.arrival_date);
    if (q.status !== undefined) {
      // A pending or in-transit payout whose arrival date has passed has been paid.
      if (q.status === 'paid') {
        where.push(`(status = 'paid' OR (status IN ('pending', 'in_transit') AND arrival_date <= ?))`);
        args.push(now);
      } else if (q.status === 'pending' || q.status === 'in_transit') {
        where.push('status = ? AND arrival_date > ?');
        args.push(q.status, now);
      } else {
        where.push('status = ?');
        args.push(q.status);
      }
    }
    return this.page('payouts', 'payout', '/v1/payouts', accountId, q, where, args, (r) => parse<Payout>(r.data));
  }

  /** One of the account's payouts, or undefined. */
  async payout(accountId: string, id: string, q: SqlQueryable = this.db): Promise<Payout | undefined> {
    const r = await q.get<{ data: string }>('SELECT data FROM payouts WHERE id = ? AND account_id = ?', [id, accountId]);
    return r && parse<Payout>(r.data);
  }

  /**
   * Stripe's cursor pagination over `table`, newest first (`created` descending, then `id`
   * descending). `starting_after` gives the page after that object, `ending_before` the page
   * before it; `has_more` says whether more objects lie further in the direction of paging. A
   * cursor that is not one of this account's objects is a 400 naming the parameter.
   */
  private async page<T>(
    table: 'balance_transactions' | 'payouts',
    noun: string,
    url: string,
    accountId: string,
    f: ListQuery,
    where: string[],
    args: unknown[],
    map: (row: { data: string }) => T,
    index?: string,
  ): Promise<ListPage<T>> {
    if (f.starting_after !== undefined && f.ending_before !== undefined) {
      throw new ApiError(400, 'parameters_exclusive', 'Give only one of starting_after and ending_before.', { param: 'ending_before' });
    }
    const cursorName = f.starting_after !== undefined ? 'starting_after' : f.ending_before !== undefined ? 'ending_before' : undefined;
    const conditions = ['account_id = ?', ...where];
    const params: unknown[] = [accountId, ...args];
    let ascending = false;
    if (cursorName) {
      const id = (cursorName === 'starting_after' ? f.starting_after : f.ending_before)!;
      const c = await this.db.get<{ created: number }>(`SELECT created FROM ${table} WHERE id = ? AND account_id = ?`, [id, accountId]);
      if (!c) throw invalidParam(cursorName, `No such ${noun}: '${id.slice(0, 64)}'`, 'resource_missing');
      // The bare bound on `created` first: with it the planner (SQLite's and PostgreSQL's) starts
      // the index scan at the cursor; without it, the OR alone made SQLite walk the index from the
      // newest row to the cursor (25 ms at 400,000 rows deep instead of 0.2 ms).
      if (cursorName === 'starting_after') {
        conditions.push('created <= ?', '(created < ? OR (created = ? AND id < ?))');
      } else {
        conditions.push('created >= ?', '(created > ? OR (created = ? AND id > ?))');
        ascending = true;
      }
      params.push(c.created, c.created, c.created, id);
    }
    const order = ascending ? 'created ASC, id ASC' : 'created DESC, id DESC';
    const from = index && this.db.engine === 'sqlite' ? `${table} INDEXED BY ${index}` : table;
    const rows = await this.db.all<{ data: string }>(`SELECT data FROM ${from} WHERE ${conditions.join(' AND ')} ORDER BY ${order} LIMIT ?`, [
      ...params,
      f.limit + 1,
    ]);
    const has_more = rows.length > f.limit;
    const kept = rows.slice(0, f.limit);
    if (ascending) kept.reverse();
    return { object: 'list', data: kept.map(map), has_more, url };
  }

  // ---- net volume ----

  /** The account's transactions of `currency` with `gte <= created < lt` (what net volume sums). */
  netVolumeRows(accountId: string, currency: string, gte: number, lt: number): Promise<NetVolumeTxn[]> {
    return this.db.all<NetVolumeTxn>(
      `SELECT net, created, type, currency FROM balance_transactions
        WHERE account_id = ? AND currency = ? AND created >= ? AND created < ? ORDER BY created DESC, id DESC`,
      [accountId, currency.toLowerCase(), gte, lt],
    );
  }

  // ---- live changes ----

  /**
   * For the live demo: a new pending `payment` for the account, created now, as the demo
   * generator makes them (a random fare unless `amount` is given, the platform's application fee,
   * available at the start of the local day two days later). Records and tells the account's
   * streams `balance_transaction.created` and `balance.updated`.
   */
  async createPayment(accountId: string, opts: { amount?: number; description?: string | null } = {}): Promise<LedgerChange<BalanceTransaction>> {
    const a = await this.account(accountId);
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
    return this.db.transaction(async (tx) => {
      await this.insertTransactions(accountId, [txn], {}, tx);
      return this.announce(tx, a, txn, [{ type: 'balance_transaction.created', data: txn }], txn);
    });
  }

  /**
   * For the live demo: an automatic payout, now, of what is available and not yet paid out (the
   * transactions it settles are recorded, with its own `payout` transaction), arriving the next
   * business day. Records `payout.created`, `balance_transaction.created` and `balance.updated`.
   * @throws ApiError 400 when nothing positive is available.
   */
  async createPayout(accountId: string): Promise<LedgerChange<Payout>> {
    const a = await this.account(accountId);
    if (!a) throw new ApiError(404, 'resource_missing', 'No such account.');
    const now = unixNow(this.clock);
    const currency = a.account.default_currency?.toLowerCase() ?? 'usd';
    return this.db.transaction(async (tx) => {
      // Two payouts at once never settle the same transactions: the second waits for the first.
      await tx.lock(`payouts:${accountId}`);
      const settled = await tx.all<{ id: string; net: number }>(
        `SELECT id, net FROM balance_transactions WHERE account_id = ? AND currency = ? AND payout_id IS NULL AND available_on <= ? AND type <> 'payout'`,
        [accountId, currency, now],
      );
      const amount = settled.reduce((sum, t) => sum + t.net, 0);
      if (amount <= 0) throw new ApiError(400, 'balance_insufficient', 'Nothing is available to pay out.');
      const tz = a.account.settings?.dashboard?.timezone ?? 'UTC';
      const zone = isValidTimeZone(tz) ? tz : 'UTC';
      const today = zonedParts(now, zone);
      let arrival = zonedDateToUnix(today.year, today.month, today.day + 1, zone);
      while ([0, 6].includes(new Date(arrival * 1000 + 12 * 3600_000).getUTCDay())) arrival += 86_400;
      const previous = await tx.get<{ data: string }>('SELECT data FROM payouts WHERE account_id = ? ORDER BY created DESC LIMIT 1', [accountId]);
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
      await this.insertPayouts(accountId, [payout], tx);
      await this.insertTransactions(accountId, [txn], { [id]: [txnId] }, tx);
      for (let i = 0; i < settled.length; i += 500) {
        const ids = settled.slice(i, i + 500).map((t) => t.id);
        await tx.run(`UPDATE balance_transactions SET payout_id = ? WHERE account_id = ? AND id IN (${ids.map(() => '?').join(', ')})`, [id, accountId, ...ids]);
      }
      return this.announce(tx, a, payout, [
        { type: 'payout.created', data: payout },
        { type: 'balance_transaction.created', data: txn },
      ], txn);
    });
  }

  /**
   * For the live demo: a payout changes status (`in_transit`, `paid`, `failed` with Stripe's
   * `account_closed`, or `canceled`). Records `payout.updated`.
   * @throws ApiError 404 for a payout that is not the account's.
   */
  async updatePayout(accountId: string, id: string, status: 'in_transit' | 'paid' | 'failed' | 'canceled'): Promise<LedgerChange<Payout>> {
    return this.db.transaction(async (tx) => {
      const current = await this.payout(accountId, id, tx);
      if (!current) throw new ApiError(404, 'resource_missing', `No such payout: '${id.slice(0, 64)}'`, { param: 'id' });
      const payout: Payout = {
        ...current,
        status,
        reconciliation_status: status === 'paid' ? 'completed' : current.reconciliation_status,
        failure_code: status === 'failed' ? 'account_closed' : current.failure_code ?? null,
        failure_message: status === 'failed' ? 'The bank account has been closed.' : current.failure_message ?? null,
        ...(status === 'paid' ? { arrival_date: Math.min(current.arrival_date, unixNow(this.clock)) } : {}),
      };
      await tx.run('UPDATE payouts SET status = ?, arrival_date = ?, data = ? WHERE id = ? AND account_id = ?', [status, payout.arrival_date, JSON.stringify(payout), id, accountId]);
      const events = await this.events.record(tx, accountId, [{ type: 'payout.updated', data: payout }]);
      return { object: payout, events };
    });
  }

  /** The account's balance as of now (Stripe's balance object). */
  async balance(accountId: string, q: SqlQueryable = this.db): Promise<Balance> {
    const a = await this.account(accountId, q);
    if (!a) throw new ApiError(404, 'resource_missing', 'No such account.');
    return balanceObject(a, await this.balanceSums(accountId, unixNow(this.clock), q));
  }

  /** Records `events` and `balance.updated` (as of the transaction) for the account; its streams hear of them once it commits. */
  private async announce<T>(tx: SqlTx, a: AccountRow, object: T, events: ExpressEvent[], txn?: BalanceTransaction): Promise<LedgerChange<T>> {
    const balance = balanceObject(a, await this.balanceSums(a.id, unixNow(this.clock), tx));
    const stored = await this.events.record(tx, a.id, [...events, { type: 'balance.updated', data: balance }]);
    return { object, txn, events: stored };
  }
}

const TXN_COLUMNS = ['id', 'account_id', 'created', 'available_on', 'type', 'currency', 'net', 'source_id', 'payout_id', 'data'] as const;

/** Stores an account (the Stripe object, `livemode` taken from it; `created` when it has none) with its phone number for SMS codes. */
export async function insertAccount(q: SqlQueryable, account: ExpressAccount, phone: string | null, created: number): Promise<void> {
  await q.run('INSERT INTO accounts (id, livemode, email, phone, created, data) VALUES (?, ?, ?, ?, ?, ?)', [
    account.id,
    account.livemode ? 1 : 0,
    account.email ?? null,
    phone,
    account.created ?? created,
    JSON.stringify(account),
  ]);
}

/**
 * Stores balance transactions of an account; `settledBy` (payout id → the transaction ids it
 * settled, its own included: the demo generator's `payout_balance_transactions`) records which
 * payout paid each out. Many at once go in multi-row statements (`insertMany`), in `tx` if given.
 */
export async function insertTransactions(
  db: SqlDb,
  accountId: string,
  txns: readonly BalanceTransaction[],
  settledBy: Readonly<Record<string, readonly string[]>> = {},
  tx?: SqlTx,
): Promise<void> {
  const payoutOf = new Map<string, string>();
  for (const [payout, ids] of Object.entries(settledBy)) for (const id of ids) payoutOf.set(id, payout);
  const rows = txns.map((t) => [
    t.id,
    accountId,
    t.created,
    t.available_on,
    t.type,
    t.currency.toLowerCase(),
    t.net,
    refId(t.source),
    payoutOf.get(t.id) ?? null,
    JSON.stringify(t),
  ]);
  await db.insertMany('balance_transactions', TXN_COLUMNS, rows, tx);
}

/** Stores payouts of an account, in `tx` if given. */
export async function insertPayouts(db: SqlDb, accountId: string, payouts: readonly Payout[], tx?: SqlTx): Promise<void> {
  const rows = payouts.map((p) => [p.id, accountId, p.created, p.arrival_date, p.status, JSON.stringify(p)]);
  await db.insertMany('payouts', ['id', 'account_id', 'created', 'arrival_date', 'status', 'data'], rows, tx);
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

function addRange(where: string[], args: unknown[], column: string, r: RangeFilter | undefined): void {
  if (!r) return;
  const ops = { gte: '>=', gt: '>', lt: '<', lte: '<=' } as const;
  for (const k of Object.keys(ops) as (keyof typeof ops)[]) {
    if (r[k] === undefined) continue;
    where.push(`${column} ${ops[k]} ?`);
    args.push(r[k]);
  }
}

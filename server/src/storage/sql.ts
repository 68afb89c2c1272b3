/**
 * The one database interface the server's storage is written against, with two drivers: SQLite
 * (better-sqlite3, one process: `sqlite.ts`) and PostgreSQL (node-postgres with a pool, any number
 * of processes: `postgres.ts`). Everything the server stores (ledger, events, sign-in, sessions,
 * rate-limit counters, stripeSource's state) is written once over it.
 *
 * SQL is written once, with `?` placeholders (every value a bound parameter, never spliced into
 * the text) in the common subset of the two dialects: `INSERT … ON CONFLICT … RETURNING`,
 * `CAST(… AS BIGINT)`, `lower()`. The drivers adapt the rest:
 *
 * - PostgreSQL numbers the placeholders (`$1`, `$2`, …) and reads BIGINT as a JS number;
 * - `… FOR UPDATE` locks the rows read on PostgreSQL; SQLite drops it (its write transactions are
 *   exclusive: `BEGIN IMMEDIATE`, and one at a time in the process);
 * - `tx.lock(key)` is a transaction-scoped advisory lock on PostgreSQL, nothing on SQLite;
 * - `notify`/`listen` are `NOTIFY`/`LISTEN` on PostgreSQL (every process sharing the database),
 *   in-process callbacks on SQLite; a notification sent inside a transaction goes out when it
 *   commits, never when it rolls back.
 */

/** What a statement that changes rows reports. */
export interface SqlRunResult {
  changes: number;
}

/** Runs statements (in a transaction or on their own). */
export interface SqlQueryable {
  /** Every row. */
  all<T>(sql: string, params?: readonly unknown[]): Promise<T[]>;
  /** The first row, or undefined. */
  get<T>(sql: string, params?: readonly unknown[]): Promise<T | undefined>;
  /** A statement without rows (or whose rows are not needed). */
  run(sql: string, params?: readonly unknown[]): Promise<SqlRunResult>;
}

/** A transaction in progress (see `SqlDb.transaction`). */
export interface SqlTx extends SqlQueryable {
  /**
   * Holds `key` until the transaction ends: transactions taking the same key run one after the
   * other (PostgreSQL: `pg_advisory_xact_lock`; SQLite: nothing to do, write transactions are
   * exclusive already).
   */
  lock(key: string): Promise<void>;
  /** Sent to every listener of `channel` when the transaction commits (not if it rolls back). */
  notify(channel: string, payload: string): Promise<void>;
  /** Runs after the transaction committed. */
  afterCommit(fn: () => void): void;
}

/** A database. */
export interface SqlDb extends SqlQueryable {
  readonly engine: 'sqlite' | 'postgres';
  /**
   * Runs `fn` in a transaction: committed when it resolves, rolled back when it rejects. Use only
   * `tx` inside (the database itself waits for the transaction on SQLite). PostgreSQL retries the
   * whole function (at most 3 times) when the transaction dies of a deadlock or a serialization
   * failure, so `fn` must not have effects outside the database before it resolves.
   */
  transaction<T>(fn: (tx: SqlTx) => Promise<T>): Promise<T>;
  /** Inserts many rows fast (multi-row statements on PostgreSQL), in `tx` or in one transaction of its own. */
  insertMany(table: string, columns: readonly string[], rows: readonly (readonly unknown[])[], tx?: SqlTx): Promise<void>;
  /** Sends `payload` to every listener of `channel` now. */
  notify(channel: string, payload: string): Promise<void>;
  /**
   * Listens to `channel` (every process on PostgreSQL). `onReconnect` runs when the listening
   * connection came back after a failure: notifications may have been missed in between.
   */
  listen(channel: string, fn: (payload: string) => void, onReconnect?: () => void): () => void;
  /**
   * Statements on their own whose commit need not wait for the disk (rate-limit counters, a
   * session's last request): a crash may lose the last of them, nothing else. PostgreSQL runs them
   * on a small pool of its own with `synchronous_commit = off`.
   */
  readonly relaxed: SqlQueryable;
  /** Resolves when the database answers. */
  ping(): Promise<void>;
  /** Closes the database (the pool and the listening connection). */
  close(): Promise<void>;
}

/** The part of an SQL statement's text that lists `n` placeholders: `?, ?, ?`. */
export function placeholders(n: number): string {
  return Array.from({ length: n }, () => '?').join(', ');
}

/** A channel name as both engines accept it (an SQL identifier). */
export function checkChannel(channel: string): string {
  if (!/^[a-z_][a-z0-9_]{0,62}$/.test(channel)) throw new Error(`Not a channel name: ${channel}`);
  return channel;
}

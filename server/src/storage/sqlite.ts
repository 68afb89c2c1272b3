/**
 * The SQLite driver of `SqlDb` (see sql.ts): better-sqlite3, one file, one process. Statements run
 * synchronously (a resolved promise); prepared statements are cached by their text.
 *
 * A transaction is `BEGIN IMMEDIATE … COMMIT` on the one connection, so while one is open (across
 * its awaits) every other statement of the process waits for it to end, and transactions run one
 * after the other: what PostgreSQL's row locks give there, the single writer gives here.
 */
import Database from 'better-sqlite3';
import { AsyncLocalStorage } from 'node:async_hooks';
import { mkdirSync } from 'node:fs';
import { dirname } from 'node:path';
import { checkChannel, type SqlDb, type SqlQueryable, type SqlRunResult, type SqlTx } from './sql.js';

type Statement = Database.Statement<unknown[], unknown>;

/** `… FOR UPDATE` at the end of a statement: PostgreSQL's row lock, which SQLite has no need of. */
const FOR_UPDATE = /\s+FOR\s+UPDATE\s*$/i;

/** See the module doc. */
export class SqliteDb implements SqlDb {
  readonly engine = 'sqlite';
  /** The better-sqlite3 database (for tests and the seeder's bulk work). */
  readonly raw: Database.Database;
  private readonly statements = new Map<string, Statement>();
  /** Resolves when the open transaction ends; undefined when none is open. */
  private busy: Promise<void> | undefined;
  private readonly channels = new Map<string, Set<(payload: string) => void>>();
  /** Set inside a transaction's function: a statement there on the database itself would wait for ever. */
  private readonly inTransaction = new AsyncLocalStorage<object>();
  /** The open transaction's token (what `inTransaction` holds inside it). */
  private token: object | undefined;
  private closed = false;

  constructor(path: string) {
    if (path !== ':memory:') mkdirSync(dirname(path), { recursive: true });
    this.raw = new Database(path);
    this.raw.pragma('journal_mode = WAL');
    // With WAL, NORMAL syncs at checkpoints rather than at every commit: still never corrupt, and a
    // commit is lost only to a power cut or an OS crash. FULL spent 3.7 ms on every write here.
    this.raw.pragma('synchronous = NORMAL');
    this.raw.pragma('foreign_keys = ON');
    this.raw.pragma('busy_timeout = 5000');
  }

  private statement(sql: string): Statement {
    let s = this.statements.get(sql);
    if (!s) {
      s = this.raw.prepare(sql.replace(FOR_UPDATE, '')) as Statement;
      this.statements.set(sql, s);
    }
    return s;
  }

  /** Runs `exec` at once when no transaction is open, else after it. */
  private when<T>(exec: () => T): Promise<T> {
    if (!this.busy) {
      try {
        return Promise.resolve(exec());
      } catch (e) {
        return Promise.reject(e);
      }
    }
    if (this.token && this.inTransaction.getStore() === this.token) return Promise.reject(new Error('A statement on the database inside one of its transactions: use the transaction.'));
    return this.busy.then(() => this.when(exec));
  }

  /** Statements of the open transaction: at once. */
  private direct(): SqlQueryable {
    const now = <T>(exec: () => T): Promise<T> => {
      try {
        return Promise.resolve(exec());
      } catch (e) {
        return Promise.reject(e);
      }
    };
    return {
      all: <T>(sql: string, params: readonly unknown[] = []) => now(() => this.statement(sql).all(...params) as T[]),
      get: <T>(sql: string, params: readonly unknown[] = []) => now(() => this.statement(sql).get(...params) as T | undefined),
      run: (sql: string, params: readonly unknown[] = []) => now(() => ({ changes: this.statement(sql).run(...params).changes })),
    };
  }

  /** Statements whose commit need not wait for the disk: SQLite's commits never do (see the constructor). */
  get relaxed(): SqlQueryable {
    return this;
  }

  all<T>(sql: string, params: readonly unknown[] = []): Promise<T[]> {
    return this.when(() => this.statement(sql).all(...params) as T[]);
  }

  get<T>(sql: string, params: readonly unknown[] = []): Promise<T | undefined> {
    return this.when(() => this.statement(sql).get(...params) as T | undefined);
  }

  run(sql: string, params: readonly unknown[] = []): Promise<SqlRunResult> {
    return this.when(() => ({ changes: this.statement(sql).run(...params).changes }));
  }

  async transaction<T>(fn: (tx: SqlTx) => Promise<T>): Promise<T> {
    while (this.busy) await this.busy;
    let release!: () => void;
    this.busy = new Promise<void>((r) => (release = r));
    const after: (() => void)[] = [];
    const notes: [string, string][] = [];
    const direct = this.direct();
    const tx: SqlTx = {
      ...direct,
      lock: async () => {},
      notify: async (channel, payload) => {
        notes.push([checkChannel(channel), payload]);
      },
      afterCommit: (f) => after.push(f),
    };
    try {
      this.raw.exec('BEGIN IMMEDIATE');
      let result: T;
      try {
        const token = (this.token = {});
        result = await this.inTransaction.run(token, () => fn(tx));
        this.raw.exec('COMMIT');
      } catch (e) {
        if (this.raw.inTransaction) this.raw.exec('ROLLBACK');
        throw e;
      }
      for (const [channel, payload] of notes) this.deliver(channel, payload);
      for (const f of after) f();
      return result;
    } finally {
      this.busy = undefined;
      this.token = undefined;
      release();
    }
  }

  async insertMany(table: string, columns: readonly string[], rows: readonly (readonly unknown[])[], tx?: SqlTx): Promise<void> {
    const insert = async (q: SqlQueryable) => {
      const sql = `INSERT INTO ${table} (${columns.join(', ')}) VALUES (${columns.map(() => '?').join(', ')})`;
      for (const row of rows) await q.run(sql, row);
    };
    if (tx) return insert(tx);
    // One synchronous loop in one transaction: the fastest way into SQLite.
    await this.transaction(async () => {
      const s = this.statement(`INSERT INTO ${table} (${columns.join(', ')}) VALUES (${columns.map(() => '?').join(', ')})`);
      for (const row of rows) s.run(...row);
    });
  }

  async notify(channel: string, payload: string): Promise<void> {
    this.deliver(checkChannel(channel), payload);
  }

  /** Hands a notification to this process's listeners, after the current task (as PostgreSQL would, later). */
  private deliver(channel: string, payload: string): void {
    const fns = this.channels.get(channel);
    if (!fns?.size) return;
    queueMicrotask(() => {
      for (const fn of [...fns]) {
        try {
          fn(payload);
        } catch (e) {
          console.error('A notification listener failed:', e);
        }
      }
    });
  }

  listen(channel: string, fn: (payload: string) => void): () => void {
    checkChannel(channel);
    let set = this.channels.get(channel);
    if (!set) this.channels.set(channel, (set = new Set()));
    const own = set;
    own.add(fn);
    return () => own.delete(fn);
  }

  async ping(): Promise<void> {
    await this.get('SELECT 1 AS one');
  }

  async close(): Promise<void> {
    if (this.closed) return;
    this.closed = true;
    while (this.busy) await this.busy;
    this.raw.close();
  }
}

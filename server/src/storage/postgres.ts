/**
 * The PostgreSQL driver of `SqlDb` (see sql.ts): node-postgres with a pool of connections for
 * statements and transactions, and one more connection of its own that `LISTEN`s for
 * notifications (and comes back by itself when it drops, telling its listeners so they catch up).
 * Statements are prepared once per connection (named by their text); BIGINT columns read as JS
 * numbers (every BIGINT here is a time in milliseconds, a count or an id, far below 2^53).
 */
import pg from 'pg';
import { checkChannel, type SqlDb, type SqlQueryable, type SqlRunResult, type SqlTx } from './sql.js';

/** Options of `new PostgresDb(...)`. */
export interface PostgresOptions {
  /** `postgres://user:password@host:port/database` (`DATABASE_URL`). */
  url: string;
  /** Connections in the pool; default 10. */
  max?: number;
  /** Where the listening connection's failures go; default console.error. */
  log?: (message: string, error?: unknown) => void;
  /** More connection settings (`options: '-c synchronous_commit=off'`, ...). */
  config?: pg.PoolConfig;
}

const INT8 = 20;
/** BIGINT (int8) as a number: node-postgres gives a string by default. */
const types = {
  getTypeParser: ((oid: number, format?: string) =>
    oid === INT8 ? (v: string) => Number(v) : (pg.types.getTypeParser as (o: number, f?: string) => unknown)(oid, format)) as typeof pg.types.getTypeParser,
};

/** Statement text → its PostgreSQL form and the name it is prepared under. */
const prepared = new Map<string, { text: string; name: string }>();

/** `?` → `$1`, `$2`, … (no `?` appears in this server's SQL but as a placeholder). */
function statementOf(sql: string): { text: string; name: string } {
  let s = prepared.get(sql);
  if (!s) {
    let n = 0;
    s = { text: sql.replace(/\?/g, () => `$${++n}`), name: `s${prepared.size + 1}` };
    prepared.set(sql, s);
  }
  return s;
}

/** Where a transaction keeps its connection (for `insertMany`). */
const CLIENT = Symbol('client');

/** Deadlock, serialization failure: the transaction may simply be run again. */
const RETRYABLE = new Set(['40P01', '40001']);

type Runner = Pick<pg.Pool | pg.PoolClient, 'query'>;

function queryable(q: Runner): SqlQueryable {
  const exec = (sql: string, params: readonly unknown[] = []) => {
    const s = statementOf(sql);
    return q.query({ name: s.name, text: s.text, values: params as unknown[] });
  };
  return {
    all: async <T>(sql: string, params?: readonly unknown[]) => (await exec(sql, params)).rows as T[],
    get: async <T>(sql: string, params?: readonly unknown[]) => (await exec(sql, params)).rows[0] as T | undefined,
    run: async (sql: string, params?: readonly unknown[]): Promise<SqlRunResult> => ({ changes: (await exec(sql, params)).rowCount ?? 0 }),
  };
}

/** See the module doc. */
export class PostgresDb implements SqlDb {
  readonly engine = 'postgres';
  /** The pool (for tests and the bench). */
  readonly pool: pg.Pool;
  private readonly q: SqlQueryable;
  private readonly relaxedPool: pg.Pool;
  readonly relaxed: SqlQueryable;
  private readonly log: (message: string, error?: unknown) => void;
  private readonly channels = new Map<string, { fns: Set<(payload: string) => void>; reconnect: Set<() => void> }>();
  private listener: pg.Client | undefined;
  private connecting: Promise<void> | undefined;
  private retryMs = 100;
  private retryTimer: ReturnType<typeof setTimeout> | undefined;
  private closed = false;

  constructor(private readonly options: PostgresOptions) {
    this.pool = new pg.Pool({ connectionString: options.url, max: options.max ?? 10, types, ...options.config });
    this.log = options.log ?? ((m, e) => console.error(m, e ?? ''));
    // An idle connection that fails (the server restarted) is dropped from the pool; say so only.
    this.pool.on('error', (e) => this.log('A pooled PostgreSQL connection failed', e));
    this.q = queryable(this.pool);
    this.relaxedPool = new pg.Pool({ connectionString: options.url, max: 2, types, ...options.config, options: '-c synchronous_commit=off' });
    this.relaxedPool.on('error', (e) => this.log('A pooled PostgreSQL connection failed', e));
    this.relaxed = queryable(this.relaxedPool);
  }

  all<T>(sql: string, params?: readonly unknown[]): Promise<T[]> {
    return this.q.all<T>(sql, params);
  }

  get<T>(sql: string, params?: readonly unknown[]): Promise<T | undefined> {
    return this.q.get<T>(sql, params);
  }

  run(sql: string, params?: readonly unknown[]): Promise<SqlRunResult> {
    return this.q.run(sql, params);
  }

  async transaction<T>(fn: (tx: SqlTx) => Promise<T>): Promise<T> {
    for (let attempt = 1; ; attempt++) {
      const client = await this.pool.connect();
      const after: (() => void)[] = [];
      const q = queryable(client);
      const tx: SqlTx = {
        ...q,
        lock: async (key) => {
          await q.run('SELECT pg_advisory_xact_lock(hashtextextended(?, 0))', [key]);
        },
        notify: async (channel, payload) => {
          await q.run('SELECT pg_notify(?, ?)', [checkChannel(channel), payload]);
        },
        afterCommit: (f) => after.push(f),
      };
      (tx as unknown as Record<symbol, pg.PoolClient>)[CLIENT] = client;
      let broken = false;
      try {
        await client.query('BEGIN');
        const result = await fn(tx);
        await client.query('COMMIT');
        for (const f of after) f();
        return result;
      } catch (e) {
        try {
          await client.query('ROLLBACK');
        } catch {
          broken = true; // the connection itself failed: do not give it back
        }
        if (attempt < 3 && RETRYABLE.has((e as { code?: string }).code ?? '')) continue;
        throw e;
      } finally {
        client.release(broken);
      }
    }
  }

  async insertMany(table: string, columns: readonly string[], rows: readonly (readonly unknown[])[], tx?: SqlTx): Promise<void> {
    if (!tx) return this.transaction((t) => this.insertMany(table, columns, rows, t));
    // At most 30,000 parameters a statement (PostgreSQL's limit is 65,535).
    const per = Math.max(1, Math.floor(30_000 / columns.length));
    for (let i = 0; i < rows.length; i += per) {
      const chunk = rows.slice(i, i + per);
      const row = `(${columns.map(() => '?').join(', ')})`;
      // Not prepared: every chunk size would be a statement of its own.
      let n = 0;
      const text = `INSERT INTO ${table} (${columns.join(', ')}) VALUES ${chunk.map(() => row).join(', ')}`.replace(/\?/g, () => `$${++n}`);
      await this.rawQuery(tx, text, chunk.flat());
    }
  }

  /** Runs unprepared text on the transaction's connection. */
  private rawQuery(tx: SqlTx, text: string, values: unknown[]): Promise<unknown> {
    const client = (tx as unknown as Record<symbol, pg.PoolClient | undefined>)[CLIENT];
    if (!client) throw new Error('Not a transaction of this database');
    return client.query(text, values);
  }

  async notify(channel: string, payload: string): Promise<void> {
    await this.run('SELECT pg_notify(?, ?)', [checkChannel(channel), payload]);
  }

  listen(channel: string, fn: (payload: string) => void, onReconnect?: () => void): () => void {
    checkChannel(channel);
    let entry = this.channels.get(channel);
    const isNew = !entry;
    if (!entry) this.channels.set(channel, (entry = { fns: new Set(), reconnect: new Set() }));
    const own = entry;
    own.fns.add(fn);
    if (onReconnect) own.reconnect.add(onReconnect);
    if (isNew && this.listener) {
      this.listener.query(`LISTEN ${channel}`).catch((e: unknown) => this.log(`LISTEN ${channel} failed`, e));
    }
    void this.listening().catch(() => {});
    return () => {
      own.fns.delete(fn);
      if (onReconnect) own.reconnect.delete(onReconnect);
    };
  }

  /** Resolves once the listening connection is up and listens to every channel asked for so far. */
  listening(): Promise<void> {
    if (this.listener) return Promise.resolve();
    this.connecting ??= this.connectListener().finally(() => (this.connecting = undefined));
    return this.connecting;
  }

  private async connectListener(): Promise<void> {
    if (this.closed) throw new Error('The database is closed.');
    const client = new pg.Client({ connectionString: this.options.url, types, ...this.options.config });
    const reconnecting = this.hadListener;
    client.on('notification', (n) => {
      const fns = this.channels.get(n.channel)?.fns;
      for (const fn of [...(fns ?? [])]) {
        try {
          fn(n.payload ?? '');
        } catch (e) {
          this.log('A notification listener failed', e);
        }
      }
    });
    const lost = (e?: unknown) => {
      if (this.listener !== client) return;
      this.listener = undefined;
      client.removeAllListeners('error');
      client.on('error', () => {});
      client.end().catch(() => {});
      if (this.closed) return;
      this.log('The PostgreSQL listening connection was lost; reconnecting', e);
      this.scheduleReconnect();
    };
    client.on('error', lost);
    client.on('end', () => lost());
    try {
      await client.connect();
      for (const channel of this.channels.keys()) await client.query(`LISTEN ${channel}`);
    } catch (e) {
      client.end().catch(() => {});
      throw e;
    }
    if (this.closed) {
      await client.end().catch(() => {});
      return;
    }
    this.listener = client;
    this.hadListener = true;
    this.retryMs = 100;
    if (reconnecting) {
      for (const { reconnect } of this.channels.values()) {
        for (const f of [...reconnect]) {
          try {
            f();
          } catch (e) {
            this.log('Catching up after a reconnection failed', e);
          }
        }
      }
    }
  }

  private hadListener = false;

  private scheduleReconnect(): void {
    clearTimeout(this.retryTimer);
    this.retryTimer = setTimeout(() => {
      this.listening().catch((e: unknown) => {
        this.log('Reconnecting the PostgreSQL listening connection failed', e);
        this.retryMs = Math.min(5000, this.retryMs * 2);
        this.scheduleReconnect();
      });
    }, this.retryMs);
    this.retryTimer.unref?.();
  }

  async ping(): Promise<void> {
    await this.pool.query('SELECT 1');
  }

  async close(): Promise<void> {
    if (this.closed) return;
    this.closed = true;
    clearTimeout(this.retryTimer);
    const l = this.listener;
    this.listener = undefined;
    await l?.end().catch(() => {});
    await Promise.all([this.pool.end(), this.relaxedPool.end()]);
  }
}

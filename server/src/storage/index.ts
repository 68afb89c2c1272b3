/**
 * Everything the server stores, behind one interface with two implementations: `openStorage({
 * path })` for SQLite (one process, the embedded default) and `openStorage({ url })` for
 * PostgreSQL (`DATABASE_URL`, any number of instances). Both apply their engine's migrations on
 * open. The ledger, sign-in and sessions are built over `storage.db` by the server (they take its
 * policies); the rest is here:
 *
 * - `events`: the ledger's live events (the SSE feed), told to every instance's streams;
 * - `stripeSourceEvents`, `stripeState`, `netVolume`: what a `stripeSource` on this database
 *   keeps (its events, what its webhooks handled and told, its net volume series);
 * - `rateLimits`: request counters per key and window, shared by every instance.
 */
import type { NetVolumeSeriesStore } from '../../../src/server/net-volume-cache.js';
import type { StripeSourceState } from '../../../src/server/stripe-state.js';
import { systemClock, type Clock } from '../clock.js';
import { LEDGER_EVENTS, STRIPE_SOURCE_EVENTS, SqlEventStore } from '../event-store.js';
import { pruneStripeState, sqlNetVolumeStore, sqlStripeState } from '../stripe-state.js';
import { appliedVersion, latestVersion, migrate, migrationsOf } from './migrations.js';
import { PostgresDb } from './postgres.js';
import type { SqlDb } from './sql.js';
import { SqliteDb } from './sqlite.js';

/** Options of `openStorage`: a PostgreSQL `url`, else a SQLite `path`. */
export interface StorageOptions {
  /** `postgres://…` (`DATABASE_URL`). */
  url?: string;
  /** The SQLite file (`DATABASE_PATH`); `:memory:` for a throwaway one. */
  path?: string;
  /** PostgreSQL: connections in the pool; default 10. */
  poolSize?: number;
  /** Default: the real clock. */
  clock?: Clock;
  /** Where failures of background work go; default console.error. */
  log?: (message: string, error?: unknown) => void;
  /** Apply the migrations on open; default true. */
  migrate?: boolean;
}

/** What `ready()` reports (`GET /readyz`). */
export interface StorageReadiness {
  ok: boolean;
  /** The database answered. */
  database: boolean;
  /** The newest migration applied, and the newest this server has. */
  migrations: { applied: number; expected: number };
  error?: string;
}

/** Request counters per key and fixed window. */
export class RateLimitCounter {
  constructor(
    private readonly db: SqlDb,
    private readonly clock: Clock,
  ) {}

  /**
   * Counts one request of `key` in the current `windowMs` window (aligned on the epoch, the same
   * on every instance): the count so far in it, and the milliseconds until it ends. One atomic
   * upsert: instances counting at the same moment each get their own number.
   */
  async hit(key: string, windowMs: number): Promise<{ count: number; ttlMs: number }> {
    const now = this.clock.now();
    const start = Math.floor(now / windowMs) * windowMs;
    const row = await this.db.relaxed.get<{ count: number; window_start_ms: number }>(
      `INSERT INTO rate_limits (key, window_start_ms, count) VALUES (?, ?, 1)
       ON CONFLICT (key) DO UPDATE SET
         count = CASE WHEN excluded.window_start_ms > rate_limits.window_start_ms THEN 1 ELSE rate_limits.count + 1 END,
         window_start_ms = CASE WHEN excluded.window_start_ms > rate_limits.window_start_ms THEN excluded.window_start_ms ELSE rate_limits.window_start_ms END
       RETURNING count, window_start_ms`,
      [key, start],
    );
    return { count: Number(row!.count), ttlMs: Math.max(1, Number(row!.window_start_ms) + windowMs - now) };
  }

  /** Deletes the counters of windows that ended before `beforeMs`. */
  async prune(beforeMs: number): Promise<number> {
    return (await this.db.run('DELETE FROM rate_limits WHERE window_start_ms < ?', [beforeMs])).changes;
  }
}

/** See the module doc. */
export interface Storage {
  readonly engine: 'sqlite' | 'postgres';
  readonly db: SqlDb;
  readonly clock: Clock;
  readonly events: SqlEventStore;
  readonly stripeSourceEvents: SqlEventStore;
  readonly stripeState: StripeSourceState;
  readonly netVolume: NetVolumeSeriesStore;
  readonly rateLimits: RateLimitCounter;
  /** Whether the database answers and has every migration of this server. */
  ready(): Promise<StorageReadiness>;
  /** Deletes what expired (other than sign-in's and sessions', which the server prunes): returns how many rows went. */
  prune(nowMs: number): Promise<number>;
  close(): Promise<void>;
}

/** Opens (creating and migrating) the database: PostgreSQL with `url`, else SQLite at `path`. */
export async function openStorage(o: StorageOptions): Promise<Storage> {
  const clock = o.clock ?? systemClock;
  const log = o.log ?? ((m: string, e?: unknown) => console.error(m, e ?? ''));
  let db: SqlDb;
  if (o.url) {
    if (!/^postgres(ql)?:\/\//.test(o.url)) throw new Error('DATABASE_URL must be a postgres:// URL.');
    db = new PostgresDb({ url: o.url, max: o.poolSize, log });
  } else {
    if (!o.path) throw new Error('openStorage needs a PostgreSQL url or a SQLite path.');
    db = new SqliteDb(o.path);
  }
  try {
    if (o.migrate !== false) await migrate(db);
  } catch (e) {
    await db.close().catch(() => {});
    throw e;
  }
  const events = new SqlEventStore(db, clock, LEDGER_EVENTS, log);
  const stripeSourceEvents = new SqlEventStore(db, clock, STRIPE_SOURCE_EVENTS, log);
  // Listening before anything is served: no event committed after this can be missed.
  if (db instanceof PostgresDb) await db.listening();
  const netVolume = sqlNetVolumeStore(db, { now: () => clock.now() });
  const expected = latestVersion(migrationsOf(db));
  return {
    engine: db.engine,
    db,
    clock,
    events,
    stripeSourceEvents,
    stripeState: sqlStripeState(db),
    netVolume,
    rateLimits: new RateLimitCounter(db, clock),
    async ready() {
      try {
        await db.ping();
        const applied = await appliedVersion(db);
        return { ok: applied === expected, database: true, migrations: { applied, expected } };
      } catch (e) {
        return { ok: false, database: false, migrations: { applied: 0, expected }, error: e instanceof Error ? e.message : String(e) };
      }
    },
    async prune(nowMs) {
      const day = 86_400_000;
      let n = await new RateLimitCounter(db, clock).prune(nowMs - day);
      n += await pruneStripeState(db, nowMs - 7 * day);
      n += await netVolume.prune(nowMs - day);
      n += await events.pruneBefore(Math.floor((nowMs - 7 * day) / 1000));
      n += await stripeSourceEvents.pruneBefore(Math.floor((nowMs - 7 * day) / 1000));
      return n;
    },
    async close() {
      events.close();
      stripeSourceEvents.close();
      await db.close();
    },
  };
}

export type { SqlDb, SqlTx } from './sql.js';
export { PostgresDb } from './postgres.js';
export { SqliteDb } from './sqlite.js';
export { migrate, appliedVersion, SQLITE_MIGRATIONS, POSTGRES_MIGRATIONS, type Migration } from './migrations.js';

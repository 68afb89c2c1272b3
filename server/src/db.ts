/**
 * The embedded database: SQLite through better-sqlite3, one file (default `.data/express.sqlite`),
 * created on first open, with versioned migrations recorded in `schema_migrations`.
 *
 * Stripe objects are stored whole as JSON (`data`), next to the columns that queries filter and
 * sort on. Times of Stripe objects are Unix seconds (as Stripe's API); the sign-in tables keep
 * milliseconds (`*_ms`) for the rate limits.
 */
import Database from 'better-sqlite3';
import { mkdirSync } from 'node:fs';
import { dirname } from 'node:path';

/** An open database. */
export type Db = Database.Database;

/** One migration: applied once, in order, inside a transaction. */
export interface Migration {
  version: number;
  name: string;
  sql: string;
}

/** Every migration, oldest first. Never edit one that has shipped: add the next. */
export const MIGRATIONS: readonly Migration[] = [
  {
    version: 1,
    name: 'accounts, ledger, events, sign-in and sessions',
    sql: `
      CREATE TABLE accounts (
        id TEXT PRIMARY KEY,
        livemode INTEGER NOT NULL,
        email TEXT COLLATE NOCASE UNIQUE,
        phone TEXT,
        created INTEGER NOT NULL,
        data TEXT NOT NULL
      );
      CREATE TABLE balance_transactions (
        id TEXT PRIMARY KEY,
        account_id TEXT NOT NULL REFERENCES accounts(id) ON DELETE CASCADE,
        created INTEGER NOT NULL,
        available_on INTEGER NOT NULL,
        type TEXT NOT NULL,
        currency TEXT NOT NULL,
        net INTEGER NOT NULL,
        data TEXT NOT NULL
      );
      CREATE INDEX balance_transactions_by_account ON balance_transactions (account_id, created DESC, id DESC);
      CREATE TABLE payouts (
        id TEXT PRIMARY KEY,
        account_id TEXT NOT NULL REFERENCES accounts(id) ON DELETE CASCADE,
        created INTEGER NOT NULL,
        arrival_date INTEGER NOT NULL,
        status TEXT NOT NULL,
        data TEXT NOT NULL
      );
      CREATE INDEX payouts_by_account ON payouts (account_id, created DESC, id DESC);
      CREATE TABLE events (
        id INTEGER PRIMARY KEY AUTOINCREMENT,
        account_id TEXT NOT NULL REFERENCES accounts(id) ON DELETE CASCADE,
        type TEXT NOT NULL,
        created INTEGER NOT NULL,
        data TEXT NOT NULL
      );
      CREATE INDEX events_by_account ON events (account_id, id);
      CREATE TABLE login_links (
        token_hash BLOB PRIMARY KEY,
        account_id TEXT NOT NULL REFERENCES accounts(id) ON DELETE CASCADE,
        created INTEGER NOT NULL,
        expires_at INTEGER NOT NULL,
        redeemed_at INTEGER
      );
      CREATE TABLE sign_in_challenges (
        id TEXT PRIMARY KEY,
        account_id TEXT REFERENCES accounts(id) ON DELETE CASCADE,
        recipient TEXT NOT NULL,
        phone_hint TEXT NOT NULL,
        livemode INTEGER NOT NULL,
        code_hash BLOB NOT NULL,
        code_expires_ms INTEGER NOT NULL,
        last_sent_ms INTEGER NOT NULL,
        failed_attempts INTEGER NOT NULL DEFAULT 0,
        created_ms INTEGER NOT NULL,
        completed_ms INTEGER
      );
      CREATE TABLE sms_sends (
        id INTEGER PRIMARY KEY AUTOINCREMENT,
        recipient TEXT NOT NULL,
        sent_ms INTEGER NOT NULL
      );
      CREATE INDEX sms_sends_by_recipient ON sms_sends (recipient, sent_ms);
      CREATE TABLE sessions (
        id_hash BLOB PRIMARY KEY,
        account_id TEXT NOT NULL REFERENCES accounts(id) ON DELETE CASCADE,
        created_ms INTEGER NOT NULL,
        last_seen_ms INTEGER NOT NULL,
        expires_ms INTEGER NOT NULL
      );
      CREATE INDEX sessions_by_account ON sessions (account_id);
    `,
  },
  {
    version: 2,
    name: 'which payout settled a transaction, its source; how far events were pruned',
    sql: `
      ALTER TABLE balance_transactions ADD COLUMN payout_id TEXT;
      ALTER TABLE balance_transactions ADD COLUMN source_id TEXT;
      UPDATE balance_transactions SET source_id = COALESCE(json_extract(data, '$.source.id'), json_extract(data, '$.source'))
        WHERE json_type(data, '$.source') IN ('text', 'object');
      UPDATE balance_transactions SET payout_id = source_id WHERE type = 'payout';
      -- Not led by account_id: the planner would take them for account-wide scans (the balance),
      -- reading rows out of their (created) order; a payout or source picks out a few rows anyway.
      CREATE INDEX balance_transactions_by_payout ON balance_transactions (payout_id) WHERE payout_id IS NOT NULL;
      CREATE INDEX balance_transactions_by_source ON balance_transactions (source_id) WHERE source_id IS NOT NULL;
      CREATE TABLE event_log_state (key TEXT PRIMARY KEY, value INTEGER NOT NULL);
    `,
  },
];

/**
 * Applies the migrations the database has not seen yet, each in its own transaction, and
 * returns the versions applied now.
 * @throws Error when the database has a version this code does not know (a newer server wrote it).
 */
export function migrate(db: Db, migrations: readonly Migration[] = MIGRATIONS): number[] {
  db.exec(`CREATE TABLE IF NOT EXISTS schema_migrations (
    version INTEGER PRIMARY KEY, name TEXT NOT NULL, applied_at INTEGER NOT NULL)`);
  const done = new Set((db.prepare('SELECT version FROM schema_migrations').all() as { version: number }[]).map((r) => r.version));
  const known = new Set(migrations.map((m) => m.version));
  for (const v of done) {
    if (!known.has(v)) throw new Error(`The database has migration ${v}, which this server does not know: it was written by a newer version.`);
  }
  const applied: number[] = [];
  const record = db.prepare('INSERT INTO schema_migrations (version, name, applied_at) VALUES (?, ?, ?)');
  for (const m of [...migrations].sort((a, b) => a.version - b.version)) {
    if (done.has(m.version)) continue;
    db.transaction(() => {
      db.exec(m.sql);
      record.run(m.version, m.name, Math.floor(Date.now() / 1000));
    })();
    applied.push(m.version);
  }
  return applied;
}

/**
 * Opens (creating the file and its folder when missing) and migrates the database at `path`;
 * `':memory:'` for a throwaway one. WAL journal, foreign keys on.
 */
export function openDatabase(path: string): Db {
  if (path !== ':memory:') mkdirSync(dirname(path), { recursive: true });
  const db = new Database(path);
  db.pragma('journal_mode = WAL');
  db.pragma('foreign_keys = ON');
  db.pragma('busy_timeout = 5000');
  migrate(db);
  return db;
}

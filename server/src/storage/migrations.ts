/**
 * The schema, as versioned migrations per engine, applied on start and recorded in the database
 * (`schema_migrations`). SQLite's first two shipped before PostgreSQL existed; PostgreSQL's first
 * is the schema they and SQLite's third add up to. Never edit a migration that has shipped: add
 * the next one, to both lists when both engines need it.
 *
 * Stripe objects are stored whole as JSON text (`data`), next to the columns that queries filter
 * and sort on. Times of Stripe objects are Unix seconds (as Stripe's API); the sign-in, rate-limit
 * and stripeSource tables keep milliseconds (`*_ms`). Booleans are integers 0/1 in both engines.
 * On PostgreSQL the ids that pages are sorted by compare byte by byte (`COLLATE "C"`), as SQLite's
 * and JavaScript's do, whatever the database's locale.
 */
import type { SqlDb } from './sql.js';

/** One migration: applied once, in order, with the others pending, in one transaction. */
export interface Migration {
  version: number;
  name: string;
  sql: string;
}

/** SQLite's migrations, oldest first. */
export const SQLITE_MIGRATIONS: readonly Migration[] = [
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
  {
    version: 3,
    name: 'sign-in counts of any kind, rate-limit counters, stripeSource state; emails found by lower()',
    sql: `
      CREATE TABLE sign_in_counts (kind TEXT NOT NULL, key TEXT NOT NULL, at_ms INTEGER NOT NULL);
      CREATE INDEX sign_in_counts_by_key ON sign_in_counts (kind, key, at_ms);
      INSERT INTO sign_in_counts (kind, key, at_ms) SELECT 'sms', recipient, sent_ms FROM sms_sends;
      DROP TABLE sms_sends;
      CREATE INDEX accounts_by_lower_email ON accounts (lower(email));
      CREATE TABLE rate_limits (key TEXT PRIMARY KEY, window_start_ms INTEGER NOT NULL, count INTEGER NOT NULL);
      CREATE TABLE stripe_source_events (
        id INTEGER PRIMARY KEY AUTOINCREMENT,
        account_id TEXT NOT NULL,
        type TEXT NOT NULL,
        created INTEGER NOT NULL,
        data TEXT NOT NULL
      );
      CREATE INDEX stripe_source_events_by_account ON stripe_source_events (account_id, id);
      CREATE TABLE stripe_webhook_events (id TEXT PRIMARY KEY, claimed_ms INTEGER NOT NULL, done INTEGER NOT NULL DEFAULT 0);
      CREATE TABLE stripe_told (
        account_id TEXT NOT NULL,
        txn_id TEXT NOT NULL,
        told_ms INTEGER NOT NULL,
        PRIMARY KEY (account_id, txn_id)
      );
      CREATE TABLE stripe_payout_states (
        account_id TEXT NOT NULL,
        payout_id TEXT NOT NULL,
        state TEXT NOT NULL,
        updated_ms INTEGER NOT NULL,
        PRIMARY KEY (account_id, payout_id)
      );
      CREATE TABLE net_volume_series (
        key TEXT PRIMARY KEY,
        account_id TEXT NOT NULL,
        computed_ms INTEGER NOT NULL,
        used_ms INTEGER NOT NULL,
        data TEXT NOT NULL
      );
      CREATE INDEX net_volume_series_by_account ON net_volume_series (account_id);
    `,
  },
  {
    version: 4,
    name: 'how a sign-in challenge started (link or email); the expiry a session-made link passes on',
    sql: `
      ALTER TABLE sign_in_challenges ADD COLUMN via TEXT NOT NULL DEFAULT 'link';
      ALTER TABLE sign_in_challenges ADD COLUMN session_expires_ms INTEGER;
      ALTER TABLE login_links ADD COLUMN session_expires_ms INTEGER;
    `,
  },
];

/** PostgreSQL's migrations, oldest first. */
export const POSTGRES_MIGRATIONS: readonly Migration[] = [
  {
    version: 1,
    name: 'the schema of SQLite migrations 1 to 3',
    sql: `
      CREATE TABLE accounts (
        seq BIGINT GENERATED ALWAYS AS IDENTITY UNIQUE,
        id TEXT COLLATE "C" PRIMARY KEY,
        livemode INTEGER NOT NULL,
        email TEXT,
        phone TEXT,
        created BIGINT NOT NULL,
        data TEXT NOT NULL
      );
      CREATE UNIQUE INDEX accounts_by_lower_email ON accounts (lower(email));
      CREATE TABLE balance_transactions (
        id TEXT COLLATE "C" PRIMARY KEY,
        account_id TEXT COLLATE "C" NOT NULL REFERENCES accounts(id) ON DELETE CASCADE,
        created BIGINT NOT NULL,
        available_on BIGINT NOT NULL,
        type TEXT NOT NULL,
        currency TEXT NOT NULL,
        net BIGINT NOT NULL,
        payout_id TEXT COLLATE "C",
        source_id TEXT COLLATE "C",
        data TEXT NOT NULL
      );
      CREATE INDEX balance_transactions_by_account ON balance_transactions (account_id, created DESC, id DESC);
      CREATE INDEX balance_transactions_by_payout ON balance_transactions (payout_id) WHERE payout_id IS NOT NULL;
      CREATE INDEX balance_transactions_by_source ON balance_transactions (source_id) WHERE source_id IS NOT NULL;
      CREATE TABLE payouts (
        id TEXT COLLATE "C" PRIMARY KEY,
        account_id TEXT COLLATE "C" NOT NULL REFERENCES accounts(id) ON DELETE CASCADE,
        created BIGINT NOT NULL,
        arrival_date BIGINT NOT NULL,
        status TEXT NOT NULL,
        data TEXT NOT NULL
      );
      CREATE INDEX payouts_by_account ON payouts (account_id, created DESC, id DESC);
      CREATE TABLE events (
        id BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
        account_id TEXT COLLATE "C" NOT NULL REFERENCES accounts(id) ON DELETE CASCADE,
        type TEXT NOT NULL,
        created BIGINT NOT NULL,
        data TEXT NOT NULL
      );
      CREATE INDEX events_by_account ON events (account_id, id);
      CREATE TABLE event_log_state (key TEXT PRIMARY KEY, value BIGINT NOT NULL);
      CREATE TABLE login_links (
        token_hash BYTEA PRIMARY KEY,
        account_id TEXT NOT NULL REFERENCES accounts(id) ON DELETE CASCADE,
        created BIGINT NOT NULL,
        expires_at BIGINT NOT NULL,
        redeemed_at BIGINT
      );
      CREATE TABLE sign_in_challenges (
        id TEXT PRIMARY KEY,
        account_id TEXT REFERENCES accounts(id) ON DELETE CASCADE,
        recipient TEXT NOT NULL,
        phone_hint TEXT NOT NULL,
        livemode INTEGER NOT NULL,
        code_hash BYTEA NOT NULL,
        code_expires_ms BIGINT NOT NULL,
        last_sent_ms BIGINT NOT NULL,
        failed_attempts INTEGER NOT NULL DEFAULT 0,
        created_ms BIGINT NOT NULL,
        completed_ms BIGINT
      );
      CREATE TABLE sign_in_counts (kind TEXT NOT NULL, key TEXT NOT NULL, at_ms BIGINT NOT NULL);
      CREATE INDEX sign_in_counts_by_key ON sign_in_counts (kind, key, at_ms);
      CREATE TABLE sessions (
        id_hash BYTEA PRIMARY KEY,
        account_id TEXT NOT NULL REFERENCES accounts(id) ON DELETE CASCADE,
        created_ms BIGINT NOT NULL,
        last_seen_ms BIGINT NOT NULL,
        expires_ms BIGINT NOT NULL
      );
      CREATE INDEX sessions_by_account ON sessions (account_id);
      CREATE TABLE rate_limits (key TEXT PRIMARY KEY, window_start_ms BIGINT NOT NULL, count INTEGER NOT NULL);
      CREATE TABLE stripe_source_events (
        id BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
        account_id TEXT COLLATE "C" NOT NULL,
        type TEXT NOT NULL,
        created BIGINT NOT NULL,
        data TEXT NOT NULL
      );
      CREATE INDEX stripe_source_events_by_account ON stripe_source_events (account_id, id);
      CREATE TABLE stripe_webhook_events (id TEXT PRIMARY KEY, claimed_ms BIGINT NOT NULL, done INTEGER NOT NULL DEFAULT 0);
      CREATE TABLE stripe_told (
        account_id TEXT NOT NULL,
        txn_id TEXT NOT NULL,
        told_ms BIGINT NOT NULL,
        PRIMARY KEY (account_id, txn_id)
      );
      CREATE TABLE stripe_payout_states (
        account_id TEXT NOT NULL,
        payout_id TEXT NOT NULL,
        state TEXT NOT NULL,
        updated_ms BIGINT NOT NULL,
        PRIMARY KEY (account_id, payout_id)
      );
      CREATE TABLE net_volume_series (
        key TEXT PRIMARY KEY,
        account_id TEXT NOT NULL,
        computed_ms BIGINT NOT NULL,
        used_ms BIGINT NOT NULL,
        data TEXT NOT NULL
      );
      CREATE INDEX net_volume_series_by_account ON net_volume_series (account_id);
    `,
  },
  {
    version: 2,
    name: 'how a sign-in challenge started (link or email); the expiry a session-made link passes on',
    sql: `
      ALTER TABLE sign_in_challenges ADD COLUMN via TEXT NOT NULL DEFAULT 'link';
      ALTER TABLE sign_in_challenges ADD COLUMN session_expires_ms BIGINT;
      ALTER TABLE login_links ADD COLUMN session_expires_ms BIGINT;
    `,
  },
];

/** The migrations of the database's engine. */
export function migrationsOf(db: SqlDb): readonly Migration[] {
  return db.engine === 'postgres' ? POSTGRES_MIGRATIONS : SQLITE_MIGRATIONS;
}

/** The newest version of `migrations`. */
export function latestVersion(migrations: readonly Migration[]): number {
  return Math.max(0, ...migrations.map((m) => m.version));
}

/** Splits a migration's text into statements, comments dropped (no `;` appears inside a statement of ours). */
function statements(sql: string): string[] {
  return sql
    .replace(/^\s*--.*$/gm, '')
    .split(';')
    .map((s) => s.trim())
    .filter(Boolean);
}

/**
 * Applies the migrations the database has not seen yet, in one transaction that holds a lock, so
 * instances starting together apply each one once; returns the versions applied now.
 * @throws Error when the database has a version this code does not know (a newer server wrote it).
 */
export async function migrate(db: SqlDb, migrations: readonly Migration[] = migrationsOf(db)): Promise<number[]> {
  return db.transaction(async (tx) => {
    await tx.lock('express:migrations');
    await tx.run(
      `CREATE TABLE IF NOT EXISTS schema_migrations (version INTEGER PRIMARY KEY, name TEXT NOT NULL, applied_at ${db.engine === 'postgres' ? 'BIGINT' : 'INTEGER'} NOT NULL)`,
    );
    const done = new Set((await tx.all<{ version: number }>('SELECT version FROM schema_migrations')).map((r) => r.version));
    const known = new Set(migrations.map((m) => m.version));
    for (const v of done) {
      if (!known.has(v)) throw new Error(`The database has migration ${v}, which this server does not know: it was written by a newer version.`);
    }
    const applied: number[] = [];
    for (const m of [...migrations].sort((a, b) => a.version - b.version)) {
      if (done.has(m.version)) continue;
      for (const statement of statements(m.sql)) await tx.run(statement);
      await tx.run('INSERT INTO schema_migrations (version, name, applied_at) VALUES (?, ?, ?)', [m.version, m.name, Math.floor(Date.now() / 1000)]);
      applied.push(m.version);
    }
    return applied;
  });
}

/** The newest migration version the database has, or 0. */
export async function appliedVersion(db: SqlDb): Promise<number> {
  const row = await db.get<{ v: number | null }>('SELECT MAX(version) AS v FROM schema_migrations');
  return row?.v ?? 0;
}

/**
 * Sessions: a random id (32 bytes) in an HttpOnly cookie; the database keeps only its SHA-256.
 * A session ends after `idleMs` without a request, `absoluteMs` after sign-in whatever happens,
 * or on sign-out. The database is the only place a session lives, so it works on every instance
 * sharing it, and ending it (`destroy`) ends it on all of them at once.
 */
import type { Clock } from './clock.js';
import { randomToken, sha256 } from './crypto.js';
import type { SqlDb } from './storage/sql.js';

/** How long sessions live. */
export interface SessionPolicy {
  /** Ends after this long without a request; default 30 minutes. */
  idleMs: number;
  /** Ends this long after sign-in; default 12 hours. */
  absoluteMs: number;
}

/** Default session lifetimes. */
export const DEFAULT_SESSION_POLICY: SessionPolicy = { idleMs: 30 * 60_000, absoluteMs: 12 * 3600_000 };

/** A live session. */
export interface Session {
  accountId: string;
  /** When it ends at the latest (absolute expiry), ms since the epoch. */
  expiresMs: number;
}

/** `last_seen` is written at most this often per session. */
const TOUCH_EVERY_MS = 10_000;

/** The session store (see the module doc). */
export class Sessions {
  constructor(
    private readonly db: SqlDb,
    private readonly clock: Clock,
    readonly policy: SessionPolicy = DEFAULT_SESSION_POLICY,
  ) {}

  /** Now on the sessions' clock (ms). */
  now(): number {
    return this.clock.now();
  }

  /**
   * Opens a session for the account; returns the id to put in the cookie (never stored). With
   * `expiresMs` (a session-made link's), it ends then if that is sooner than its own lifetime.
   */
  async create(accountId: string, o: { expiresMs?: number } = {}): Promise<{ id: string; expiresMs: number }> {
    const now = this.clock.now();
    const id = randomToken(32);
    const expiresMs = Math.min(now + this.policy.absoluteMs, o.expiresMs ?? Infinity);
    await this.db.run('INSERT INTO sessions (id_hash, account_id, created_ms, last_seen_ms, expires_ms) VALUES (?, ?, ?, ?, ?)', [
      sha256(id),
      accountId,
      now,
      now,
      expiresMs,
    ]);
    return { id, expiresMs };
  }

  /** The live session of a cookie value, refreshing its idle timer; undefined (and deleted) when expired. */
  async get(id: string | undefined): Promise<Session | undefined> {
    if (!id || id.length > 128) return undefined;
    const now = this.clock.now();
    const hash = sha256(id);
    const row = await this.db.get<{ account_id: string; last_seen_ms: number; expires_ms: number }>(
      'SELECT account_id, last_seen_ms, expires_ms FROM sessions WHERE id_hash = ?',
      [hash],
    );
    if (!row) return undefined;
    if (now >= row.expires_ms || now >= row.last_seen_ms + this.policy.idleMs) {
      await this.db.run('DELETE FROM sessions WHERE id_hash = ?', [hash]);
      return undefined;
    }
    // Never backwards: another instance may have touched it later.
    if (now - row.last_seen_ms >= TOUCH_EVERY_MS) await this.db.run('UPDATE sessions SET last_seen_ms = ? WHERE id_hash = ? AND last_seen_ms < ?', [now, hash, now]);
    return { accountId: row.account_id, expiresMs: row.expires_ms };
  }

  /** Whether the session is still live, without refreshing it (for long-lived streams). */
  async isLive(id: string): Promise<boolean> {
    const now = this.clock.now();
    const row = await this.db.get<{ last_seen_ms: number; expires_ms: number }>('SELECT last_seen_ms, expires_ms FROM sessions WHERE id_hash = ?', [sha256(id)]);
    return !!row && now < row.expires_ms && now < row.last_seen_ms + this.policy.idleMs;
  }

  /** Ends a session (sign-out); returns its account, or undefined when there was none. */
  async destroy(id: string): Promise<string | undefined> {
    const row = await this.db.get<{ account_id: string }>('DELETE FROM sessions WHERE id_hash = ? RETURNING account_id', [sha256(id)]);
    return row?.account_id;
  }

  /** Deletes every expired session; returns how many. */
  async prune(): Promise<number> {
    const now = this.clock.now();
    return (await this.db.run('DELETE FROM sessions WHERE expires_ms <= ? OR last_seen_ms + ? <= ?', [now, this.policy.idleMs, now])).changes;
  }
}

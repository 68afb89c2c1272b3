/**
 * Sessions: a random id (32 bytes) in an HttpOnly cookie; the database keeps only its SHA-256.
 * A session ends after `idleMs` without a request, `absoluteMs` after sign-in whatever happens,
 * or on sign-out.
 */
import type { Clock } from './clock.js';
import { randomToken, sha256 } from './crypto.js';
import type { Db } from './db.js';

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
    private readonly db: Db,
    private readonly clock: Clock,
    readonly policy: SessionPolicy = DEFAULT_SESSION_POLICY,
  ) {}

  /** Opens a session for the account; returns the id to put in the cookie (never stored). */
  create(accountId: string): { id: string; expiresMs: number } {
    const now = this.clock.now();
    const id = randomToken(32);
    const expiresMs = now + this.policy.absoluteMs;
    this.db
      .prepare('INSERT INTO sessions (id_hash, account_id, created_ms, last_seen_ms, expires_ms) VALUES (?, ?, ?, ?, ?)')
      .run(sha256(id), accountId, now, now, expiresMs);
    return { id, expiresMs };
  }

  /** The live session of a cookie value, refreshing its idle timer; undefined (and deleted) when expired. */
  get(id: string | undefined): Session | undefined {
    if (!id || id.length > 128) return undefined;
    const now = this.clock.now();
    const hash = sha256(id);
    const row = this.db.prepare('SELECT account_id, last_seen_ms, expires_ms FROM sessions WHERE id_hash = ?').get(hash) as
      | { account_id: string; last_seen_ms: number; expires_ms: number }
      | undefined;
    if (!row) return undefined;
    if (now >= row.expires_ms || now >= row.last_seen_ms + this.policy.idleMs) {
      this.db.prepare('DELETE FROM sessions WHERE id_hash = ?').run(hash);
      return undefined;
    }
    if (now - row.last_seen_ms >= TOUCH_EVERY_MS) this.db.prepare('UPDATE sessions SET last_seen_ms = ? WHERE id_hash = ?').run(now, hash);
    return { accountId: row.account_id, expiresMs: row.expires_ms };
  }

  /** Whether the session is still live, without refreshing it (for long-lived streams). */
  isLive(id: string): boolean {
    const now = this.clock.now();
    const row = this.db.prepare('SELECT last_seen_ms, expires_ms FROM sessions WHERE id_hash = ?').get(sha256(id)) as
      | { last_seen_ms: number; expires_ms: number }
      | undefined;
    return !!row && now < row.expires_ms && now < row.last_seen_ms + this.policy.idleMs;
  }

  /** Ends a session (sign-out). */
  destroy(id: string): void {
    this.db.prepare('DELETE FROM sessions WHERE id_hash = ?').run(sha256(id));
  }

  /** Deletes every expired session; returns how many. */
  prune(): number {
    const now = this.clock.now();
    return this.db.prepare('DELETE FROM sessions WHERE expires_ms <= ? OR last_seen_ms + ? <= ?').run(now, this.policy.idleMs, now).changes;
  }
}

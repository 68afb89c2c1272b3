/**
 * The reference server's `EventStore`: events in SQLite (`events`, their row id is the SSE `id`),
 * told to this process's open streams after they are recorded. A browser reconnecting with
 * `Last-Event-ID` reads what it missed from the table; `pruneThrough` (housekeeping) records how
 * far events were deleted, so a browser asking from before that learns its replay is incomplete.
 */
import type { ExpressEvent } from '../../src/contract/types.js';
import { EventListeners, type EventStore, type EventsAfter, type StoredEvent } from '../../src/server/events.js';
import { unixNow, type Clock } from './clock.js';
import type { Db } from './db.js';

/** See the module doc. */
export class SqliteEventStore implements EventStore {
  private readonly listeners = new EventListeners();

  constructor(
    private readonly db: Db,
    private readonly clock: Clock,
  ) {}

  /** Records events of the account without telling anyone (inside a larger transaction); `publish` them after it commits. */
  record(account: string, events: readonly ExpressEvent[]): StoredEvent[] {
    const insert = this.db.prepare('INSERT INTO events (account_id, type, created, data) VALUES (?, ?, ?, ?)');
    const created = unixNow(this.clock);
    return events.map((event) => ({ id: Number(insert.run(account, event.type, created, JSON.stringify(event)).lastInsertRowid), event }));
  }

  /** Tells the account's open streams about recorded events. */
  publish(account: string, events: readonly StoredEvent[]): void {
    this.listeners.publish(account, events);
  }

  append(account: string, events: readonly ExpressEvent[]): StoredEvent[] {
    const stored = this.db.transaction(() => this.record(account, events))();
    this.publish(account, stored);
    return stored;
  }

  after(account: string, afterId: number, limit: number): EventsAfter {
    const rows = this.db
      .prepare('SELECT id, data FROM events WHERE account_id = ? AND id > ? ORDER BY id LIMIT ?')
      .all(account, afterId, limit + 1) as { id: number; data: string }[];
    const pruned = (this.db.prepare("SELECT value FROM event_log_state WHERE key = 'pruned_through'").get() as { value: number } | undefined)?.value ?? 0;
    return {
      events: rows.slice(0, limit).map((r) => ({ id: r.id, event: JSON.parse(r.data) as ExpressEvent })),
      complete: rows.length <= limit && afterId >= pruned,
    };
  }

  subscribe(account: string, listener: (e: StoredEvent) => void): () => void {
    return this.listeners.add(account, listener);
  }

  /** How many streams listen to the account. */
  listenerCount(account: string): number {
    return this.listeners.count(account);
  }

  /** Deletes events created before `created` (Unix seconds); returns how many went. */
  pruneBefore(created: number): number {
    return this.db.transaction(() => {
      const last = this.db.prepare('SELECT MAX(id) AS id FROM events WHERE created < ?').get(created) as { id: number | null };
      if (last.id === null) return 0;
      this.db
        .prepare("INSERT INTO event_log_state (key, value) VALUES ('pruned_through', ?) ON CONFLICT (key) DO UPDATE SET value = MAX(value, excluded.value)")
        .run(last.id);
      return this.db.prepare('DELETE FROM events WHERE id <= ?').run(last.id).changes;
    })();
  }
}

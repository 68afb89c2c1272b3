/**
 * The reference server's `EventStore`, on either engine: events in a table (`events` for the
 * ledger's, `stripe_source_events` for a stripeSource's), their id the SSE `id`. The table is the
 * truth; a notification (`NOTIFY` on PostgreSQL, reaching every instance) only wakes the
 * instances up:
 *
 * - `record` (inside a transaction) takes a per-account lock before inserting, so an account's
 *   events commit in the order of their ids (two instances can never commit 11 before 10), and
 *   notifies `[account, first id, last id]` when the transaction commits;
 * - each instance keeps, per account its streams listen to, the last id it handed them, and on a
 *   notification reads what came after it from the table, in order, one read at a time per
 *   account; a listening connection that was lost and came back makes it read again for every
 *   such account, so nothing committed meanwhile is missed;
 * - `after` answers a reconnecting browser (`Last-Event-ID`) from the table, whichever instance
 *   it reaches; `pruneBefore` (housekeeping) records how far events were deleted, so a browser
 *   asking from before that learns its replay is incomplete.
 */
import type { ExpressEvent } from '../../src/contract/types.js';
import { EventListeners, type EventStore, type EventsAfter, type StoredEvent } from '../../src/server/events.js';
import { unixNow, type Clock } from './clock.js';
import type { SqlDb, SqlTx } from './storage/sql.js';

/** Which table an event store keeps. */
export interface EventTable {
  /** `events` (the ledger's) or `stripe_source_events`. */
  table: 'events' | 'stripe_source_events';
  /** The notification channel of new events. */
  channel: string;
}

export const LEDGER_EVENTS: EventTable = { table: 'events', channel: 'express_events' };
export const STRIPE_SOURCE_EVENTS: EventTable = { table: 'stripe_source_events', channel: 'express_stripe_source_events' };

/** Events read from the table at a time when catching up. */
const READ_BATCH = 500;

/** See the module doc. */
export class SqlEventStore implements EventStore {
  private readonly listeners = new EventListeners();
  /** Per account listened to: the last id handed to its listeners (absent until the first notification). */
  private readonly cursors = new Map<string, number>();
  /** Per account: the read in progress (reads of one account run one after the other). */
  private readonly reading = new Map<string, Promise<void>>();
  private readonly unlisten: () => void;
  private readonly prunedKey: string;

  constructor(
    private readonly db: SqlDb,
    private readonly clock: Clock,
    private readonly t: EventTable = LEDGER_EVENTS,
    private readonly log: (message: string, error?: unknown) => void = (m, e) => console.error(m, e ?? ''),
  ) {
    this.prunedKey = t.table === 'events' ? 'pruned_through' : `pruned_through:${t.table}`;
    this.unlisten = db.listen(
      t.channel,
      (payload) => this.notified(payload),
      () => {
        for (const account of this.cursors.keys()) this.catchUp(account);
      },
    );
  }

  /**
   * Records events of the account inside `tx` (ids increasing in commit order per account); its
   * listeners on every instance hear of them once it commits.
   */
  async record(tx: SqlTx, account: string, events: readonly ExpressEvent[]): Promise<StoredEvent[]> {
    if (!events.length) return [];
    await tx.lock(`${this.t.table}:${account}`);
    const created = unixNow(this.clock);
    const stored: StoredEvent[] = [];
    for (const event of events) {
      const row = await tx.get<{ id: number }>(`INSERT INTO ${this.t.table} (account_id, type, created, data) VALUES (?, ?, ?, ?) RETURNING id`, [
        account,
        event.type,
        created,
        JSON.stringify(event),
      ]);
      stored.push({ id: Number(row!.id), event });
    }
    await tx.notify(this.t.channel, JSON.stringify([account, stored[0].id, stored[stored.length - 1].id]));
    return stored;
  }

  append(account: string, events: readonly ExpressEvent[]): Promise<StoredEvent[]> {
    return this.db.transaction((tx) => this.record(tx, account, events));
  }

  async after(account: string, afterId: number, limit: number): Promise<EventsAfter> {
    const rows = await this.db.all<{ id: number; data: string }>(`SELECT id, data FROM ${this.t.table} WHERE account_id = ? AND id > ? ORDER BY id LIMIT ?`, [
      account,
      afterId,
      limit + 1,
    ]);
    const pruned = (await this.db.get<{ value: number }>('SELECT value FROM event_log_state WHERE key = ?', [this.prunedKey]))?.value ?? 0;
    const complete = rows.length <= limit && afterId >= pruned;
    const out: EventsAfter = { events: rows.slice(0, limit).map((r) => ({ id: Number(r.id), event: JSON.parse(r.data) as ExpressEvent })), complete };
    if (!complete) {
      const last = await this.db.get<{ id: number | null }>(`SELECT MAX(id) AS id FROM ${this.t.table} WHERE account_id = ?`, [account]);
      out.latest = Math.max(Number(last?.id ?? 0), pruned);
    }
    return out;
  }

  subscribe(account: string, listener: (e: StoredEvent) => void): () => void {
    const stop = this.listeners.add(account, listener);
    return () => {
      stop();
      if (this.listeners.count(account) === 0) this.cursors.delete(account);
    };
  }

  /** How many streams of this instance listen to the account. */
  listenerCount(account: string): number {
    return this.listeners.count(account);
  }

  /** Stops listening for notifications (the database closes). */
  close(): void {
    this.unlisten();
  }

  /** Deletes events created before `created` (Unix seconds); returns how many went. */
  pruneBefore(created: number): Promise<number> {
    return this.db.transaction(async (tx) => {
      const last = await tx.get<{ id: number | null }>(`SELECT MAX(id) AS id FROM ${this.t.table} WHERE created < ?`, [created]);
      if (last?.id === null || last?.id === undefined) return 0;
      await tx.run(
        `INSERT INTO event_log_state (key, value) VALUES (?, ?)
         ON CONFLICT (key) DO UPDATE SET value = CASE WHEN excluded.value > event_log_state.value THEN excluded.value ELSE event_log_state.value END`,
        [this.prunedKey, last.id],
      );
      return (await tx.run(`DELETE FROM ${this.t.table} WHERE id <= ?`, [last.id])).changes;
    });
  }

  private notified(payload: string): void {
    let account: string;
    let first: number;
    try {
      [account, first] = JSON.parse(payload) as [string, number, number];
    } catch {
      return;
    }
    if (this.listeners.count(account) === 0) return;
    // The first notification since streams began listening: what came before it is theirs to replay.
    if (!this.cursors.has(account)) this.cursors.set(account, first - 1);
    this.catchUp(account);
  }

  /** Reads the account's events after its cursor and hands them to its listeners, in order. */
  private catchUp(account: string): void {
    const previous = this.reading.get(account) ?? Promise.resolve();
    const next = previous.then(async () => {
      for (;;) {
        const from = this.cursors.get(account);
        if (from === undefined || this.listeners.count(account) === 0) return;
        const rows = await this.db.all<{ id: number; data: string }>(
          `SELECT id, data FROM ${this.t.table} WHERE account_id = ? AND id > ? ORDER BY id LIMIT ?`,
          [account, from, READ_BATCH],
        );
        if (!rows.length) return;
        const events = rows.map((r) => ({ id: Number(r.id), event: JSON.parse(r.data) as ExpressEvent }));
        if (this.cursors.has(account)) this.cursors.set(account, events[events.length - 1].id);
        this.listeners.publish(account, events);
        if (rows.length < READ_BATCH) return;
      }
    });
    const settled = next.catch((e: unknown) => this.log('Reading new events failed', e));
    this.reading.set(account, settled);
    void settled.finally(() => {
      if (this.reading.get(account) === settled) this.reading.delete(account);
    });
  }
}

/**
 * The live feed behind `GET /events`: an `EventStore` keeps each account's events with increasing
 * ids (the SSE `id:`), answers what came after an id (a browser reconnecting with
 * `Last-Event-ID`), and pushes new ones to that account's listeners (its open streams).
 *
 * `memoryEventStore()` keeps them in this process (bounded per account); the reference server
 * keeps them in SQLite. A store shared by several processes (PostgreSQL) implements the same
 * interface.
 */
import type { ExpressEvent } from '../contract/types.js';
import type { Awaitable } from './source.js';

/** An event as stored and streamed: its id (increasing) and the contract's event. */
export interface StoredEvent {
  id: number;
  event: ExpressEvent;
}

/** What `EventStore.after` answers. */
export interface EventsAfter {
  /** The account's events after the id, oldest first, at most the limit asked for. */
  events: StoredEvent[];
  /**
   * False when some events after the id are not among them: more than the limit, or no longer
   * kept (pruned, or lost with a restart). A stream then tells the browser to fetch afresh.
   */
  complete: boolean;
  /**
   * When not complete: the newest id of the account's events (or how far they were pruned, if
   * further). A stream sends it with its reset message, so the browser, once it has reloaded,
   * resumes from there instead of asking for the lost events again.
   */
  latest?: number;
}

/** Where an account's events are kept and announced. */
export interface EventStore {
  /** Records events of the account (ids increase, also across accounts) and tells its listeners. */
  append(account: string, events: readonly ExpressEvent[]): Awaitable<StoredEvent[]>;
  /** The account's events after `afterId`, oldest first, at most `limit`. */
  after(account: string, afterId: number, limit: number): Awaitable<EventsAfter>;
  /** Listens to the account's new events, in order; returns the function that stops it. */
  subscribe(account: string, listener: (e: StoredEvent) => void): () => void;
}

/** Per-account listeners: what an `EventStore` in one process tells its streams. */
export class EventListeners {
  private readonly byAccount = new Map<string, Set<(e: StoredEvent) => void>>();

  /** Listens to the account's events; returns the function that stops it. */
  add(account: string, listener: (e: StoredEvent) => void): () => void {
    let set = this.byAccount.get(account);
    if (!set) this.byAccount.set(account, (set = new Set()));
    const own = set;
    own.add(listener);
    return () => {
      own.delete(listener);
      if (own.size === 0 && this.byAccount.get(account) === own) this.byAccount.delete(account);
    };
  }

  /** Sends events of the account to its listeners, in order (a listener that throws does not stop the others). */
  publish(account: string, events: readonly StoredEvent[]): void {
    for (const listener of [...(this.byAccount.get(account) ?? [])]) {
      for (const e of events) {
        try {
          listener(e);
        } catch (err) {
          console.error('An event listener failed:', err);
        }
      }
    }
  }

  /** How many listen to the account (for tests and diagnostics). */
  count(account: string): number {
    return this.byAccount.get(account)?.size ?? 0;
  }
}

/** Options of `memoryEventStore()`. */
export interface MemoryEventStoreOptions {
  /** Events kept per account (the oldest go first); default 1000. */
  maxPerAccount?: number;
  /** Accounts kept (the least recently active go first); default 10,000. */
  maxAccounts?: number;
  /** Milliseconds since the epoch; ids start from it times 1000, so they keep increasing across restarts. Default `Date.now`. */
  now?: () => number;
}

/** A memory `EventStore` with its listeners, for one process (see `MemoryEventStoreOptions`). */
export interface MemoryEventStore extends EventStore {
  append(account: string, events: readonly ExpressEvent[]): StoredEvent[];
  after(account: string, afterId: number, limit: number): EventsAfter;
  /** How many listen to the account. */
  listenerCount(account: string): number;
}

/**
 * Events in this process's memory, bounded. Ids start at the creation time in microseconds and
 * increase by one per event, so a browser's `Last-Event-ID` from before a restart is older than
 * anything kept: `after` then says `complete: false` (what happened in between is lost).
 */
export function memoryEventStore(options: MemoryEventStoreOptions = {}): MemoryEventStore {
  const maxPerAccount = Math.max(1, options.maxPerAccount ?? 1000);
  const maxAccounts = Math.max(1, options.maxAccounts ?? 10_000);
  const firstId = Math.floor((options.now ?? Date.now)() * 1000);
  let nextId = firstId;
  /** Per account: kept events (oldest first) and the id of the newest one dropped. */
  const logs = new Map<string, { events: StoredEvent[]; droppedThrough: number }>();
  const listeners = new EventListeners();

  return {
    append(account, events) {
      let log = logs.get(account);
      if (log) logs.delete(account); // re-inserted below: most recently active last
      log ??= { events: [], droppedThrough: firstId - 1 };
      logs.set(account, log);
      const stored = events.map((event) => ({ id: nextId++, event: structuredClone(event) }));
      log.events.push(...stored);
      if (log.events.length > maxPerAccount) {
        const dropped = log.events.splice(0, log.events.length - maxPerAccount);
        log.droppedThrough = dropped[dropped.length - 1].id;
      }
      while (logs.size > maxAccounts) logs.delete(logs.keys().next().value as string);
      listeners.publish(account, stored);
      return stored;
    },
    after(account, afterId, limit) {
      const log = logs.get(account);
      // Before this store began (another process's id), or older than what is kept: a gap.
      const known = afterId >= firstId - 1 && afterId >= (log?.droppedThrough ?? firstId - 1);
      const newer = (log?.events ?? []).filter((e) => e.id > afterId);
      const complete = known && newer.length <= limit;
      if (complete) return { events: newer.slice(0, limit), complete };
      const latest = Math.max(log?.events[log.events.length - 1]?.id ?? 0, log?.droppedThrough ?? firstId - 1);
      return { events: newer.slice(0, limit), complete, latest };
    },
    subscribe(account, listener) {
      return listeners.add(account, listener);
    },
    listenerCount(account) {
      return listeners.count(account);
    },
  };
}

/** One SSE message: `id:` and `data:` (the event as JSON on one line). */
export function sseMessage(e: StoredEvent): string {
  return `id: ${e.id}\ndata: ${JSON.stringify(e.event)}\n\n`;
}

/** The message that tells a browser its missed events cannot all be replayed: fetch afresh. */
export const SSE_RESET = 'event: reset\ndata: {}\n\n';

/**
 * The reset message, with the id to resume from once the browser has fetched afresh (the newest
 * event it now has no need of), when known.
 */
export function sseReset(latest?: number): string {
  return latest === undefined ? SSE_RESET : `event: reset\nid: ${latest}\ndata: {}\n\n`;
}

/** Options of `eventStream`. */
export interface EventStreamOptions {
  store: EventStore;
  account: string;
  /** The browser's `Last-Event-ID`: replay what came after it first. */
  lastEventId?: number;
  /** At most this many missed events are replayed; default 1000. */
  maxReplay?: number;
  /** Milliseconds between heartbeat comments; default 15000. */
  heartbeatMs?: number;
  /** Asked at every heartbeat; false ends the stream (the session ended). */
  stillAllowed?: () => Awaitable<boolean>;
  /** Called when the stream ends, whatever ended it. */
  onClose?: () => void;
  /** Where failures of the store go. */
  onError?: (message: string, error: unknown) => void;
}

/** How a stream ends (`OpenEventStream.close`). */
export interface EventStreamCloseOptions {
  /**
   * Milliseconds the browser should wait before reconnecting, sent as `retry:` first (a random
   * part of it added, so a server's streams do not all come back at the same moment). For a
   * server that shuts down: the browser reconnects, through the load balancer, to another one,
   * with `Last-Event-ID`, and misses nothing.
   */
  retryMs?: number;
}

/** An open stream: its body and the functions that end it and check it. */
export interface OpenEventStream {
  readonly account: string;
  body: ReadableStream<Uint8Array>;
  close(options?: EventStreamCloseOptions): void;
  /** Asks `stillAllowed` now (not at the next heartbeat); ends the stream when it says no. */
  recheck(): Promise<void>;
}

/**
 * The body of `GET /events`: `retry: 3000`, the missed events (when `lastEventId` is given), then
 * the live ones, and a `: heartbeat` comment every `heartbeatMs`. It subscribes before anything
 * is written, so an event that happens while the replay is read is sent once, after it, never
 * lost. When the missed events cannot all be replayed (`complete: false`), it sends the `reset`
 * message instead, with the id to go on from (`latest`, when the store knows it), and no partial
 * replay: the browser fetches afresh.
 */
export function eventStream(o: EventStreamOptions): OpenEventStream {
  const encoder = new TextEncoder();
  let controller!: ReadableStreamDefaultController<Uint8Array>;
  let closed = false;
  let unsubscribe: (() => void) | undefined;
  let heartbeat: ReturnType<typeof setInterval> | undefined;

  const close = (options: EventStreamCloseOptions = {}) => {
    if (closed) return;
    if (options.retryMs !== undefined) {
      const retry = Math.max(0, Math.round(options.retryMs + Math.random() * options.retryMs));
      write(`retry: ${retry}\n\n`);
    }
    closed = true;
    clearInterval(heartbeat);
    unsubscribe?.();
    try {
      controller.close();
    } catch {
      // already closed or cancelled
    }
    o.onClose?.();
  };
  const write = (text: string) => {
    if (closed) return;
    try {
      controller.enqueue(encoder.encode(text));
    } catch {
      close();
    }
  };
  const recheck = async () => {
    if (closed || !o.stillAllowed) return;
    try {
      if (!(await o.stillAllowed())) close();
    } catch (e) {
      o.onError?.('Checking an event stream’s session failed', e);
      close();
    }
  };

  const body = new ReadableStream<Uint8Array>({
    start(c) {
      controller = c;
      let replaying = o.lastEventId !== undefined;
      let lastSent = o.lastEventId ?? -Infinity;
      const buffered: StoredEvent[] = [];
      const send = (e: StoredEvent) => {
        if (e.id <= lastSent) return; // already replayed
        lastSent = e.id;
        write(sseMessage(e));
      };
      unsubscribe = o.store.subscribe(o.account, (e) => (replaying ? buffered.push(e) : send(e)));
      write('retry: 3000\n\n');
      heartbeat = setInterval(() => {
        if (!o.stillAllowed) return write(': heartbeat\n\n');
        void recheck().then(() => write(': heartbeat\n\n'));
      }, o.heartbeatMs ?? 15_000);
      (heartbeat as { unref?: () => void }).unref?.();
      if (o.lastEventId === undefined) return;
      const lastEventId = o.lastEventId;
      void (async () => {
        try {
          const missed = await o.store.after(o.account, lastEventId, o.maxReplay ?? 1000);
          if (!missed.complete) {
            write(sseReset(missed.latest));
            if (missed.latest !== undefined) lastSent = Math.max(lastSent, missed.latest);
          }
          if (missed.complete || missed.latest === undefined) for (const e of missed.events) send(e);
        } catch (e) {
          o.onError?.('Replaying missed events failed', e);
          write(SSE_RESET);
        }
        replaying = false;
        for (const e of buffered.splice(0)) send(e);
      })();
    },
    cancel() {
      // The browser went away: nothing more to write.
      if (closed) return;
      closed = true;
      clearInterval(heartbeat);
      unsubscribe?.();
      o.onClose?.();
    },
  });
  return { account: o.account, body, close, recheck };
}

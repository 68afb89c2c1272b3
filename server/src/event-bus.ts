/**
 * In-process fan-out of an account's events to its open Server-Sent Events streams. Events are
 * recorded in the database first (their row id is the SSE `id`), then published here; a stream
 * that reconnects with `Last-Event-ID` reads what it missed from the database.
 */
import type { StoredEvent } from './ledger.js';

/** A subscriber to one account's events. */
export type EventListener = (e: StoredEvent) => void;

/** Per-account listeners. */
export class EventBus {
  private readonly listeners = new Map<string, Set<EventListener>>();

  /** Listens to the account's events; returns the function that stops it. */
  subscribe(accountId: string, listener: EventListener): () => void {
    let set = this.listeners.get(accountId);
    if (!set) this.listeners.set(accountId, (set = new Set()));
    set.add(listener);
    return () => {
      set.delete(listener);
      if (set.size === 0 && this.listeners.get(accountId) === set) this.listeners.delete(accountId);
    };
  }

  /** Sends events of the account to its listeners, in order. */
  publish(accountId: string, events: readonly StoredEvent[]): void {
    for (const listener of [...(this.listeners.get(accountId) ?? [])]) {
      for (const e of events) {
        try {
          listener(e);
        } catch (err) {
          console.error('An event listener failed:', err);
        }
      }
    }
  }

  /** How many streams listen to the account (for tests and diagnostics). */
  listenerCount(accountId: string): number {
    return this.listeners.get(accountId)?.size ?? 0;
  }
}

/**
 * What `stripeSource` remembers between webhooks: which Connect events it has handled, which
 * balance transactions it has told the streams about, and each payout's last state. In one
 * process `memoryStripeState()` (the default) does; several instances behind a load balancer
 * share one in their database (the reference server's, on SQLite or PostgreSQL, implements this
 * interface), so a webhook handled by one and retried at another is told once.
 *
 * Every method is one atomic step: of two instances asking at the same moment, one gets `true`
 * (or the fresh ids, or `new`), the other does not.
 */
import type { Awaitable } from './source.js';

/** What `StripeSourceState.markTold` answers. */
export interface ToldResult {
  /** The ids that no one had marked before (each id is fresh for one caller only). */
  fresh: string[];
  /** True when the account had no transaction marked at all before (its first event). */
  first: boolean;
}

/** See the module doc. */
export interface StripeSourceState {
  /**
   * Claims a Connect event for handling: true the first time, and again when an earlier claim was
   * neither finished nor released within `staleMs` (its instance died); false while another claim
   * holds, and once it was finished.
   */
  claimEvent(id: string, nowMs: number, staleMs: number): Awaitable<boolean>;
  /** The event was handled: later deliveries are duplicates. */
  finishEvent(id: string): Awaitable<void>;
  /** Handling failed: Stripe delivers it again, and that delivery may claim it. */
  releaseEvent(id: string): Awaitable<void>;
  /** Marks the account's transactions as told (see `ToldResult`). */
  markTold(account: string, ids: readonly string[], nowMs: number): Awaitable<ToldResult>;
  /** Records a payout's state: `new` when it had none, `changed`, or `same`. */
  payoutState(account: string, payout: string, state: string, nowMs: number): Awaitable<'new' | 'changed' | 'same'>;
}

/** A bounded set of recent strings (oldest forgotten first). */
class RecentSet {
  private readonly items = new Set<string>();
  constructor(private readonly max: number) {}
  has(v: string): boolean {
    return this.items.has(v);
  }
  add(v: string): void {
    this.items.delete(v);
    this.items.add(v);
    if (this.items.size > this.max) this.items.delete(this.items.values().next().value as string);
  }
}

/** A bounded map (least recently set forgotten first). */
function boundedSet<K, V>(map: Map<K, V>, key: K, value: V, max: number): void {
  map.delete(key);
  map.set(key, value);
  if (map.size > max) map.delete(map.keys().next().value as K);
}

/**
 * The state in this process's memory, bounded: 10,000 events, 2,000 transactions for each of
 * 10,000 accounts, 50,000 payouts (the oldest forgotten first).
 */
export function memoryStripeState(): StripeSourceState {
  const events = new Map<string, { claimedMs: number; done: boolean }>();
  const told = new Map<string, RecentSet>();
  const payouts = new Map<string, string>();
  return {
    claimEvent(id, nowMs, staleMs) {
      const e = events.get(id);
      if (e && (e.done || nowMs - e.claimedMs < staleMs)) return false;
      boundedSet(events, id, { claimedMs: nowMs, done: false }, 10_000);
      return true;
    },
    finishEvent(id) {
      const e = events.get(id);
      if (e) e.done = true;
    },
    releaseEvent(id) {
      if (events.get(id)?.done === false) events.delete(id);
    },
    markTold(account, ids) {
      let seen = told.get(account);
      const first = !seen;
      if (!seen) boundedSet(told, account, (seen = new RecentSet(2000)), 10_000);
      const fresh: string[] = [];
      for (const id of ids) {
        if (seen.has(id)) continue;
        seen.add(id);
        fresh.push(id);
      }
      return { fresh, first };
    },
    payoutState(account, payout, state) {
      const key = `${account} ${payout}`;
      const before = payouts.get(key);
      if (before === state) return 'same';
      boundedSet(payouts, key, state, 50_000);
      return before === undefined ? 'new' : 'changed';
    },
  };
}

/**
 * Net volume per account and range, computed once (the core's `aggregateNetVolume` over every
 * balance transaction of the range) and then kept current by adding each new transaction a
 * webhook announces (`addToBuckets`), instead of paging Stripe again. Bounded: at most
 * `maxEntries` series (the least recently used go first), each kept `ttlMs` at most.
 *
 * Balance transactions never change after they are made, so a series stays exact as long as each
 * new one is added once: a transaction made before the series was computed is already in it (the
 * ids of the last minutes before computing are kept, to tell the ones at the edge apart).
 */
import type { BalanceTransaction, NetVolumePoint } from '../contract/types.js';
import { addToBuckets, aggregateNetVolume, type NetVolumeBucket, type NetVolumeTxn } from '../core/net-volume.js';
import type { NetVolumeQuery } from './source.js';

/** Options of `new NetVolumeCache(...)`. */
export interface NetVolumeCacheOptions {
  /** Series kept; default 1000. */
  maxEntries?: number;
  /** Milliseconds a series is kept; default one hour. */
  ttlMs?: number;
  /** Milliseconds since the epoch; default `Date.now`. */
  now?: () => number;
}

/** A transaction made this close before a series was computed may be in it or not: its id tells. */
const EDGE_SECONDS = 600;

interface Entry {
  account: string;
  query: NetVolumeQuery;
  buckets: NetVolumeBucket[];
  /** When it was computed (ms). */
  computedMs: number;
  /** Ids of the transactions counted that were made within `EDGE_SECONDS` of computing, or added since. */
  counted: Set<string>;
}

/** See the module doc. */
export class NetVolumeCache {
  private readonly entries = new Map<string, Entry>();
  private readonly inFlight = new Map<string, Promise<Entry>>();
  private readonly maxEntries: number;
  private readonly ttlMs: number;
  private readonly now: () => number;
  /** How many series were computed (not answered from the cache), for tests and diagnostics. */
  computed = 0;

  constructor(options: NetVolumeCacheOptions = {}) {
    this.maxEntries = Math.max(1, options.maxEntries ?? 1000);
    this.ttlMs = options.ttlMs ?? 3600_000;
    this.now = options.now ?? Date.now;
  }

  /** How many series are kept. */
  get size(): number {
    return this.entries.size;
  }

  /**
   * The series of `query` for the account: from the cache, else from `rows()` (every transaction
   * of the range and currency, any order); concurrent requests for the same series share one
   * computation.
   */
  async get(account: string, query: NetVolumeQuery, rows: () => Promise<Iterable<NetVolumeTxn & { id?: string }>>): Promise<NetVolumePoint[]> {
    const key = keyOf(account, query);
    const hit = this.entries.get(key);
    if (hit && this.now() - hit.computedMs <= this.ttlMs) {
      this.entries.delete(key); // most recently used last
      this.entries.set(key, hit);
      return points(hit.buckets);
    }
    let pending = this.inFlight.get(key);
    if (!pending) {
      pending = (async () => {
        const computedMs = this.now();
        const txns = [...(await rows())];
        this.computed++;
        const edge = computedMs / 1000 - EDGE_SECONDS;
        const entry: Entry = {
          account,
          query,
          buckets: aggregateNetVolume(txns, query),
          computedMs,
          counted: new Set(txns.filter((t) => t.id !== undefined && t.created >= edge).map((t) => t.id!)),
        };
        this.entries.delete(key);
        this.entries.set(key, entry);
        while (this.entries.size > this.maxEntries) this.entries.delete(this.entries.keys().next().value as string);
        return entry;
      })().finally(() => this.inFlight.delete(key));
      this.inFlight.set(key, pending);
    }
    return points((await pending).buckets);
  }

  /** Adds a new transaction of the account to every series it falls in (once). */
  add(account: string, txn: BalanceTransaction): void {
    for (const entry of this.entries.values()) {
      if (entry.account !== account || entry.counted.has(txn.id)) continue;
      if (txn.created < entry.computedMs / 1000 - EDGE_SECONDS) continue; // made well before: already counted
      const next = addToBuckets(entry.buckets, txn, entry.query);
      if (next !== entry.buckets) {
        entry.buckets = next;
        entry.counted.add(txn.id);
      }
    }
  }

  /** Forgets every series (of one account, or all). */
  clear(account?: string): void {
    for (const [key, entry] of this.entries) if (account === undefined || entry.account === account) this.entries.delete(key);
  }
}

function keyOf(account: string, q: NetVolumeQuery): string {
  return JSON.stringify([account, q.currency, q.timezone, q.interval, q.created.gte, q.created.lt]);
}

function points(buckets: readonly NetVolumeBucket[]): NetVolumePoint[] {
  return buckets.map(({ start, net }) => ({ start, net }));
}

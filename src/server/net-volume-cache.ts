/**
 * Net volume per account and range, computed once (the core's `aggregateNetVolume` over every
 * balance transaction of the range) and then kept current by adding each new transaction a
 * webhook announces (`addToBuckets`), instead of paging Stripe again. Each series is kept `ttlMs`
 * at most.
 *
 * Where the series are kept is a `NetVolumeSeriesStore`: this process's memory by default
 * (`memoryNetVolumeStore`, at most `maxEntries` series, the least recently used going first), or
 * a database that several instances share (the reference server's), so a transaction added by
 * the instance that received its webhook is in the series every instance answers.
 *
 * Balance transactions never change after they are made, so a series stays exact as long as each
 * new one is added once: a transaction made before the series was computed is already in it (the
 * ids of the last minutes before computing are kept, to tell the ones at the edge apart).
 */
import type { BalanceTransaction, NetVolumePoint } from '../contract/types.js';
import { addToBuckets, aggregateNetVolume, type NetVolumeBucket, type NetVolumeTxn } from '../core/net-volume.js';
import type { Awaitable, NetVolumeQuery } from './source.js';

/** A series as stored. */
export interface NetVolumeSeries {
  account: string;
  query: NetVolumeQuery;
  buckets: NetVolumeBucket[];
  /** When it was computed (ms since the epoch). */
  computedMs: number;
  /** Ids of the transactions counted that were made within `EDGE_SECONDS` of computing, or added since. */
  counted: string[];
}

/** Where series are kept (see the module doc). */
export interface NetVolumeSeriesStore {
  /** The series under `key`, or undefined. */
  get(key: string): Awaitable<NetVolumeSeries | undefined>;
  /** Keeps (or replaces) the series under `key`. */
  set(key: string, series: NetVolumeSeries): Awaitable<void>;
  /**
   * Replaces each series of the account by what `update` returns for it (undefined: unchanged),
   * each series atomically: an update of the same series elsewhere waits, and is applied to the
   * result (nothing added twice, nothing lost).
   */
  update(account: string, update: (series: NetVolumeSeries) => NetVolumeSeries | undefined): Awaitable<void>;
  /** Forgets every series (of one account, or all). */
  clear(account?: string): Awaitable<void>;
}

/** Options of `new NetVolumeCache(...)`. */
export interface NetVolumeCacheOptions {
  /** Series kept by the default memory store; default 1000. */
  maxEntries?: number;
  /** Milliseconds a series is kept; default one hour. */
  ttlMs?: number;
  /** Milliseconds since the epoch; default `Date.now`. */
  now?: () => number;
  /** Where series are kept; default this process's memory. */
  store?: NetVolumeSeriesStore;
}

/** A transaction made this close before a series was computed may be in it or not: its id tells. */
const EDGE_SECONDS = 600;

/** Series in this process's memory: at most `maxEntries`, the least recently used going first. */
export function memoryNetVolumeStore(maxEntries = 1000): NetVolumeSeriesStore & { readonly size: number } {
  const entries = new Map<string, NetVolumeSeries>();
  const max = Math.max(1, maxEntries);
  return {
    get size() {
      return entries.size;
    },
    get(key) {
      const hit = entries.get(key);
      if (hit) {
        entries.delete(key); // most recently used last
        entries.set(key, hit);
      }
      return hit;
    },
    set(key, series) {
      entries.delete(key);
      entries.set(key, series);
      while (entries.size > max) entries.delete(entries.keys().next().value as string);
    },
    update(account, update) {
      for (const [key, series] of entries) {
        if (series.account !== account) continue;
        const next = update(series);
        if (next) entries.set(key, next);
      }
    },
    clear(account) {
      for (const [key, series] of entries) if (account === undefined || series.account === account) entries.delete(key);
    },
  };
}

/** See the module doc. */
export class NetVolumeCache {
  private readonly store: NetVolumeSeriesStore;
  private readonly inFlight = new Map<string, Promise<NetVolumeSeries>>();
  private readonly ttlMs: number;
  private readonly now: () => number;
  /** How many series this process computed (not answered from the store), for tests and diagnostics. */
  computed = 0;

  constructor(options: NetVolumeCacheOptions = {}) {
    this.store = options.store ?? memoryNetVolumeStore(options.maxEntries);
    this.ttlMs = options.ttlMs ?? 3600_000;
    this.now = options.now ?? Date.now;
  }

  /** How many series the default memory store keeps (undefined with another store). */
  get size(): number | undefined {
    return (this.store as { size?: number }).size;
  }

  /**
   * The series of `query` for the account: from the store, else from `rows()` (every transaction
   * of the range and currency, any order); concurrent requests of this process for the same
   * series share one computation.
   */
  async get(account: string, query: NetVolumeQuery, rows: () => Promise<Iterable<NetVolumeTxn & { id?: string }>>): Promise<NetVolumePoint[]> {
    const key = keyOf(account, query);
    const hit = await this.store.get(key);
    if (hit && this.now() - hit.computedMs <= this.ttlMs) return points(hit.buckets);
    let pending = this.inFlight.get(key);
    if (!pending) {
      pending = (async () => {
        const computedMs = this.now();
        const txns = [...(await rows())];
        this.computed++;
        const edge = computedMs / 1000 - EDGE_SECONDS;
        const series: NetVolumeSeries = {
          account,
          query,
          buckets: aggregateNetVolume(txns, query),
          computedMs,
          counted: txns.filter((t) => t.id !== undefined && t.created >= edge).map((t) => t.id!),
        };
        await this.store.set(key, series);
        return series;
      })().finally(() => this.inFlight.delete(key));
      this.inFlight.set(key, pending);
    }
    return points((await pending).buckets);
  }

  /** Adds a new transaction of the account to every series it falls in (once). */
  async add(account: string, txn: BalanceTransaction): Promise<void> {
    await this.store.update(account, (series) => {
      if (series.counted.includes(txn.id)) return undefined;
      if (txn.created < series.computedMs / 1000 - EDGE_SECONDS) return undefined; // made well before: already counted
      const next = addToBuckets(series.buckets, txn, series.query);
      if (next === series.buckets) return undefined;
      return { ...series, buckets: next, counted: [...series.counted, txn.id] };
    });
  }

  /** Forgets every series (of one account, or all). */
  async clear(account?: string): Promise<void> {
    await this.store.clear(account);
  }
}

/** The key of a series: its account and query. */
export function netVolumeKey(account: string, q: NetVolumeQuery): string {
  return JSON.stringify([account, q.currency, q.timezone, q.interval, q.created.gte, q.created.lt]);
}
const keyOf = netVolumeKey;

function points(buckets: readonly NetVolumeBucket[]): NetVolumePoint[] {
  return buckets.map(({ start, net }) => ({ start, net }));
}

/**
 * stripeSource's state in the database (src/server/stripe-state.ts, src/server/net-volume-cache.ts),
 * so that several instances of a platform's API share it: which Connect events were handled,
 * which balance transactions were told, each payout's last state, and the net volume series.
 *
 * Each claim is one conditional statement, atomic on both engines without a transaction:
 * `INSERT … ON CONFLICT DO NOTHING RETURNING` for the told transactions, `INSERT … ON CONFLICT DO
 * UPDATE … WHERE … RETURNING` for an event claim (taken again only when stale) and for a payout's
 * state (changed only when different). A series of net volume is read, added to in JavaScript
 * and written back: that needs its row locked (`SELECT … FOR UPDATE` in a transaction), so two
 * instances adding two transactions to it one after the other both count.
 */
import type { NetVolumeSeries, NetVolumeSeriesStore } from '../../src/server/net-volume-cache.js';
import type { StripeSourceState, ToldResult } from '../../src/server/stripe-state.js';
import type { SqlDb } from './storage/sql.js';

/** See the module doc. */
export function sqlStripeState(db: SqlDb): StripeSourceState {
  return {
    async claimEvent(id, nowMs, staleMs) {
      const row = await db.get(
        `INSERT INTO stripe_webhook_events (id, claimed_ms, done) VALUES (?, ?, 0)
         ON CONFLICT (id) DO UPDATE SET claimed_ms = excluded.claimed_ms
           WHERE stripe_webhook_events.done = 0 AND stripe_webhook_events.claimed_ms < ?
         RETURNING id`,
        [id, nowMs, nowMs - staleMs],
      );
      return row !== undefined;
    },
    async finishEvent(id) {
      await db.run('UPDATE stripe_webhook_events SET done = 1 WHERE id = ?', [id]);
    },
    async releaseEvent(id) {
      await db.run('DELETE FROM stripe_webhook_events WHERE id = ? AND done = 0', [id]);
    },
    async markTold(account, ids, nowMs): Promise<ToldResult> {
      if (!ids.length) return { fresh: [], first: false };
      const first = (await db.get('SELECT 1 AS one FROM stripe_told WHERE account_id = ? LIMIT 1', [account])) === undefined;
      const fresh: string[] = [];
      // 300 rows a statement: well under both engines' limits on parameters.
      for (let i = 0; i < ids.length; i += 300) {
        const chunk = ids.slice(i, i + 300);
        const rows = await db.all<{ txn_id: string }>(
          `INSERT INTO stripe_told (account_id, txn_id, told_ms) VALUES ${chunk.map(() => '(?, ?, ?)').join(', ')}
           ON CONFLICT (account_id, txn_id) DO NOTHING RETURNING txn_id`,
          chunk.flatMap((id) => [account, id, nowMs]),
        );
        fresh.push(...rows.map((r) => r.txn_id));
      }
      const order = new Map(ids.map((id, i) => [id, i]));
      fresh.sort((a, b) => order.get(a)! - order.get(b)!);
      return { fresh, first };
    },
    async payoutState(account, payout, state, nowMs) {
      const inserted = await db.get(
        `INSERT INTO stripe_payout_states (account_id, payout_id, state, updated_ms) VALUES (?, ?, ?, ?)
         ON CONFLICT (account_id, payout_id) DO NOTHING RETURNING payout_id`,
        [account, payout, state, nowMs],
      );
      if (inserted) return 'new';
      const changed = await db.get(
        `UPDATE stripe_payout_states SET state = ?, updated_ms = ? WHERE account_id = ? AND payout_id = ? AND state <> ? RETURNING payout_id`,
        [state, nowMs, account, payout, state],
      );
      return changed ? 'changed' : 'same';
    },
  };
}

/** Options of `sqlNetVolumeStore`. */
export interface SqlNetVolumeOptions {
  /** Milliseconds since the epoch (for the least recently used); default `Date.now`. */
  now?: () => number;
}

/** Net volume series in the database (see the module doc). */
export function sqlNetVolumeStore(db: SqlDb, o: SqlNetVolumeOptions = {}): NetVolumeSeriesStore & { prune(unusedSinceMs: number): Promise<number> } {
  const now = o.now ?? Date.now;
  return {
    async get(key) {
      const row = await db.get<{ data: string }>('SELECT data FROM net_volume_series WHERE key = ?', [key]);
      if (!row) return undefined;
      await db.run('UPDATE net_volume_series SET used_ms = ? WHERE key = ? AND used_ms < ?', [now(), key, now() - 60_000]);
      return JSON.parse(row.data) as NetVolumeSeries;
    },
    async set(key, series) {
      await db.run(
        `INSERT INTO net_volume_series (key, account_id, computed_ms, used_ms, data) VALUES (?, ?, ?, ?, ?)
         ON CONFLICT (key) DO UPDATE SET computed_ms = excluded.computed_ms, used_ms = excluded.used_ms, data = excluded.data`,
        [key, series.account, series.computedMs, now(), JSON.stringify(series)],
      );
    },
    async update(account, update) {
      await db.transaction(async (tx) => {
        const rows = await tx.all<{ key: string; data: string }>('SELECT key, data FROM net_volume_series WHERE account_id = ? ORDER BY key FOR UPDATE', [account]);
        for (const row of rows) {
          const next = update(JSON.parse(row.data) as NetVolumeSeries);
          if (next) await tx.run('UPDATE net_volume_series SET data = ? WHERE key = ?', [JSON.stringify(next), row.key]);
        }
      });
    },
    async clear(account) {
      if (account === undefined) await db.run('DELETE FROM net_volume_series');
      else await db.run('DELETE FROM net_volume_series WHERE account_id = ?', [account]);
    },
    async prune(unusedSinceMs) {
      return (await db.run('DELETE FROM net_volume_series WHERE used_ms < ?', [unusedSinceMs])).changes;
    },
  };
}

/** Deletes what stripeSource's state no longer needs: handled events and told transactions older than `beforeMs`. */
export async function pruneStripeState(db: SqlDb, beforeMs: number): Promise<number> {
  let n = (await db.run('DELETE FROM stripe_webhook_events WHERE claimed_ms < ?', [beforeMs])).changes;
  n += (await db.run('DELETE FROM stripe_told WHERE told_ms < ?', [beforeMs])).changes;
  n += (await db.run('DELETE FROM stripe_payout_states WHERE updated_ms < ?', [beforeMs])).changes;
  return n;
}

/**
 * The payouts behind the list's payout rows, DOM-free. A payout's balance transaction names its
 * payout in `source`: expanded, it says itself whether it arrived and where it went; as a bare id
 * (`po_…`), the list looks it up here. The index pages the adapter's `listPayouts` newest first,
 * 100 at a time, only as far back as the oldest payout row it was asked about: a list of recent
 * transactions costs one request for a hundred payouts, however many pages of rows load.
 */
import type { List, ListPayoutsParams, Payout } from '../../contract/types.js';

/** One request of payouts: the adapter's `listPayouts` with the signal passed on. */
export type PayoutPage = (params: ListPayoutsParams, signal?: AbortSignal) => Promise<List<Payout>>;

/** Payouts per request. */
const PAGE = 100;
/** Requests per `fill` at most (a thousand payouts back): older rows stay without their payout. */
const MAX_REQUESTS = 10;

/** See the module's documentation. */
export class PayoutIndex {
  /** The payouts known, by id (a new map whenever one is added or changes). */
  payouts: ReadonlyMap<string, Payout> = new Map();
  private cursor?: string;
  private oldest = Infinity;
  private end = false;

  /** Whether the index can look further back. */
  get exhausted(): boolean {
    return this.end;
  }

  /**
   * Pages through the payouts until each of `wanted` (ids with their transaction's `created`) is
   * known or lies above the pages already read (then the adapter does not list it). Resolves with
   * whether any payout was added; rejects with the adapter's error (what arrived before stays).
   */
  async fill(wanted: readonly { id: string; created: number }[], list: PayoutPage, signal?: AbortSignal): Promise<boolean> {
    let added = false;
    for (let requests = 0; requests < MAX_REQUESTS && !this.end; requests++) {
      if (!wanted.some((w) => !this.payouts.has(w.id) && w.created <= this.oldest)) break;
      const params: ListPayoutsParams = { limit: PAGE };
      if (this.cursor) params.starting_after = this.cursor;
      const page = await list(params, signal);
      if (signal?.aborted) throw signal.reason ?? new DOMException('The operation was aborted.', 'AbortError');
      const last = page.data.at(-1);
      this.end = !page.has_more || !last;
      if (!last) break;
      this.cursor = last.id;
      const next = new Map(this.payouts);
      for (const p of page.data) {
        next.set(p.id, p);
        if (p.created < this.oldest) this.oldest = p.created;
      }
      this.payouts = next;
      added = true;
    }
    return added;
  }

  /** A payout from the live feed (`payout.created`, `payout.updated`): known from now on, or updated. Returns whether it changed anything. */
  update(p: Payout): boolean {
    const before = this.payouts.get(p.id);
    if (before && before.status === p.status && before.arrival_date === p.arrival_date) return false;
    const next = new Map(this.payouts);
    next.set(p.id, before ? { ...before, ...p } : p);
    this.payouts = next;
    return true;
  }
}

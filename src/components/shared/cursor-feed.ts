/**
 * Stripe-style cursor paging with a filter on the client, DOM-free: the rows of one query, page by
 * page, newest first, each item once. `TransactionFeed` (`<express-transactions>`) and
 * `PayoutFeed` (`<express-payouts>`) are this with their own parameters and filter.
 */
import type { List } from '../../contract/types.js';

/** One request of a page: the adapter's list method with the signal passed on. */
export type ListRequest<T, P> = (params: P, signal?: AbortSignal) => Promise<List<T>>;

/**
 * The rows of one query. The cursor is the last item the adapter returned (not the last one
 * kept), so a page never skips one; an item already here (from an earlier page or a live event)
 * is not added again; `loadPage` requests again while `continueAfter` says so (a page's worth has
 * not matched yet) and the adapter has more. What arrives is kept as it arrives: a request that
 * fails keeps the rows of the ones before.
 */
export abstract class CursorFeed<T extends { id: string }, P> {
  /** The rows, newest first. A new array whenever it changes. */
  rows: readonly T[] = [];
  /** Whether the adapter has more after the cursor. */
  hasMore = true;
  /** Whether a page has arrived (the first page, after which the list can be shown). */
  loaded = false;
  private cursor: string | undefined;
  /** The ids of the rows. */
  protected readonly ids = new Set<string>();

  /** The parameters of the request after `startingAfter` (the first page without it). */
  protected abstract paramsAfter(startingAfter: string | undefined): P;
  /** Whether an item belongs in the rows. */
  protected abstract matches(item: T): boolean;
  /** Whether to request again, after requests of this `loadPage` added `added` rows (only asked while the adapter has more). */
  protected abstract continueAfter(added: number): boolean;

  /** Whether an item with this id is in the rows. */
  has(id: string): boolean {
    return this.ids.has(id);
  }

  /**
   * Loads the next page's worth of matching items and returns how many rows it added. Rejects with
   * the adapter's error (or the abort reason); rows that arrived before stay.
   */
  async loadPage(list: ListRequest<T, P>, signal?: AbortSignal): Promise<number> {
    if (!this.hasMore) return 0;
    let added = 0;
    do {
      const page = await list(this.paramsAfter(this.cursor), signal);
      if (signal?.aborted) throw signal.reason ?? new DOMException('The operation was aborted.', 'AbortError');
      const fresh: T[] = [];
      for (const item of page.data) {
        if (this.ids.has(item.id) || !this.matches(item)) continue;
        this.ids.add(item.id);
        fresh.push(item);
      }
      const last = page.data.at(-1);
      if (last) this.cursor = last.id;
      // A page that is empty but claims more cannot be followed: the list ends there.
      this.hasMore = page.has_more === true && last !== undefined;
      this.loaded = true;
      // concat, not spread: a plain copy, several times faster on 100,000 rows in some engines.
      if (fresh.length) this.rows = this.rows.concat(fresh);
      added += fresh.length;
    } while (this.hasMore && this.continueAfter(added));
    return added;
  }
}

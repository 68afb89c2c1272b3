/**
 * What `<express-payout-details>` fetches, through a (guarded) adapter: the payout itself
 * (`getPayout`, else `listPayouts` paged until it is found) and the balance transactions it paid
 * out (`listBalanceTransactions({ payout })`, 100 a page, to the end). DOM-free.
 */
import type { GuardedAdapter } from '../../adapter/guard.js';
import { ExpressError } from '../../contract/errors.js';
import type { BalanceTransaction, List, Payout } from '../../contract/types.js';

/** Transactions a page (Stripe's most). */
export const PAYOUT_TRANSACTIONS_PAGE = 100;

/**
 * One payout by id: `getPayout` when the adapter has it, else the payouts listed 100 a page until
 * it turns up. `onList` sees every list (to report the items the guard dropped). Rejects with
 * `not_found` when no payout has the id, or with the adapter's error or the abort reason.
 */
export async function findPayout(
  adapter: GuardedAdapter,
  id: string,
  signal: AbortSignal,
  onList: (list: List<Payout>, operation: string) => void = () => {},
): Promise<Payout> {
  if (adapter.getPayout) return adapter.getPayout(id, { signal });
  let after: string | undefined;
  for (;;) {
    const list = await adapter.listPayouts({ limit: 100, ...(after ? { starting_after: after } : {}) }, { signal });
    onList(list, 'listPayouts');
    const found = list.data.find((p) => p.id === id);
    if (found) return found;
    const last = list.data.at(-1);
    if (!list.has_more || !last) throw new ExpressError('not_found', undefined, { param: 'id' });
    after = last.id;
  }
}

/** The transactions of a payout, or why there are none to show. */
export type PayoutTransactions =
  /** What the adapter listed for the payout (its own `payout` transaction included), newest first. */
  | { state: 'listed'; txns: BalanceTransaction[] }
  /** A manual payout: not tied to particular transactions (Stripe lists none for it). */
  | { state: 'manual' }
  /** The adapter cannot list by payout (an `invalid_request` naming `payout`). */
  | { state: 'unavailable' };

/**
 * The balance transactions `payout` paid out, every page (100 each) until `has_more` is false,
 * each request with `signal`. A manual payout (`automatic: false`) is not asked about; an
 * `invalid_request` whose `param` is `payout` (Stripe's answer for a manual payout, and an
 * adapter's that cannot filter by payout) is `unavailable`, not a failure. `onPage` hears each
 * page and the running count. Any other failure rejects (with the adapter's error or the abort
 * reason).
 */
export async function fetchPayoutTransactions(
  adapter: GuardedAdapter,
  payout: Pick<Payout, 'id' | 'automatic'>,
  signal: AbortSignal,
  onPage: (list: List<BalanceTransaction>, count: number) => void = () => {},
): Promise<PayoutTransactions> {
  if (payout.automatic === false) return { state: 'manual' };
  const txns: BalanceTransaction[] = [];
  const seen = new Set<string>();
  let after: string | undefined;
  for (;;) {
    let list: List<BalanceTransaction>;
    try {
      list = await adapter.listBalanceTransactions(
        { payout: payout.id, limit: PAYOUT_TRANSACTIONS_PAGE, ...(after ? { starting_after: after } : {}) },
        { signal },
      );
    } catch (e) {
      if (e instanceof ExpressError && e.code === 'invalid_request' && e.param === 'payout') return { state: 'unavailable' };
      throw e;
    }
    if (signal.aborted) throw signal.reason ?? new DOMException('The operation was aborted.', 'AbortError');
    for (const t of list.data) {
      if (seen.has(t.id)) continue;
      seen.add(t.id);
      txns.push(t);
    }
    onPage(list, txns.length);
    const last = list.data.at(-1);
    if (!list.has_more || !last) return { state: 'listed', txns };
    after = last.id;
  }
}

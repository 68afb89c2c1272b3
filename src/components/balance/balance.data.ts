/**
 * The payouts `<express-balance>` needs, fetched through a (guarded) adapter: every upcoming
 * payout (pending and in transit, for the sum on its way to the bank) and enough recent ones to
 * show the five latest others. DOM-free.
 */
import type { GuardedAdapter } from '../../adapter/guard.js';
import type { List, ListPayoutsParams, Payout } from '../../contract/types.js';
import { isUpcoming } from './balance.model.js';

/** At most this many pages of each upcoming status (100 payouts a page). */
export const MAX_UPCOMING_PAGES = 5;
/** At most this many pages of recent payouts while looking for five that are not upcoming. */
export const MAX_RECENT_PAGES = 3;

/**
 * Fetches the payouts in three parallel streams: `status: 'pending'`, `status: 'in_transit'`
 * (each paged while `has_more`, up to `MAX_UPCOMING_PAGES`), and the newest payouts (paged until
 * `recent` of them are not upcoming, up to `MAX_RECENT_PAGES`). Items are filtered again on the
 * client (an adapter may ignore the status filter) and de-duplicated by id. `onList` sees every
 * list (to report the items the guard dropped). Rejects with the first failure.
 */
export async function fetchPayouts(
  adapter: GuardedAdapter,
  signal: AbortSignal,
  onList: (list: List<Payout>) => void = () => {},
  recent = 5,
): Promise<Payout[]> {
  const page = async (params: ListPayoutsParams): Promise<List<Payout>> => {
    const list = await adapter.listPayouts(params, { signal });
    onList(list);
    return list;
  };
  const upcoming = async (status: 'pending' | 'in_transit'): Promise<Payout[]> => {
    const out: Payout[] = [];
    let after: string | undefined;
    for (let i = 0; i < MAX_UPCOMING_PAGES; i++) {
      const list = await page({ status, limit: 100, ...(after ? { starting_after: after } : {}) });
      out.push(...list.data.filter((p) => p.status === status));
      if (!list.has_more || list.data.length === 0) break;
      after = list.data[list.data.length - 1].id;
    }
    return out;
  };
  const latest = async (): Promise<Payout[]> => {
    const out: Payout[] = [];
    let after: string | undefined;
    for (let i = 0; i < MAX_RECENT_PAGES; i++) {
      const list = await page({ limit: 20, ...(after ? { starting_after: after } : {}) });
      out.push(...list.data);
      if (out.filter((p) => !isUpcoming(p)).length >= recent || !list.has_more || list.data.length === 0) break;
      after = list.data[list.data.length - 1].id;
    }
    return out;
  };
  const all = (await Promise.all([upcoming('pending'), upcoming('in_transit'), latest()])).flat();
  const byId = new Map<string, Payout>();
  for (const p of all) if (!byId.has(p.id)) byId.set(p.id, p);
  return [...byId.values()];
}

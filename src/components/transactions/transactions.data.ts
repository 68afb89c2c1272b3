/**
 * How `<express-transactions>` asks its adapter for transactions: the pages of `TransactionFeed`
 * and of the CSV export come through here, with each item the adapter's guard dropped reported.
 */
import type { GuardedAdapter } from '../../adapter/guard.js';
import type { AdapterController } from '../shared/adapter-controller.js';
import type { ListPage } from './transactions.model.js';

/** `listBalanceTransactions` of `adapter` as a `ListPage`; dropped (invalid) items fire `express-error`. */
export function listPages(adapter: GuardedAdapter, adapters: AdapterController): ListPage {
  return (params, signal) =>
    adapter.listBalanceTransactions(params, { signal }).then((list) => adapters.reportDropped(list, 'listBalanceTransactions'));
}

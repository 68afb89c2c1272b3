import { expect } from '@open-wc/testing';
import fc from 'fast-check';
import { CATEGORIES, CATEGORY_TYPES, categoryOf } from '../../../src/contract/categories.js';
import { ExpressError } from '../../../src/contract/errors.js';
import { MemoryAdapter } from '../../../src/adapter/memory-adapter.js';
import type { BalanceTransaction, ListBalanceTransactionsParams } from '../../../src/contract/types.js';
import { customRange, parseLocalIsoDate, rangeForPreset } from '../../../src/core/time.js';
import {
  activeFilters,
  createdFor,
  fetchAllTransactions,
  isValidCustomRange,
  matchesQuery,
  pageParams,
  queryFor,
  toCategoryFilter,
  toPageSize,
  toRange,
  TransactionFeed,
  type CategoryFilter,
  type ListPage,
} from '../../../src/components/transactions/transactions.model.js';
import { page, txn, txns } from './transactions.fake.js';

const NOW = Date.UTC(2026, 10, 26, 15, 0, 0) / 1000; // Thu Nov 26 2026, 10:00 in New York
const TZ = 'America/New_York';

/** A `ListPage` over a MemoryAdapter that records every request. */
function recording(adapter: MemoryAdapter): { list: ListPage; calls: ListBalanceTransactionsParams[] } {
  const calls: ListBalanceTransactionsParams[] = [];
  return {
    calls,
    list: (p, signal) => {
      calls.push(structuredClone(p));
      return adapter.listBalanceTransactions(p, { signal });
    },
  };
}

describe('transactions model: filters to parameters', () => {
  it('normalises attribute values', () => {
    expect(toCategoryFilter('refund')).to.equal('refund');
    expect(toCategoryFilter('other')).to.equal('other');
    expect(toCategoryFilter('refunds')).to.equal('all');
    expect(toCategoryFilter(null)).to.equal('all');
    expect(toRange('12m')).to.equal('12m');
    expect(toRange('ytd')).to.equal('all');
    expect(toPageSize(undefined)).to.equal(25);
    expect(toPageSize('10')).to.equal(10);
    expect(toPageSize(0)).to.equal(25);
    expect(toPageSize(500)).to.equal(100);
    expect(toPageSize(12.7)).to.equal(12);
  });

  it("maps each category to the contract's type[] list, and all to none", () => {
    for (const c of CATEGORIES.filter((x) => x !== 'other')) {
      const q = queryFor({ category: c, range: 'all' }, { now: NOW, timeZone: TZ });
      expect(q.params.type, c).to.deep.equal(CATEGORY_TYPES[c as Exclude<typeof c, 'other'>]);
      expect(q.clientCategory).to.equal(undefined);
    }
    const all = queryFor({ category: 'all', range: 'all' }, { now: NOW, timeZone: TZ });
    expect(all.params).to.deep.equal({});
    expect(pageParams(all)).to.deep.equal({ limit: 25 });
  });

  it('filters other on the client and scans 100 at a time', () => {
    const q = queryFor({ category: 'other', range: 'all' }, { now: NOW, timeZone: TZ, pageSize: 10 });
    expect(q.params.type).to.equal(undefined);
    expect(q.clientCategory).to.equal('other');
    expect(pageParams(q, 'txn_9')).to.deep.equal({ limit: 100, starting_after: 'txn_9' });
  });

  it("maps range presets to created in the account's timezone, all time to none", () => {
    for (const r of ['7d', '30d', '90d', '12m'] as const) {
      const q = queryFor({ category: 'all', range: r }, { now: NOW, timeZone: TZ });
      expect(q.params.created, r).to.deep.equal(rangeForPreset(r, NOW, TZ));
    }
    // 30 local days in New York: Oct 28 00:00 EDT to Nov 27 00:00 EST.
    expect(queryFor({ category: 'all', range: '30d' }, { now: NOW, timeZone: TZ }).params.created).to.deep.equal({
      gte: Date.UTC(2026, 9, 28, 4) / 1000,
      lt: Date.UTC(2026, 10, 27, 5) / 1000,
    });
    expect(queryFor({ category: 'all', range: 'all' }, { now: NOW, timeZone: TZ }).params.created).to.equal(undefined);
  });

  it('maps a custom range to whole local days, open on a missing side, and ignores an invalid one', () => {
    expect(createdFor({ range: 'custom', from: '2026-03-01', to: '2026-03-31' }, NOW, TZ)).to.deep.equal(
      customRange('2026-03-01', '2026-03-31', TZ),
    );
    expect(createdFor({ range: 'custom', from: '2026-03-01' }, NOW, TZ)).to.deep.equal({ gte: parseLocalIsoDate('2026-03-01', TZ) });
    expect(createdFor({ range: 'custom', to: '2026-03-07' }, NOW, TZ)).to.deep.equal({ lt: parseLocalIsoDate('2026-03-08', TZ) });
    expect(createdFor({ range: 'custom', from: '2026-04-01', to: '2026-03-01' }, NOW, TZ)).to.equal(undefined);
    expect(createdFor({ range: 'custom', from: '2026-02-30' }, NOW, TZ)).to.equal(undefined);
    expect(isValidCustomRange('2026-03-02', '2026-03-01', TZ)).to.equal(false);
    expect(isValidCustomRange('2026-03-01', '2026-03-01', TZ)).to.equal(true);
    expect(isValidCustomRange(null, '2026-03-01', TZ)).to.equal(true);
  });

  it('passes a picked currency in lower case; queries asking the same have the same key', () => {
    const a = queryFor({ category: 'refund', range: '7d', currency: 'EUR' }, { now: NOW, timeZone: TZ });
    expect(a.params.currency).to.equal('eur');
    const b = queryFor({ category: 'refund', range: '7d', currency: 'eur' }, { now: NOW + 60, timeZone: TZ });
    expect(b.key).to.equal(a.key);
    const c = queryFor({ category: 'refund', range: '7d' }, { now: NOW, timeZone: TZ });
    expect(c.key).to.not.equal(a.key);
    expect(queryFor({ category: 'all', range: '7d' }, { now: NOW, timeZone: 'Asia/Tokyo' }).key).to.not.equal(
      queryFor({ category: 'all', range: '7d' }, { now: NOW, timeZone: TZ }).key,
    );
  });

  it('names the active filters', () => {
    expect(activeFilters({ category: 'all', range: 'all' })).to.deep.equal([]);
    expect(activeFilters({ category: 'fee', range: '30d', currency: 'eur' })).to.deep.equal(['category', 'range', 'currency']);
  });

  it('matches live transactions by type, currency and range', () => {
    const q = queryFor({ category: 'refund', range: '7d', currency: 'usd' }, { now: NOW, timeZone: TZ });
    expect(matchesQuery(txn({ type: 'refund', created: NOW }), q)).to.equal(true);
    expect(matchesQuery(txn({ type: 'payment', created: NOW }), q)).to.equal(false);
    expect(matchesQuery(txn({ type: 'refund', created: NOW, currency: 'eur' }), q)).to.equal(false);
    expect(matchesQuery(txn({ type: 'refund', created: NOW - 8 * 86400 }), q)).to.equal(false);
    const other = queryFor({ category: 'other', range: 'all' }, { now: NOW, timeZone: TZ });
    expect(matchesQuery(txn({ type: 'climate_order_purchase' }), other)).to.equal(true);
    expect(matchesQuery(txn({ type: 'payout' }), other)).to.equal(false);
  });
});

describe('transactions model: paging', () => {
  it('pages with the last id as cursor, without gaps or duplicates', async () => {
    const data = txns(60);
    const { list, calls } = recording(new MemoryAdapter({ balance_transactions: data }));
    const feed = new TransactionFeed(queryFor({ category: 'all', range: 'all' }, { now: NOW, timeZone: TZ, pageSize: 25 }));
    expect(await feed.loadPage(list)).to.equal(25);
    expect(feed.hasMore).to.equal(true);
    expect(await feed.loadPage(list)).to.equal(25);
    expect(await feed.loadPage(list)).to.equal(10);
    expect(feed.hasMore).to.equal(false);
    expect(await feed.loadPage(list)).to.equal(0);
    expect(calls).to.deep.equal([
      { limit: 25 },
      { limit: 25, starting_after: data[24]!.id },
      { limit: 25, starting_after: data[49]!.id },
    ]);
    expect(feed.rows.map((t) => t.id)).to.deep.equal(data.map((t) => t.id));
  });

  it('any page size and category: the pages together are exactly the matching transactions, in order', async () => {
    const types = ['payment', 'refund', 'payout', 'stripe_fee', 'adjustment', 'transfer', 'topup', 'brand_new_type'];
    await fc.assert(
      fc.asyncProperty(
        fc.array(fc.constantFrom(...types), { maxLength: 120 }),
        fc.integer({ min: 1, max: 30 }),
        fc.constantFrom<CategoryFilter>('all', ...CATEGORIES),
        async (typeList, pageSize, category) => {
          const data = typeList.map((type) => txn({ type }));
          const adapter = new MemoryAdapter({ balance_transactions: data });
          const feed = new TransactionFeed(queryFor({ category, range: 'all' }, { now: NOW, timeZone: TZ, pageSize }));
          let guard = 0;
          while (feed.hasMore && guard++ < 500) {
            const added = await feed.loadPage((p, signal) => adapter.listBalanceTransactions(p, { signal }));
            // A page brings a page's worth, unless it is the last.
            if (feed.hasMore) expect(added).to.be.at.least(pageSize);
          }
          // txn() makes each transaction older than the one before: `data` is newest first.
          const want = data.filter((t) => category === 'all' || categoryOf(t) === category).map((t) => t.id);
          const got = feed.rows.map((t) => t.id);
          expect(new Set(got).size).to.equal(got.length);
          expect(got).to.deep.equal(want);
        },
      ),
      { numRuns: 60 },
    );
  });

  it('keeps scanning for other until a page has matched, and stops at the end', async () => {
    const data = txns(250);
    for (const i of [3, 120, 121, 240]) data[i] = { ...data[i]!, type: i === 240 ? 'topup' : 'obligation_outbound' };
    const { list, calls } = recording(new MemoryAdapter({ balance_transactions: data }));
    const feed = new TransactionFeed(queryFor({ category: 'other', range: 'all' }, { now: NOW, timeZone: TZ, pageSize: 3 }));
    expect(await feed.loadPage(list)).to.equal(3);
    expect(calls).to.deep.equal([{ limit: 100 }, { limit: 100, starting_after: data[99]!.id }]);
    expect(feed.rows.map((t) => t.id)).to.deep.equal([data[3]!.id, data[120]!.id, data[121]!.id]);
    expect(feed.hasMore).to.equal(true);
    expect(await feed.loadPage(list)).to.equal(1);
    expect(feed.hasMore).to.equal(false);
    expect(calls.at(-1)).to.deep.equal({ limit: 100, starting_after: data[199]!.id });
  });

  it('does not add a transaction twice when a live event and a page both bring it', async () => {
    const data = txns(30);
    const adapter = new MemoryAdapter({ balance_transactions: data });
    const feed = new TransactionFeed(queryFor({ category: 'all', range: 'all' }, { now: NOW, timeZone: TZ, pageSize: 10 }));
    expect(feed.insertLive(data[4]!)).to.equal(true);
    await feed.loadPage((p, s) => adapter.listBalanceTransactions(p, { signal: s }));
    expect(feed.rows.length).to.equal(10);
    expect(feed.insertLive(data[12]!)).to.equal(true); // not loaded yet: goes to the top
    expect(feed.insertLive(data[12]!)).to.equal(false);
    expect(feed.insertLive(data[0]!)).to.equal(false); // already on the first page
    await feed.loadPage((p, s) => adapter.listBalanceTransactions(p, { signal: s }));
    const ids = feed.rows.map((t) => t.id);
    expect(new Set(ids).size).to.equal(ids.length);
    // The live ones first, newest arrival on top, then the pages in order without them.
    const live = [data[12]!.id, data[4]!.id];
    expect(ids).to.deep.equal([...live, ...data.slice(0, 20).map((t) => t.id).filter((id) => !live.includes(id))]);
  });

  it('keeps what arrived when a request fails and continues from there', async () => {
    const data = txns(250);
    data[10] = { ...data[10]!, type: 'obligation_inbound' };
    data[150] = { ...data[150]!, type: 'obligation_inbound' };
    let fail = true;
    const adapter = new MemoryAdapter({ balance_transactions: data });
    const calls: (string | undefined)[] = [];
    const list: ListPage = async (p, signal) => {
      calls.push(p.starting_after);
      if (p.starting_after && fail) throw new ExpressError('network');
      return adapter.listBalanceTransactions(p, { signal });
    };
    const feed = new TransactionFeed(queryFor({ category: 'other', range: 'all' }, { now: NOW, timeZone: TZ, pageSize: 2 }));
    let error: unknown;
    try {
      await feed.loadPage(list);
    } catch (e) {
      error = e;
    }
    expect((error as ExpressError).code).to.equal('network');
    expect(feed.rows.map((t) => t.id)).to.deep.equal([data[10]!.id]);
    fail = false;
    await feed.loadPage(list);
    expect(feed.rows.map((t) => t.id)).to.deep.equal([data[10]!.id, data[150]!.id]);
    expect(calls).to.deep.equal([undefined, data[99]!.id, data[99]!.id, data[199]!.id]);
  });

  it('ends the list at an empty page that claims more', async () => {
    const feed = new TransactionFeed(queryFor({ category: 'all', range: 'all' }, { now: NOW, timeZone: TZ }));
    await feed.loadPage(async () => page([], true));
    expect(feed.hasMore).to.equal(false);
    expect(feed.loaded).to.equal(true);
  });

  it('rejects with the abort reason when aborted', async () => {
    const abort = new AbortController();
    const feed = new TransactionFeed(queryFor({ category: 'all', range: 'all' }, { now: NOW, timeZone: TZ }));
    const p = feed.loadPage(async () => {
      abort.abort();
      return page([txn()], true);
    }, abort.signal);
    let error: unknown;
    try {
      await p;
    } catch (e) {
      error = e;
    }
    expect((error as Error).name).to.equal('AbortError');
    expect(feed.rows.length).to.equal(0);
  });

  it('fetches every matching transaction 100 at a time for the export, with progress', async () => {
    const data = txns(230);
    const { list, calls } = recording(new MemoryAdapter({ balance_transactions: data }));
    const progress: number[] = [];
    const q = queryFor({ category: 'all', range: 'all' }, { now: NOW, timeZone: TZ, pageSize: 25 });
    const all = await fetchAllTransactions(list, q, { onProgress: (n) => progress.push(n) });
    expect(all.map((t: BalanceTransaction) => t.id)).to.deep.equal(data.map((t) => t.id));
    expect(progress).to.deep.equal([100, 200, 230]);
    expect(calls.map((c) => c.limit)).to.deep.equal([100, 100, 100]);
  });
});

import { expect } from '@open-wc/testing';
import type { ListBalanceTransactionsParams, NetVolumeParams } from '../../../src/contract/types.js';
import { addRange, alignNetVolume, EarningsStore, missingRanges } from '../../../src/components/earnings/earnings.data.js';
import { bucketStarts, parseLocalIsoDate } from '../../../src/core/time.js';
import { fakeAdapter, MARCH_DST, page, txn } from '../../support/earnings-adapter.js';

const NY = 'America/New_York';
const day = (iso: string) => parseLocalIsoDate(iso, NY);

/** The known data set: two daylight-saving days in New York, a payout, a top-up and another currency. */
const DATA = [
  ...MARCH_DST,
  txn('txn_f', '2026-03-08T14:00:00Z', 70000, 'topup'), // must not count
  txn('txn_g', '2026-03-08T15:00:00Z', 99999, 'charge', 'eur'),
  txn('txn_h', '2026-11-01T04:30:00Z', 100), // Nov 1, 00:30 EDT
  txn('txn_i', '2026-11-02T04:30:00Z', 200), // Nov 1, 23:30 EST
];

function listAdapter(txns = DATA, o: { netVolume?: boolean } = {}) {
  return fakeAdapter({ ...o, auto: { listBalanceTransactions: (p) => page(txns, p) } });
}

describe('EarningsStore: paging listBalanceTransactions', () => {
  it('buckets a known data set exactly, across DST days, without payouts or top-ups', async () => {
    const adapter = listAdapter();
    const store = new EarningsStore(adapter);
    const signal = new AbortController().signal;
    const s = await store.load(
      { currency: 'usd', timeZone: NY, interval: 'day', span: { gte: day('2026-03-07'), lt: day('2026-03-10') } },
      { signal },
    );
    expect(s).to.deep.equal({
      countsKnown: true,
      points: [
        { start: day('2026-03-07'), net: 8, count: 1 },
        { start: day('2026-03-08'), net: 3000, count: 2 },
        { start: day('2026-03-09'), net: 4, count: 1 },
      ],
    });
    const [call] = adapter.callsOf('listBalanceTransactions');
    expect(call.params).to.deep.equal({ limit: 100, created: { gte: day('2026-03-07'), lt: day('2026-03-10') }, currency: 'usd' });
    expect(call.signal).to.equal(signal);
    const nov = await store.load({ currency: 'usd', timeZone: NY, interval: 'day', span: { gte: day('2026-11-01'), lt: day('2026-11-02') } });
    expect(nov.points).to.deep.equal([{ start: day('2026-11-01'), net: 300, count: 2 }]);
  });

  it('pages 100 at a time with starting_after and reports progress', async () => {
    const many = Array.from({ length: 250 }, (_, i) => txn(`txn_${String(i).padStart(3, '0')}`, day('2026-03-01') + i * 60, 1));
    const adapter = listAdapter(many);
    const store = new EarningsStore(adapter);
    const progress: number[] = [];
    const s = await store.load(
      { currency: 'usd', timeZone: NY, interval: 'week', span: { gte: day('2026-03-01'), lt: day('2026-03-02') } },
      { onProgress: (n) => progress.push(n) },
    );
    expect(s.points.reduce((a, p) => a + p.net, 0)).to.equal(250);
    const calls = adapter.callsOf('listBalanceTransactions').map((c) => c.params as ListBalanceTransactionsParams);
    expect(calls.map((p) => p.starting_after)).to.deep.equal([undefined, 'txn_150', 'txn_050']);
    expect(calls.every((p) => p.limit === 100)).to.equal(true);
    expect(progress).to.deep.equal([100, 200, 250]);
  });

  it('answers another interval, or a span inside a fetched one, without fetching again', async () => {
    const adapter = listAdapter();
    const store = new EarningsStore(adapter);
    const span = { gte: day('2026-03-01'), lt: day('2026-11-27') };
    await store.load({ currency: 'usd', timeZone: NY, interval: 'month', span });
    for (const interval of ['day', 'week', 'quarter', 'year'] as const) {
      await store.load({ currency: 'usd', timeZone: NY, interval, span });
    }
    const inner = await store.load({ currency: 'usd', timeZone: NY, interval: 'day', span: { gte: day('2026-03-08'), lt: day('2026-03-09') } });
    expect(inner.points).to.deep.equal([{ start: day('2026-03-08'), net: 3000, count: 2 }]);
    // A zone is a different bucketing of the same instants: no fetch either.
    await store.load({ currency: 'usd', timeZone: 'Asia/Tokyo', interval: 'month', span });
    expect(adapter.callsOf('listBalanceTransactions')).to.have.length(1);
  });

  it('fetches only the missing part of an overlapping span (the previous period)', async () => {
    const adapter = listAdapter();
    const store = new EarningsStore(adapter);
    await store.load({ currency: 'usd', timeZone: NY, interval: 'day', span: { gte: day('2026-03-08'), lt: day('2026-03-10') } });
    await store.load({ currency: 'usd', timeZone: NY, interval: 'day', span: { gte: day('2026-03-06'), lt: day('2026-03-09') } });
    const created = adapter.callsOf('listBalanceTransactions').map((c) => (c.params as ListBalanceTransactionsParams).created);
    expect(created).to.deep.equal([
      { gte: day('2026-03-08'), lt: day('2026-03-10') },
      { gte: day('2026-03-06'), lt: day('2026-03-08') },
    ]);
  });

  it('keeps the pages an aborted load got and resumes after them', async () => {
    const many = Array.from({ length: 150 }, (_, i) => txn(`txn_${String(i).padStart(3, '0')}`, day('2026-03-01') + i * 60, 1));
    const adapter = fakeAdapter();
    const store = new EarningsStore(adapter);
    const q = { currency: 'usd', timeZone: NY, interval: 'day' as const, span: { gte: day('2026-03-01'), lt: day('2026-03-02') } };
    const abort = new AbortController();
    const first = store.load(q, { signal: abort.signal });
    const p1 = await adapter.next('listBalanceTransactions');
    p1.resolve(page(many, p1.params));
    const p2 = await adapter.next('listBalanceTransactions');
    expect(p2.signal).to.equal(abort.signal);
    abort.abort();
    p2.reject(abort.signal.reason);
    let error: unknown;
    await first.catch((e) => (error = e));
    expect((error as Error).name).to.equal('AbortError');
    // Again: only what is older than the first page's oldest second is asked for.
    const again = store.load(q);
    const p3 = await adapter.next('listBalanceTransactions');
    const oldestSeen = day('2026-03-01') + 50 * 60;
    expect(p3.params).to.deep.equal({ limit: 100, created: { gte: day('2026-03-01'), lt: oldestSeen + 1 }, currency: 'usd' });
    p3.resolve(page(many, p3.params));
    const s = await again;
    expect(s.points[0]).to.deep.equal({ start: day('2026-03-01'), net: 150, count: 150 });
  });

  it('finds the oldest transaction for all time when the account has no created', async () => {
    const adapter = listAdapter();
    const store = new EarningsStore(adapter);
    expect(await store.oldest('usd', day('2026-12-01'))).to.equal(Date.parse('2026-03-08T04:30:00Z') / 1000);
    expect((adapter.callsOf('listBalanceTransactions')[0].params as ListBalanceTransactionsParams).created).to.deep.equal({ lt: day('2026-12-01') });
    // Everything before December is now kept.
    await store.load({ currency: 'usd', timeZone: NY, interval: 'month', span: { gte: day('2026-03-01'), lt: day('2026-12-01') } });
    expect(adapter.callsOf('listBalanceTransactions')).to.have.length(1);
    expect(await new EarningsStore(listAdapter([])).oldest('usd', day('2026-12-01'))).to.equal(undefined);
  });

  it('adds a live transaction to its bucket once', async () => {
    const store = new EarningsStore(listAdapter());
    const q = { currency: 'usd', timeZone: NY, interval: 'day' as const, span: { gte: day('2026-03-07'), lt: day('2026-03-10') } };
    await store.load(q);
    const live = txn('txn_live', '2026-03-09T15:00:00Z', 500);
    expect(store.addLive(live)).to.equal(true);
    expect(store.peek(q)!.points[2]).to.deep.equal({ start: day('2026-03-09'), net: 504, count: 2 });
    expect(store.addLive(live)).to.equal(false);
    expect(store.addLive(DATA[0])).to.equal(false); // already fetched
    expect(store.peek(q)!.points[2].net).to.equal(504);
    // A payout never counts.
    store.addLive(txn('txn_po', '2026-03-09T16:00:00Z', -504, 'payout'));
    expect(store.peek(q)!.points[2].net).to.equal(504);
  });
});

describe('EarningsStore: getNetVolume', () => {
  it('is preferred when the adapter has it; a missing bucket is zero', async () => {
    const adapter = fakeAdapter({ netVolume: true });
    const store = new EarningsStore(adapter);
    const span = { gte: day('2026-03-07'), lt: day('2026-03-10') };
    const loading = store.load({ currency: 'usd', timeZone: NY, interval: 'day', span });
    const call = await adapter.next('getNetVolume');
    expect(call.params).to.deep.equal({ interval: 'day', created: span, currency: 'usd', timezone: NY } satisfies NetVolumeParams);
    call.resolve([{ start: day('2026-03-07'), net: 8 }, { start: day('2026-03-09'), net: 4 }]);
    expect(await loading).to.deep.equal({
      countsKnown: false,
      points: [
        { start: day('2026-03-07'), net: 8, count: 0 },
        { start: day('2026-03-08'), net: 0, count: 0 },
        { start: day('2026-03-09'), net: 4, count: 0 },
      ],
    });
    expect(adapter.callsOf('listBalanceTransactions')).to.have.length(0);
    // Weeks come from the kept days.
    const weeks = await store.load({ currency: 'usd', timeZone: NY, interval: 'week', span });
    expect(weeks.points).to.deep.equal([
      { start: day('2026-03-02'), net: 8, count: 0 },
      { start: day('2026-03-09'), net: 4, count: 0 },
    ]);
    expect(adapter.callsOf('getNetVolume')).to.have.length(1);
  });

  it('aligns entries on the core bucket starts', () => {
    const q = { currency: 'usd', timeZone: NY, interval: 'week' as const, span: { gte: day('2026-03-04'), lt: day('2026-03-20') } };
    const starts = bucketStarts(q.span, 'week', NY);
    const points = alignNetVolume([{ start: starts[2], net: 5 }, { start: starts[0], net: 7 }, { start: day('2027-01-04'), net: 999 }], q);
    expect(points.map((p) => p.net)).to.deep.equal([7, 0, 5]);
  });
});

describe('EarningsStore: coverage ranges', () => {
  it('merges ranges and finds the gaps', () => {
    let r = addRange([], { gte: 10, lt: 20 });
    r = addRange(r, { gte: 30, lt: 40 });
    expect(missingRanges(r, { gte: 0, lt: 50 })).to.deep.equal([{ gte: 0, lt: 10 }, { gte: 20, lt: 30 }, { gte: 40, lt: 50 }]);
    r = addRange(r, { gte: 20, lt: 30 });
    expect(r).to.deep.equal([{ gte: 10, lt: 40 }]);
    expect(missingRanges(r, { gte: 12, lt: 38 })).to.deep.equal([]);
    expect(missingRanges([{ gte: -Infinity, lt: 5 }], { gte: 0, lt: 9 })).to.deep.equal([{ gte: 5, lt: 9 }]);
  });
});

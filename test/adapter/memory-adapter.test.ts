import { expect } from '@open-wc/testing';
import fc from 'fast-check';
import { categoryOf } from '../../src/contract/categories.js';
import { balanceOf, generateDemoData } from '../../src/demo/demo-data.js';
import { ExpressError } from '../../src/contract/errors.js';
import { droppedItems, guardAdapter } from '../../src/adapter/guard.js';
import { MemoryAdapter } from '../../src/adapter/memory-adapter.js';
import type { Balance, BalanceTransaction, ExpressEvent, ListBalanceTransactionsParams, Payout } from '../../src/contract/types.js';
import { isSafeRedirectUrl } from '../../src/core/url.js';
import {
  validateAccount,
  validateBalance,
  validateBalanceTransaction,
  validatePayout,
} from '../../src/adapter/validate.js';
import { bucketStart, zonedParts } from '../../src/core/time.js';
import { rejection } from '../support/rejection.js';
import { DemoAdapter, demoAdapter } from '../../src/demo/demo-adapter.js';

/** 2026-11-26 15:00 UTC, a Thursday; 10:00 in New York. */
const NOW = Date.UTC(2026, 10, 26, 15, 0, 0) / 1000;

async function all(adapter: MemoryAdapter, p: ListBalanceTransactionsParams = {}, pageSize = 100): Promise<BalanceTransaction[]> {
  const out: BalanceTransaction[] = [];
  let starting_after: string | undefined;
  for (;;) {
    const page = await adapter.listBalanceTransactions({ ...p, limit: pageSize, starting_after });
    out.push(...page.data);
    if (!page.has_more) return out;
    starting_after = page.data[page.data.length - 1].id;
  }
}

function sum(xs: number[]): number {
  return xs.reduce((a, b) => a + b, 0);
}

function amountOf(b: Balance, key: 'available' | 'pending', currency: string): number {
  return b[key].find((a) => a.currency === currency)?.amount ?? 0;
}

describe('MemoryAdapter.demo: the generated history', function () {
  // Tens of thousands of objects checked in slower engines on a busy machine.
  this.timeout(30_000);
  const data = generateDemoData({ seed: 7, months: 24, now: NOW });
  const txns = data.balance_transactions;

  it('is identical for the same seed and now, and different for another seed', () => {
    expect(generateDemoData({ seed: 7, months: 24, now: NOW })).to.deep.equal(data);
    expect(generateDemoData({ seed: 7, months: 24, now: new Date(NOW * 1000) })).to.deep.equal(data);
    const other = generateDemoData({ seed: 8, months: 24, now: NOW });
    expect(other.balance_transactions[5].id).not.to.equal(txns[5].id);
  });

  it('generates ten thousand transactions and more for five years', () => {
    expect(generateDemoData({ months: 60, now: NOW }).balance_transactions.length).to.be.at.least(10_000);
  });

  it('passes the boundary validator, object by object', () => {
    validateAccount(data.account);
    validateBalance(data.balance);
    for (const t of txns) validateBalanceTransaction(t);
    for (const p of data.payouts) validatePayout(p);
  });

  it('has a balance equal to the sums its transactions and payouts imply', () => {
    const net = (status: string) => sum(txns.filter((t) => t.status === status).map((t) => t.net));
    expect(amountOf(data.balance, 'available', 'usd')).to.equal(net('available'));
    expect(amountOf(data.balance, 'pending', 'usd')).to.equal(net('pending'));
    expect(net('pending')).to.be.greaterThan(0);
    expect(data.balance.livemode).to.equal(false);
  });

  it('is pending until available_on and available after, and nothing is in the future', () => {
    for (const t of txns) {
      expect(t.status, t.id).to.equal(t.available_on <= NOW ? 'available' : 'pending');
      expect(t.created).to.be.at.most(NOW);
      expect(t.available_on).to.be.at.least(t.created);
    }
  });

  it('makes payments with null descriptions and an application fee, net = amount - fee', () => {
    const payments = txns.filter((t) => t.type === 'payment');
    expect(payments.length).to.be.greaterThan(3000);
    // One plain pass, then one assertion naming every payment that breaks a rule (thousands of
    // chai calls take seconds in a loaded WebKit).
    const broken = payments.filter(
      (t) =>
        t.description !== null ||
        !(t.amount > 0) ||
        t.net !== t.amount - t.fee ||
        t.fee_details?.length !== 1 ||
        t.fee_details[0]!.type !== 'application_fee' ||
        t.fee_details[0]!.amount !== t.fee ||
        !/^txn_[0-9A-Za-z]{24}$/.test(t.id) ||
        typeof t.source !== 'string' ||
        !/^py_[0-9A-Za-z]{24}$/.test(t.source),
    );
    expect(broken.map((t) => t.id)).to.deep.equal([]);
    // Fares are a few dollars to about a hundred.
    const amounts = payments.map((t) => t.amount).sort((a, b) => a - b);
    expect(amounts[0]).to.be.at.least(500);
    expect(amounts[amounts.length - 1]).to.be.at.most(15_000);
    const median = amounts[amounts.length >> 1];
    expect(median).to.be.within(1000, 3500);
  });

  it('has occasional refunds and exactly one dispute adjustment, both negative', () => {
    const refunds = txns.filter((t) => t.type === 'payment_refund');
    expect(refunds.length).to.be.within(10, 200);
    for (const r of refunds) expect(r.amount).to.be.lessThan(0);
    const adjustments = txns.filter((t) => t.type === 'adjustment');
    expect(adjustments).to.have.length(1);
    expect(adjustments[0].amount).to.be.lessThan(0);
    expect(new Set(txns.map((t) => categoryOf(t)))).to.deep.equal(new Set(['charge', 'refund', 'adjustment', 'payout']));
  });

  it('pays out daily, sweeping the whole available balance, each payout with its balance transaction', () => {
    const byId = new Map(txns.map((t) => [t.id, t]));
    const payouts = data.payouts;
    expect(payouts.length).to.be.greaterThan(400);
    for (const p of payouts) {
      const t = byId.get((p as Payout & { balance_transaction: string }).balance_transaction)!;
      expect(t.type).to.equal('payout');
      expect(t.amount).to.equal(-p.amount);
      expect(t.source).to.equal(p.id);
      expect(p.amount).to.be.greaterThan(0);
      expect(p.id).to.match(/^po_/);
      expect(p.status).to.equal(p.arrival_date <= NOW ? 'paid' : zonedParts(p.created, 'America/New_York').day === 26 ? 'pending' : 'in_transit');
    }
    // Right after each payout the available balance is zero: it took everything available.
    const chronological = txns.slice().sort((a, b) => a.available_on - b.available_on || (a.type === 'payout' ? 1 : 0) - (b.type === 'payout' ? 1 : 0));
    let available = 0;
    for (const t of chronological) {
      available += t.net;
      if (t.type === 'payout') expect(available, t.id).to.equal(0);
    }
    expect(payouts.filter((p) => p.status === 'paid').length).to.be.greaterThan(payouts.length - 5);
    expect(payouts[0].status).not.to.equal('paid');
  });

  it('records what each payout settled: its amount is exactly their sum, and nothing is settled twice', () => {
    const byId = new Map(txns.map((t) => [t.id, t]));
    const seen = new Set<string>();
    for (const p of data.payouts) {
      const ids = data.payout_balance_transactions[p.id];
      expect(ids, p.id).to.be.an('array');
      const own = (p as Payout & { balance_transaction: string }).balance_transaction;
      expect(ids).to.include(own);
      const settled = ids.filter((id) => id !== own).map((id) => byId.get(id)!);
      expect(settled.every((t) => t && t.type !== 'payout' && t.available_on <= p.created)).to.equal(true);
      expect(sum(settled.map((t) => t.net))).to.equal(p.amount);
      expect(sum(ids.map((id) => byId.get(id)!.net))).to.equal(0);
      for (const id of ids) {
        expect(seen.has(id), id).to.equal(false);
        seen.add(id);
      }
    }
    // What no payout settled yet is what is available now (and what is still pending).
    const unsettled = txns.filter((t) => !seen.has(t.id));
    expect(sum(unsettled.filter((t) => t.status === 'available').map((t) => t.net))).to.equal(amountOf(data.balance, 'available', 'usd'));
    expect(unsettled.filter((t) => t.status === 'pending').length).to.equal(txns.filter((t) => t.status === 'pending').length);
  });

  it('pays out to one expanded bank account with last4, as Stripe expands destination', () => {
    for (const p of data.payouts.slice(0, 20)) {
      const d = p.destination as { id: string; object: string; last4: string; bank_name: string };
      expect(d.id).to.match(/^ba_/);
      expect(d.object).to.equal('bank_account');
      expect(d.last4).to.equal('6789'); // test mode: Stripe's test bank account
      expect(d.bank_name).to.equal('STRIPE TEST BANK');
      expect(p.type).to.equal('bank_account');
      expect(p.reconciliation_status).to.equal(p.status === 'paid' ? 'completed' : 'in_progress');
    }
    const live = generateDemoData({ seed: 7, months: 1, now: NOW, livemode: true }).payouts[0].destination as { last4: string };
    expect(live.last4).to.match(/^\d{4}$/);
  });

  it('follows a daily rhythm: busier evenings and weekends, some days off', () => {
    const d = generateDemoData({ seed: 3, months: 3, now: NOW });
    const byHour = new Array(24).fill(0);
    const byDate = new Map<string, { weekday: number; n: number }>();
    for (const t of d.balance_transactions) {
      if (t.type !== 'payment') continue;
      const z = zonedParts(t.created, 'America/New_York');
      byHour[z.hour]++;
      const key = `${z.year}-${z.month}-${z.day}`;
      byDate.set(key, { weekday: z.weekday, n: (byDate.get(key)?.n ?? 0) + 1 });
    }
    expect(sum(byHour.slice(17, 23))).to.be.greaterThan(2 * sum(byHour.slice(5, 11)));
    expect(sum(byHour.slice(2, 6))).to.equal(0);
    const days = [...byDate.values()];
    const avg = (xs: { n: number }[]) => sum(xs.map((x) => x.n)) / xs.length;
    expect(avg(days.filter((x) => x.weekday >= 6))).to.be.greaterThan(avg(days.filter((x) => x.weekday <= 4)));
    expect(byDate.size).to.be.lessThan(90);
  });

  it('sets up the account: id, names, timezone, payout schedule, currency, created at the start of history', () => {
    const a = data.account;
    expect(a.id).to.match(/^acct_/);
    expect(a.settings?.dashboard?.timezone).to.equal('America/New_York');
    expect(a.settings?.dashboard?.display_name).to.be.a('string').and.not.empty;
    expect(a.business_profile?.name).to.equal(a.settings?.dashboard?.display_name);
    expect(a.settings?.payouts?.schedule).to.deep.equal({ interval: 'daily', delay_days: 2 });
    expect(a.default_currency).to.equal('usd');
    expect(a.livemode).to.equal(false);
    const oldest = Math.min(...txns.map((t) => t.created));
    expect(a.created).to.be.at.most(oldest);
    expect(oldest - a.created!).to.be.lessThan(30 * 86400);
    const startLocal = zonedParts(a.created!, 'America/New_York');
    expect([startLocal.year, startLocal.month, startLocal.day, startLocal.hour]).to.deep.equal([2024, 11, 26, 0]);
  });

  it('uses whole yen for JPY and the given zone and livemode', () => {
    const d = generateDemoData({ seed: 2, months: 2, currency: 'jpy', timezone: 'Asia/Tokyo', livemode: true, now: NOW });
    const payments = d.balance_transactions.filter((t) => t.type === 'payment');
    expect(payments.length).to.be.greaterThan(100);
    for (const t of payments) {
      expect(t.currency).to.equal('jpy');
      expect(Number.isInteger(t.amount)).to.be.true;
      expect(t.amount % 10).to.equal(0);
      expect(t.amount).to.be.within(1000, 22_500); // ¥1,000 to ¥22,500, not x100
    }
    expect(d.account.settings?.dashboard?.timezone).to.equal('Asia/Tokyo');
    expect(d.account.livemode).to.equal(true);
    expect(d.balance.livemode).to.equal(true);
    expect(d.balance.pending[0].currency).to.equal('jpy');
  });

  it('refuses an unknown currency or zone', () => {
    expect(() => generateDemoData({ currency: 'xyz' })).to.throw(RangeError);
    expect(() => generateDemoData({ timezone: 'Mars/Base' })).to.throw(RangeError);
  });
});

/** A small hand-made set with ties in `created`, several types and two currencies. */
function sample(): BalanceTransaction[] {
  const types = ['payment', 'payment_refund', 'payout', 'adjustment', 'transfer'];
  const out: BalanceTransaction[] = [];
  for (let i = 0; i < 137; i++) {
    const amount = (i % 7) * 100 + 50;
    out.push({
      id: `txn_${String(i).padStart(4, '0')}`,
      amount,
      fee: 10,
      net: amount - 10,
      currency: i % 5 === 0 ? 'eur' : 'usd',
      created: 1_700_000_000 + Math.floor(i / 3) * 3600, // three per hour: ties
      available_on: 1_700_000_000 + Math.floor(i / 3) * 3600 + 86400,
      status: i % 4 === 0 ? 'pending' : 'available',
      type: types[i % types.length],
      description: null,
    });
  }
  return out.reverse(); // oldest first: the adapter must sort
}

describe('MemoryAdapter: listing balance transactions', () => {
  const txns = sample();
  const sorted = txns.slice().sort((a, b) => b.created - a.created || (a.id < b.id ? 1 : -1));

  it('lists newest first, 10 by default, with has_more', async () => {
    const a = new MemoryAdapter({ balance_transactions: txns });
    const page = await a.listBalanceTransactions({});
    expect(page.data.map((t) => t.id)).to.deep.equal(sorted.slice(0, 10).map((t) => t.id));
    expect(page.has_more).to.be.true;
  });

  it('visits every matching transaction exactly once, in order, for any page size and filters', async () => {
    const a = new MemoryAdapter({ balance_transactions: txns });
    const t0 = 1_700_000_000;
    await fc.assert(
      fc.asyncProperty(
        fc.integer({ min: 1, max: 100 }),
        fc.option(fc.integer({ min: t0 - 3600, max: t0 + 50 * 3600 }), { nil: undefined }),
        fc.option(fc.integer({ min: t0 - 3600, max: t0 + 50 * 3600 }), { nil: undefined }),
        fc.option(fc.subarray(['payment', 'payment_refund', 'payout', 'adjustment', 'transfer', 'topup']), { nil: undefined }),
        fc.option(fc.constantFrom('usd', 'eur', 'jpy'), { nil: undefined }),
        async (limit, gte, lt, type, currency) => {
          const created = gte === undefined && lt === undefined ? undefined : { gte, lt };
          const got = await all(a, { created, type, currency }, limit);
          const want = sorted.filter(
            (t) =>
              (gte === undefined || t.created >= gte) &&
              (lt === undefined || t.created < lt) &&
              (!type || type.length === 0 || type.includes(t.type)) &&
              (currency === undefined || t.currency === currency),
          );
          expect(got.map((t) => t.id)).to.deep.equal(want.map((t) => t.id));
        },
      ),
      { numRuns: 60 },
    );
  });

  it('pages a demo history of thousands without gaps or duplicates', async () => {
    const a = demoAdapter({ seed: 4, months: 6, now: NOW });
    const got = await all(a, {}, 97);
    expect(got.length).to.equal(generateDemoData({ seed: 4, months: 6, now: NOW }).balance_transactions.length);
    expect(new Set(got.map((t) => t.id)).size).to.equal(got.length);
    for (let i = 1; i < got.length; i++) expect(got[i - 1].created).to.be.at.least(got[i].created);
  });

  it('rejects a limit outside 1..100 and an unknown cursor with invalid_request naming the parameter', async () => {
    const a = new MemoryAdapter({ balance_transactions: txns });
    for (const limit of [0, 101, -1, 1.5, NaN, '10' as unknown as number]) {
      const e = (await rejection(a.listBalanceTransactions({ limit }))) as ExpressError;
      expect(e).to.be.instanceOf(ExpressError);
      expect(e.code).to.equal('invalid_request');
      expect(e.param).to.equal('limit');
    }
    expect((await a.listBalanceTransactions({ limit: 100 })).data).to.have.length(100);
    const e = (await rejection(a.listBalanceTransactions({ starting_after: 'txn_nope' }))) as ExpressError;
    expect([e.code, e.param]).to.deep.equal(['invalid_request', 'starting_after']);
    const e2 = (await rejection(a.listBalanceTransactions({ created: { gte: '1' as unknown as number } }))) as ExpressError;
    expect([e2.code, e2.param]).to.deep.equal(['invalid_request', 'created[gte]']);
  });

  it('returns copies: changing a result does not change the adapter', async () => {
    const a = new MemoryAdapter({ balance_transactions: txns });
    const first = (await a.listBalanceTransactions({ limit: 1 })).data[0];
    first.amount = 999_999;
    expect((await a.listBalanceTransactions({ limit: 1 })).data[0].amount).not.to.equal(999_999);
    const b = await a.getBalance();
    b.available.length = 0;
    expect((await a.getBalance()).available).not.to.have.length(0);
    txns[0].amount = 123; // the input was copied too
    expect((await all(a)).find((t) => t.id === txns[0].id)!.amount).not.to.equal(123);
  });

  it('derives the balance from given transactions when none is given', async () => {
    const a = new MemoryAdapter({ balance_transactions: sample() });
    const b = await a.getBalance();
    const want = balanceOf(sample());
    expect(b).to.deep.equal(want);
    expect(amountOf(b, 'pending', 'usd')).to.equal(sum(sample().filter((t) => t.status === 'pending' && t.currency === 'usd').map((t) => t.net)));
  });

  it('stores malformed data as given, for the guard to drop on the way out', async () => {
    const bad = { ...sample()[0], id: 'txn_bad', net: 1 };
    const reported: string[] = [];
    const g = guardAdapter(new MemoryAdapter({ balance_transactions: [bad, ...sample().slice(1, 4)] }), {
      onInvalidItem: (e) => reported.push(e.param!),
    });
    const list = await g.listBalanceTransactions({});
    expect(list.data.map((t) => t.id)).not.to.include('txn_bad');
    expect(list.data).to.have.length(3);
    expect(reported).to.deep.equal([droppedItems(list)[0].param]);
    expect(reported[0]).to.match(/^data\[\d\]\.net$/);
  });
});

describe('MemoryAdapter: payouts, account, login links, net volume', () => {
  const data = generateDemoData({ seed: 5, months: 3, now: NOW });
  const adapter = demoAdapter({ seed: 5, months: 3, now: NOW });

  it('lists payouts newest first with status and arrival_date filters and a cursor', async () => {
    const paid = data.payouts.filter((p) => p.status === 'paid');
    const got: Payout[] = [];
    let starting_after: string | undefined;
    for (;;) {
      const page = await adapter.listPayouts({ status: 'paid', limit: 7, starting_after });
      got.push(...page.data);
      if (!page.has_more) break;
      starting_after = page.data[page.data.length - 1].id;
    }
    expect(got.map((p) => p.id)).to.deep.equal(paid.map((p) => p.id));
    const gte = data.payouts[20].arrival_date;
    const lt = data.payouts[5].arrival_date;
    const ranged = await adapter.listPayouts({ arrival_date: { gte, lt }, limit: 100 });
    expect(ranged.data.map((p) => p.id)).to.deep.equal(
      data.payouts.filter((p) => p.arrival_date >= gte && p.arrival_date < lt).map((p) => p.id),
    );
    expect(((await rejection(adapter.listPayouts({ limit: 500 }))) as ExpressError).param).to.equal('limit');
    expect(((await rejection(adapter.listPayouts({ starting_after: 'po_x' }))) as ExpressError).param).to.equal('starting_after');
  });

  it('lists what a payout paid out (payout=po_…), newest first, paged, and nothing else', async () => {
    for (const p of [data.payouts[3], data.payouts[30]]) {
      const ids = new Set(data.payout_balance_transactions[p.id]);
      const expected = data.balance_transactions.filter((t) => ids.has(t.id));
      const got = await all(adapter, { payout: p.id }, 3);
      expect(got.map((t) => t.id)).to.deep.equal(expected.map((t) => t.id));
      expect(sum(got.filter((t) => t.type !== 'payout').map((t) => t.net))).to.equal(p.amount);
      const payments = await all(adapter, { payout: p.id, type: ['payment'] });
      expect(payments.map((t) => t.id)).to.deep.equal(expected.filter((t) => t.type === 'payment').map((t) => t.id));
    }
    const unknown = (await rejection(adapter.listBalanceTransactions({ payout: 'po_nope' }))) as ExpressError;
    expect([unknown.code, unknown.param]).to.deep.equal(['invalid_request', 'payout']);
    const manual = new MemoryAdapter({ payouts: [{ ...data.payouts[0], id: 'po_manual', automatic: false }] });
    const refused = (await rejection(manual.listBalanceTransactions({ payout: 'po_manual' }))) as ExpressError;
    expect([refused.code, refused.param]).to.deep.equal(['invalid_request', 'payout']);
    // Without a recorded settlement, an automatic payout still lists its own transaction.
    const own = (data.payouts[0] as Payout & { balance_transaction: string }).balance_transaction;
    const bare = new MemoryAdapter({ balance_transactions: data.balance_transactions, payouts: data.payouts });
    expect((await bare.listBalanceTransactions({ payout: data.payouts[0].id })).data.map((t) => t.id)).to.deep.equal([own]);
  });

  it('answers one payout by id (a copy), and not_found for an unknown id', async () => {
    const p = await adapter.getPayout(data.payouts[4].id);
    expect(p).to.deep.equal(data.payouts[4]);
    p.amount = 1;
    expect((await adapter.getPayout(data.payouts[4].id)).amount).to.equal(data.payouts[4].amount);
    const e = (await rejection(adapter.getPayout('po_nope'))) as ExpressError;
    expect(e.code).to.equal('not_found');
    // Through the guard, which validates it.
    const guarded = guardAdapter(adapter);
    expect((await guarded.getPayout!(data.payouts[4].id)).id).to.equal(data.payouts[4].id);
    const broken = guardAdapter({ ...adapter, getAccount: () => adapter.getAccount(), getBalance: () => adapter.getBalance(),
      listBalanceTransactions: (q) => adapter.listBalanceTransactions(q), listPayouts: (q) => adapter.listPayouts(q),
      createLoginLink: () => adapter.createLoginLink(),
      getPayout: async () => ({ ...data.payouts[0], destination: { id: 'ba_1', last4: 6789 } }) as never });
    const bad = (await rejection(broken.getPayout!('po_x'))) as ExpressError;
    expect([bad.code, bad.param]).to.deep.equal(['invalid_response', 'destination.last4']);
    expect(guardAdapter({ ...broken, getPayout: undefined }).getPayout).to.equal(undefined);
  });

  it('answers the account and the balance', async () => {
    expect(await adapter.getAccount()).to.deep.equal(data.account);
    expect(await adapter.getBalance()).to.deep.equal(data.balance);
  });

  it('makes a fresh, safe login link on every call, expiring five minutes later', async () => {
    const a = await adapter.createLoginLink();
    const b = await adapter.createLoginLink();
    expect(a.url).not.to.equal(b.url);
    for (const link of [a, b]) {
      expect(isSafeRedirectUrl(link.url)).to.be.true;
      const url = new URL(link.url);
      expect(url.protocol).to.equal('https:');
      expect(url.pathname).to.match(/\/login$/);
      expect(url.searchParams.get('login_token')).to.match(/^[\w-]{20,}$/);
      expect(link.expires_at).to.equal(link.created + 300);
      expect(Math.abs(link.created - Date.now() / 1000)).to.be.lessThan(60);
    }
  });

  it('computes net volume per local day: the sum of net of everything but payouts', async () => {
    const tz = 'America/New_York';
    const gte = bucketStart(NOW - 30 * 86400, 'day', tz);
    const points = await adapter.getNetVolume({ interval: 'day', created: { gte, lt: NOW }, currency: 'usd', timezone: tz });
    expect(points.length).to.be.within(30, 31);
    const want = new Map<number, number>();
    for (const t of data.balance_transactions) {
      if (t.type === 'payout' || t.created < gte || t.created >= NOW) continue;
      const s = bucketStart(t.created, 'day', tz);
      want.set(s, (want.get(s) ?? 0) + t.net);
    }
    for (const p of points) expect(p.net, String(p.start)).to.equal(want.get(p.start) ?? 0);
    expect(sum(points.map((p) => p.net))).to.be.greaterThan(0);
    const eur = await adapter.getNetVolume({ interval: 'week', created: { gte, lt: NOW }, currency: 'eur', timezone: tz });
    expect(eur.every((p) => p.net === 0)).to.be.true;
    const e = (await rejection(adapter.getNetVolume({ interval: 'hour' as 'day', created: { gte, lt: NOW }, currency: 'usd', timezone: tz }))) as ExpressError;
    expect([e.code, e.param]).to.deep.equal(['invalid_request', 'interval']);
  });
});

describe('MemoryAdapter: latency, abort and failure injection', () => {
  it('rejects with the reason of an already aborted signal', async () => {
    const a = new MemoryAdapter({ latency: 60_000 });
    const ac = new AbortController();
    const reason = new DOMException('gone', 'AbortError');
    ac.abort(reason);
    expect(await rejection(a.getBalance({ signal: ac.signal }))).to.equal(reason);
  });

  it('ends the latency wait at once when the signal aborts', async () => {
    // With a minute of latency, this test can only finish (within mocha's timeout) if abort works.
    const a = new MemoryAdapter({ latency: { min: 60_000, max: 120_000 } });
    const ac = new AbortController();
    const p = a.listBalanceTransactions({}, { signal: ac.signal });
    await Promise.resolve();
    ac.abort();
    const e = await rejection(p);
    expect(e).to.equal(ac.signal.reason);
    expect((e as Error).name).to.equal('AbortError');
  });

  it('answers after a short latency', async () => {
    const a = new MemoryAdapter({ latency: { min: 1, max: 5 } });
    expect((await a.getAccount()).id).to.equal('acct_memory');
  });

  it('injects failures by operation, by probability and by function', async () => {
    const limited = new ExpressError('rate_limited', undefined, { retryAfter: 5 });
    const a = new MemoryAdapter({ fail: { getBalance: limited, listPayouts: 1, getAccount: 0 } });
    expect(await rejection(a.getBalance())).to.equal(limited);
    expect(((await rejection(a.listPayouts({}))) as ExpressError).code).to.equal('network');
    expect((await a.getAccount()).id).to.equal('acct_memory');
    expect((await a.listBalanceTransactions({})).data).to.deep.equal([]);

    const everything = new MemoryAdapter({ fail: { '*': new Error('boom') } });
    expect(((await rejection(everything.createLoginLink())) as Error).message).to.equal('boom');

    const calls: [string, unknown][] = [];
    const byFn = new MemoryAdapter({
      fail: (op, params) => {
        calls.push([op, params]);
        return op === 'listBalanceTransactions' && (params as { limit?: number }).limit === 3 ? new ExpressError('not_found') : undefined;
      },
    });
    expect(((await rejection(byFn.listBalanceTransactions({ limit: 3 }))) as ExpressError).code).to.equal('not_found');
    expect((await byFn.listBalanceTransactions({ limit: 4 })).data).to.deep.equal([]);
    await byFn.getBalance();
    expect(calls).to.deep.equal([
      ['listBalanceTransactions', { limit: 3 }],
      ['listBalanceTransactions', { limit: 4 }],
      ['getBalance', undefined],
    ]);
  });

  it('fails about as often as the probability says, the same way for the same seed', async () => {
    const run = async (seed: number) => {
      const a = new MemoryAdapter({ fail: { getBalance: 0.3 }, seed });
      const out: boolean[] = [];
      for (let i = 0; i < 200; i++) out.push(await a.getBalance().then(() => true, () => false));
      return out;
    };
    const one = await run(1);
    expect(await run(1)).to.deep.equal(one);
    expect(one.filter((ok) => !ok).length).to.be.within(30, 90);
  });
});

describe('DemoAdapter: simulatePayment and subscribe', () => {
  it('adds a pending payment, updates the balance and tells subscribers in order', async () => {
    const a = demoAdapter({ seed: 9, months: 1 }); // now: the real clock, as simulatePayment's
    const before = await a.getBalance();
    const events: ExpressEvent[] = [];
    const unsubscribe = a.subscribe((e) => events.push(e));
    const t = a.simulatePayment({ amount: 2000, description: 'Airport run' });
    expect(t.type).to.equal('payment');
    expect(t.status).to.equal('pending');
    expect([t.amount, t.fee, t.net]).to.deep.equal([2000, 500, 1500]);
    expect(t.description).to.equal('Airport run');
    expect(Math.abs(t.created - Date.now() / 1000)).to.be.lessThan(60);
    expect(t.available_on).to.be.greaterThan(t.created + 86400);
    validateBalanceTransaction(t);

    const after = await a.getBalance();
    expect(amountOf(after, 'pending', 'usd')).to.equal(amountOf(before, 'pending', 'usd') + 1500);
    expect(amountOf(after, 'available', 'usd')).to.equal(amountOf(before, 'available', 'usd'));
    expect((await a.listBalanceTransactions({ limit: 1 })).data[0]).to.deep.equal(t);

    expect(events.map((e) => e.type)).to.deep.equal(['balance_transaction.created', 'balance.updated']);
    expect(events[0].data).to.deep.equal(t);
    expect(events[1].data).to.deep.equal(after);

    unsubscribe();
    const t2 = a.simulatePayment();
    expect(t2.amount).to.be.greaterThan(0);
    expect(events).to.have.length(2);
    expect(amountOf(await a.getBalance(), 'pending', 'usd')).to.equal(amountOf(after, 'pending', 'usd') + t2.net);
  });

  it('keeps the balance equal to the transactions after many simulated payments', async () => {
    const a = new DemoAdapter({ balance_transactions: sample() });
    for (let i = 0; i < 20; i++) a.simulatePayment();
    expect(await a.getBalance()).to.deep.equal(balanceOf(await all(a), { currency: 'usd' }));
  });

  it('delivers to several subscribers, each with its own copy, and survives a throwing listener', () => {
    const a = new DemoAdapter();
    const got: ExpressEvent[][] = [[], []];
    const logged: unknown[] = [];
    const consoleError = console.error;
    console.error = (e: unknown) => logged.push(e);
    const offs = [
      a.subscribe((e) => got[0].push(e)),
      a.subscribe(() => {
        throw new Error('listener bug');
      }),
      a.subscribe((e) => got[1].push(e)),
    ];
    try {
      a.simulatePayment({ amount: 100 });
    } finally {
      console.error = consoleError;
      offs.forEach((off) => off());
    }
    expect(logged.map((e) => (e as Error).message)).to.deep.equal(['listener bug', 'listener bug']);
    expect(got[0]).to.have.length(2);
    expect(got[1]).to.deep.equal(got[0]);
    expect(got[1][0]).not.to.equal(got[0][0]);
  });
});

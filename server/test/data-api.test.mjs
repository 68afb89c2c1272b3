// The data API with Stripe's list semantics and errors, checked against the library's own core
// (aggregateNetVolume, balanceOf) and the demo generator, over the real server on loopback.
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { NOW, signIn, startTestServer } from './helpers.mjs';

let t;
let c;
/** Every transaction of the signed-in live account as the database holds them, newest first. */
let all;
/** Their ids. */
let everythingIds;
before(async () => {
  // Sessions that outlive the clock jumps below.
  t = await startTestServer({ months: 3, server: { session: { idleMs: 90 * 86400_000, absoluteMs: 90 * 86400_000 } } });
  c = t.client();
  await signIn(t, c, t.live);
  all = (await t.sql('SELECT data FROM balance_transactions WHERE account_id = ? ORDER BY created DESC, id DESC', [t.live.id])).map((r) => JSON.parse(r.data));
  everythingIds = all.map((x) => x.id);
});
after(() => t.close());

/** Every page of a list, following `starting_after`. */
async function everything(path, limit) {
  const out = [];
  let cursor;
  for (;;) {
    const sep = path.includes('?') ? '&' : '?';
    const r = await c.get(`${path}${sep}limit=${limit}${cursor ? `&starting_after=${cursor}` : ''}`);
    assert.equal(r.status, 200, r.text);
    out.push(...r.json.data);
    if (!r.json.has_more) return out;
    assert.equal(r.json.data.length, limit);
    cursor = r.json.data.at(-1).id;
  }
}

describe('lists', () => {
  test('the account, with livemode, and a Stripe list envelope', async () => {
    const account = (await c.get('/v1/account')).json;
    assert.equal(account.id, t.live.id);
    assert.equal(account.livemode, true);
    assert.equal(account.settings.dashboard.timezone, 'America/New_York');
    const r = await c.get('/v1/balance_transactions');
    assert.equal(r.json.object, 'list');
    assert.equal(r.json.url, '/v1/balance_transactions');
    assert.equal(r.json.data.length, 10, 'limit defaults to 10');
    assert.equal(r.json.has_more, true);
    assert.equal(r.headers.get('cache-control'), 'no-store');
  });

  test('paging with starting_after visits every transaction once, newest first, with no gap', async () => {
    const paged = await everything('/v1/balance_transactions', 97);
    assert.deepEqual(paged.map((x) => x.id), all.map((x) => x.id));
  });

  test('ending_before pages back towards the newest', async () => {
    const anchor = all[25].id;
    const r = await c.get(`/v1/balance_transactions?limit=10&ending_before=${anchor}`);
    assert.deepEqual(r.json.data.map((x) => x.id), all.slice(15, 25).map((x) => x.id));
    assert.equal(r.json.has_more, true);
    const top = await c.get(`/v1/balance_transactions?limit=10&ending_before=${all[5].id}`);
    assert.deepEqual(top.json.data.map((x) => x.id), all.slice(0, 5).map((x) => x.id));
    assert.equal(top.json.has_more, false);
  });

  test('created[gte]/[lt], type[] (and type), currency filter as Stripe does', async () => {
    const gte = NOW - 20 * 86400;
    const lt = NOW - 10 * 86400;
    const inRange = await everything(`/v1/balance_transactions?created[gte]=${gte}&created[lt]=${lt}`, 100);
    assert.deepEqual(inRange.map((x) => x.id), all.filter((x) => x.created >= gte && x.created < lt).map((x) => x.id));
    const payouts = await everything('/v1/balance_transactions?type[]=payout&type[]=adjustment', 100);
    assert.deepEqual(payouts.map((x) => x.id), all.filter((x) => x.type === 'payout' || x.type === 'adjustment').map((x) => x.id));
    const one = await everything('/v1/balance_transactions?type=payout', 100);
    assert.deepEqual(one.map((x) => x.id), all.filter((x) => x.type === 'payout').map((x) => x.id));
    assert.equal((await c.get('/v1/balance_transactions?currency=USD&limit=3')).json.data.length, 3);
  });

  test('payouts: newest first, by status and arrival_date', async () => {
    const mine = (await t.sql('SELECT data FROM payouts WHERE account_id = ? ORDER BY created DESC, id DESC', [t.live.id])).map((r) => JSON.parse(r.data));
    const paged = await everything('/v1/payouts', 40);
    assert.deepEqual(paged.map((x) => x.id), mine.map((x) => x.id));
    const now = Math.floor(t.clock.now() / 1000);
    const paid = await everything('/v1/payouts?status=paid', 100);
    assert.ok(paid.length > 0 && paid.every((p) => p.status === 'paid' && p.arrival_date <= now));
    const soon = await everything(`/v1/payouts?arrival_date[gte]=${now}`, 100);
    assert.deepEqual(soon.map((p) => p.id), mine.filter((p) => p.arrival_date >= now).map((p) => p.id));
  });

  test('a page after a cursor is read from the index starting at the cursor, not walked to from the newest row (SQLite plan)', async (tx) => {
    if (t.storage.engine !== 'sqlite') return tx.skip('SQLite only: the plan checked is SQLite’s');
    const db = t.storage.db;
    const seen = [];
    const all = db.all;
    db.all = function (sql, params) {
      if (/FROM (balance_transactions|payouts)\b.*\(created [<>] \? OR/s.test(sql)) seen.push({ sql, params }); // a page after a cursor
      return all.call(this, sql, params);
    };
    try {
      const middle = everythingIds[Math.floor(everythingIds.length / 2)];
      for (const q of [`starting_after=${middle}`, `ending_before=${middle}`]) assert.equal((await c.get(`/v1/balance_transactions?limit=5&${q}`)).status, 200);
      const payouts = (await c.get('/v1/payouts?limit=3')).json.data;
      assert.equal((await c.get(`/v1/payouts?limit=1&starting_after=${payouts[1].id}`)).status, 200);
    } finally {
      db.all = all;
    }
    assert.equal(seen.length, 3);
    for (const { sql, params } of seen) {
      const plan = (await db.all(`EXPLAIN QUERY PLAN ${sql}`, params)).map((r) => r.detail).join(' | ');
      assert.match(plan, /USING (COVERING )?INDEX \w+ \(account_id=\? AND created[<>]\?\)/, `${sql}\n${plan}`);
    }
  });

  test('statuses follow the clock: pending until available_on, then available (and the balance moves)', async () => {
    const first = (await c.get('/v1/balance_transactions?type=payment&limit=1')).json.data[0];
    assert.equal(first.status, 'pending');
    const pendingBefore = (await c.get('/v1/balance')).json.pending[0].amount;
    t.clock.advance((first.available_on - Math.floor(t.clock.now() / 1000)) * 1000);
    const again = (await c.get(`/v1/balance_transactions/${first.id}`)).json;
    assert.equal(again.status, 'available');
    assert.ok((await c.get('/v1/balance')).json.pending[0].amount < pendingBefore);
  });
});

describe('bad parameters: 400 with a Stripe-shaped error naming the parameter', () => {
  const cases = [
    ['/v1/balance_transactions?limit=0', 'limit', 'parameter_invalid_integer'],
    ['/v1/balance_transactions?limit=101', 'limit', 'parameter_invalid_integer'],
    ['/v1/balance_transactions?limit=ten', 'limit', 'parameter_invalid_integer'],
    ['/v1/balance_transactions?created[gte]=yesterday', 'created[gte]', 'parameter_invalid_integer'],
    ['/v1/balance_transactions?created[since]=1', 'created[since]', 'parameter_unknown'],
    ['/v1/balance_transactions?currency=dollars', 'currency', 'parameter_invalid'],
    ['/v1/balance_transactions?currency=xyz', 'currency', 'parameter_invalid'],
    ['/v1/balance_transactions?starting_after=txn_unknown', 'starting_after', 'resource_missing'],
    ['/v1/balance_transactions?starting_after=', 'starting_after', 'parameter_invalid_empty'],
    ['/v1/payouts?status=lost', 'status', 'parameter_invalid'],
    ['/v1/payouts?arrival_date[lt]=soon', 'arrival_date[lt]', 'parameter_invalid_integer'],
    ['/v1/balance?expand[]=available', 'expand[]', 'parameter_unknown'],
    ['/v1/net_volume?created[gte]=1&created[lt]=2&currency=usd&timezone=UTC', 'interval', 'parameter_missing'],
    ['/v1/net_volume?interval=fortnight&created[gte]=1&created[lt]=2&currency=usd&timezone=UTC', 'interval', 'parameter_invalid'],
    ['/v1/net_volume?interval=day&created[gte]=1&created[lt]=2&currency=usd&timezone=Mars/Olympus', 'timezone', 'parameter_invalid'],
    ['/v1/net_volume?interval=day&created[gte]=5&created[lt]=2&currency=usd&timezone=UTC', 'created[lt]', 'parameter_invalid'],
    ['/v1/net_volume?interval=day&created[gte]=0&created[lt]=2000000000&currency=usd&timezone=UTC', 'created', 'parameter_invalid'],
  ];
  for (const [path, param, code] of cases) {
    test(`${path.slice(3)} → ${param}`, async () => {
      const r = await c.get(path);
      assert.equal(r.status, 400, r.text);
      assert.equal(r.json.error.type, 'invalid_request_error');
      assert.equal(r.json.error.code, code);
      assert.equal(r.json.error.param, param);
      assert.equal(typeof r.json.error.message, 'string');
      assert.ok(r.json.error.message.length > 0);
    });
  }

  test('an unknown API path is a Stripe-shaped 404; a bad JSON body a 400', async () => {
    const r = await c.get('/v1/charges');
    assert.equal(r.status, 404);
    assert.equal(r.json.error.code, 'resource_missing');
    const bad = await c.request('POST', '/v1/sign_in', { body: '{"login_token":', raw: true });
    assert.equal(bad.status, 400);
    assert.equal(bad.json.error.type, 'invalid_request_error');
  });
});

describe('computed by the library’s own core', () => {
  test('net volume per bucket equals aggregateNetVolume over the same transactions, in the account’s zone', async () => {
    const created = { gte: NOW - 60 * 86400, lt: NOW + 86400 };
    for (const interval of ['day', 'week', 'month']) {
      const r = await c.get(
        `/v1/net_volume?interval=${interval}&created[gte]=${created.gte}&created[lt]=${created.lt}&currency=usd&timezone=America/New_York`,
      );
      assert.equal(r.status, 200, r.text);
      assert.equal(r.json.object, 'list');
      assert.equal(r.json.has_more, false);
      const expected = t.m.aggregateNetVolume(all, { interval, created, currency: 'usd', timezone: 'America/New_York' }).map(({ start, net }) => ({ start, net }));
      assert.deepEqual(r.json.data, expected);
      assert.ok(r.json.data.some((b) => b.net !== 0));
    }
  });

  test('the balance equals balanceOf over every listed transaction', async () => {
    const listed = await everything('/v1/balance_transactions', 100);
    const expected = t.m.balanceOf(listed, { currency: 'usd', livemode: true });
    const balance = (await c.get('/v1/balance')).json;
    assert.deepEqual({ available: balance.available, pending: balance.pending, livemode: balance.livemode }, expected);
  });

  test('the seeded history is the demo generator’s (MemoryAdapter.demo) for the same seed and now', async () => {
    const data = t.m.generateDemoData({ seed: 1, months: 3, now: NOW, platformName: 'Lumen Rides', livemode: true, currency: 'usd', timezone: 'America/New_York' });
    assert.equal(data.account.id, t.live.id);
    assert.deepEqual(all.map((x) => x.id), data.balance_transactions.map((x) => x.id));
    assert.deepEqual(all.map((x) => x.net), data.balance_transactions.map((x) => x.net));
  });
});

describe('the live-demo payment', () => {
  test('POST /dev/payments adds a pending payment to the signed-in account, listed first', async () => {
    const r = await c.post('/dev/payments', { amount: 2500 });
    assert.equal(r.status, 200, r.text);
    assert.equal(r.json.type, 'payment');
    assert.equal(r.json.amount, 2500);
    assert.equal(r.json.fee, 625);
    assert.equal(r.json.net, 1875);
    assert.equal(r.json.status, 'pending');
    assert.equal((await c.get('/v1/balance_transactions?limit=1')).json.data[0].id, r.json.id);
  });
});

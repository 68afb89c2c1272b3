// stripeSource through the official `stripe` client against the reference server playing Stripe:
// the same JSON as ledgerSource on every route, type[] paging over a long history with no gap or
// duplicate (and a bounded number of Stripe calls), net volume equal to the core's aggregation and
// kept current by webhooks, signed webhooks (bad and stale signatures refused), a payment on the
// server reaching an open /events stream, payouts, and Stripe's outages.
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { randomBytes } from 'node:crypto';
import { ENGINE, NOW, signIn, startPlatform, startTestServer } from './helpers.mjs';

let t;
/** The reference server's own contract API (ledgerSource), signed in as the test-mode account. */
let ledger;
/** A platform on stripeSource with the test-mode key. */
let platform;
let account;
/** Every transaction of the account as the database holds them, newest first. */
let all;

before(async () => {
  t = await startTestServer({ months: 12, server: { session: { idleMs: 90 * 86400_000, absoluteMs: 90 * 86400_000 } } });
  account = t.test.id;
  ledger = t.client();
  await signIn(t, ledger, t.test);
  platform = await startPlatform(t);
  all = await rowsOf(account);
});
after(async () => {
  await platform?.close();
  await t?.close();
});

async function rowsOf(id) {
  return (await t.sql('SELECT data FROM balance_transactions WHERE account_id = ? ORDER BY created DESC, id DESC', [id])).map((r) => JSON.parse(r.data));
}

/** Stripe calls to a path since `before` (the reference server counts them). */
function stripeCalls(path = '/v1/balance_transactions') {
  return t.server.stripe.calls.get(path) ?? 0;
}

describe('the same JSON as ledgerSource, route by route', () => {
  test('every route and parameter answers identically (status and body), errors included', async () => {
    const payout = (await t.sql("SELECT id FROM payouts WHERE account_id = ? AND status = 'paid' ORDER BY created DESC, id DESC LIMIT 1 OFFSET 3", [account]))[0].id;
    const source = all.find((x) => x.type === 'payment').source;
    const gte = NOW - 40 * 86400;
    const lt = NOW - 20 * 86400;
    const paths = [
      '/v1/account',
      '/v1/balance',
      '/v1/balance_transactions',
      '/v1/balance_transactions?limit=100',
      `/v1/balance_transactions?limit=5&starting_after=${all[10].id}`,
      `/v1/balance_transactions?limit=5&ending_before=${all[10].id}`,
      `/v1/balance_transactions?created[gte]=${gte}&created[lt]=${lt}&limit=100`,
      `/v1/balance_transactions?created[gt]=${gte}&created[lte]=${lt}&limit=7&starting_after=${all[400].id}`,
      '/v1/balance_transactions?type=payout&limit=20',
      '/v1/balance_transactions?type[]=payout&limit=20',
      '/v1/balance_transactions?type[]=payout&type[]=payment_refund&limit=30',
      `/v1/balance_transactions?type[]=payment&type[]=adjustment&limit=15&starting_after=${all[200].id}`,
      `/v1/balance_transactions?type[]=payment_refund&type[]=adjustment&limit=4&ending_before=${all[all.length - 10].id}`,
      '/v1/balance_transactions?currency=usd&limit=3',
      `/v1/balance_transactions?payout=${payout}&limit=100`,
      `/v1/balance_transactions?source=${source}`,
      `/v1/balance_transactions/${all[3].id}`,
      '/v1/payouts',
      '/v1/payouts?status=paid&limit=5',
      `/v1/payouts?arrival_date[gte]=${NOW - 10 * 86400}&limit=100`,
      `/v1/payouts/${payout}`,
      `/v1/net_volume?interval=day&created[gte]=${gte}&created[lt]=${lt}&currency=usd&timezone=America/Los_Angeles`,
      `/v1/net_volume?interval=month&created[gte]=${NOW - 300 * 86400}&created[lt]=${NOW}&currency=usd&timezone=Europe/Paris`,
      // errors
      '/v1/balance_transactions/txn_nope',
      '/v1/balance_transactions?starting_after=txn_nope',
      '/v1/balance_transactions?payout=po_nope',
      '/v1/payouts/po_nope',
      '/v1/balance_transactions?limit=0',
      '/v1/balance_transactions?created[since]=1',
      '/v1/payouts?status=lost',
      '/v1/net_volume?interval=fortnight&created[gte]=1&created[lt]=2&currency=usd&timezone=UTC',
    ];
    for (const path of paths) {
      const expected = await ledger.get(path);
      const got = await platform.get(path, account);
      assert.equal(got.status, expected.status, `${path}: ${got.text}`);
      assert.deepEqual(got.json, expected.json, path);
      assert.equal(got.headers.get('cache-control'), 'no-store', path);
    }
  });

  test('the lists are not trivially equal: they hold the account’s data, with payouts expanded as the ledger keeps them', async () => {
    const page = (await platform.get('/v1/balance_transactions?limit=100', account)).json;
    assert.deepEqual(page.data.map((x) => x.id), all.slice(0, 100).map((x) => x.id));
    const payouts = (await platform.get('/v1/payouts?limit=3', account)).json.data;
    assert.equal(payouts[0].destination.object, 'bank_account');
    assert.equal(payouts[0].destination.last4, '6789');
    // Stripe itself (the reference server with a key) answers an id unless asked to expand.
    const raw = await platform.stripe.payouts.list({ limit: 1 }, { stripeAccount: account });
    assert.equal(typeof raw.data[0].destination, 'string');
  });

  test('the account gets livemode from the key’s mode (Stripe’s account object has none)', async () => {
    const raw = await platform.stripe.accounts.retrieveCurrent({}, { stripeAccount: account });
    assert.equal('livemode' in raw, false);
    assert.equal((await platform.get('/v1/account', account)).json.livemode, false);
    const live = await startPlatform(t, { mode: 'live', webhooks: false });
    try {
      const a = await live.get('/v1/account', t.live.id);
      assert.equal(a.json.id, t.live.id);
      assert.equal(a.json.livemode, true);
      assert.deepEqual(a.json, (await ledgerAs(t.live)).json);
      // A live key cannot reach a test-mode account: Stripe's 403 is the platform's to fix, a 500 here.
      const other = await live.get('/v1/balance', account);
      assert.equal(other.status, 500);
      assert.equal(other.json.error.type, 'api_error');
      assert.ok(live.errors.some(([m]) => /Stripe refused/.test(m)));
    } finally {
      await live.close();
    }
  });
});

async function ledgerAs(seeded) {
  const c = t.client();
  await signIn(t, c, seeded);
  return c.get('/v1/account');
}

describe('type[] over Stripe’s single type', () => {
  const sets = [
    ['payment_refund', 'adjustment'], // rare: a few dozen in a year
    ['payment', 'payout'], // nearly everything
    ['payout', 'payment_refund'], // one common, one rare
    ['adjustment', 'topup', 'payment_refund'], // one type that never occurs
  ];
  for (const types of sets) {
    test(`${types.join(' + ')}: every match once, newest first, no gap, at most ${3 + types.length} Stripe calls a page`, async () => {
      const expected = all.filter((x) => types.includes(x.type)).map((x) => x.id);
      assert.ok(expected.length > 0);
      for (const limit of [7, 100]) {
        const seen = [];
        let cursor;
        for (let pages = 0; ; pages++) {
          assert.ok(pages < 1000, 'paging ends');
          const before = stripeCalls();
          const q = types.map((x) => `type[]=${x}`).join('&');
          const r = await platform.get(`/v1/balance_transactions?${q}&limit=${limit}${cursor ? `&starting_after=${cursor}` : ''}`, account);
          assert.equal(r.status, 200, r.text);
          assert.ok(stripeCalls() - before <= 3 + types.length, `${stripeCalls() - before} calls`);
          assert.ok(r.json.data.every((x) => types.includes(x.type)));
          seen.push(...r.json.data.map((x) => x.id));
          if (!r.json.has_more) break;
          assert.equal(r.json.data.length, limit, 'a full page while there is more');
          cursor = r.json.data.at(-1).id;
        }
        assert.equal(new Set(seen).size, seen.length, 'no duplicate');
        assert.deepEqual(seen, expected, 'no gap, in order');
      }
    });
  }

  test('ending_before pages back to the newest match with no gap', async () => {
    const types = ['payout', 'payment_refund'];
    const expected = all.filter((x) => types.includes(x.type)).map((x) => x.id);
    let cursor = expected[150];
    const seen = [];
    for (;;) {
      const r = await platform.get(`/v1/balance_transactions?type[]=payout&type[]=payment_refund&limit=9&ending_before=${cursor}`, account);
      assert.equal(r.status, 200, r.text);
      seen.unshift(...r.json.data.map((x) => x.id));
      if (!r.json.has_more) break;
      cursor = r.json.data[0].id;
    }
    assert.deepEqual(seen, expected.slice(0, 150));
  });

  test('the scan is bounded: rare types are asked type by type after one page', async () => {
    const before = stripeCalls();
    const r = await platform.get('/v1/balance_transactions?type[]=adjustment&type[]=topup&limit=10', account);
    assert.equal(r.status, 200);
    assert.ok(stripeCalls() - before <= 1 + 2, `${stripeCalls() - before} calls`);
  });
});

describe('net volume', () => {
  test('equals the core’s aggregation, is cached, and a webhook keeps the cached series exact', async () => {
    const q = { interval: 'day', created: { gte: NOW - 30 * 86400, lt: NOW + 3 * 86400 }, currency: 'usd', timezone: 'America/Los_Angeles' };
    const path = `/v1/net_volume?interval=day&created[gte]=${q.created.gte}&created[lt]=${q.created.lt}&currency=usd&timezone=America/Los_Angeles`;
    const core = async () => t.m.aggregateNetVolume(await rowsOf(account), q).map(({ start, net }) => ({ start, net }));
    const first = await platform.get(path, account);
    assert.equal(first.status, 200, first.text);
    assert.deepEqual(first.json.data, await core());
    assert.ok(first.json.data.some((b) => b.net !== 0));
    const computed = platform.source.netVolumeCache.computed;
    const calls = stripeCalls();
    assert.deepEqual((await platform.get(path, account)).json.data, await core());
    assert.equal(platform.source.netVolumeCache.computed, computed, 'answered from the cache');
    assert.equal(stripeCalls(), calls, 'no Stripe call');

    // A payment on "Stripe": its webhook adds it to the cached series, which stays equal to a fresh sum.
    const payment = (await ledger.post('/dev/payments', { amount: 4321 })).json;
    await t.server.ctx.webhooks.idle();
    const after = (await platform.get(path, account)).json.data;
    assert.deepEqual(after, await core());
    assert.equal(platform.source.netVolumeCache.computed, computed, 'updated, not recomputed');
    const day = after.findLast((b) => b.start <= payment.created);
    assert.equal(day.net, first.json.data.find((b) => b.start === day.start).net + payment.net);
  });
});

describe('webhooks', () => {
  const post = (body, signature) =>
    fetch(`${platform.origin}/stripe/webhook`, { method: 'POST', headers: { 'Content-Type': 'application/json', ...(signature ? { 'Stripe-Signature': signature } : {}) }, body });
  const event = (type, object, created = Math.floor(t.clock.now() / 1000)) =>
    JSON.stringify({ id: `evt_test_${Math.random().toString(36).slice(2)}`, object: 'event', account, created, type, data: { object } });

  test('a bad, missing or stale signature is refused with a Stripe-shaped 400; a good one is taken', async () => {
    const now = Math.floor(t.clock.now() / 1000);
    const body = event('balance.available', { object: 'balance', available: [{ amount: 1, currency: 'usd' }], pending: [], livemode: false });
    const cases = [
      [t.m.stripeSignature(body, 'whsec_not_the_secret_at_all', now), 'signature_invalid'],
      [t.m.stripeSignature(body, platform.webhookSecret, now - 3600), 'signature_invalid'], // an hour old: a replay
      [t.m.stripeSignature(`${body} `, platform.webhookSecret, now), 'signature_invalid'], // not this body
      [undefined, 'signature_missing'],
    ];
    for (const [signature, code] of cases) {
      const r = await post(body, signature);
      assert.equal(r.status, 400);
      const json = await r.json();
      assert.equal(json.error.type, 'invalid_request_error');
      assert.equal(json.error.code, code);
    }
    const ok = await post(body, t.m.stripeSignature(body, platform.webhookSecret, now));
    assert.equal(ok.status, 200);
    assert.deepEqual(await ok.json(), { received: true });
  });

  test('a payment made on the server reaches an open /events stream through the signed webhook', async () => {
    const stream = await platform.events(account);
    try {
      assert.equal(stream.status, 200);
      assert.equal((await stream.next()).retry, 3000);
      const payment = (await ledger.post('/dev/payments', { amount: 2500 })).json;
      const created = await stream.nextEvent();
      assert.equal(created.event.type, 'balance_transaction.created');
      assert.deepEqual(created.event.data, (await ledger.get(`/v1/balance_transactions/${payment.id}`)).json);
      const updated = await stream.nextEvent();
      assert.equal(updated.event.type, 'balance.updated');
      assert.deepEqual(updated.event.data, (await ledger.get('/v1/balance')).json);
      assert.ok(updated.id > created.id);
      assert.deepEqual(t.server.ctx.webhooks.sent.at(-1).type, 'charge.succeeded');
      assert.equal(t.server.ctx.webhooks.sent.at(-1).status, 200);

      // Stripe delivers at least once: the same event again tells nothing new.
      const before = platform.source.events.after(account, created.id - 1, 100).events.length;
      const again = event('charge.succeeded', { id: payment.source, object: 'charge' });
      await post(again, t.m.stripeSignature(again, platform.webhookSecret, Math.floor(t.clock.now() / 1000)));
      assert.equal(platform.source.events.after(account, created.id - 1, 100).events.length, before);
    } finally {
      stream.close();
    }
  });

  test('the first event of an account tells only what it brought, not what the page already showed', async () => {
    const fresh = await startPlatform(t); // a new process: it knows nothing of this account yet
    try {
      // Two minutes on (the suite's earlier payments are that old now), a transaction made a
      // minute ago: on the page already, and in the webhook's lookback window.
      t.clock.advance(120_000);
      const now = Math.floor(t.clock.now() / 1000);
      const earlier = { ...all.find((x) => x.type === 'payment'), id: `txn_earlier${now}`, created: now - 60, available_on: now + 86400 };
      await t.server.ctx.ledger.insertTransactions(account, [earlier]);
      const stream = await fresh.events(account);
      try {
        await stream.next();
        const first = (await ledger.post('/dev/payments', { amount: 700 })).json;
        const e1 = await stream.nextEvent();
        assert.equal(e1.event.type, 'balance_transaction.created');
        assert.equal(e1.event.data.id, first.id, 'not the one made a minute before');
        assert.equal((await stream.nextEvent()).event.type, 'balance.updated');
        t.clock.advance(30_000);
        const second = (await ledger.post('/dev/payments', { amount: 800 })).json;
        const e2 = await stream.nextEvent();
        assert.equal(e2.event.data.id, second.id);
        assert.equal((await stream.nextEvent()).event.type, 'balance.updated');
      } finally {
        stream.close();
      }
    } finally {
      await fresh.close();
      t.server.ctx.webhooks = undefined;
      await platform.close();
      platform = await startPlatform(t); // the suite's platform receives the webhooks again
    }
  });

  test('payouts: created and each change told once, as the payout is now; replay with Last-Event-ID', async () => {
    const stream = await platform.events(account);
    try {
      await stream.next();
      // Let what became available be paid out, as the daily schedule would.
      t.clock.advance(3 * 86400_000);
      const payout = (await ledger.post('/dev/payouts')).json;
      assert.ok(payout.id, JSON.stringify(payout));
      const a = await stream.nextEvent();
      assert.equal(a.event.type, 'payout.created');
      assert.deepEqual(a.event.data, (await ledger.get(`/v1/payouts/${payout.id}`)).json);
      const b = await stream.nextEvent();
      assert.equal(b.event.type, 'balance_transaction.created');
      assert.equal(b.event.data.type, 'payout');
      assert.equal(b.event.data.source, payout.id);
      assert.equal((await stream.nextEvent()).event.type, 'balance.updated');
      // What it paid out: exactly its amount.
      const settled = (await platform.get(`/v1/balance_transactions?payout=${payout.id}&limit=100`, account)).json.data;
      assert.equal(settled.filter((x) => x.type !== 'payout').reduce((s, x) => s + x.net, 0), payout.amount);
      assert.deepEqual(settled, (await ledger.get(`/v1/balance_transactions?payout=${payout.id}&limit=100`)).json.data);

      // paid: Stripe sends payout.updated and payout.paid; the stream hears one payout.updated.
      await ledger.post(`/dev/payouts/${payout.id}`, { status: 'paid' });
      const c = await stream.nextEvent();
      assert.equal(c.event.type, 'payout.updated');
      assert.equal(c.event.data.status, 'paid');
      await ledger.post(`/dev/payouts/${payout.id}`, { status: 'failed' });
      const d = await stream.nextEvent();
      assert.equal(d.event.data.status, 'failed');
      assert.equal(d.event.data.failure_code, 'account_closed');
      await t.server.ctx.webhooks.idle();
      assert.deepEqual(t.server.ctx.webhooks.sent.slice(-4).map((e) => e.type), ['payout.updated', 'payout.paid', 'payout.updated', 'payout.failed']);

      // Reconnecting after the first event replays the rest, in order.
      const replay = await platform.events(account, { lastEventId: a.id });
      try {
        const ids = [];
        for (let i = 0; i < 4; i++) ids.push((await replay.nextEvent()).id);
        assert.deepEqual(ids, [a.id + 1, a.id + 2, c.id, d.id]);
      } finally {
        replay.close();
      }
      // From before this process's store began: the stream says the replay is incomplete.
      const old = await platform.events(account, { lastEventId: 5 });
      try {
        assert.equal((await old.next((m) => m.name !== undefined)).name, 'reset');
      } finally {
        old.close();
      }
    } finally {
      stream.close();
    }
  });
});

describe('Stripe’s failures', () => {
  test('a passing outage is retried by the client with backoff and not seen', async () => {
    t.server.stripe.failNext({ status: 503, times: 2 });
    const before = stripeCalls('/v1/balance');
    const r = await platform.get('/v1/balance', account);
    assert.equal(r.status, 200, r.text);
    assert.equal(stripeCalls('/v1/balance') - before, 3, 'two failures, then the answer');
  });

  test('a lasting outage answers 503 with Retry-After (the browser’s server_error); a rate limit 429 rate_limited', async () => {
    t.server.stripe.failNext({ status: 500, times: 3 });
    const down = await platform.get('/v1/balance', account);
    assert.equal(down.status, 503);
    assert.equal(down.json.error.type, 'api_error');
    assert.ok(Number(down.headers.get('retry-after')) > 0);
    t.server.stripe.failNext({ status: 429, headers: { 'Retry-After': '7' } });
    const limited = await platform.get('/v1/payouts', account);
    assert.equal(limited.status, 429);
    assert.equal(limited.json.error.code, 'rate_limited');
    assert.equal(limited.headers.get('retry-after'), '7');
    assert.equal((await platform.get('/v1/payouts', account)).status, 200);
  });

  test('without an account the API answers 401 before calling Stripe', async () => {
    const before = stripeCalls('/v1/balance');
    const res = await fetch(`${platform.origin}/v1/balance`);
    assert.equal(res.status, 401);
    assert.equal((await res.json()).error.code, 'session_required');
    assert.equal(stripeCalls('/v1/balance'), before);
  });
});

describe('two instances of a platform’s API on one PostgreSQL database', { skip: ENGINE !== 'postgres' && 'PostgreSQL only (each instance its own pool and listening connection)' }, () => {
  let sa;
  let sb;
  let pa;
  let pb;
  const secret = `whsec_${randomBytes(24).toString('hex')}`;
  before(async () => {
    // Each instance: its own storage on the test database (stripeSource's events, state and net volume series there).
    [sa, sb] = await Promise.all([t.m.openStorage({ url: t.databaseUrl }), t.m.openStorage({ url: t.databaseUrl })]);
    const on = (s) => ({ webhookSecret: secret, events: s.stripeSourceEvents, state: s.stripeState, netVolumeCache: { store: s.netVolume } });
    pa = await startPlatform(t, { webhooks: false, source: on(sa) });
    pb = await startPlatform(t, { webhooks: false, source: on(sb) });
    // The account's first event here: what the suite made before counts as told from now on.
    t.clock.advance(60_000);
    await deliver(pa, chargeEvent('py_warm_up'));
  });
  after(async () => {
    await pa?.close();
    await pb?.close();
    await sa?.close();
    await sb?.close();
  });

  const deliver = (p, body) =>
    fetch(`${p.origin}/stripe/webhook`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json', 'Stripe-Signature': t.m.stripeSignature(body, secret, Math.floor(t.clock.now() / 1000)) },
      body,
    }).then((r) => r.json());
  const chargeEvent = (charge) =>
    JSON.stringify({ id: `evt_${randomBytes(8).toString('hex')}`, object: 'event', account, created: Math.floor(t.clock.now() / 1000), type: 'charge.succeeded', data: { object: { id: charge, object: 'charge' } } });

  test('an event delivered to both at once is handled once, and reaches the streams of both', async () => {
    const onA = await pa.events(account);
    const onB = await pb.events(account);
    try {
      await onA.next();
      await onB.next();
      const payment = (await ledger.post('/dev/payments', { amount: 3300 })).json;
      const body = chargeEvent(payment.source);
      const answers = await Promise.all([deliver(pa, body), deliver(pb, body)]);
      assert.deepEqual(answers.map((x) => x.duplicate === true).sort(), [false, true], JSON.stringify(answers));
      for (const stream of [onA, onB]) {
        const created = await stream.nextEvent();
        assert.equal(created.event.type, 'balance_transaction.created');
        assert.equal(created.event.data.id, payment.id);
        assert.equal((await stream.nextEvent()).event.type, 'balance.updated');
      }
      // Stripe's next event for the same charge tells nothing new on either.
      await Promise.all([deliver(pa, chargeEvent(payment.source)), deliver(pb, chargeEvent(payment.source))]);
      const last = await sa.stripeSourceEvents.after(account, 0, 1000);
      assert.equal(last.events.filter((e) => e.event.type === 'balance_transaction.created' && e.event.data.id === payment.id).length, 1);
    } finally {
      onA.close();
      onB.close();
    }
  });

  test('net volume computed by A is answered by B from the shared store, and kept current by a webhook to A', async () => {
    const path = `/v1/net_volume?interval=week&created[gte]=${NOW - 70 * 86400}&created[lt]=${NOW + 7 * 86400}&currency=usd&timezone=UTC`;
    const first = await pa.get(path, account);
    assert.equal(first.status, 200, first.text);
    assert.equal(pa.source.netVolumeCache.computed, 1);
    assert.deepEqual((await pb.get(path, account)).json, first.json);
    assert.equal(pb.source.netVolumeCache.computed, 0, 'B computed nothing');
    const payment = (await ledger.post('/dev/payments', { amount: 9100 })).json;
    assert.equal((await deliver(pa, chargeEvent(payment.source))).received, true);
    const after = (await pb.get(path, account)).json.data;
    assert.equal(pb.source.netVolumeCache.computed, 0, 'still nothing computed by B');
    const week = after.findLast((b) => b.start <= payment.created);
    assert.equal(week.net, first.json.data.find((b) => b.start === week.start).net + payment.net);
    assert.deepEqual(after, (await ledger.get(path)).json.data, 'equal to the ledger’s own sum');
  });
});

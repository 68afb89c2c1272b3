// The server entry's parts on their own: the memory event store's bounds and replay, an event
// stream that hears new events while it replays, the API's routing (405, undefined, 401), and
// toNodeHandler's limits, on a real node:http server.
import assert from 'node:assert/strict';
import { createServer } from 'node:http';
import { after, before, describe, test } from 'node:test';
import { listenOn, serverModule } from './helpers.mjs';

let lib;
before(async () => {
  lib = (await serverModule()).lib;
});

const payout = (id, status = 'pending') => ({
  type: 'payout.updated',
  data: { id, amount: 100, currency: 'usd', created: 1, arrival_date: 2, status },
});

describe('memoryEventStore', () => {
  test('ids increase from the start time, replay is complete only while nothing was dropped', () => {
    const store = lib.memoryEventStore({ maxPerAccount: 3, now: () => 1_000 });
    const a = store.append('acct_a', [payout('po_1'), payout('po_2')]);
    const b = store.append('acct_b', [payout('po_x')]);
    assert.deepEqual(a.map((e) => e.id), [1_000_000, 1_000_001]);
    assert.equal(b[0].id, 1_000_002);
    assert.deepEqual(store.after('acct_a', a[0].id, 10), { events: [a[1]], complete: true });
    assert.equal(store.after('acct_a', 999_999, 10).complete, true, 'from just before the first id');
    assert.equal(store.after('acct_a', 5, 10).complete, false, 'an id of an older process: a gap');
    store.append('acct_a', [payout('po_3'), payout('po_4')]); // po_1 is dropped
    const r = store.after('acct_a', a[0].id - 1, 10);
    assert.equal(r.complete, false);
    assert.deepEqual(r.events.map((e) => e.event.data.id), ['po_2', 'po_3', 'po_4']);
    assert.equal(store.after('acct_a', a[1].id, 1).complete, false, 'more than the limit');
    assert.deepEqual(store.after('acct_b', 0, 10).events.map((e) => e.event.data.id), ['po_x']);
  });

  test('an event stream hears what happens while it replays once, after the replay, in order', async () => {
    const store = lib.memoryEventStore();
    const [first] = store.append('acct_a', [payout('po_1')]);
    let release;
    const slow = { ...store, after: (...args) => new Promise((resolve) => (release = () => resolve(store.after(...args)))), subscribe: store.subscribe, append: store.append };
    const stream = lib.eventStream({ store: slow, account: 'acct_a', lastEventId: first.id - 1, heartbeatMs: 60_000 });
    const reader = stream.body.pipeThrough(new TextDecoderStream()).getReader();
    store.append('acct_a', [payout('po_2')]); // while the replay is being read
    release();
    let text = '';
    while ((text.match(/^id: /gm) ?? []).length < 2) text += (await reader.read()).value;
    stream.close();
    assert.match(text, /^retry: 3000\n\n/);
    const ids = [...text.matchAll(/"id":"(po_\d)"/g)].map((m) => m[1]);
    assert.deepEqual(ids, ['po_1', 'po_2']);
  });
});

describe('createExpressApi routing', () => {
  const source = { getAccount: async (account) => ({ id: account }) };

  test('needs a source and a way to know the account', () => {
    assert.throws(() => lib.createExpressApi({ accountFor: () => 'a' }), /source/);
    assert.throws(() => lib.createExpressApi({ source }), /accountFor/);
  });

  test('its routes, undefined for other paths, 405 for another method, 401 without an account', async () => {
    const api = lib.createExpressApi({ source, accountFor: (r) => r.headers.get('x-account'), basePath: '/api/express/' });
    assert.equal(api.basePath, '/api/express');
    assert.ok(api.routes.some((r) => r.method === 'GET' && r.path === '/api/express/balance_transactions/{id}'));
    assert.equal(api.routes.some((r) => r.path.endsWith('/login_links')), false, 'no sign-in module, no login links');
    assert.equal(await api.fetch(new Request('http://x/v1/account')), undefined);
    assert.equal(await api.fetch(new Request('http://x/api/express/charges')), undefined);
    const post = await api.fetch(new Request('http://x/api/express/account', { method: 'POST' }));
    assert.equal(post.status, 405);
    assert.equal((await post.json()).error.type, 'invalid_request_error');
    assert.equal((await api.fetch(new Request('http://x/api/express/account'))).status, 401);
    const ok = await api.fetch(new Request('http://x/api/express/account', { headers: { 'x-account': 'acct_1' } }));
    assert.deepEqual(await ok.json(), { id: 'acct_1' });
    assert.equal(ok.headers.get('cache-control'), 'no-store');
    assert.equal((await api.webhook(new Request('http://x/hook', { method: 'POST' }))).status, 404);
  });

  test('a failing source answers a Stripe-shaped 500 without its details', async () => {
    const seen = [];
    const api = lib.createExpressApi({
      source: { getAccount: async () => { throw new Error('db password is hunter2'); } },
      accountFor: () => 'acct_1',
      onError: (m, e) => seen.push(e),
    });
    const res = await api.fetch(new Request('http://x/v1/account'));
    assert.equal(res.status, 500);
    const text = await res.text();
    assert.doesNotMatch(text, /hunter2/);
    assert.equal(JSON.parse(text).error.type, 'api_error');
    assert.equal(seen[0].message, 'db password is hunter2');
  });
});

describe('toNodeHandler', () => {
  let server;
  let origin;
  before(async () => {
    const echo = async (request) => Response.json({ method: request.method, url: request.url, body: await request.text() });
    const handler = lib.toNodeHandler(echo, { bodyLimit: 10 });
    server = createServer(handler);
    origin = await listenOn(server);
  });
  after(() => server.close());

  test('passes method, URL and body; refuses a body over the limit with 413', async () => {
    const r = await (await fetch(`${origin}/a/b?c=1`, { method: 'POST', body: 'hello' })).json();
    assert.equal(r.method, 'POST');
    assert.equal(new URL(r.url).pathname, '/a/b');
    assert.equal(r.body, 'hello');
    const big = await fetch(`${origin}/x`, { method: 'POST', body: 'x'.repeat(11) });
    assert.equal(big.status, 413);
  });
});

// Koa-style middleware for the test runner's dev server: the fixture HTTP API that HttpAdapter,
// the login button's endpoint mode and HttpSignInAdapter are tested against over real HTTP.
//
// Everything lives under /test-api/. Routes (a small table at the bottom; add yours there):
//   /test-api/ok/v1/{account,balance,balance_transactions,payouts,net_volume}   GET, Stripe fixtures
//   /test-api/ok/v1/payouts/:id                                                 GET, one of the payouts
//   /test-api/ok/v1/login_links                                                 POST
//   /test-api/ok/v1/events, /test-api/events        SSE: two events with ids after Last-Event-ID (or the
//        last_event_id parameter, the larger of the two), then close
//   /test-api/sse/:token/:mode/v1/events            SSE, connections counted per token; mode is
//        once (as above), hold (two events, then stays open), flaky (first connection 503, then once),
//        gap (a deploy: two events and close; the EventSource's own reconnection 503, so it closes for
//        good; the next connection replays from the id asked, that id itself included, and holds) or
//        reset (two events, `event: reset` with id 50, event 51, and holds)
//   /test-api/sse/:token/state                      { open, total, lastEventIds, queries } of that token
//        (queries: each connection's last_event_id parameter)
//   /test-api/live/:token/v1/*                      the ok API with GET requests counted per resource,
//        and an SSE feed that sends nothing and holds; balances grow with each request (available 1000 × n)
//   /test-api/live/:token/requests                  { resource: count } of that token
//   /test-api/live/:token/reset                     POST: the token's open feeds send `event: reset`
//   /test-api/echo/*                                answers { method, path, query, headers, body }
//   /test-api/record/:token/*                       records the request like echo, then serves /test-api/*
//   /test-api/recorded/:token                       the requests recorded under token, oldest first
//   /test-api/status/:code/*                        that status with a Stripe-shaped error body
//                                                   (Retry-After: 7 on 429); /status/:code-plain/* a text body
//   /test-api/malformed/*                           invalid JSON (SSE: bad messages, then one good event)
//   /test-api/wrong-shape/*                         valid JSON of the wrong shape
//   /test-api/slow/*                                answers /test-api/* after 5 s (for abort tests)
//   /test-api/login-button/:kind                    POST: a platform's login-link endpoint; kind fresh (a new
//                                                   https link each call) or unsafe (a javascript: link)
//   /test/csp/host.html                             (not under /test-api/) served with the strict
//                                                   policy of test/support/strict-csp.mjs
//   /test-api/ok/v1/sign_in, .../sign_in/:id/verify, .../sign_in/:id/resend     POST, the sign-in API:
//        login_token "good" (or an email) sends a code, "test_mode" signs in, "expired" is 410; the code
//        is 424242; a wrong one is 400 invalid_code with attempts_remaining, the fifth 403 too_many_attempts
import { readFileSync } from 'node:fs';
import { PassThrough } from 'node:stream';
import { STRICT_PLATFORM_CSP } from './strict-csp.mjs';

const FIXTURES = new URL('../fixtures/stripe/', import.meta.url);
const fixture = (name) => JSON.parse(readFileSync(new URL(`${name}.json`, FIXTURES), 'utf8'));

const account = fixture('account');
const balance = fixture('balance');
const loginLink = fixture('login_link');
const txnFixture = fixture('balance_transaction');
const payoutFixture = fixture('payout');

const DAY = 86_400;
const TXN_TYPES = [
  ['charge', 1250, 66], ['payment', 2400, 100], ['refund', -1250, 0], ['stripe_fee', -200, 0],
  ['payout', -5000, 0],
];
/** 25 balance transactions, newest first: the Stripe fixture, then variations of it. */
const transactions = Array.from({ length: 25 }, (_, i) => {
  if (i === 0) return txnFixture;
  const [type, amount, fee] = TXN_TYPES[i % TXN_TYPES.length];
  const created = txnFixture.created - i * 3600;
  return {
    ...txnFixture, id: `txn_test_${String(i).padStart(2, '0')}`, type, reporting_category: type,
    amount, fee, net: amount - fee, created, available_on: created + 2 * DAY,
    description: i % 3 === 0 ? null : `Test ${type} ${i}`, source: null,
    fee_details: fee ? [{ amount: fee, currency: 'usd', type: 'stripe_fee', description: 'Stripe processing fees' }] : [],
  };
});
const PAYOUT_STATUSES = ['in_transit', 'paid', 'paid', 'failed', 'paid'];
/** 5 payouts, newest first: the Stripe fixture, then variations of it. */
const payouts = PAYOUT_STATUSES.map((status, i) =>
  i === 0 ? payoutFixture : {
    ...payoutFixture, id: `po_test_${i}`, status, amount: 1000 + i * 100,
    created: payoutFixture.created - i * DAY, arrival_date: payoutFixture.arrival_date - i * DAY,
    failure_message: status === 'failed' ? 'The bank account has been closed.' : null,
  });

/** The SSE feed's event with that id: a new balance transaction `txn_evt_{id}`. */
function feedEvent(id) {
  const created = txnFixture.created + id;
  return {
    type: 'balance_transaction.created',
    data: { ...txnFixture, id: `txn_evt_${id}`, created, available_on: created, description: `Event ${id}` },
  };
}

// ---- helpers ---------------------------------------------------------------------------------

function json(ctx, status, body) {
  ctx.status = status;
  ctx.type = 'application/json';
  ctx.set('Cache-Control', 'no-store');
  ctx.body = JSON.stringify(body);
}

function stripeError(ctx, status, code, message, param) {
  json(ctx, status, { error: { type: 'invalid_request_error', code, message, ...(param ? { param } : {}) } });
}

async function readBody(ctx) {
  if (ctx.state.body !== undefined) return ctx.state.body; // read once: record/* then the route
  const chunks = [];
  for await (const c of ctx.req) chunks.push(c);
  return (ctx.state.body = Buffer.concat(chunks).toString('utf8'));
}

/** A Stripe list page of `items` honouring `limit` (1..100, default 10) and `starting_after`. */
function page(ctx, items) {
  const limit = ctx.query.limit === undefined ? 10 : Number(ctx.query.limit);
  if (!Number.isInteger(limit) || limit < 1 || limit > 100) {
    return stripeError(ctx, 400, 'parameter_invalid_integer', 'Invalid integer: limit', 'limit');
  }
  let start = 0;
  if (ctx.query.starting_after !== undefined) {
    const i = items.findIndex((x) => x.id === ctx.query.starting_after);
    if (i < 0) return stripeError(ctx, 400, 'resource_missing', 'No such object', 'starting_after');
    start = i + 1;
  }
  const data = items.slice(start, start + limit);
  json(ctx, 200, { object: 'list', data, has_more: start + limit < items.length, url: ctx.path });
}

/** The ok API, by resource name. */
const resources = {
  'GET account': (ctx) => json(ctx, 200, account),
  'GET balance': (ctx) => json(ctx, 200, balance),
  'GET balance_transactions': (ctx) => page(ctx, transactions),
  'GET payouts': (ctx) => page(ctx, payouts),
  'GET net_volume': (ctx) => {
    const gte = Number(ctx.query['created[gte]'] ?? txnFixture.created);
    const data = [1200, 0, -300].map((net, i) => ({ start: gte + i * DAY, net }));
    json(ctx, 200, { object: 'list', data, has_more: false });
  },
  'POST login_links': (ctx) => json(ctx, 200, loginLink),
  'POST sign_in': (ctx) => signIn(ctx),
};

// ---- sign-in (HttpSignInAdapter) and a platform's login-link endpoint (the login button) ------

let linkCount = 0;
const loginLinks = {
  fresh: () => ({ object: 'login_link', created: 1700000000, url: `https://connect.example.com/express/acct_test/link_${++linkCount}` }),
  unsafe: () => ({ object: 'login_link', created: 1700000000, url: 'javascript:alert(document.cookie)' }),
};

/** Wrong tries per challenge id. */
const challenges = new Map();
const codeSent = (id) => ({
  status: 'code_sent', challenge_id: id, phone_hint: '•••• 4242', code_length: 6,
  resend_after: Math.floor(Date.now() / 1000) + 30, livemode: true,
});

async function bodyOf(ctx) {
  try { return JSON.parse(await readBody(ctx)); } catch { return undefined; }
}

async function signIn(ctx) {
  const body = await bodyOf(ctx);
  if (body?.login_token === 'test_mode') return json(ctx, 200, { status: 'signed_in', redirect_url: '/dashboard' });
  if (body?.login_token === 'expired') return stripeError(ctx, 410, 'expired', 'This link has expired.');
  if (body?.login_token === 'good' || typeof body?.email === 'string') {
    const id = `chal_${challenges.size + 1}`;
    challenges.set(id, 0);
    return json(ctx, 200, codeSent(id));
  }
  return stripeError(ctx, 400, 'parameter_missing', 'Give a login_token or an email.', 'login_token');
}

async function verify(ctx, { id }) {
  const body = await bodyOf(ctx);
  if (!challenges.has(id)) return stripeError(ctx, 404, 'resource_missing', `No such challenge: ${id}`);
  if (body?.code === '424242') return json(ctx, 200, { status: 'signed_in', redirect_url: '/dashboard' });
  const wrong = challenges.get(id) + 1;
  challenges.set(id, wrong);
  if (wrong >= 5) return stripeError(ctx, 403, 'too_many_attempts', 'Too many attempts.');
  json(ctx, 400, { error: { type: 'invalid_request_error', code: 'invalid_code', message: 'Wrong code.', param: 'code', attempts_remaining: 5 - wrong } });
}

// ---- Server-Sent Events ----------------------------------------------------------------------

/** Per-token SSE bookkeeping: open and total connections, the Last-Event-ID and last_event_id of each, open streams. */
const sseState = new Map();
const stateOf = (token) => {
  if (!sseState.has(token)) sseState.set(token, { open: 0, total: 0, lastEventIds: [], queries: [], streams: new Set() });
  return sseState.get(token);
};
const sseMessage = (id) => `id: ${id}\ndata: ${JSON.stringify(feedEvent(id))}\n\n`;

function sse(ctx, { token, mode = 'once' } = {}) {
  const last = ctx.get('Last-Event-ID');
  const query = ctx.query.last_event_id;
  const state = token ? stateOf(token) : undefined;
  if (state) {
    state.total++;
    state.lastEventIds.push(last || null);
    state.queries.push(query ?? null);
    if (mode === 'flaky' && state.total === 1) return stripeError(ctx, 503, 'unavailable', 'Try again later');
    if (mode === 'gap' && state.total === 2) return stripeError(ctx, 503, 'unavailable', 'Deploying');
    state.open++;
    ctx.res.once('close', () => state.open--);
  }
  const stream = new PassThrough();
  ctx.status = 200;
  ctx.type = 'text/event-stream';
  ctx.set('Cache-Control', 'no-store');
  ctx.body = stream;
  stream.write('retry: 100\n\n');
  if (mode === 'malformed') {
    stream.write('id: 1\ndata: {not json\n\n');
    stream.write(`id: 2\ndata: ${JSON.stringify({ type: 'balance.updated', data: { nope: true } })}\n\n`);
    stream.write(`id: 3\ndata: ${JSON.stringify(feedEvent(3))}\n\n`);
    return;
  }
  const from = Math.max(Number.parseInt(last, 10) || 0, Number.parseInt(query, 10) || 0);
  if (state) {
    state.streams.add(stream);
    ctx.res.once('close', () => state.streams.delete(stream));
  }
  if (mode === 'gap' && state?.total > 2) {
    // A server that replays from the id asked, that one included: the adapter must not deliver it twice.
    for (const id of [from, from + 1, from + 2]) stream.write(sseMessage(id));
    return;
  }
  if (mode === 'quiet') return;
  if (mode === 'reset') {
    for (const id of [from + 1, from + 2]) stream.write(sseMessage(id));
    stream.write('event: reset\nid: 50\ndata: {}\n\n');
    stream.write(sseMessage(51));
    return;
  }
  for (const id of [from + 1, from + 2]) stream.write(sseMessage(id));
  if (mode !== 'hold') stream.end();
}

// ---- a live API whose feed can be told to reset (elements reload) ----------------------------

/** Per token: GET requests per resource. */
const liveRequests = new Map();

function live(ctx, { token, rest }) {
  if (rest === 'events') return sse(ctx, { token: `live-${token}`, mode: 'quiet' });
  const counts = liveRequests.get(token) ?? {};
  liveRequests.set(token, counts);
  const resource = rest.split('/')[0];
  if (ctx.method === 'GET') counts[resource] = (counts[resource] ?? 0) + 1;
  if (ctx.method === 'GET' && resource === 'balance') {
    const n = counts.balance;
    return json(ctx, 200, { ...balance, available: [{ amount: 1000 * n, currency: 'usd' }], pending: [{ amount: 0, currency: 'usd' }] });
  }
  return serve(ctx, `ok/v1/${rest}`);
}

// ---- the route table -------------------------------------------------------------------------

const recorded = new Map();

function echoOf(ctx, body) {
  return { method: ctx.method, path: ctx.path, query: ctx.querystring, headers: ctx.headers, body };
}

/** Serves `/test-api/{rest}` as if it had been requested directly. */
function serve(ctx, rest) {
  ctx.path = `/test-api/${rest}`;
  return handle(ctx);
}

/**
 * `[method or '*', pattern, handler(ctx, params)]`. Patterns are paths below /test-api/ where
 * `:name` matches one segment and a trailing `*` matches the rest (as `params.rest`).
 */
const routes = [
  ['GET', 'events', (ctx) => sse(ctx)],
  ['GET', 'ok/v1/events', (ctx) => sse(ctx)],
  ['GET', 'malformed/v1/events', (ctx) => sse(ctx, { mode: 'malformed' })],
  ['GET', 'sse/:token/:mode/v1/events', (ctx, p) => sse(ctx, p)],
  ['GET', 'sse/:token/state', (ctx, p) => {
    const { streams, ...state } = stateOf(p.token);
    json(ctx, 200, state);
  }],
  ['GET', 'live/:token/requests', (ctx, p) => json(ctx, 200, liveRequests.get(p.token) ?? {})],
  ['POST', 'live/:token/reset', (ctx, p) => {
    const { streams } = stateOf(`live-${p.token}`);
    for (const stream of streams) stream.write('event: reset\ndata: {}\n\n');
    json(ctx, 200, { streams: streams.size });
  }],
  ['*', 'live/:token/v1/*', (ctx, p) => live(ctx, p)],
  ['GET', 'ok/v1/payouts/:id', (ctx, p) => {
    const payout = payouts.find((x) => x.id === p.id);
    return payout ? json(ctx, 200, payout) : stripeError(ctx, 404, 'resource_missing', `No such payout: '${p.id}'`, 'id');
  }],
  ['*', 'ok/v1/:resource', (ctx, p) => {
    const r = resources[`${ctx.method} ${p.resource}`];
    if (r) return r(ctx);
    if (Object.keys(resources).some((k) => k.endsWith(` ${p.resource}`))) {
      return stripeError(ctx, 405, 'method_not_allowed', `${ctx.method} is not allowed here`);
    }
    return stripeError(ctx, 404, 'resource_missing', `Unrecognized request URL (${ctx.path})`);
  }],
  ['*', 'echo/*', async (ctx) => json(ctx, 200, echoOf(ctx, await readBody(ctx)))],
  ['*', 'record/:token/*', async (ctx, p) => {
    const list = recorded.get(p.token) ?? [];
    recorded.set(p.token, list);
    list.push(echoOf(ctx, await readBody(ctx)));
    return serve(ctx, p.rest);
  }],
  ['GET', 'recorded/:token', (ctx, p) => json(ctx, 200, recorded.get(p.token) ?? [])],
  ['POST', 'login-button/:kind', (ctx, p) => json(ctx, 200, loginLinks[p.kind]?.() ?? {})],
  ['POST', 'ok/v1/sign_in/:id/verify', (ctx, p) => verify(ctx, p)],
  ['POST', 'ok/v1/sign_in/:id/resend', (ctx, p) =>
    challenges.has(p.id) ? json(ctx, 200, codeSent(p.id)) : stripeError(ctx, 404, 'resource_missing', `No such challenge: ${p.id}`)],
  ['*', 'status/:code/*', (ctx, p) => {
    const status = Number.parseInt(p.code, 10);
    if (p.code.endsWith('-plain')) {
      ctx.status = status;
      ctx.type = 'text/plain';
      ctx.body = 'Something broke';
      return;
    }
    if (status === 429) ctx.set('Retry-After', '7');
    stripeError(ctx, status, `test_${status}`, `Test error ${status}`, 'test_param');
  }],
  ['*', 'malformed/*', (ctx) => {
    ctx.status = 200;
    ctx.type = 'application/json';
    ctx.body = '{"object": "list", "data": [';
  }],
  ['*', 'wrong-shape/*', (ctx) => json(ctx, 200, { object: 'list', data: null, has_more: 'no' })],
  ['*', 'slow/*', async (ctx, p) => {
    const done = await new Promise((resolve) => {
      const timer = setTimeout(() => resolve(true), 5000);
      ctx.res.once('close', () => { clearTimeout(timer); resolve(false); });
    });
    if (done) return serve(ctx, p.rest);
  }],
];

const compiled = routes.map(([method, pattern, handler]) => {
  const names = [];
  const source = pattern.split('/').map((seg) => {
    if (seg === '*') { names.push('rest'); return '(.*)'; }
    if (seg.startsWith(':')) { names.push(seg.slice(1)); return '([^/]+)'; }
    return seg.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
  }).join('/');
  return { method, re: new RegExp(`^/test-api/${source}$`), names, handler };
});

async function handle(ctx) {
  for (const { method, re, names, handler } of compiled) {
    if (method !== '*' && method !== ctx.method) continue;
    const m = re.exec(ctx.path);
    if (!m) continue;
    const params = Object.fromEntries(names.map((n, i) => [n, decodeURIComponent(m[i + 1])]));
    return handler(ctx, params);
  }
  stripeError(ctx, 404, 'resource_missing', `No test route for ${ctx.method} ${ctx.path}`);
}

/** @type {import('@web/dev-server-core').Middleware[]} */
export const testMiddleware = [
  // test/csp/host.html: a platform's page under the strict policy of the README.
  async (ctx, next) => {
    await next();
    if (ctx.path === '/test/csp/host.html') ctx.set('Content-Security-Policy', STRICT_PLATFORM_CSP);
  },
  async (ctx, next) => {
    if (!ctx.path.startsWith('/test-api/') && ctx.path !== '/test-api') return next();
    await handle(ctx);
  },
];

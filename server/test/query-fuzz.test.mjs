// Issue 20, "fuzz the boundary": arbitrary query strings on every route of the server (pages, the
// session's API, the platform's secret-key API, sign-in, the development pages and controls, the
// static files), with and without a session. Every answer is a 2xx, a page's own 303 redirect, or
// a Stripe-shaped 4xx (`{ error: { type, message, code? } }` in JSON); never a 5xx, and nothing
// reaches the server's error log. The route list is checked against the server's own routing table,
// so a new route must join the fuzz.
import assert from 'node:assert/strict';
import { mkdirSync, writeFileSync } from 'node:fs';
import { request as httpRequest } from 'node:http';
import { join } from 'node:path';
import { after, before, test } from 'node:test';
import fc from 'fast-check';
import { signIn, startTestServer } from './helpers.mjs';

let t;
let web;
const logged = [];
let session; // a signed-in client (test-mode account)
let ids;

before(async () => {
  const { mkdtempSync } = await import('node:fs');
  const { tmpdir } = await import('node:os');
  web = mkdtempSync(join(tmpdir(), 'express-fuzz-web-'));
  mkdirSync(join(web, 'demo'));
  writeFileSync(join(web, 'pages.css'), 'body{}');
  writeFileSync(join(web, 'demo/index.html'), '<!doctype html><title>demo</title>');
  t = await startTestServer({
    months: 1,
    server: {
      webRoot: web,
      log: (m, e) => logged.push(`${m} ${e?.stack ?? e ?? ''}`),
      // The demo platform's backend holds the keys startTestServer makes (read once the server runs).
      platformDemo: { secretKeys: { get test() { return t.keys.test; }, get live() { return t.keys.live; } } },
    },
  });
  session = t.client();
  await signIn(t, session, t.test);
  const txns = (await session.get('/v1/balance_transactions?limit=1')).json.data;
  const payouts = (await session.get('/v1/payouts?limit=1')).json.data;
  ids = { txn: txns[0]?.id ?? 'txn_none', payout: payouts[0]?.id ?? 'po_none' };
});

after(async () => {
  await t?.close();
  const { rmSync } = await import('node:fs');
  if (web) rmSync(web, { recursive: true, force: true });
});

/** Every route: method, path pattern as Fastify lists it, how to call it. */
const ROUTES = [
  { method: 'GET', route: '/', pages: true },
  { method: 'GET', route: '/login', pages: true },
  { method: 'GET', route: '/dashboard', pages: true },
  { method: 'GET', route: '/dev/sms' },
  { method: 'GET', route: '/dev/sms.json' },
  { method: 'GET', route: '/dev/csp-reports.json' },
  { method: 'POST', route: '/dev/csp-reports', body: () => ({ 'csp-report': { 'document-uri': 'http://x/', 'effective-directive': 'img-src' } }), type: 'application/csp-report' },
  { method: 'GET', route: '/v1/account' },
  { method: 'GET', route: '/v1/balance' },
  { method: 'GET', route: '/v1/balance_transactions' },
  { method: 'GET', route: '/v1/balance_transactions/:id', id: () => ids.txn },
  { method: 'GET', route: '/v1/payouts' },
  { method: 'GET', route: '/v1/payouts/:id', id: () => ids.payout },
  { method: 'GET', route: '/v1/net_volume' },
  { method: 'GET', route: '/v1/events', stream: true },
  { method: 'POST', route: '/v1/login_links' },
  { method: 'POST', route: '/v1/accounts/:id/login_links', id: () => t.test.id, secret: true },
  { method: 'POST', route: '/v1/sign_in', body: () => ({ email: 'nobody@example.com' }) },
  { method: 'POST', route: '/v1/sign_in/:id/verify', id: () => 'chal_unknown', body: () => ({ code: '000000' }) },
  { method: 'POST', route: '/v1/sign_in/:id/resend', id: () => 'chal_unknown', body: () => ({}) },
  { method: 'POST', route: '/v1/sign_out', ownSession: true },
  { method: 'POST', route: '/dev/payments', body: () => ({ amount: 1234 }) },
  { method: 'POST', route: '/dev/payouts' },
  { method: 'POST', route: '/dev/payouts/:id', id: () => ids.payout, body: () => ({ status: 'paid' }) },
  { method: 'POST', route: '/platform/login-link' },
  { method: 'GET', route: '/healthz' },
  { method: 'GET', route: '/readyz' },
  { method: 'GET', route: '/assets/*', path: '/assets/pages.css' },
  { method: 'GET', route: '/demo/*', path: '/demo/index.html' },
];

/** The routes of the server's routing table (`printRoutes`), as `METHOD /path`. */
function routingTable(app) {
  const out = [];
  const stack = [];
  for (const line of app.printRoutes({ commonPrefix: false }).split('\n')) {
    const m = /^([│ ]*)[├└]── (.*?)(?: \(([A-Z, ]+)\))?$/u.exec(line);
    if (!m) continue;
    const depth = [...m[1]].length / 4;
    stack.length = depth;
    stack.push(m[2]);
    for (const method of (m[3] ?? '').split(', ').filter((x) => x && x !== 'HEAD')) out.push(`${method} ${stack.join('')}`);
  }
  return out;
}

test('the fuzzed routes are every route of the server', () => {
  // printRoutes shows @fastify/static's wildcard routes (/assets/*, /demo/*) as one `/*`.
  const fuzzed = new Set(ROUTES.map((r) => `${r.method} ${r.route.endsWith('/*') ? '/*' : r.route}`));
  const missing = routingTable(t.server.app).filter((r) => !fuzzed.has(r));
  assert.deepEqual(missing, []);
  for (const r of ROUTES) assert.ok(t.server.app.hasRoute({ method: r.method, url: r.route }), `${r.method} ${r.route} exists`);
});

// ---- arbitrary query strings --------------------------------------------------------------------

const KEYS = [
  'limit', 'starting_after', 'ending_before', 'created', 'created[gte]', 'created[lt]', 'created[gt]', 'created[lte]',
  'type', 'type[]', 'type[0]', 'currency', 'payout', 'source', 'status', 'interval', 'timezone', 'arrival_date[gte]',
  'expand[]', 'driver', 'login_token', '__proto__', '__proto__[admin]', 'constructor', 'constructor[prototype]',
  'toString', 'hasOwnProperty', 'a[b][c][d]', '[]', '', 'limit[]', 'limit[gte]', 'created[gte][lt]',
];
const ODD_VALUES = [
  '', '0', '-1', '1.5', '1e309', '-1e309', 'NaN', 'Infinity', '9007199254740993', '99999999999999999999999999',
  '0x10', ' 10', '10 ', 'null', 'undefined', 'true', '[]', '{}', '%', '%zz', '%E0%A4%A', '%00', '%C0%AF', '..%2F..',
  'txn_', 'po_', 'acct_', 'usd', 'USD', 'day', 'month', 'Europe/Paris', 'Mars/Olympus', 'payment', 'payout',
];

/** Percent-encodes the bytes Node's client refuses to send raw, and nothing else (`%` stays raw). */
function rawish(s) {
  let out = '';
  for (const ch of s) {
    const c = ch.codePointAt(0);
    if (c > 0x20 && c < 0x7f && ch !== '#') out += ch;
    else out += [...Buffer.from(ch, 'utf8')].map((b) => `%${b.toString(16).toUpperCase().padStart(2, '0')}`).join('');
  }
  return out;
}

const text = fc.oneof(
  fc.string({ maxLength: 40 }),
  fc.string({ unit: 'grapheme', maxLength: 20 }),
  fc.string({ unit: 'binary', maxLength: 20 }),
  fc.string({ minLength: 1000, maxLength: 3000, unit: fc.constantFrom('a', '9', '[', ']', '=', '&') }),
);
const value = fc.oneof(
  fc.constantFrom(...ODD_VALUES),
  fc.bigInt({ min: -(10n ** 30n), max: 10n ** 30n }).map(String),
  fc.double().map(String),
  text,
);
const key = fc.oneof({ weight: 3, arbitrary: fc.constantFrom(...KEYS) }, { weight: 1, arbitrary: text });
const encode = fc.constantFrom('component', 'raw');
const pair = fc.tuple(key, value, encode, fc.boolean()).map(([k, v, how, withEq]) => {
  const enc = how === 'component' ? (s) => encodeURIComponent(s.replace(/[\uD800-\uDFFF]/g, '\uFFFD')) : rawish;
  return withEq ? `${enc(k)}=${enc(v)}` : enc(k);
});
const query = fc.oneof(
  { weight: 4, arbitrary: fc.array(pair, { maxLength: 8 }).map((ps) => ps.join('&')) },
  { weight: 1, arbitrary: text.map(rawish) },
);
const as = fc.constantFrom('session', 'anonymous', 'secret');

/** One request over real HTTP; a stream is closed once its head has arrived. */
function send({ method, path, headers, body }) {
  return new Promise((resolve, reject) => {
    const url = new URL(t.origin);
    // A fresh connection each time: a kept-alive one may be closed by the server as it is reused.
    const req = httpRequest({ host: url.hostname, port: url.port, method, path, headers, agent: false }, (res) => {
      if (/text\/event-stream/.test(res.headers['content-type'] ?? '')) {
        resolve({ status: res.statusCode, headers: res.headers, text: '' });
        res.destroy();
        return;
      }
      let data = '';
      res.setEncoding('utf8');
      res.on('data', (d) => (data += d));
      res.on('end', () => resolve({ status: res.statusCode, headers: res.headers, text: data }));
    });
    req.on('error', reject);
    // An answer that never comes is a failure too (it names the request), not a stuck run.
    req.setTimeout(15_000, () => req.destroy(new Error(`no answer in 15 s: ${method} ${path.slice(0, 200)}`)));
    req.end(body);
  });
}

const STRIPE_ERROR_TYPES = new Set(['invalid_request_error', 'api_error', 'authentication_error', 'rate_limit_error', 'permission_error', 'idempotency_error']);

/** Throws unless the answer is a 2xx, a page's 303 to one of our paths, or a Stripe-shaped 4xx. */
function checkAnswer(r, res, what) {
  if (res.status >= 200 && res.status < 300) return;
  if (res.status === 303 && r.pages) {
    assert.match(res.headers.location, /^\/(?![/\\])/, `${what}: a redirect within the site`);
    return;
  }
  assert.ok(res.status >= 400 && res.status < 500, `${what}: status ${res.status} ${res.text.slice(0, 300)}`);
  assert.match(res.headers['content-type'] ?? '', /^application\/json/, `${what}: JSON error (${res.status} ${res.text.slice(0, 200)})`);
  const body = JSON.parse(res.text);
  assert.deepEqual(Object.keys(body), ['error'], what);
  assert.ok(STRIPE_ERROR_TYPES.has(body.error.type), `${what}: error.type ${body.error.type}`);
  assert.equal(typeof body.error.message, 'string', what);
  assert.ok(body.error.message.length > 0, what);
  if ('code' in body.error) assert.equal(typeof body.error.code, 'string', what);
  if ('param' in body.error) assert.equal(typeof body.error.param, 'string', what);
}

test('arbitrary query strings on every route: 2xx, a page’s redirect or a Stripe-shaped 4xx, never a 5xx', async () => {
  await fc.assert(
    fc.asyncProperty(fc.constantFrom(...ROUTES), query, as, async (r, q, who) => {
      const path = (r.path ?? r.route.replace(':id', encodeURIComponent(r.id?.() ?? 'x'))) + (q === '' ? '' : `?${q}`);
      const headers = { accept: r.pages ? 'text/html' : 'application/json' };
      let client = session;
      if (r.ownSession && who === 'session') {
        client = t.client();
        await signIn(t, client, t.test);
      }
      if (who === 'session') headers.cookie = client.cookieHeader();
      if (who === 'secret' || r.secret) {
        headers.authorization = `Bearer ${t.keys.test}`;
        headers['stripe-account'] = t.test.id;
      }
      if (r.method === 'POST') headers.origin = t.origin;
      let body;
      if (r.body) {
        body = JSON.stringify(r.body());
        headers['content-type'] = r.type ?? 'application/json';
      }
      const res = await send({ method: r.method, path, headers, body });
      checkAnswer(r, res, `${r.method} ${path.slice(0, 300)} as ${who}`);
    }),
    { numRuns: Number(process.env.FUZZ_RUNS ?? 600), includeErrorInReport: true },
  );
  // The CSP report endpoint logs each report it is sent (the fuzz sends many); nothing else may be logged.
  assert.deepEqual(logged.filter((l) => !l.startsWith('Content Security Policy violation on ')), [], 'nothing reached the error log');
});

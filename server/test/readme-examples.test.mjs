// The README's server examples, run as written: the blocks marked `<!-- example: name -->` in
// README.md are compiled (TypeScript stripped by esbuild) and imported, with three stand-ins a
// platform would have: `stripe` is the official client pointed at the reference server (playing
// Stripe: only host, port and protocol change), `./my-session.js` is the platform's sign-in (a
// cookie names the account), and `express-dashboard-elements/server` is this repository's build
// of src/server. Each mount (Next.js route handlers, Express with toNodeHandler, Fastify with the
// plugin) answers the contract like the reference server's own API, and receives its signed
// webhooks: a payment made on "Stripe" reaches an open /events stream.
import assert from 'node:assert/strict';
import { randomBytes } from 'node:crypto';
import { mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:http';
import { join } from 'node:path';
import { after, before, describe, test } from 'node:test';
import { pathToFileURL } from 'node:url';
import { transform } from 'esbuild';
import { buildServer } from '../build.mjs';
import { Client, listenOn, openEvents, signIn, startTestServer } from './helpers.mjs';

const root = new URL('../..', import.meta.url).pathname;

/** The README's example blocks by name. */
export function readmeExamples(text = readFileSync(join(root, 'README.md'), 'utf8')) {
  const out = {};
  for (const m of text.matchAll(/<!-- example: ([\w-]+) -->\n```ts\n([\s\S]*?)```/g)) out[m[1]] = m[2];
  return out;
}

let t;
let dir;
let ledger;
let account;
const modules = {};

before(async () => {
  t = await startTestServer({ months: 2 });
  t.clock.advance(Date.now() - t.clock.now()); // the examples' stripeSource checks signatures against the real clock
  account = t.test.id;
  ledger = t.client();
  await signIn(t, ledger, t.test);

  // A folder inside the repository, so `express` and `fastify` resolve from its node_modules.
  dir = join(root, '.data/build', `readme-examples-${process.pid}`);
  mkdirSync(dir, { recursive: true });
  const server = pathToFileURL(await buildServer()).href;
  const url = new URL(t.origin);
  writeFileSync(join(dir, 'lib.mjs'), `import { lib } from '${server}';\nexport const { createExpressApi, stripeSource, ledgerSource, toNodeHandler, expressApiPlugin } = lib;\n`);
  writeFileSync(
    join(dir, 'stripe.mjs'),
    `import Stripe from 'stripe';\nexport default class extends Stripe {\n  constructor(key, config = {}) { super(key, { ...config, host: '${url.hostname}', port: ${url.port}, protocol: 'http' }); }\n}\n`,
  );
  writeFileSync(
    join(dir, 'my-session.mjs'),
    `export async function mySession(request) {\n  const m = /(?:^|; )demo_account=(acct_\\w+)/.exec(request.headers.get('cookie') ?? '');\n  return m ? { stripeAccountId: m[1] } : null;\n}\n`,
  );
  process.env.STRIPE_SECRET_KEY = t.keys.test;
  process.env.STRIPE_WEBHOOK_SECRET = `whsec_${randomBytes(24).toString('hex')}`;

  const examples = readmeExamples();
  assert.deepEqual(Object.keys(examples).sort(), ['api', 'express', 'fastify', 'next', 'next-webhook']);
  const rename = {
    stripe: './stripe.mjs',
    'express-dashboard-elements/server': './lib.mjs',
    './my-session.js': './my-session.mjs',
    '@/lib/express-api': './api.mjs',
    './express-api.js': './api.mjs',
  };
  for (const [name, source] of Object.entries(examples)) {
    const { code } = await transform(source, { loader: 'ts', format: 'esm', target: 'node20' });
    const js = code.replace(/from\s+(['"])([^'"]+)\1/g, (m, q, spec) => (rename[spec] ? `from ${q}${rename[spec]}${q}` : m));
    writeFileSync(join(dir, `${name}.mjs`), js);
  }
  for (const name of ['api', 'next', 'next-webhook', 'express', 'fastify']) modules[name] = await import(pathToFileURL(join(dir, `${name}.mjs`)).href);
});

after(async () => {
  modules.api?.api.close();
  await t?.close();
  if (dir) rmSync(dir, { recursive: true, force: true });
  delete process.env.STRIPE_SECRET_KEY;
  delete process.env.STRIPE_WEBHOOK_SECRET;
});

const cookie = () => `demo_account=${account}`;
const PATHS = ['/balance', '/balance_transactions?type[]=payment&type[]=payout&limit=5', '/payouts?limit=2'];

/** The reference server sends its Connect events to `url` (the mount's webhook endpoint). */
function webhooksTo(url) {
  t.server.ctx.webhooks = new t.m.StripeWebhookSender({ url, secret: process.env.STRIPE_WEBHOOK_SECRET, clock: t.clock, log: () => {}, retryDelayMs: 50 });
}

/** Checks a mount at `origin`: the contract as the reference server answers it, and a payment arriving live. */
async function checkMount(origin) {
  for (const path of PATHS) {
    const res = await fetch(`${origin}/api/express${path}`, { headers: { Cookie: cookie() } });
    assert.equal(res.status, 200, `${path}: ${await res.clone().text()}`);
    assert.deepEqual(await res.json(), (await ledger.get(`/v1${path}`)).json, path);
  }
  assert.equal((await fetch(`${origin}/api/express/balance`)).status, 401, 'no session, no data');
  const stream = await openEvents(Object.assign(new Client(origin), { cookies: new Map([['demo_account', account]]) }), { path: '/api/express/events' });
  try {
    assert.equal(stream.status, 200);
    await stream.next();
    const payment = (await ledger.post('/dev/payments', { amount: 1234 })).json;
    const e = await stream.nextEvent();
    assert.equal(e.event.type, 'balance_transaction.created');
    assert.equal(e.event.data.id, payment.id);
    assert.equal((await stream.nextEvent()).event.type, 'balance.updated');
  } finally {
    stream.close();
  }
}

describe('README examples, as written', () => {
  test('the ten-line module: createExpressApi over stripeSource at /api/express', async () => {
    const { api } = modules.api;
    assert.equal(api.basePath, '/api/express');
    const res = await api.fetch(new Request('http://platform.test/api/express/account', { headers: { cookie: cookie() } }));
    assert.equal(res.status, 200);
    assert.deepEqual(await res.json(), (await ledger.get('/v1/account')).json);
    assert.equal(await api.fetch(new Request('http://platform.test/elsewhere')), undefined);
  });

  test('Next.js route handlers: GET and POST of the catch-all route, POST of the webhook route', async () => {
    const { GET, POST, dynamic } = modules.next;
    assert.equal(dynamic, 'force-dynamic');
    for (const path of PATHS) {
      const res = await GET(new Request(`http://platform.test/api/express${path}`, { headers: { cookie: cookie() } }));
      assert.deepEqual(await res.json(), (await ledger.get(`/v1${path}`)).json, path);
    }
    assert.equal((await GET(new Request('http://platform.test/api/express/nope', { headers: { cookie: cookie() } }))).status, 404);
    assert.equal((await POST(new Request('http://platform.test/api/express/login_links', { method: 'POST', headers: { cookie: cookie() } }))).status, 404);
    // Served the way Next serves them (each request a Web Request), the webhook route receives "Stripe"'s events.
    const lib = await import(pathToFileURL(join(dir, 'lib.mjs')).href);
    const routes = lib.toNodeHandler(async (request) => {
      const path = new URL(request.url).pathname;
      if (path === '/api/stripe/webhook') return modules['next-webhook'].POST(request);
      if (path.startsWith('/api/express/')) return request.method === 'POST' ? POST(request) : GET(request);
      return undefined;
    });
    const server = createServer(routes);
    const origin = await listenOn(server);
    try {
      webhooksTo(`${origin}/api/stripe/webhook`);
      await checkMount(origin);
    } finally {
      server.closeAllConnections();
      server.close();
    }
  });

  test('Express with toNodeHandler: the API, the webhook before express.json(), other routes after it', async () => {
    const { app } = modules.express;
    app.post('/hello', (req, res) => res.json({ got: req.body }));
    const server = createServer(app);
    const origin = await listenOn(server);
    try {
      webhooksTo(`${origin}/api/stripe/webhook`);
      await checkMount(origin);
      const hello = await fetch(`${origin}/hello`, { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: '{"a":1}' });
      assert.deepEqual(await hello.json(), { got: { a: 1 } }, 'requests that are not the API go on to the app');
    } finally {
      server.closeAllConnections();
      server.close();
    }
  });

  test('Fastify with the plugin', async () => {
    const { app } = modules.fastify;
    const origin = await app.listen({ port: 0, host: '127.0.0.1' });
    try {
      webhooksTo(`${origin}/api/stripe/webhook`);
      await checkMount(origin);
      assert.equal((await fetch(`${origin}/api/express/balance`, { method: 'DELETE' })).status, 404);
    } finally {
      modules.api.api.close();
      await app.close();
    }
  });
});

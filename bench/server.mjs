// 5. The reference server (server/) under load: GET /v1/balance_transactions?limit=100 for an
// account with 1,000,000 balance transactions in SQLite, by autocannon over loopback, bounded in
// time. The server runs in this process (built by server/build.mjs, as `npm start` builds it);
// autocannon runs as its own process so the two do not share an event loop.
//
// Side by side, the same requests through the two sources of the library's server entry:
// ledgerSource (the reference server's own /v1, over SQLite) and stripeSource (a platform's API,
// createExpressApi on node:http with toNodeHandler, calling the reference server as "Stripe"
// with the official `stripe` client: two HTTP hops and Stripe's JSON twice), for one page and for
// a type[] page of two types (which stripeSource pages over Stripe's single `type`).
//
// The database is temporary: the seeder's two demo accounts (months: 0), then 1,000,000 generated
// transactions for the test-mode one through the ledger's own insertTransactions, in one SQLite
// transaction. The load runs with a signed-in session (login link, then POST /v1/sign_in, as
// the dashboard signs in; a test-mode account needs no SMS code).
//
// Then several instances, side by side in the same run: the same page from SQLite (one instance)
// and from PostgreSQL (a throwaway cluster started by scripts/postgres.mjs, fsync on as in
// production, the same 1,000,000 rows), with one instance and with two (autocannon spreading its
// connections over them), each instance a process of its own started as `npm start` starts it
// (server/instance.mjs; rate limits off, then once more on PostgreSQL with them on, counted in
// the database); and how long a payment takes from POST /dev/payments to its event on a stream
// of the same instance and of the other one.
import { spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { createServer as createHttpServer } from 'node:http';
import { createRequire } from 'node:module';
import os from 'node:os';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { quantile } from './lib/stats.mjs';

const require = createRequire(new URL('./package.json', import.meta.url));
const ROWS = 1_000_000;
const DURATION_S = Number(process.env.BENCH_SERVER_SECONDS ?? 10);
/** Payments timed from POST to their event on a stream, per case. */
const PAYMENTS = Number(process.env.BENCH_PAYMENTS ?? 200);
const CONNECTIONS = 10;
/** The present the data ends at: 2026-01-01T05:00:00Z. */
const NOW = Date.UTC(2026, 0, 1, 5) / 1000;

const TYPES = [['payment', 0.8], ['payment_refund', 0.85], ['application_fee', 0.9], ['transfer', 0.94], ['payout', 0.97], ['adjustment', 0.99], ['stripe_fee', 1]];

/**
 * `total` balance transactions over two years before NOW, newest first, in chunks of `chunk`;
 * `rand` is a seeded PRNG (the demo generator's `mulberry32`, from the server's build).
 */
function* transactions(total, rand, chunk = 20_000) {
  const span = 2 * 365 * 86400;
  for (let start = 0; start < total; start += chunk) {
    const out = [];
    for (let i = start; i < Math.min(total, start + chunk); i++) {
      // evenly spread, newest first: row i is i * span / total seconds before NOW
      const created = NOW - 1 - Math.floor((i * span) / total);
      const r = rand();
      const type = TYPES.find(([, w]) => r < w)[0];
      const magnitude = 300 + Math.floor(rand() * 9700);
      const amount = type === 'payment' || type === 'transfer' ? magnitude : -magnitude;
      const fee = type === 'payment' ? Math.round(amount * 0.029) + 30 : 0;
      out.push({
        id: `txn_bench${String(total - i).padStart(15, '0')}`,
        amount, fee, net: amount - fee, currency: 'usd', created, available_on: created + 2 * 86400,
        status: 'available', type, description: type === 'payment' ? `Ride ${total - i}` : null, source: null,
        fee_details: fee ? [{ amount: fee, currency: 'usd', type: 'stripe_fee', description: 'Stripe processing fees' }] : [],
      });
    }
    yield out;
  }
}

function autocannon(args) {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [require.resolve('autocannon/autocannon.js'), ...args], { stdio: ['ignore', 'pipe', 'pipe'] });
    let out = '';
    let err = '';
    child.stdout.on('data', (d) => (out += d));
    child.stderr.on('data', (d) => (err += d));
    child.on('error', reject);
    child.on('close', (code) => {
      if (code !== 0) return reject(new Error(`autocannon exited with ${code}: ${err.slice(-500)}`));
      try {
        resolve(JSON.parse(out));
      } catch (e) {
        reject(new Error(`autocannon printed no JSON: ${out.slice(0, 300)} ${err.slice(-300)}`));
      }
    });
  });
}

/** autocannon on `url` (or several: its connections spread over them). */
async function load(url, header, seconds) {
  const urls = Array.isArray(url) ? url : [url];
  const r = await autocannon(['-j', '-c', String(CONNECTIONS), '-d', String(seconds), '-H', header, '-H', 'Accept: application/json', ...urls]);
  if (r.non2xx || r.errors || r.timeouts) throw new Error(`${urls.join(' ')}: ${r.non2xx} non-2xx, ${r.errors} errors, ${r.timeouts} timeouts`);
  return { url: urls, seconds, connections: CONNECTIONS, requests: r.requests.total, rps: r.requests.average, latency: { p50: r.latency.p50, p90: r.latency.p90, p99: r.latency.p99, max: r.latency.max }, throughputMBs: r.throughput.average / 2 ** 20 };
}

/** A session cookie of `account` on `origin` (login link, then POST /v1/sign_in). */
async function signIn(origin, accountId, key) {
  const link = await (await fetch(`${origin}/v1/accounts/${encodeURIComponent(accountId)}/login_links`, { method: 'POST', headers: { Authorization: `Bearer ${key}` } })).json();
  const token = new URL(link.url).searchParams.get('login_token');
  const res = await fetch(`${origin}/v1/sign_in`, { method: 'POST', headers: { Origin: origin, 'Content-Type': 'application/json', Accept: 'application/json' }, body: JSON.stringify({ login_token: token }) });
  const body = await res.json();
  if (body.status !== 'signed_in') throw new Error(`sign-in failed: ${res.status} ${JSON.stringify(body)}`);
  return res.headers.getSetCookie().map((c) => c.split(';')[0]).join('; ');
}

/**
 * Milliseconds from POST /dev/payments to `payer` until its balance_transaction.created arrives on
 * a stream held on `payer` itself and on one held on `other` (when given), `n` payments one after
 * the other: `{ same, other, hop }`, each `{ n, p50, p99, max }`; `hop` is per payment the other
 * stream's arrival minus the same instance's (what telling another instance adds).
 */
async function paymentToEvent(payer, other, cookie, n) {
  const { Client, openEvents } = await import('../server/test/helpers.mjs');
  const clients = [payer, ...(other ? [other] : [])].map((origin) => {
    const c = new Client(origin);
    for (const part of cookie.split('; ')) c.cookies.set(part.slice(0, part.indexOf('=')), part.slice(part.indexOf('=') + 1));
    return c;
  });
  const streams = await Promise.all(clients.map((c) => openEvents(c)));
  const stats = (times) => ({ n: times.length, p50: quantile(times, 0.5), p99: quantile(times, 0.99), max: Math.max(...times) });
  try {
    for (const s of streams) if (s.status !== 200) throw new Error(`event stream: ${s.status}`);
    const times = streams.map(() => []);
    const hop = [];
    for (let i = 0; i < n; i++) {
      const t0 = performance.now();
      const posted = clients[0].post('/dev/payments', { amount: 1000 + i });
      // Each stream waits for this payment's event (the id comes with the answer, which may arrive after the event).
      const arrived = streams.map(async (s) => {
        const seen = [];
        for (;;) {
          const m = await s.nextEvent();
          if (!m) throw new Error('an event stream ended');
          if (m.event.type !== 'balance_transaction.created') continue;
          seen.push({ id: m.event.data.id, at: performance.now() });
          const r = await posted;
          const mine = seen.find((x) => x.id === r.json?.id);
          if (mine) return mine.at - t0;
        }
      });
      const all = Promise.all(arrived);
      all.catch(() => {}); // awaited below once the payment is known to have been made
      const r = await posted;
      if (r.status !== 200) throw new Error(`payment: ${r.status} ${r.text}`);
      const got = await all;
      got.forEach((ms, k) => times[k].push(ms));
      if (got.length > 1) hop.push(got[1] - got[0]);
    }
    return { same: stats(times[0]), ...(other ? { other: stats(times[1]), hop: stats(hop) } : {}) };
  } finally {
    for (const s of streams) s.close();
  }
}

/** The several-instances comparison (see the module doc); the SQLite database at `sqlitePath` holds the same rows. */
async function instances({ log, m, sqlitePath, account, page }) {
  const { startPostgres } = await import('../scripts/postgres.mjs');
  const { startInstance } = await import('../server/instance.mjs');
  const pg = await startPostgres({ durable: true });
  const started = [];
  try {
    const t0 = Date.now();
    const storage = await m.openStorage({ url: pg.url });
    await m.seedDatabase(storage.db, { accounts: 2, months: 0, now: NOW });
    for (const chunk of transactions(ROWS, m.mulberry32(99))) await m.insertTransactions(storage.db, account.id, chunk);
    await storage.db.run('ANALYZE');
    const version = (await storage.db.get("SELECT current_setting('server_version') AS v")).v;
    await storage.close();
    log(`  PostgreSQL: seeded the same 1,000,000 rows in ${((Date.now() - t0) / 1000).toFixed(0)} s`);

    const key = `sk_test_${randomBytes(24).toString('hex')}`;
    const base = { SERVER_SECRET: randomBytes(32).toString('hex'), PLATFORM_SECRET_KEYS: key, RATE_LIMIT_PER_MINUTE: '0', DATABASE_POOL_SIZE: '10' };
    const start = async (env) => {
      const i = await startInstance({ ...base, ...env });
      started.push(i);
      return i;
    };
    const sqlite = await start({ DATABASE_URL: '', DATABASE_PATH: sqlitePath });
    const [a, b] = await Promise.all([start({ DATABASE_URL: pg.url }), start({ DATABASE_URL: pg.url })]);
    const sqliteCookie = `Cookie: ${await signIn(sqlite.origin, account.id, key)}`;
    const pgSession = await signIn(a.origin, account.id, key); // a session in PostgreSQL: good on every instance
    const pgCookie = `Cookie: ${pgSession}`;
    const path = '/v1/balance_transactions?limit=100';
    for (const [origin, cookie] of [[sqlite.origin, sqliteCookie], [a.origin, pgCookie], [b.origin, pgCookie]]) {
      const got = await (await fetch(origin + path, { headers: { Cookie: cookie.slice(8), Accept: 'application/json' } })).json();
      if (JSON.stringify(got) !== JSON.stringify(page)) throw new Error(`${origin} answered another first page`);
    }
    const sqlite1 = await load(sqlite.origin + path, sqliteCookie, DURATION_S);
    log(`  SQLite, 1 instance: ${sqlite1.rps.toFixed(0)} req/s, p99 ${sqlite1.latency.p99} ms`);
    const pg1 = await load(a.origin + path, pgCookie, DURATION_S);
    log(`  PostgreSQL, 1 instance: ${pg1.rps.toFixed(0)} req/s, p99 ${pg1.latency.p99} ms`);
    const pg2 = await load([a.origin + path, b.origin + path], pgCookie, DURATION_S);
    log(`  PostgreSQL, 2 instances: ${pg2.rps.toFixed(0)} req/s, p99 ${pg2.latency.p99} ms`);
    const [c, d] = await Promise.all([start({ DATABASE_URL: pg.url, RATE_LIMIT_PER_MINUTE: '1000000' }), start({ DATABASE_URL: pg.url, RATE_LIMIT_PER_MINUTE: '1000000' })]);
    const pg2limited = await load([c.origin + path, d.origin + path], pgCookie, DURATION_S);
    log(`  PostgreSQL, 2 instances, rate limits counted in the database: ${pg2limited.rps.toFixed(0)} req/s, p99 ${pg2limited.latency.p99} ms`);

    const sqliteSame = (await paymentToEvent(sqlite.origin, undefined, sqliteCookie.slice(8), PAYMENTS)).same;
    const pgPay = await paymentToEvent(a.origin, b.origin, pgSession, PAYMENTS);
    const [pgSame, pgOther, pgHop] = [pgPay.same, pgPay.other, pgPay.hop];
    const f = (x) => `${x.p50.toFixed(1)}/${x.p99.toFixed(1)} ms`;
    log(`  payment to its event (p50/p99): SQLite, same instance ${f(sqliteSame)}; PostgreSQL, same instance ${f(pgSame)}, other instance ${f(pgOther)} (other minus same: ${f(pgHop)})`);

    const what = 'GET /v1/balance_transactions?limit=100, 1M rows';
    const note = `instances as processes of their own (server/instance.mjs), autocannon ${CONNECTIONS} connections for ${DURATION_S} s spread over them, rate limits off; PostgreSQL ${version} on loopback with fsync on, pool of 10 per instance; instances, PostgreSQL and autocannon all on the machine's ${os.cpus().length} cores`;
    return {
      rows: [
        { section: 'server', metric: `${what}, SQLite, 1 instance: requests/s`, ours: sqlite1.rps, unit: 'req/s', note },
        { section: 'server', metric: `${what}, SQLite, 1 instance: p99 latency (p50 ${sqlite1.latency.p50} ms)`, ours: sqlite1.latency.p99, unit: 'ms' },
        { section: 'server', metric: `same, PostgreSQL, 1 instance (baseline: SQLite, 1 instance): requests/s`, ours: pg1.rps, theirs: sqlite1.rps, unit: 'req/s' },
        { section: 'server', metric: `same, PostgreSQL, 1 instance (baseline: SQLite, 1 instance): p99 latency (p50 ${pg1.latency.p50} vs ${sqlite1.latency.p50} ms)`, ours: pg1.latency.p99, theirs: sqlite1.latency.p99, unit: 'ms' },
        { section: 'server', metric: `same, PostgreSQL, 2 instances (baseline: PostgreSQL, 1 instance): requests/s`, ours: pg2.rps, theirs: pg1.rps, unit: 'req/s' },
        { section: 'server', metric: `same, PostgreSQL, 2 instances (baseline: PostgreSQL, 1 instance): p99 latency (p50 ${pg2.latency.p50} vs ${pg1.latency.p50} ms)`, ours: pg2.latency.p99, theirs: pg1.latency.p99, unit: 'ms' },
        { section: 'server', metric: `same, PostgreSQL, 2 instances, rate limits on, counted in the database (baseline: off): requests/s, p99 ${pg2limited.latency.p99} vs ${pg2.latency.p99} ms`, ours: pg2limited.rps, theirs: pg2.rps, unit: 'req/s' },
        {
          section: 'server',
          metric: `payment (POST /dev/payments to A) to its event on a stream of B, PostgreSQL (baseline: stream on A): p50, p99 ${pgOther.p99.toFixed(1)} vs ${pgSame.p99.toFixed(1)} ms`,
          ours: pgOther.p50,
          theirs: pgSame.p50,
          unit: 'ms',
          note: `${PAYMENTS} payments one after the other to the account of 1M rows, a stream on A and one on B open at once; from sending the POST, which records the payment and sums the account's balance for balance.updated in the same transaction (most of the time); B learns of it by NOTIFY and reads it from the events table`,
        },
        { section: 'server', metric: `same payment: arrival on B minus arrival on A (what telling another instance adds): p50, p99 ${pgHop.p99.toFixed(1)} ms`, ours: pgHop.p50, unit: 'ms' },
        { section: 'server', metric: `same, SQLite, stream on the same instance: p50, p99 ${sqliteSame.p99.toFixed(1)} ms`, ours: sqliteSame.p50, unit: 'ms' },
      ],
      details: { sqlite1, pg1, pg2, pg2limited, paymentToEvent: { sqliteSame, pgSame, pgOther, pgOtherMinusSame: pgHop } },
    };
  } finally {
    await Promise.all(started.map((i) => i.stop('SIGTERM')));
    pg.stop();
  }
}

/** Seeds, serves, loads; returns { rows, details } or { skipped }. */
export async function run({ log }) {
  if (!existsSync('server/build.mjs')) return { skipped: 'the reference server is not in this tree yet' };
  const { buildServer } = await import('../server/build.mjs');
  const m = await import(await buildServer());
  const dir = mkdtempSync(join(tmpdir(), 'express-bench-'));
  const sqlitePath = join(dir, 'bench.sqlite');
  const storage = await m.openStorage({ path: sqlitePath });
  const db = storage.db;
  let srv;
  let api;
  let platform;
  let closed = false;
  try {
    const t0 = Date.now();
    const seeded = await m.seedDatabase(db, { accounts: 2, months: 0, now: NOW });
    const account = seeded.find((a) => !a.livemode);
    for (const chunk of transactions(ROWS, m.mulberry32(99))) await m.insertTransactions(db, account.id, chunk);
    const count = (await db.get('SELECT COUNT(*) AS n FROM balance_transactions WHERE account_id = ?', [account.id])).n;
    const seedS = (Date.now() - t0) / 1000;
    log(`  seeded ${count.toLocaleString('en-US')} rows for ${account.id} in ${seedS.toFixed(0)} s`);

    const key = `sk_test_${randomBytes(24).toString('hex')}`;
    srv = await m.createServer({
      storage, secret: randomBytes(32), secretKeys: [key], rateLimit: false, log: () => {},
      smsSender: new m.DevelopmentSmsSender({ console: false }),
    });
    const origin = await srv.listen();
    // sign in: a login link from the platform API, redeemed like the dashboard does
    const link = await (await fetch(`${origin}/v1/accounts/${encodeURIComponent(account.id)}/login_links`, { method: 'POST', headers: { Authorization: `Bearer ${key}` } })).json();
    const token = new URL(link.url).searchParams.get('login_token');
    const res = await fetch(`${origin}/v1/sign_in`, { method: 'POST', headers: { Origin: origin, 'Content-Type': 'application/json', Accept: 'application/json' }, body: JSON.stringify({ login_token: token }) });
    const body = await res.json();
    if (body.status !== 'signed_in') throw new Error(`sign-in failed: ${res.status} ${JSON.stringify(body)}`);
    const cookie = res.headers.getSetCookie().map((c) => c.split(';')[0]).join('; ');

    // the request answers 100 rows of this account (checked once before the load)
    const url = `${origin}/v1/balance_transactions?limit=100`;
    const page = await (await fetch(url, { headers: { Cookie: cookie, Accept: 'application/json' } })).json();
    if (page.data?.length !== 100 || !page.has_more) throw new Error(`unexpected first page: ${JSON.stringify(page).slice(0, 200)}`);
    const deepUrl = `${origin}/v1/balance_transactions?limit=100&starting_after=${page.data[0].id.replace(/\d+$/, (d) => String(Number(d) - 500_000).padStart(d.length, '0'))}`;

    const cookieHeader = `Cookie: ${cookie}`;
    const first = await load(url, cookieHeader, DURATION_S);
    log(`  first page: ${first.rps.toFixed(0)} req/s, p99 ${first.latency.p99} ms (${first.requests} requests in ${DURATION_S} s, ${CONNECTIONS} connections)`);
    const deep = await load(deepUrl, cookieHeader, Math.max(3, Math.round(DURATION_S / 2)));
    log(`  500,000 rows deep: ${deep.rps.toFixed(0)} req/s, p99 ${deep.latency.p99} ms`);

    // The same through stripeSource: a platform's API calling the reference server as Stripe.
    const { default: Stripe } = await import('stripe');
    const { createExpressApi, stripeSource, toNodeHandler } = m.lib;
    const stripe = new Stripe(key, { host: '127.0.0.1', port: new URL(origin).port, protocol: 'http' });
    api = createExpressApi({ source: stripeSource({ stripe, livemode: false }), accountFor: (r) => r.headers.get('x-account'), onError: () => {} });
    platform = createHttpServer(toNodeHandler(api));
    await new Promise((resolve) => platform.listen(0, '127.0.0.1', resolve));
    const platformOrigin = `http://127.0.0.1:${platform.address().port}`;
    const accountHeader = `X-Account: ${account.id}`;
    const viaStripe = await (await fetch(`${platformOrigin}/v1/balance_transactions?limit=100`, { headers: { 'X-Account': account.id } })).json();
    if (JSON.stringify(viaStripe) !== JSON.stringify(page)) throw new Error('stripeSource and ledgerSource answered different pages');
    const stripeFirst = await load(`${platformOrigin}/v1/balance_transactions?limit=100`, accountHeader, DURATION_S);
    log(`  first page through stripeSource: ${stripeFirst.rps.toFixed(0)} req/s, p99 ${stripeFirst.latency.p99} ms (ledgerSource: ${first.rps.toFixed(0)} req/s, p99 ${first.latency.p99} ms)`);
    const twoTypes = '/v1/balance_transactions?type[]=payout&type[]=adjustment&limit=25';
    const ledgerTypes = await load(`${origin}${twoTypes}`, cookieHeader, Math.max(3, Math.round(DURATION_S / 2)));
    const stripeTypes = await load(`${platformOrigin}${twoTypes}`, accountHeader, Math.max(3, Math.round(DURATION_S / 2)));
    log(`  type[]=payout&type[]=adjustment&limit=25: ledgerSource ${ledgerTypes.rps.toFixed(0)} req/s, p99 ${ledgerTypes.latency.p99} ms; stripeSource ${stripeTypes.rps.toFixed(0)} req/s, p99 ${stripeTypes.latency.p99} ms`);

    // The in-process servers go; the instances open the same SQLite file (and a PostgreSQL copy).
    api.close();
    platform.closeAllConnections();
    await new Promise((r) => platform.close(r));
    await srv.close();
    await storage.close();
    closed = true;
    const several = await instances({ log, m, sqlitePath, account, page });

    const what = `GET /v1/balance_transactions?limit=100, ${(count / 1e6).toFixed(0)}M rows in SQLite`;
    const side = 'baseline: the same through ledgerSource';
    return {
      rows: [
        { section: 'server', metric: `${what}: requests/s`, ours: first.rps, unit: 'req/s', note: `autocannon, ${CONNECTIONS} connections for ${DURATION_S} s on loopback; server and load tool share the machine's cores; ${first.throughputMBs.toFixed(1)} MB/s of JSON` },
        { section: 'server', metric: `${what}: p99 latency (p50 ${first.latency.p50} ms)`, ours: first.latency.p99, unit: 'ms' },
        { section: 'server', metric: `same, 500,000 rows deep (starting_after): requests/s, p99 ${deep.latency.p99} ms`, ours: deep.rps, unit: 'req/s' },
        { section: 'server', metric: `same page through stripeSource (${side}): requests/s`, ours: stripeFirst.rps, theirs: first.rps, unit: 'req/s', note: 'stripeSource: createExpressApi on node:http calling the reference server as Stripe with the official client (one more HTTP hop, the JSON parsed and written twice), both in this one process' },
        { section: 'server', metric: `same page through stripeSource (${side}): p99 latency`, ours: stripeFirst.latency.p99, theirs: first.latency.p99, unit: 'ms' },
        { section: 'server', metric: `type[]=payout&type[]=adjustment&limit=25 through stripeSource (${side}): requests/s`, ours: stripeTypes.rps, theirs: ledgerTypes.rps, unit: 'req/s', note: 'two types: stripeSource scans a page of 100 without type, then asks each type (at most 3 + 2 Stripe calls a page)' },
        { section: 'server', metric: `type[]=payout&type[]=adjustment&limit=25 through stripeSource (${side}): p99 latency`, ours: stripeTypes.latency.p99, theirs: ledgerTypes.latency.p99, unit: 'ms' },
        ...several.rows,
      ],
      details: { rows: count, seedSeconds: seedS, first, deep, stripeSource: { first: stripeFirst, types: stripeTypes }, ledgerSource: { types: ledgerTypes }, instances: several.details },
    };
  } finally {
    if (!closed) {
      api?.close();
      if (platform) {
        platform.closeAllConnections();
        await new Promise((r) => platform.close(r));
      }
      await srv?.close();
      await storage.close();
    }
    rmSync(dir, { recursive: true, force: true });
  }
}

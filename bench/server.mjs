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
// transactions for the test-mode one through the Ledger's own insertTransactions, in one SQLite
// transaction. The load runs with a signed-in session (login link, then POST /v1/sign_in, as
// the dashboard signs in; a test-mode account needs no SMS code).
import { spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { createServer as createHttpServer } from 'node:http';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const require = createRequire(new URL('./package.json', import.meta.url));
const ROWS = 1_000_000;
const DURATION_S = Number(process.env.BENCH_SERVER_SECONDS ?? 10);
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

async function load(url, header, seconds) {
  const r = await autocannon(['-j', '-c', String(CONNECTIONS), '-d', String(seconds), '-H', header, '-H', 'Accept: application/json', url]);
  if (r.non2xx || r.errors || r.timeouts) throw new Error(`${url}: ${r.non2xx} non-2xx, ${r.errors} errors, ${r.timeouts} timeouts`);
  return { url, seconds, connections: CONNECTIONS, requests: r.requests.total, rps: r.requests.average, latency: { p50: r.latency.p50, p90: r.latency.p90, p99: r.latency.p99, max: r.latency.max }, throughputMBs: r.throughput.average / 2 ** 20 };
}

/** Seeds, serves, loads; returns { rows, details } or { skipped }. */
export async function run({ log }) {
  if (!existsSync('server/build.mjs')) return { skipped: 'the reference server is not in this tree yet' };
  const { buildServer } = await import('../server/build.mjs');
  const m = await import(await buildServer());
  const dir = mkdtempSync(join(tmpdir(), 'express-bench-'));
  const db = m.openDatabase(join(dir, 'bench.sqlite'));
  let srv;
  let api;
  let platform;
  try {
    const t0 = Date.now();
    const seeded = m.seedDatabase(db, { accounts: 2, months: 0, now: NOW });
    const account = seeded.find((a) => !a.livemode);
    const ledger = new m.Ledger(db, { now: () => Date.now() });
    db.transaction(() => {
      for (const chunk of transactions(ROWS, m.mulberry32(99))) ledger.insertTransactions(account.id, chunk);
    })();
    const count = db.prepare('SELECT COUNT(*) AS n FROM balance_transactions WHERE account_id = ?').get(account.id).n;
    const seedS = (Date.now() - t0) / 1000;
    log(`  seeded ${count.toLocaleString('en-US')} rows for ${account.id} in ${seedS.toFixed(0)} s`);

    const key = `sk_test_${randomBytes(24).toString('hex')}`;
    srv = await m.createServer({
      db, secret: randomBytes(32), secretKeys: [key], rateLimit: false, log: () => {},
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
      ],
      details: { rows: count, seedSeconds: seedS, first, deep, stripeSource: { first: stripeFirst, types: stripeTypes }, ledgerSource: { types: ledgerTypes } },
    };
  } finally {
    api?.close();
    if (platform) {
      platform.closeAllConnections();
      await new Promise((r) => platform.close(r));
    }
    await srv?.close();
    db.close();
    rmSync(dir, { recursive: true, force: true });
  }
}

// Nothing lost across a deploy, in Debian Chromium: a page's HttpAdapter holds its event stream
// through a load balancer (no stickiness: a small proxy here, which answers 502 for a backend that
// is down, as a load balancer does until its health check notices) on instance B of two reference
// servers on one PostgreSQL. B stops (SIGTERM, a deploy; or SIGKILL, a crash) while payments are
// made through A; the balancer then sends the browser's reconnection to A, and every payment
// reaches the page's listener exactly once, in order. PostgreSQL only.
import assert from 'node:assert/strict';
import { randomBytes } from 'node:crypto';
import { existsSync } from 'node:fs';
import { createServer, request as httpRequest } from 'node:http';
import { after, before, describe, test } from 'node:test';
import { build } from 'esbuild';
import { Client, ENGINE, createPgDatabase, listenOn, secretKey, serverModule, startInstance, tokenOf } from './helpers.mjs';

const CHROME = process.env.CHROME_PATH ?? '/usr/bin/chromium';
const root = new URL('../..', import.meta.url).pathname;
const skip =
  (ENGINE !== 'postgres' && 'several instances share a PostgreSQL database: run with EXPRESS_TEST_PG_URL (npm test does)') ||
  (!existsSync(CHROME) && `no Chromium at ${CHROME}`);

let db;
let env;
let keys;
let account;
let A;
let browser;

/** The page the balancer serves itself: an HttpAdapter on /v1 whose events and resets it records. */
const PAGE = `<!doctype html><meta charset="utf-8"><title>feed</title><script type="module">
import { HttpAdapter } from '/lb-test/adapter.js';
window.events = [];
window.resets = 0;
const adapter = new HttpAdapter({ baseUrl: '/v1', reconnect: { initialDelay: 200, maxDelay: 1000 } });
adapter.onReset(() => window.resets++);
adapter.subscribe((e) => window.events.push(e));
</script>`;

/**
 * A load balancer without stickiness: each request goes to `target` (the test moves it), streamed
 * both ways; a backend that does not answer gives 502. `log` keeps each request's target, URL,
 * Last-Event-ID and status.
 */
async function balancer(adapterJs) {
  const lb = { target: undefined, log: [] };
  const server = createServer((req, res) => {
    if (req.url === '/lb-test/page.html') return res.writeHead(200, { 'Content-Type': 'text/html' }).end(PAGE);
    if (req.url === '/lb-test/adapter.js') return res.writeHead(200, { 'Content-Type': 'text/javascript' }).end(adapterJs);
    const target = new URL(lb.target);
    const entry = { target: lb.target, url: req.url, lastEventId: req.headers['last-event-id'] };
    lb.log.push(entry);
    // The upstream's own Host, as nginx sends by default (proxy_set_header Host $proxy_host): the
    // instances answer only their own host names (development: loopback with their port).
    const upstream = httpRequest({ host: target.hostname, port: target.port, method: req.method, path: req.url, headers: { ...req.headers, host: target.host } }, (up) => {
      entry.status = up.statusCode;
      res.writeHead(up.statusCode, up.headers);
      up.pipe(res);
      up.on('error', () => res.destroy());
    });
    upstream.on('error', () => {
      if (res.headersSent) return res.destroy();
      entry.status = 502;
      res.writeHead(502, { 'Content-Type': 'text/plain' }).end('Bad gateway');
    });
    req.pipe(upstream);
    res.on('close', () => upstream.destroy());
  });
  lb.origin = await listenOn(server);
  lb.close = () => {
    server.closeAllConnections();
    return new Promise((r) => server.close(r));
  };
  return lb;
}

before(async () => {
  if (skip) return;
  const m = await serverModule();
  db = await createPgDatabase();
  const storage = await m.openStorage({ url: db.url });
  const seeded = await m.seedDatabase(storage.db, { accounts: 2, months: 1 });
  await storage.close();
  account = seeded.find((a) => !a.livemode);
  keys = { test: secretKey('test'), live: secretKey('live') };
  env = {
    DATABASE_URL: db.url,
    DATABASE_POOL_SIZE: '4',
    SERVER_SECRET: randomBytes(32).toString('hex'),
    PLATFORM_SECRET_KEYS: `${keys.test},${keys.live}`,
    NODE_ENV: 'development',
  };
  A = await startInstance(env);
  const { chromium } = await import('playwright-core');
  browser = await chromium.launch({ executablePath: CHROME, args: ['--no-sandbox', '--disable-gpu'] });
});

after(async () => {
  await browser?.close();
  await A?.stop();
  await db?.drop();
});

/** Waits (up to 60 s) until `ok()` holds. */
async function until(ok, what) {
  for (let i = 0; i < 600; i++) {
    if (await ok()) return;
    await new Promise((r) => setTimeout(r, 100));
  }
  throw new Error(`Timed out: ${what}`);
}

describe('a browser’s event stream across a deploy', { skip }, () => {
  for (const signal of ['SIGTERM', 'SIGKILL']) {
    test(`B stopped (${signal}) while payments are made through A: every payment reaches the page once, in order`, async () => {
      const B = await startInstance(env);
      const bundle = await build({
        stdin: { contents: "export { HttpAdapter } from './src/adapter/http-adapter.ts';", resolveDir: root, loader: 'ts' },
        bundle: true,
        format: 'esm',
        write: false,
        logLevel: 'error',
      });
      const lb = await balancer(bundle.outputFiles[0].text);
      const context = await browser.newContext();
      try {
        // Signed in (a test-mode account) through A; the cookie works on every instance.
        const a = new Client(A.origin);
        const link = await (
          await fetch(`${A.origin}/v1/accounts/${account.id}/login_links`, { method: 'POST', headers: { Authorization: `Bearer ${keys.test}` } })
        ).json();
        assert.equal((await a.post('/v1/sign_in', { login_token: tokenOf(link) })).json.status, 'signed_in');
        await context.addCookies([...a.cookies].map(([name, value]) => ({ name, value, url: lb.origin })));

        lb.target = B.origin;
        const page = await context.newPage();
        const problems = [];
        page.on('pageerror', (e) => problems.push(e.message));
        await page.goto(`${lb.origin}/lb-test/page.html`);
        const payments = [];
        const pay = async () => payments.push((await a.post('/dev/payments', { amount: 100 + payments.length })).json.id);
        const seen = () => page.evaluate(() => window.events.filter((e) => e.type === 'balance_transaction.created').map((e) => e.data.id));

        // The stream is on B (B answered it: it listens from then on; a payment before that is
        // not this new stream's, which asks for nothing older); payments through A reach it.
        await until(() => lb.log.some((r) => r.url.startsWith('/v1/events') && r.target === B.origin && r.status === 200), 'the stream on B');
        await pay();
        await until(async () => (await seen()).length === 1, 'the first payment, through B');
        await pay();
        await until(async () => (await seen()).length === 2, 'the second payment, through B');

        // B goes away; three payments while the page has no stream.
        assert.notEqual(await B.stop(signal), null);
        for (let i = 0; i < 3; i++) await pay();
        await new Promise((r) => setTimeout(r, 500));
        assert.deepEqual(await seen(), payments.slice(0, 2), 'nothing arrives without a stream');

        // The browser tried B again and met a 502: its EventSource closed for good. The balancer
        // notices B is gone: the adapter's next stream reaches A, which replays from the page's last event.
        const stopped = lb.log.length;
        await until(() => lb.log.slice(stopped).some((r) => r.url.startsWith('/v1/events') && r.status === 502), 'a 502 for the stream');
        lb.target = A.origin;
        await until(async () => (await seen()).length === 5, 'the three missed payments, replayed by A');
        await pay();
        await until(async () => (await seen()).length === 6, 'a live payment, through A');
        await new Promise((r) => setTimeout(r, 500));

        assert.deepEqual(await seen(), payments, 'each payment once, in order');
        const events = await page.evaluate(() => window.events.map((e) => e.type));
        assert.deepEqual(events, payments.flatMap(() => ['balance_transaction.created', 'balance.updated']), 'and each balance once');
        assert.equal(await page.evaluate(() => window.resets), 0, 'no reset: A could replay everything');
        const resumed = lb.log.find((r) => r.target === A.origin && r.url.startsWith('/v1/events'));
        assert.match(resumed.url, /[?&]last_event_id=\d+/, 'the new stream said where it was');
        assert.deepEqual(problems, []);
      } finally {
        await context.close();
        await lb.close();
        await B.stop('SIGKILL');
      }
    });
  }
});

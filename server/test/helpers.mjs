// Test support for the reference server: builds it (server/build.mjs), starts it on loopback over
// a temporary database seeded by the demo generator, with a clock the tests move by hand, a
// cookie-keeping HTTP client that sends Origin like a browser, and a Server-Sent Events reader.
//
// The engine: SQLite (a temporary file), or PostgreSQL when EXPRESS_TEST_PG_URL names a cluster
// (scripts/test.mjs starts one and runs the server suite on both): each test server gets a
// database of its own there, dropped when it closes.
import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { buildServer } from '../build.mjs';

/** The seeded present: 2025-11-24T16:00:00Z (Unix seconds). */
export const NOW = 1_764_000_000;

/** The PostgreSQL cluster the suite runs against, or undefined (SQLite). */
export const PG_URL = process.env.EXPRESS_TEST_PG_URL || undefined;
/** `sqlite` or `postgres`. */
export const ENGINE = PG_URL ? 'postgres' : 'sqlite';

/** The URL of a database of the cluster. */
export function databaseUrl(name) {
  const u = new URL(PG_URL);
  u.pathname = `/${name}`;
  return u.href;
}

/** Runs statements on the cluster's `postgres` database (creating and dropping test databases). */
async function admin(statements) {
  const { default: pg } = await import('pg');
  const c = new pg.Client({ connectionString: PG_URL });
  await c.connect();
  try {
    for (const s of statements) await c.query(s);
  } finally {
    await c.end();
  }
}

/** A new empty PostgreSQL database of the cluster: `{ url, drop() }`. */
export async function createPgDatabase() {
  const name = `t_${process.pid}_${randomBytes(6).toString('hex')}`;
  await admin([`CREATE DATABASE ${name}`]);
  return { url: databaseUrl(name), drop: () => admin([`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`]) };
}

/**
 * A fresh, migrated storage of the suite's engine (a temporary SQLite file, or a new database of
 * the PostgreSQL cluster): `{ storage, url, path, close() }` (close drops it).
 */
export async function openTestStorage({ clock, path } = {}) {
  const m = await serverModule();
  if (PG_URL) {
    const { url, drop } = await createPgDatabase();
    const storage = await m.openStorage({ url, clock, log: () => {} });
    return { storage, url, async close() { await storage.close(); await drop(); } };
  }
  const dir = mkdtempSync(join(tmpdir(), 'express-server-test-'));
  const file = path ?? join(dir, 'test.sqlite');
  const storage = await m.openStorage({ path: file, clock });
  return { storage, path: file, async close() { await storage.close(); rmSync(dir, { recursive: true, force: true }); } };
}

let modulePromise;
/** The built server module (server/src/index.ts). */
export function serverModule() {
  modulePromise ??= buildServer().then((file) => import(file));
  return modulePromise;
}

/** An instance of the reference server in a process of its own (server/instance.mjs). */
export { startInstance } from '../instance.mjs';

/** A clock that moves only when told. */
export function fakeClock(startMs) {
  let t = startMs;
  return {
    now: () => t,
    advance(ms) {
      t += ms;
    },
  };
}

/** A random platform key of a mode. */
export function secretKey(mode) {
  return `sk_${mode}_${randomBytes(24).toString('hex')}`;
}

/**
 * Starts a seeded server (3 accounts: [0] live usd, [1] test usd, [2] live eur) on 127.0.0.1 with
 * a fake clock at `now` (Unix seconds; default NOW), the data seeded up to it, over a fresh
 * database of the suite's engine. `server` overrides createServer options. Call `close()` when done.
 */
export async function startTestServer({ months = 2, server = {}, now = NOW } = {}) {
  const m = await serverModule();
  const clock = fakeClock(now * 1000 + 500);
  const opened = await openTestStorage({ clock });
  const { storage } = opened;
  const seeded = await m.seedDatabase(storage.db, { accounts: 3, months, now });
  const keys = { test: secretKey('test'), live: secretKey('live') };
  const srv = await m.createServer({
    storage,
    clock,
    secret: randomBytes(32),
    secretKeys: [keys.test, keys.live],
    rateLimit: false,
    smsSender: new m.DevelopmentSmsSender({ console: false, now: () => clock.now() }),
    log: () => {},
    ...server,
  });
  const origin = await srv.listen();
  return {
    m,
    storage,
    /** The test database: its PostgreSQL URL, or its SQLite file. */
    databaseUrl: opened.url,
    databasePath: opened.path,
    /** Rows of a query on the test database (`?` placeholders, either engine). */
    sql: (query, params = []) => storage.db.all(query, params),
    clock,
    keys,
    seeded,
    live: seeded[0],
    test: seeded[1],
    other: seeded[2],
    server: srv,
    outbox: srv.outbox,
    origin,
    client: (o) => new Client(origin, o),
    async close() {
      await srv.close();
      await opened.close();
    },
  };
}

/** A cookie-keeping client; POSTs carry `Origin` (this server's, unless told otherwise) as browsers send it. */
export class Client {
  constructor(origin, { headers = {} } = {}) {
    this.origin = origin;
    this.cookies = new Map();
    this.headers = headers;
  }

  cookieHeader() {
    return [...this.cookies].map(([k, v]) => `${k}=${v}`).join('; ');
  }

  async request(method, path, { body, headers = {}, origin = this.origin, raw = false } = {}) {
    const h = { Accept: 'application/json', ...this.headers, ...headers };
    if (origin && method !== 'GET' && method !== 'HEAD') h.Origin = origin;
    if (this.cookies.size) h.Cookie = this.cookieHeader();
    let payload;
    if (body !== undefined) {
      payload = raw ? body : JSON.stringify(body);
      h['Content-Type'] ??= 'application/json';
    }
    const res = await fetch(this.origin + path, { method, headers: h, body: payload, redirect: 'manual' });
    const setCookies = res.headers.getSetCookie();
    for (const c of setCookies) {
      const [pair, ...attrs] = c.split(';').map((s) => s.trim());
      const i = pair.indexOf('=');
      const name = pair.slice(0, i);
      const value = pair.slice(i + 1);
      const gone = attrs.some((a) => /^max-age=0$/i.test(a) || (/^expires=/i.test(a) && Date.parse(a.slice(8)) < Date.now())) || value === '';
      if (gone) this.cookies.delete(name);
      else this.cookies.set(name, value);
    }
    const text = await res.text();
    let json;
    try {
      json = JSON.parse(text);
    } catch {
      json = undefined;
    }
    return { status: res.status, headers: res.headers, json, text, setCookies };
  }

  get(path, o) {
    return this.request('GET', path, o);
  }

  post(path, body, o) {
    return this.request('POST', path, { body, ...o });
  }
}

/** `POST /v1/accounts/{id}/login_links` with a secret key, as a platform's backend does (no Origin, no cookie). */
export async function createLoginLink(t, accountId, key) {
  const res = await fetch(`${t.origin}/v1/accounts/${encodeURIComponent(accountId)}/login_links`, {
    method: 'POST',
    headers: { Authorization: `Bearer ${key ?? (t.seeded.find((a) => a.id === accountId)?.livemode ? t.keys.live : t.keys.test)}` },
  });
  return { status: res.status, json: await res.json(), headers: res.headers };
}

/** The login token in a login link's URL (`#login_token=…`; `?login_token=…` in older links). */
export function tokenOf(link) {
  const url = new URL(link.url);
  return new URLSearchParams(url.hash.slice(1)).get('login_token') ?? url.searchParams.get('login_token');
}

/** The code of the newest SMS to `phone` in the development outbox. */
export function latestCode(outbox, phone) {
  const m = outbox.outbox().find((e) => e.to === phone);
  if (!m) throw new Error(`No SMS to ${phone}`);
  return /\b(\d{6})\b/.exec(m.body)[1];
}

/** Signs `client` in as the seeded `account` (login link, then the SMS code for a live-mode one). */
export async function signIn(t, client, account) {
  const link = await createLoginLink(t, account.id);
  let r = await client.post('/v1/sign_in', { login_token: tokenOf(link.json) });
  if (r.json?.status === 'code_sent') {
    r = await client.post(`/v1/sign_in/${r.json.challenge_id}/verify`, { code: latestCode(t.outbox, account.phone) });
  }
  if (r.json?.status !== 'signed_in') throw new Error(`Sign-in failed: ${r.status} ${r.text}`);
  return r;
}

/**
 * Opens `GET /v1/events` (or `path`) for the client; `next()` resolves with the next message
 * (`{ id, data, event }` or `{ comment }`), `close()` disconnects.
 */
export async function openEvents(client, { lastEventId, path = '/v1/events' } = {}) {
  const ac = new AbortController();
  const headers = { ...client.headers, Accept: 'text/event-stream', Cookie: client.cookieHeader() };
  if (lastEventId !== undefined) headers['Last-Event-ID'] = String(lastEventId);
  const res = await fetch(`${client.origin}${path}`, { headers, signal: ac.signal });
  const messages = [];
  const waiters = [];
  let ended = false;
  const push = (m) => {
    const w = waiters.shift();
    if (w) w.resolve(m);
    else messages.push(m);
  };
  (async () => {
    if (!res.body) return;
    const reader = res.body.pipeThrough(new TextDecoderStream()).getReader();
    let buf = '';
    try {
      for (;;) {
        const { value, done } = await reader.read();
        if (done) break;
        buf += value;
        let i;
        while ((i = buf.indexOf('\n\n')) >= 0) {
          const block = buf.slice(0, i);
          buf = buf.slice(i + 2);
          const m = {};
          for (const line of block.split('\n')) {
            if (line.startsWith(':')) m.comment = line.slice(1).trim();
            else if (line.startsWith('id: ')) m.id = Number(line.slice(4));
            else if (line.startsWith('data: ')) m.data = (m.data ?? '') + line.slice(6);
            else if (line.startsWith('retry: ')) m.retry = Number(line.slice(7));
            else if (line.startsWith('event: ')) m.name = line.slice(7);
          }
          if (m.data !== undefined) m.event = JSON.parse(m.data);
          push(m);
        }
      }
    } catch {
      // aborted
    }
    ended = true;
    for (const w of waiters.splice(0)) w.resolve(null);
  })();
  return {
    status: res.status,
    headers: res.headers,
    /** The next message (`null` once the stream ended); with `filter`, the next one that passes it. */
    async next(filter = () => true) {
      for (;;) {
        const m = messages.length ? messages.shift() : ended ? null : await new Promise((resolve) => waiters.push({ resolve }));
        if (m === null || filter(m)) return m;
      }
    },
    /** The next event message (skipping comments and `retry:`). */
    nextEvent() {
      return this.next((m) => m.event !== undefined);
    },
    close() {
      ac.abort();
    },
  };
}

/** A free port's server listening on 127.0.0.1; resolves with its origin. */
export function listenOn(server) {
  return new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => resolve(`http://127.0.0.1:${server.address().port}`));
  });
}

/** The official Stripe client pointed at the reference server `t` (playing Stripe) with its `mode` key. */
export async function stripeClient(t, mode = 'test', config = {}) {
  const { default: Stripe } = await import('stripe');
  const url = new URL(t.origin);
  return new Stripe(t.keys[mode], { host: url.hostname, port: url.port, protocol: 'http', maxNetworkRetries: 2, ...config });
}

/**
 * A platform's backend on `stripeSource`, as the README mounts it: a node:http server with
 * `toNodeHandler(api)` and `toNodeHandler(api.webhook)` at `/stripe/webhook`, talking to the
 * reference server `t` as Stripe with the official client. Tests sign in by the `X-Account` header
 * (`accountFor` reads it). With `webhooks`, the reference server POSTs its signed Connect events here.
 */
export async function startPlatform(t, { mode = 'test', webhooks = true, source: sourceOptions = {}, api: apiOptions = {}, stripe: stripeConfig = {} } = {}) {
  const { createServer } = await import('node:http');
  const lib = t.m.lib;
  const stripe = await stripeClient(t, mode, stripeConfig);
  const webhookSecret = `whsec_${randomBytes(24).toString('hex')}`;
  const errors = [];
  const source = lib.stripeSource({ stripe, webhookSecret, now: () => t.clock.now(), onError: (m, e) => errors.push([m, e]), ...sourceOptions });
  const api = lib.createExpressApi({ source, accountFor: (r) => r.headers.get('x-account'), onError: (m, e) => errors.push([m, e]), ...apiOptions });
  const data = lib.toNodeHandler(api);
  const hook = lib.toNodeHandler((r) => api.webhook(r));
  const server = createServer((req, res) => (req.url.startsWith('/stripe/webhook') ? hook(req, res) : data(req, res)));
  const origin = await listenOn(server);
  if (webhooks) {
    t.server.ctx.webhooks = new t.m.StripeWebhookSender({ url: `${origin}/stripe/webhook`, secret: webhookSecret, clock: t.clock, log: () => {}, retryDelayMs: 50 });
  }
  return {
    origin,
    api,
    source,
    stripe,
    webhookSecret,
    errors,
    /** GET a path as the account: `{ status, json, text, headers }`. */
    get(path, account, headers = {}) {
      return new Client(origin, { headers: { 'X-Account': account } }).get(path, { headers });
    },
    /** Opens the account's event stream (see `openEvents`). */
    events(account, o = {}) {
      const client = new Client(origin, { headers: { 'X-Account': account } });
      return openEvents(client, o);
    },
    async close() {
      api.close();
      if (webhooks) t.server.ctx.webhooks = undefined;
      server.closeAllConnections?.();
      await new Promise((r) => server.close(r));
    },
  };
}

/** Waits until a playwright locator's text passes `ok` (checked every 100 ms, up to 30 s); returns the text. */
export async function textWhen(locator, ok) {
  for (let i = 0; i < 300; i++) {
    const text = (await locator.textContent().catch(() => null)) ?? '';
    if (ok(text)) return text;
    await new Promise((r) => setTimeout(r, 100));
  }
  throw new Error(`Text never matched: ${await locator.textContent().catch(() => '(none)')}`);
}

/** Integer minor units in a formatted en-US amount ("$1,234.56" → 123456, "-$0.50" → -50). */
export const cents = (text) => Number(text.replace(/[^\d-]/g, ''));

/**
 * One request with node:http, which (unlike fetch) sends any `Host` and a request target as
 * written: `{ status, headers, text, json }`.
 */
export async function rawRequest(origin, { method = 'GET', path = '/', headers = {}, body } = {}) {
  const { request } = await import('node:http');
  const url = new URL(origin);
  return new Promise((resolve, reject) => {
    const req = request({ host: url.hostname, port: url.port, method, path, headers, setHost: headers.host === undefined && headers.Host === undefined }, (res) => {
      let text = '';
      res.setEncoding('utf8');
      res.on('data', (d) => (text += d));
      res.on('end', () => {
        let json;
        try {
          json = JSON.parse(text);
        } catch {
          json = undefined;
        }
        resolve({ status: res.statusCode, headers: res.headers, text, json });
      });
    });
    req.on('error', reject);
    req.end(body);
  });
}

// Issue 20, the penetration test's findings, each as the attack it describes, against the real
// server on loopback: proxy trust, development mode failing closed, the host names answered.
import assert from 'node:assert/strict';
import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, test } from 'node:test';
import { NOW, createLoginLink, latestCode, openEvents, openTestStorage, rawRequest, secretKey, serverModule, signIn, startTestServer, tokenOf } from './helpers.mjs';

let m;
let dir;
/** A storage of the suite's engine for servers made here (each closed before the next test). */
let store;
before(async () => {
  m = await serverModule();
  dir = mkdtempSync(join(tmpdir(), 'express-security-test-'));
  store = await openTestStorage();
});
after(async () => {
  await store?.close();
  rmSync(dir, { recursive: true, force: true });
});

/** A fresh documentation-range address (TEST-NET-3) per call. */
let n = 0;
const freshIp = () => `203.0.113.${(n++ % 250) + 1}`;

describe('2. TRUST_PROXY takes the proxy’s addresses, never “every hop”', () => {
  test('a bare 1 or true (or a hop count, or every address) is refused with a clear message', () => {
    for (const value of ['1', 'true', 'TRUE', '2', '*', '0.0.0.0/0', '::/0']) {
      assert.throws(() => m.configFromEnv({ TRUST_PROXY: value }, dir), /TRUST_PROXY takes your reverse proxy's addresses or CIDR ranges/, value);
    }
    assert.throws(() => m.configFromEnv({ TRUST_PROXY: 'proxy.internal' }, dir), /not an address or a CIDR range/);
    assert.deepEqual(m.configFromEnv({ TRUST_PROXY: '10.0.0.0/8, 192.168.1.7,loopback' }, dir).trustProxy, ['10.0.0.0/8', '192.168.1.7', 'loopback']);
    assert.deepEqual(m.configFromEnv({}, dir).trustProxy, []);
  });

  test('createServer refuses trustProxy: true', async () => {
    await assert.rejects(
      m.createServer({ storage: store.storage, secret: randomBytes(32), secretKeys: [secretKey('test')], trustProxy: true, log: () => {} }),
      /would trust every X-Forwarded-For hop/,
    );
  });

  test('a fresh X-Forwarded-For per request from an untrusted address: the per-IP limit still holds', async () => {
    const t = await startTestServer({ months: 0, server: { rateLimit: { max: 1000, signInMax: 3 }, trustProxy: m.configFromEnv({ TRUST_PROXY: '10.9.9.9' }, dir).trustProxy } });
    try {
      const statuses = [];
      for (let i = 0; i < 6; i++) {
        const r = await t.client({ headers: { 'X-Forwarded-For': freshIp() } }).post('/v1/sign_in', { email: `x${i}@example.com` });
        statuses.push(r.status);
      }
      assert.deepEqual(statuses, [200, 200, 200, 429, 429, 429]);
    } finally {
      await t.close();
    }
  });

  test('through a trusted proxy that appends the client’s address, rotating the left-most entry does not help', async () => {
    // The test client plays the proxy (127.0.0.1): it appends the address it saw to whatever the client wrote.
    const t = await startTestServer({ months: 0, server: { rateLimit: { max: 1000, signInMax: 3 }, trustProxy: ['127.0.0.1'] } });
    try {
      const via = (client, forged) => t.client({ headers: { 'X-Forwarded-For': `${forged}, ${client}` } });
      const statuses = [];
      for (let i = 0; i < 5; i++) statuses.push((await via('198.51.100.20', freshIp()).post('/v1/sign_in', { email: `y${i}@example.com` })).status);
      assert.deepEqual(statuses, [200, 200, 200, 429, 429]);
      // Another real client behind the same proxy has its own allowance.
      assert.equal((await via('198.51.100.21', freshIp()).post('/v1/sign_in', { email: 'z@example.com' })).status, 200);
    } finally {
      await t.close();
    }
  });
});

describe('3. development mode fails closed', () => {
  test('a non-loopback HOST is refused unless explicitly allowed', async () => {
    for (const HOST of ['0.0.0.0', '::', '192.168.1.10', 'example.com']) {
      assert.throws(() => m.configFromEnv({ HOST }, dir), /loopback only/, HOST);
    }
    for (const HOST of ['127.0.0.1', 'localhost', '::1', '127.0.0.2']) assert.equal(m.configFromEnv({ HOST }, dir).host, HOST);
    assert.equal(m.configFromEnv({ HOST: '0.0.0.0', ALLOW_REMOTE_DEVELOPMENT: '1' }, dir).allowRemoteDevelopment, true);
    const srv = await m.createServer({ storage: store.storage, secret: randomBytes(32), secretKeys: [secretKey('test')], log: () => {} });
    try {
      await assert.rejects(srv.listen({ host: '0.0.0.0' }), /loopback only/);
    } finally {
      await srv.close();
    }
  });

  test('DNS rebinding: a request whose Host is not a loopback name with our port gets nothing', async () => {
    const t = await startTestServer({ months: 0 });
    try {
      const port = new URL(t.origin).port;
      const evil = `rebind.attacker.example:${port}`;
      for (const [method, path] of [['GET', '/dev/sms.json'], ['GET', '/login'], ['GET', '/'], ['GET', '/v1/account'], ['POST', '/platform/login-link']]) {
        // The page's Origin equals its Host, so the Origin check alone would let the POST through.
        const r = await rawRequest(t.origin, { method, path, headers: { host: evil, origin: `http://${evil}`, accept: 'application/json' } });
        assert.equal(r.status, 421, `${method} ${path}`);
        assert.equal(r.json.error.code, 'host_not_allowed');
        assert.equal(r.json.error.type, 'invalid_request_error');
      }
      assert.equal((await rawRequest(t.origin, { path: '/dev/sms.json', headers: { host: `localhost:${Number(port) + 1}` } })).status, 421, 'another port');
      for (const host of [`localhost:${port}`, `127.0.0.1:${port}`, `[::1]:${port}`, `LOCALHOST:${port}`]) {
        assert.equal((await rawRequest(t.origin, { path: '/dev/sms.json', headers: { host } })).status, 200, host);
      }
    } finally {
      await t.close();
    }
  });

  test('production answers only the PUBLIC_URL host and the configured ones', async () => {
    const sender = { name: 'test gateway', send: async () => {} };
    const base = { storage: store.storage, secret: randomBytes(32), secretKeys: [secretKey('live')], mode: 'production', smsSender: sender, log: () => {} };
    await assert.rejects(m.createServer(base), /publicUrl/);
    const srv = await m.createServer({ ...base, publicUrl: 'https://dashboard.example.com', allowedHosts: ['internal.example:8443'] });
    try {
      const get = (host) => srv.app.inject({ method: 'GET', url: '/login', headers: { host } });
      assert.equal((await get('dashboard.example.com')).statusCode, 200);
      assert.equal((await get('internal.example:8443')).statusCode, 200);
      for (const host of ['localhost', '127.0.0.1:80', 'dashboard.example.com.evil.example', 'internal.example']) {
        const r = await get(host);
        assert.equal(r.statusCode, 421, host);
        assert.equal(r.json().error.code, 'host_not_allowed');
      }
    } finally {
      await srv.close();
    }
  });
});

/** The cookie names a request's Set-Cookie headers set (not clear). */
const setNames = (setCookies) => setCookies.filter((c) => !/Expires=Thu, 01 Jan 1970/i.test(c)).map((c) => c.slice(0, c.indexOf('=')));

describe('4. over HTTPS only the __Host- session cookie is read', () => {
  test('a plain express_session cookie (which a sibling subdomain can set) is ignored over HTTPS', async () => {
    const t = await startTestServer({ months: 0, server: { trustProxy: ['127.0.0.1'] } });
    try {
      const https = { 'X-Forwarded-Proto': 'https' };
      const c = t.client({ headers: https });
      const link = await createLoginLink(t, t.test.id);
      const r = await c.post('/v1/sign_in', { login_token: tokenOf(link.json) }, { origin: t.origin.replace('http:', 'https:') });
      assert.deepEqual(setNames(r.setCookies), ['__Host-express_session']);
      const id = c.cookies.get('__Host-express_session');
      assert.equal((await c.get('/v1/account')).status, 200);
      // The same live session id under the plain name: a tossed cookie, not ours.
      const tossed = t.client({ headers: https });
      tossed.cookies.set('express_session', id);
      assert.equal((await tossed.get('/v1/account')).status, 401);
      assert.equal((await tossed.get('/dashboard')).status, 303);
      // Over plain HTTP (loopback development) the plain name is the one.
      const plain = t.client();
      plain.cookies.set('express_session', id);
      assert.equal((await plain.get('/v1/account')).status, 200);
    } finally {
      await t.close();
    }
  });
});

describe('6. production: the cookie is always Secure with __Host-, and HSTS is sent', () => {
  test('over a request that looks like plain HTTP (no trusted proxy), the cookie is still __Host- and Secure', async () => {
    const opened = await openTestStorage();
    const [, testAccount] = await m.seedDatabase(opened.storage.db, { accounts: 2, months: 0, now: NOW });
    const key = secretKey('test');
    const srv = await m.createServer({
      storage: opened.storage,
      mode: 'production',
      publicUrl: 'https://dashboard.example.com',
      secret: randomBytes(32),
      secretKeys: [key],
      smsSender: { name: 'test gateway', send: async () => {} },
      log: () => {},
    });
    const host = 'dashboard.example.com';
    try {
      const link = await srv.app.inject({ method: 'POST', url: `/v1/accounts/${testAccount.id}/login_links`, headers: { host, authorization: `Bearer ${key}` } });
      assert.equal(link.statusCode, 200, link.body);
      assert.equal(link.headers['strict-transport-security'], 'max-age=31536000');
      const token = tokenOf(link.json());
      const r = await srv.app.inject({
        method: 'POST',
        url: '/v1/sign_in',
        headers: { host, origin: 'https://dashboard.example.com', 'content-type': 'application/json' },
        payload: JSON.stringify({ login_token: token }),
      });
      assert.equal(r.statusCode, 200, r.body);
      const cookie = [r.headers['set-cookie']].flat();
      assert.equal(cookie.length, 1);
      assert.match(cookie[0], /^__Host-express_session=[A-Za-z0-9_-]{43}; /);
      assert.match(cookie[0], /; Secure/);
      assert.match(cookie[0], /; HttpOnly/);
      const id = /^__Host-express_session=([^;]+)/.exec(cookie[0])[1];
      const account = (cookieHeader) => srv.app.inject({ method: 'GET', url: '/v1/account', headers: { host, cookie: cookieHeader } });
      assert.equal((await account(`__Host-express_session=${id}`)).statusCode, 200);
      assert.equal((await account(`express_session=${id}`)).statusCode, 401, 'the plain name is never read in production');
      for (const url of ['/login', '/v1/account', '/nope']) {
        assert.equal((await srv.app.inject({ method: 'GET', url, headers: { host } })).headers['strict-transport-security'], 'max-age=31536000', url);
      }
    } finally {
      await srv.close();
      await opened.close();
    }
  });

  test('development sends no HSTS (it is plain HTTP on loopback)', async () => {
    const t = await startTestServer({ months: 0 });
    try {
      assert.equal((await t.client().get('/login')).headers.get('strict-transport-security'), null);
    } finally {
      await t.close();
    }
  });
});

describe('9. the login token travels in the fragment', () => {
  test('a login link is /login#login_token=…: nothing of the token in the path or the query', async () => {
    const t = await startTestServer({ months: 0 });
    try {
      const link = (await createLoginLink(t, t.test.id)).json;
      const url = new URL(link.url);
      assert.equal(url.pathname, '/login');
      assert.equal(url.search, '');
      assert.match(url.hash, /^#login_token=[A-Za-z0-9_-]{43}$/);
      // The session's own link (POST /v1/login_links) too.
      const c = t.client();
      await signIn(t, c, t.test);
      const own = new URL((await c.post('/v1/login_links')).json.url);
      assert.equal(own.search, '');
      assert.match(own.hash, /^#login_token=[A-Za-z0-9_-]{43}$/);
    } finally {
      await t.close();
    }
  });
});

describe('11. the SMS ends with the WebOTP line', () => {
  test('the last line is @host #code, the host PUBLIC_URL’s', async () => {
    const t = await startTestServer({ months: 0, server: { publicUrl: 'https://dashboard.example.com' } });
    try {
      const link = await createLoginLink(t, t.live.id);
      assert.equal((await t.client().post('/v1/sign_in', { login_token: tokenOf(link.json) })).status, 200);
      const sms = t.outbox.outbox()[0];
      const lines = sms.body.split('\n');
      const code = /^(\d{6}) is your /.exec(lines[0])[1];
      assert.equal(lines.at(-1), `@dashboard.example.com #${code}`);
      assert.equal(lines.at(-2), '', 'a blank line before it');
    } finally {
      await t.close();
    }
  });
});

describe('Content Security Policy with Trusted Types on every answer', () => {
  /** The policy's directives by name. */
  const directives = (csp) => new Map(csp.split(';').map((d) => d.trim().split(/\s+/)).map(([name, ...values]) => [name, values.join(' ')]));

  test('pages, API answers, errors and the development pages all carry the strict policy; development adds report-uri', async () => {
    const t = await startTestServer({ months: 0 });
    try {
      const c = t.client();
      await signIn(t, c, t.test);
      for (const path of ['/login', '/dashboard', '/', '/dev/sms', '/dev/sms.json', '/v1/account', '/v1/balance', '/nope', '/v1/nope']) {
        const r = await c.get(path);
        assert.ok(r.status < 500, `${path}: ${r.status}`);
        const csp = r.headers.get('content-security-policy');
        assert.ok(csp, `${path} has a policy`);
        const d = directives(csp);
        assert.equal(d.get('require-trusted-types-for'), "'script'", path);
        assert.equal(d.get('trusted-types'), 'lit-html', path);
        assert.equal(d.get('frame-ancestors'), "'none'", path);
        assert.equal(d.get('script-src'), "'self'", path);
        assert.equal(d.get('style-src'), "'self'", path);
        assert.equal(d.get('object-src'), "'none'", path);
        assert.equal(d.get('base-uri'), "'none'", path);
        assert.equal(d.get('report-uri'), '/dev/csp-reports', path);
        assert.doesNotMatch(csp, /unsafe-inline|unsafe-eval|unsafe-hashes|\*/, path);
      }
    } finally {
      await t.close();
    }
  });

  test('the server’s pages hold no inline script, no <style> and no style attribute', async () => {
    const t = await startTestServer({ months: 0 });
    try {
      const c = t.client();
      const pages = [['/', c], ['/login', c], ['/dev/sms', c]];
      await signIn(t, c, t.test);
      pages.push(['/dashboard', c]);
      for (const [path, client] of pages) {
        const html = (await client.get(path, { headers: { accept: 'text/html' } })).text;
        assert.match(html, /<html/, path);
        for (const tag of html.match(/<script\b[^>]*>/g) ?? []) assert.match(tag, /\bsrc="\/assets\/[\w-]+\.js"/, `${path}: ${tag}`);
        assert.doesNotMatch(html, /<style\b/i, path);
        assert.doesNotMatch(html, /\sstyle=/i, path);
        assert.doesNotMatch(html, /\son[a-z]+=/i, `${path}: no inline event handler`);
      }
    } finally {
      await t.close();
    }
  });

  test('development keeps the reports (both formats); production has no endpoint and no report-uri', async () => {
    const t = await startTestServer({ months: 0 });
    try {
      const post = (type, body) => rawRequest(t.origin, { method: 'POST', path: '/dev/csp-reports', headers: { 'content-type': type }, body: JSON.stringify(body) });
      assert.equal((await post('application/csp-report', { 'csp-report': { 'document-uri': 'http://x/login', 'effective-directive': 'style-src-attr', 'blocked-uri': 'inline' } })).status, 204);
      assert.equal((await post('application/reports+json', [{ type: 'csp-violation', body: { documentURL: 'http://x/dashboard', effectiveDirective: 'require-trusted-types-for', blockedURL: 'trusted-types-sink' } }])).status, 204);
      assert.equal((await rawRequest(t.origin, { method: 'POST', path: '/dev/csp-reports', headers: { 'content-type': 'application/csp-report' }, body: '{not json' })).status, 400);
      const list = (await t.client().get('/dev/csp-reports.json')).json.data;
      assert.deepEqual(list.map((v) => [v.document, v.directive, v.blocked]), [
        ['http://x/login', 'style-src-attr', 'inline'],
        ['http://x/dashboard', 'require-trusted-types-for', 'trusted-types-sink'],
      ]);
    } finally {
      await t.close();
    }
    const srv = await m.createServer({
      storage: store.storage, mode: 'production', publicUrl: 'https://dashboard.example.com', secret: randomBytes(32),
      secretKeys: [secretKey('live')], smsSender: { name: 'test gateway', send: async () => {} }, log: () => {},
    });
    try {
      const host = 'dashboard.example.com';
      const page = await srv.app.inject({ method: 'GET', url: '/login', headers: { host } });
      const d = directives(page.headers['content-security-policy']);
      assert.equal(d.get('require-trusted-types-for'), "'script'");
      assert.equal(d.get('frame-ancestors'), "'none'");
      assert.equal(d.has('report-uri'), false);
      const r = await srv.app.inject({ method: 'POST', url: '/dev/csp-reports', headers: { host, origin: 'https://dashboard.example.com', 'content-type': 'application/csp-report' }, payload: '{}' });
      assert.equal(r.statusCode, 404);
    } finally {
      await srv.close();
    }
  });
});

describe('7. open event streams are capped per session and per address, and end with their session', () => {
  test('one stream more than the session’s (or the address’s) cap is a 429; closing one makes room', async () => {
    const t = await startTestServer({ months: 0, server: { streamLimits: { perSession: 2, perIp: 3 } } });
    const opened = [];
    try {
      const a = t.client();
      await signIn(t, a, t.test);
      for (let i = 0; i < 2; i++) {
        const s = await openEvents(a);
        opened.push(s);
        assert.equal(s.status, 200);
      }
      const refused = await a.get('/v1/events', { headers: { accept: 'text/event-stream' } });
      assert.equal(refused.status, 429);
      assert.equal(refused.json.error.type, 'invalid_request_error');
      assert.equal(refused.json.error.code, 'rate_limited');
      assert.ok(Number(refused.headers.get('retry-after')) > 0);
      // Another session from the same address: one more fits under the address's cap of 3, then none.
      const b = t.client();
      await signIn(t, b, t.test);
      const third = await openEvents(b);
      opened.push(third);
      assert.equal(third.status, 200);
      assert.equal((await b.get('/v1/events', { headers: { accept: 'text/event-stream' } })).status, 429, 'the address is full');
      const anonymous = await t.client().get('/v1/events', { headers: { accept: 'text/event-stream' } });
      assert.equal(anonymous.status, 429, 'counted before the session is even checked');
      // A closed stream makes room again (once the server has seen it close).
      opened.shift().close();
      let again;
      for (let i = 0; i < 200; i++) {
        again = await openEvents(a);
        if (again.status === 200) break;
        again.close();
        await new Promise((r) => setImmediate(r));
      }
      opened.push(again);
      assert.equal(again.status, 200);
    } finally {
      for (const s of opened) s.close();
      await t.close();
    }
  });

  test('a stream ends when its session expires (at its next heartbeat), and when it signs out', async () => {
    const t = await startTestServer({ months: 0, server: { heartbeatMs: 50 } });
    try {
      const c = t.client();
      await signIn(t, c, t.test);
      const stream = await openEvents(c);
      assert.equal(stream.status, 200);
      t.clock.advance(12 * 3600_000 + 1); // past the absolute expiry
      assert.equal(await stream.next((m) => m.event !== undefined), null, 'the server ended the stream');
      const d = t.client();
      await signIn(t, d, t.test);
      const other = await openEvents(d);
      await d.post('/v1/sign_out');
      assert.equal(await other.next((m) => m.event !== undefined), null, 'sign-out ended the stream');
    } finally {
      await t.close();
    }
  });
});

describe('1. guessing across challenges is bounded: a lock on wrong codes, a daily SMS cap, waits between codes', () => {
  test('a day of “new challenge by email, five wrong codes” against a live account: at most 6 SMS and 10 codes tried, and the platform’s link still signs in', async () => {
    const t = await startTestServer({ months: 0 });
    try {
      const victim = t.live;
      const smsTo = () => t.outbox.outbox().filter((m) => m.to === victim.phone).length;
      const smsBefore = smsTo();
      const end = t.clock.now() + 24 * 3600_000;
      let tried = 0;
      let challenges = 0;
      let lockMessage;
      let linkWorked = false;
      while (t.clock.now() < end) {
        const r = await t.client().post('/v1/sign_in', { email: victim.email });
        if (r.status === 429) {
          assert.equal(r.json.error.code, 'rate_limited');
          const wait = Number(r.headers.get('retry-after'));
          assert.ok(wait > 0, 'Retry-After says when');
          if (/paused until/.test(r.json.error.message) && !linkWorked) {
            // Locked for email sign-in: the link from the platform still signs the person in.
            const c = t.client();
            const link = await createLoginLink(t, victim.id);
            const step = await c.post('/v1/sign_in', { login_token: tokenOf(link.json) });
            assert.equal(step.json.status, 'code_sent', step.text);
            const done = await c.post(`/v1/sign_in/${step.json.challenge_id}/verify`, { code: latestCode(t.outbox, victim.phone) });
            assert.equal(done.json.status, 'signed_in', done.text);
            linkWorked = true;
          }
          t.clock.advance(wait * 1000);
          continue;
        }
        assert.equal(r.status, 200, r.text);
        challenges++;
        for (let i = 0; i < 5; i++) {
          const code = String(100000 + ((challenges * 7 + i) % 900000));
          const v = await t.client().post(`/v1/sign_in/${r.json.challenge_id}/verify`, { code });
          if (v.json?.error?.code === 'invalid_code') tried++;
          else if (v.json?.error?.code === 'too_many_attempts') {
            tried++;
            if (/paused until/.test(v.json.error.message)) lockMessage = v.json.error.message;
            break;
          } else break; // locked before this code was looked at
        }
        t.clock.advance(60_000);
      }
      const sms = smsTo() - smsBefore - (linkWorked ? 1 : 0);
      // Before: 240 SMS and 1,200 codes tried in a day.
      assert.ok(sms <= 6, `${sms} SMS`);
      assert.ok(tried <= 10, `${tried} codes tried`);
      assert.ok(linkWorked, 'the lock came, and the link worked during it');
      assert.match(lockMessage, /paused until \d{4}-\d\d-\d\d \d\d:\d\d UTC\. The link from Lumen Rides still works\./);
    } finally {
      await t.close();
    }
  });

  test('an unknown email locks and waits exactly like a real one (no enumeration)', async () => {
    const t = await startTestServer({ months: 0 });
    try {
      const run = async (email) => {
        const trace = [];
        const start = t.clock.now();
        for (let round = 0; round < 4; round++) {
          const r = await t.client().post('/v1/sign_in', { email });
          trace.push([r.status, r.headers.get('retry-after')]);
          if (r.status !== 200) {
            t.clock.advance(Number(r.headers.get('retry-after')) * 1000);
            continue;
          }
          for (let i = 0; i < 5; i++) {
            const v = await t.client().post(`/v1/sign_in/${r.json.challenge_id}/verify`, { code: '000001' });
            // The lock's end, as minutes after the run's start (the runs are on different days).
            const message = v.json.error.message.replace(/\d{4}-\d\d-\d\d \d\d:\d\d UTC/, (d) => `+${(Date.parse(`${d.slice(0, 16).replace(' ', 'T')}:00Z`) - start) / 60_000} min`);
            trace.push([v.status, v.json.error.code, message, v.json.error.attempts_remaining]);
            if (v.status !== 400) break;
          }
        }
        t.clock.advance(start + 2 * 86_400_000 - t.clock.now()); // the next run starts on a fresh day
        return trace;
      };
      const known = await run(t.other.email);
      const unknown = await run('nobody.at.all@example.com');
      assert.deepEqual(unknown, known);
      assert.ok(known.some(([, code, message]) => code === 'too_many_attempts' && /paused until \+[\d.]+ min/.test(message)), JSON.stringify(known));
    } finally {
      await t.close();
    }
  });
});

describe('5. chained sessions keep the first one’s expiry; a link for another account asks first', () => {
  test('a session-made link signs in a session that ends when the first would have (test and live mode)', async () => {
    const t = await startTestServer({ months: 0 });
    try {
      for (const account of [t.test, t.live]) {
        const first = t.client();
        await signIn(t, first, account);
        const startedMs = t.clock.now();
        // Eleven busy hours (a request every 20 minutes keeps it from idling out).
        for (let i = 0; i < 33; i++) {
          t.clock.advance(20 * 60_000);
          assert.equal((await first.get('/v1/account')).status, 200);
        }
        const own = await first.post('/v1/login_links');
        assert.equal(own.status, 200, own.text);
        const second = t.client();
        let r = await second.post('/v1/sign_in', { login_token: tokenOf(own.json) });
        if (r.json.status === 'code_sent') r = await second.post(`/v1/sign_in/${r.json.challenge_id}/verify`, { code: latestCode(t.outbox, account.phone) });
        assert.equal(r.json.status, 'signed_in', r.text);
        const maxAge = Number(/Max-Age=(\d+)/.exec(r.setCookies.join(';'))[1]);
        assert.ok(maxAge <= 3600, `the cookie lives ${maxAge} s, not 12 hours`);
        // Until the first session's end it works; then both are over (chained before: 34 hours).
        while (t.clock.now() + 20 * 60_000 < startedMs + 12 * 3600_000) {
          t.clock.advance(20 * 60_000);
          assert.equal((await second.get('/v1/account')).status, 200);
        }
        t.clock.advance(startedMs + 12 * 3600_000 - t.clock.now());
        assert.equal((await second.get('/v1/account')).status, 401, `${account.livemode ? 'live' : 'test'}: ended with the first session`);
        t.clock.advance(31 * 60_000); // a fresh SMS allowance for the next round
      }
    } finally {
      await t.close();
    }
  });

  test('signed in as one account, a link for another is answered 409 (replace_session) and not spent; agreeing goes on; the same account’s link does not ask', async () => {
    const t = await startTestServer({ months: 0 });
    try {
      const browser = t.client();
      await signIn(t, browser, t.test);
      const token = tokenOf((await createLoginLink(t, t.other.id)).json);
      const asked = await browser.post('/v1/sign_in', { login_token: token });
      assert.equal(asked.status, 409);
      assert.equal(asked.json.error.code, 'session_exists');
      assert.equal(asked.json.error.param, 'replace_session');
      assert.equal((await browser.get('/v1/account')).json.id, t.test.id, 'still signed in as before');
      // Agreeing: the same link (not spent by the question) goes on to the other account's code.
      const agreed = await browser.post('/v1/sign_in', { login_token: token }, { headers: { 'Express-Replace-Session': 'true' } });
      assert.equal(agreed.json.status, 'code_sent', agreed.text);
      const done = await browser.post(`/v1/sign_in/${agreed.json.challenge_id}/verify`, { code: latestCode(t.outbox, t.other.phone) });
      assert.equal(done.json.status, 'signed_in');
      assert.equal((await browser.get('/v1/account')).json.id, t.other.id);
      // Also in the body; and a link of the account already signed in goes straight on.
      const back = tokenOf((await createLoginLink(t, t.test.id)).json);
      assert.equal((await browser.post('/v1/sign_in', { login_token: back, replace_session: true })).json.status, 'signed_in');
      const same = tokenOf((await createLoginLink(t, t.test.id)).json);
      assert.equal((await browser.post('/v1/sign_in', { login_token: same })).json.status, 'signed_in');
    } finally {
      await t.close();
    }
  });
});

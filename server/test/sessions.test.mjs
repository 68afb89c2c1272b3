// Sessions, cookies, the Origin check and account isolation, against the real server on loopback.
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { createLoginLink, signIn, startTestServer, tokenOf } from './helpers.mjs';

let t;
before(async () => {
  t = await startTestServer({ server: { session: { idleMs: 30 * 60_000, absoluteMs: 2 * 3600_000 } } });
});
after(() => t.close());

/** The attributes of a Set-Cookie header, lowercased names: `{ name, value, attrs }`. */
function parseSetCookie(header) {
  const [pair, ...rest] = header.split(';').map((s) => s.trim());
  const i = pair.indexOf('=');
  const attrs = Object.fromEntries(rest.map((a) => {
    const j = a.indexOf('=');
    return j < 0 ? [a.toLowerCase(), true] : [a.slice(0, j).toLowerCase(), a.slice(j + 1)];
  }));
  return { name: pair.slice(0, i), value: pair.slice(i + 1), attrs };
}

describe('session cookie', () => {
  test('over HTTP: HttpOnly, SameSite=Lax, Path=/, not Secure; only a hash of the id is stored', async () => {
    const c = t.client();
    const r = await signIn(t, c, t.test);
    assert.equal(r.setCookies.length, 1);
    const cookie = parseSetCookie(r.setCookies[0]);
    assert.equal(cookie.name, 'express_session');
    assert.equal(cookie.attrs.httponly, true);
    assert.equal(cookie.attrs.samesite, 'Lax');
    assert.equal(cookie.attrs.path, '/');
    assert.equal(cookie.attrs.secure, undefined);
    assert.equal(cookie.attrs['max-age'], String(2 * 3600));
    assert.match(cookie.value, /^[A-Za-z0-9_-]{43}$/);
    const stored = JSON.stringify(await t.sql('SELECT * FROM sessions'));
    assert.ok(!stored.includes(cookie.value));
  });

  test('over HTTPS (behind a trusted proxy): Secure, with the __Host- prefix, and it works', async () => {
    const https = await startTestServer({ server: { trustProxy: ['127.0.0.1'] } });
    try {
      const c = https.client({ headers: { 'X-Forwarded-Proto': 'https' } });
      c.origin = https.origin;
      const link = await createLoginLink(https, https.test.id);
      // The page's origin is https now: the Origin check compares with it.
      const r = await c.post('/v1/sign_in', { login_token: tokenOf(link.json) }, { origin: https.origin.replace('http:', 'https:') });
      assert.equal(r.status, 200, r.text);
      const cookie = parseSetCookie(r.setCookies[0]);
      assert.equal(cookie.name, '__Host-express_session');
      assert.equal(cookie.attrs.secure, true);
      assert.equal(cookie.attrs.httponly, true);
      assert.equal(cookie.attrs.samesite, 'Lax');
      assert.equal(cookie.attrs.path, '/');
      assert.equal(cookie.attrs.domain, undefined);
      assert.equal((await c.get('/v1/account')).json.id, https.test.id);
    } finally {
      await https.close();
    }
  });

  test('no cookie, or a made-up one: 401 on every data endpoint and on the event stream', async () => {
    const anon = t.client();
    const forged = t.client();
    forged.cookies.set('express_session', 'A'.repeat(43));
    for (const c of [anon, forged]) {
      for (const path of ['/v1/account', '/v1/balance', '/v1/balance_transactions', '/v1/payouts', '/v1/events',
        '/v1/net_volume?interval=day&created[gte]=1&created[lt]=2&currency=usd&timezone=UTC']) {
        const r = await c.get(path);
        assert.equal(r.status, 401, path);
        assert.equal(r.json.error.code, 'session_required');
      }
      assert.equal((await c.post('/v1/login_links')).status, 401);
    }
  });

  test('the dashboard page sends a visitor without a session to the login page', async () => {
    const r = await t.client().get('/dashboard');
    assert.equal(r.status, 303);
    assert.equal(r.headers.get('location'), '/login');
  });
});

describe('session lifetime', () => {
  test('idle expiry: a session unused for 30 minutes ends; used, it lives on', async () => {
    const c = t.client();
    await signIn(t, c, t.test);
    t.clock.advance(29 * 60_000);
    assert.equal((await c.get('/v1/account')).status, 200);
    t.clock.advance(29 * 60_000);
    assert.equal((await c.get('/v1/account')).status, 200, 'the last request reset the idle timer');
    t.clock.advance(30 * 60_000);
    assert.equal((await c.get('/v1/account')).status, 401);
  });

  test('absolute expiry: a session ends after its lifetime however busy it is', async () => {
    const c = t.client();
    await signIn(t, c, t.test);
    for (let i = 0; i < 7; i++) {
      t.clock.advance(17 * 60_000);
      assert.equal((await c.get('/v1/balance')).status, 200);
    }
    t.clock.advance(2 * 3600_000 - 7 * 17 * 60_000);
    assert.equal((await c.get('/v1/balance')).status, 401);
  });

  test('sign-out ends the session on the server and clears the cookie', async () => {
    const c = t.client();
    await signIn(t, c, t.test);
    const copy = t.client();
    copy.cookies = new Map(c.cookies);
    const r = await c.post('/v1/sign_out');
    assert.equal(r.status, 200);
    assert.ok(r.setCookies.some((h) => /^express_session=;/.test(h) && /Expires=Thu, 01 Jan 1970/i.test(h)));
    assert.equal((await c.get('/v1/account')).status, 401);
    assert.equal((await copy.get('/v1/account')).status, 401, 'the old cookie value no longer works anywhere');
  });
});

describe('Origin check on state-changing requests', () => {
  test('sign-in, sign-out, login links and the dev payment refuse another origin or none', async () => {
    const c = t.client();
    await signIn(t, c, t.test);
    const link = await createLoginLink(t, t.test.id);
    const cases = [
      ['/v1/sign_in', { login_token: tokenOf(link.json) }],
      ['/v1/sign_out', undefined],
      ['/v1/login_links', undefined],
      ['/dev/payments', undefined],
      ['/platform/login-link', undefined],
    ];
    for (const [path, body] of cases) {
      for (const origin of ['https://evil.example', 'null', undefined]) {
        const r = await c.request('POST', path, { body, origin: origin ?? '' });
        assert.equal(r.status, 403, `${path} from ${origin}`);
        assert.equal(r.json.error.code, 'origin_mismatch');
      }
    }
    // Nothing happened: still signed in, the link still unused.
    assert.equal((await c.get('/v1/account')).status, 200);
    assert.equal((await t.client().post('/v1/sign_in', { login_token: tokenOf(link.json) })).status, 200);
  });

  test('a Referer of our own origin stands in for a missing Origin; the secret-key API needs no Origin', async () => {
    const c = t.client();
    await signIn(t, c, t.test);
    const r = await c.request('POST', '/v1/login_links', { origin: '', headers: { Referer: `${t.origin}/dashboard` } });
    assert.equal(r.status, 200);
    assert.equal((await createLoginLink(t, t.test.id)).status, 200);
  });
});

describe('account isolation', () => {
  test('signed in as A, no request reaches B’s data, even with B’s ids', async () => {
    const a = t.client();
    await signIn(t, a, t.live); // A
    const b = t.other; // B
    const bTxn = (await t.sql('SELECT id FROM balance_transactions WHERE account_id = ? LIMIT 1', [b.id]))[0].id;
    const bPayout = (await t.sql('SELECT id FROM payouts WHERE account_id = ? LIMIT 1', [b.id]))[0].id;

    assert.equal((await a.get('/v1/account')).json.id, t.live.id);
    const withHeader = await a.get('/v1/account', { headers: { 'Stripe-Account': b.id } });
    assert.equal(withHeader.json.id, t.live.id, 'Stripe-Account is ignored');
    const named = await a.get(`/v1/account?account=${b.id}`);
    assert.equal(named.status, 400);
    assert.equal(named.json.error.code, 'parameter_unknown');
    assert.equal(named.json.error.param, 'account');

    for (const path of [`/v1/balance_transactions/${bTxn}`, `/v1/payouts/${bPayout}`]) {
      const r = await a.get(path);
      assert.equal(r.status, 404, path);
      assert.equal(r.json.error.code, 'resource_missing');
    }
    for (const [path, id] of [['/v1/balance_transactions', bTxn], ['/v1/payouts', bPayout]]) {
      for (const cursor of ['starting_after', 'ending_before']) {
        const r = await a.get(`${path}?${cursor}=${id}`);
        assert.equal(r.status, 400, `${path} ${cursor}`);
        assert.equal(r.json.error.param, cursor);
        assert.equal(r.json.error.code, 'resource_missing');
      }
    }
    // Every list holds A's objects only.
    const aTxns = new Set((await t.sql('SELECT id FROM balance_transactions WHERE account_id = ?', [t.live.id])).map((r) => r.id));
    const page = await a.get('/v1/balance_transactions?limit=100');
    assert.equal(page.json.data.length, 100);
    assert.ok(page.json.data.every((x) => aTxns.has(x.id)));
    // The balance is A's (its currency is usd, B's eur).
    const balance = (await a.get('/v1/balance')).json;
    assert.deepEqual(balance.available.map((x) => x.currency), ['usd']);
    // B's currency asks for nothing of B's.
    const eur = await a.get('/v1/balance_transactions?currency=eur');
    assert.deepEqual(eur.json.data, []);
    // A login link made with A's session is A's.
    const links = async () => Object.fromEntries((await t.sql('SELECT account_id, COUNT(*) AS n FROM login_links GROUP BY account_id')).map((r) => [r.account_id, r.n]));
    const before = await links();
    const link = await a.post('/v1/login_links');
    assert.equal(link.status, 200);
    assert.deepEqual(await links(), { ...before, [t.live.id]: (before[t.live.id] ?? 0) + 1 });
  });
});

// Login links and SMS codes against the real server on loopback (temporary database, fake clock).
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { createLoginLink, latestCode, startTestServer, tokenOf } from './helpers.mjs';

let t;
before(async () => {
  t = await startTestServer();
});
after(() => t.close());

/** A live-mode challenge started with a login link: `{ client, step }`. */
async function liveChallenge(account = t.live) {
  t.clock.advance(31 * 60_000); // a fresh SMS allowance (5 per 30 minutes) for this account
  const client = t.client();
  const link = await createLoginLink(t, account.id);
  const r = await client.post('/v1/sign_in', { login_token: tokenOf(link.json) });
  assert.equal(r.status, 200, r.text);
  assert.equal(r.json.status, 'code_sent');
  return { client, step: r.json };
}

describe('platform API', () => {
  test('a secret key makes a Stripe login_link whose URL opens the login page with a 256-bit token', async () => {
    const before = t.clock.now();
    const r = await createLoginLink(t, t.live.id);
    assert.equal(r.status, 200);
    assert.equal(r.json.object, 'login_link');
    assert.equal(r.json.created, Math.floor(before / 1000));
    assert.equal(r.json.expires_at, r.json.created + 300);
    const url = new URL(r.json.url);
    assert.equal(url.origin, t.origin);
    assert.equal(url.pathname, '/login');
    assert.match(tokenOf(r.json), /^[A-Za-z0-9_-]{43}$/);
    // Only a hash is stored.
    const rows = await t.sql('SELECT token_hash FROM login_links');
    assert.ok(rows.every((row) => !row.token_hash.toString('utf8').includes(tokenOf(r.json))));
    assert.ok(!JSON.stringify(await t.sql('SELECT * FROM login_links')).includes(tokenOf(r.json)));
  });

  test('no key, a wrong key or a cookie instead of a key is refused with 401', async () => {
    for (const headers of [{}, { Authorization: 'Bearer sk_test_wrongwrongwrongwrongwrongwrong' }, { Authorization: `Basic ${t.keys.test}` }]) {
      const res = await fetch(`${t.origin}/v1/accounts/${t.test.id}/login_links`, { method: 'POST', headers });
      assert.equal(res.status, 401);
      const body = await res.json();
      assert.equal(body.error.type, 'invalid_request_error');
      assert.match(body.error.code, /^api_key_/);
    }
  });

  test('a test-mode key cannot reach a live-mode account, nor a live key a test one (404, as Stripe)', async () => {
    assert.equal((await createLoginLink(t, t.live.id, t.keys.test)).status, 404);
    assert.equal((await createLoginLink(t, t.test.id, t.keys.live)).status, 404);
    const unknown = await createLoginLink(t, 'acct_nope', t.keys.live);
    assert.equal(unknown.status, 404);
    assert.equal(unknown.json.error.code, 'resource_missing');
  });
});

describe('login links', () => {
  test('a test-mode account’s link signs in at once; the second redemption is refused with 410 expired', async () => {
    const link = await createLoginLink(t, t.test.id);
    const a = t.client();
    const first = await a.post('/v1/sign_in', { login_token: tokenOf(link.json) });
    assert.equal(first.status, 200);
    assert.deepEqual(first.json, { status: 'signed_in', redirect_url: '/dashboard' });
    assert.equal((await a.get('/v1/account')).json.id, t.test.id);
    const b = t.client();
    const second = await b.post('/v1/sign_in', { login_token: tokenOf(link.json) });
    assert.equal(second.status, 410);
    assert.equal(second.json.error.code, 'expired');
    assert.equal(b.cookies.size, 0);
  });

  test('two concurrent redemptions of one link: exactly one wins', async () => {
    for (const account of [t.test, t.live]) {
      const link = await createLoginLink(t, account.id);
      const results = await Promise.all(
        Array.from({ length: 4 }, () => t.client().post('/v1/sign_in', { login_token: tokenOf(link.json) })),
      );
      assert.deepEqual(results.map((r) => r.status).sort(), [200, 410, 410, 410]);
    }
  });

  test('a link expires five minutes after it was made (injected clock)', async () => {
    const early = await createLoginLink(t, t.test.id);
    const late = await createLoginLink(t, t.test.id);
    t.clock.advance(299_000);
    assert.equal((await t.client().post('/v1/sign_in', { login_token: tokenOf(early.json) })).status, 200);
    t.clock.advance(1_000);
    const r = await t.client().post('/v1/sign_in', { login_token: tokenOf(late.json) });
    assert.equal(r.status, 410);
    assert.equal(r.json.error.code, 'expired');
  });

  test('an unknown token is 410 expired, a malformed body 400', async () => {
    const c = t.client();
    assert.equal((await c.post('/v1/sign_in', { login_token: 'x'.repeat(43) })).status, 410);
    const both = await c.post('/v1/sign_in', { login_token: 'a', email: 'a@b.c' });
    assert.equal(both.status, 400);
    const extra = await c.post('/v1/sign_in', { account: t.live.id });
    assert.equal(extra.status, 400);
    assert.equal(extra.json.error.code, 'parameter_unknown');
    assert.equal(extra.json.error.param, 'account');
  });

  test('a live-mode account’s link starts an SMS challenge: 6 digits to its phone, hint of its last four digits', async () => {
    const { step } = await liveChallenge();
    assert.equal(step.code_length, 6);
    assert.equal(step.livemode, true);
    assert.equal(step.phone_hint, `•••• ${t.live.phone.slice(-4)}`);
    assert.equal(step.resend_after, Math.ceil((t.clock.now() + 30_000) / 1000));
    assert.match(latestCode(t.outbox, t.live.phone), /^\d{6}$/);
    // The code is stored only as a keyed hash.
    const [row] = await t.sql('SELECT * FROM sign_in_challenges WHERE id = ?', [step.challenge_id]);
    assert.ok(!JSON.stringify(row).includes(latestCode(t.outbox, t.live.phone)));
    assert.equal(row.code_hash.length, 32);
  });
});

describe('SMS codes', () => {
  test('the right code signs in and sets the session; the code cannot be used twice', async () => {
    const { client, step } = await liveChallenge();
    const code = latestCode(t.outbox, t.live.phone);
    const r = await client.post(`/v1/sign_in/${step.challenge_id}/verify`, { code });
    assert.equal(r.status, 200);
    assert.deepEqual(r.json, { status: 'signed_in', redirect_url: '/dashboard' });
    assert.equal((await client.get('/v1/account')).json.id, t.live.id);
    const again = await t.client().post(`/v1/sign_in/${step.challenge_id}/verify`, { code });
    assert.equal(again.status, 410);
  });

  test('a code expires ten minutes after it was sent (injected clock)', async () => {
    const { client, step } = await liveChallenge();
    const code = latestCode(t.outbox, t.live.phone);
    t.clock.advance(10 * 60_000);
    const r = await client.post(`/v1/sign_in/${step.challenge_id}/verify`, { code });
    assert.equal(r.status, 410);
    assert.equal(r.json.error.code, 'expired');
    assert.equal(client.cookies.size, 0);
  });

  test('five wrong codes lock the challenge, even against the right code afterwards', async () => {
    const { client, step } = await liveChallenge();
    const code = latestCode(t.outbox, t.live.phone);
    const wrong = code === '000000' ? '000001' : '000000';
    for (let left = 4; left >= 1; left--) {
      const r = await client.post(`/v1/sign_in/${step.challenge_id}/verify`, { code: wrong });
      assert.equal(r.status, 400);
      assert.equal(r.json.error.code, 'invalid_code');
      assert.equal(r.json.error.param, 'code');
      assert.equal(r.json.error.attempts_remaining, left);
    }
    const fifth = await client.post(`/v1/sign_in/${step.challenge_id}/verify`, { code: 'abc' });
    assert.equal(fifth.status, 403);
    assert.equal(fifth.json.error.code, 'too_many_attempts');
    const right = await client.post(`/v1/sign_in/${step.challenge_id}/verify`, { code });
    assert.equal(right.status, 403);
    assert.equal(right.json.error.code, 'too_many_attempts');
    assert.equal((await client.post(`/v1/sign_in/${step.challenge_id}/resend`, {})).status, 403);
    assert.equal(client.cookies.size, 0);
  });

  test('a new code no sooner than 30 s after the last (429 with Retry-After); the old code then stops working', async () => {
    const { client, step } = await liveChallenge();
    const old = latestCode(t.outbox, t.live.phone);
    t.clock.advance(10_000);
    const early = await client.post(`/v1/sign_in/${step.challenge_id}/resend`, {});
    assert.equal(early.status, 429);
    assert.equal(early.json.error.code, 'rate_limited');
    assert.equal(early.headers.get('retry-after'), '20');
    t.clock.advance(20_000);
    const r = await client.post(`/v1/sign_in/${step.challenge_id}/resend`, {});
    assert.equal(r.status, 200, r.text);
    assert.equal(r.json.challenge_id, step.challenge_id);
    assert.equal(r.json.resend_after, Math.ceil((t.clock.now() + 30_000) / 1000));
    const fresh = latestCode(t.outbox, t.live.phone);
    if (fresh !== old) {
      const stale = await client.post(`/v1/sign_in/${step.challenge_id}/verify`, { code: old });
      assert.equal(stale.json.error.code, 'invalid_code');
    }
    assert.equal((await client.post(`/v1/sign_in/${step.challenge_id}/verify`, { code: fresh })).json.status, 'signed_in');
  });

  test('at most 5 SMS per account in 30 minutes: the sixth is 429 with Retry-After until the oldest leaves the window', async () => {
    const account = t.other;
    const { client, step } = await liveChallenge(account); // SMS 1 at time 0
    for (let i = 2; i <= 5; i++) {
      t.clock.advance(30_000);
      assert.equal((await client.post(`/v1/sign_in/${step.challenge_id}/resend`, {})).status, 200); // SMS i at (i-1) * 30 s
    }
    t.clock.advance(30_000); // 2 minutes after the first
    const sixth = await client.post(`/v1/sign_in/${step.challenge_id}/resend`, {});
    assert.equal(sixth.status, 429);
    assert.equal(sixth.json.error.code, 'rate_limited');
    assert.equal(sixth.headers.get('retry-after'), String(30 * 60 - 150)); // the first SMS leaves the window
    // A new login link does not get around it, and is not used up by trying.
    const link = await createLoginLink(t, account.id);
    const viaLink = await t.client().post('/v1/sign_in', { login_token: tokenOf(link.json) });
    assert.equal(viaLink.status, 429);
    assert.ok(Number(viaLink.headers.get('retry-after')) > 0);
    // Nor does direct sign-in by email.
    assert.equal((await t.client().post('/v1/sign_in', { email: account.email })).status, 429);
    t.clock.advance(1650_000);
    const later = await createLoginLink(t, account.id);
    assert.equal((await t.client().post('/v1/sign_in', { login_token: tokenOf(later.json) })).status, 200);
  });

  test('unknown challenge ids are 404 not_found', async () => {
    const r = await t.client().post('/v1/sign_in/sic_doesnotexist/verify', { code: '123456' });
    assert.equal(r.status, 404);
    assert.equal(r.json.error.code, 'resource_missing');
  });
});

describe('direct sign-in by email', () => {
  /** The answer with the parts that must differ between any two challenges blanked out. */
  const shape = (r) => ({
    status: r.status,
    keys: Object.keys(r.json).sort(),
    json: { ...r.json, challenge_id: r.json.challenge_id?.replace(/[A-Za-z0-9]/g, 'x'), phone_hint: r.json.phone_hint?.replace(/\d/g, '9') },
    cookies: r.setCookies.length,
    contentType: r.headers.get('content-type'),
  });

  test('a live-mode account’s email starts an SMS challenge to its phone', async () => {
    t.clock.advance(31 * 60_000);
    const c = t.client();
    const r = await c.post('/v1/sign_in', { email: t.live.email.toUpperCase() });
    assert.equal(r.status, 200);
    assert.equal(r.json.phone_hint, `•••• ${t.live.phone.slice(-4)}`);
    const v = await c.post(`/v1/sign_in/${r.json.challenge_id}/verify`, { code: latestCode(t.outbox, t.live.phone) });
    assert.equal(v.json.status, 'signed_in');
  });

  test('no enumeration: an unknown email gets the same answer, the same waits and caps and the same wrong-code answers', async () => {
    t.clock.advance(24 * 3600_000 + 60_000); // a new day for every count
    const sent = t.outbox.outbox().length;
    const known = await t.client().post('/v1/sign_in', { email: t.other.email });
    const unknown = await t.client().post('/v1/sign_in', { email: 'nobody.here@example.com' });
    const testMode = await t.client().post('/v1/sign_in', { email: t.test.email }); // test mode signs in by link only
    assert.deepEqual(shape(unknown), shape(known));
    assert.deepEqual(shape(testMode), shape(known));
    assert.equal(t.outbox.outbox().length, sent + 1, 'only the real account got an SMS');
    const same = (k, u) => assert.deepEqual({ s: u.status, b: u.json, r: u.headers.get('retry-after') }, { s: k.status, b: k.json, r: k.headers.get('retry-after') });
    // A second code by email at once: the same wait for both (case does not matter).
    const k2 = await t.client().post('/v1/sign_in', { email: t.other.email.toUpperCase() });
    const u2 = await t.client().post('/v1/sign_in', { email: 'Nobody.Here@example.com' });
    assert.equal(k2.status, 429);
    same(k2, u2);
    // Wrong codes: identical answers.
    const wrongKnown = await t.client().post(`/v1/sign_in/${known.json.challenge_id}/verify`, { code: '123456' });
    const wrongUnknown = await t.client().post(`/v1/sign_in/${unknown.json.challenge_id}/verify`, { code: '123456' });
    assert.deepEqual({ s: wrongUnknown.status, b: wrongUnknown.json }, { s: wrongKnown.status, b: wrongKnown.json });
    // After each wait (1, 2, 4, 8, 16 minutes) one more code, for both; the unknown email's hint is stable.
    for (const minutes of [1, 2, 4, 8, 16]) {
      t.clock.advance(minutes * 60_000);
      const k = await t.client().post('/v1/sign_in', { email: t.other.email });
      const u = await t.client().post('/v1/sign_in', { email: 'Nobody.Here@example.com' });
      assert.equal(k.status, 200, `after ${minutes} min`);
      assert.deepEqual(shape(u), shape(k));
      assert.equal(u.json.phone_hint, unknown.json.phone_hint);
    }
    // Six codes by email today: the seventh is refused until the first is a day old, the same for both.
    t.clock.advance(60 * 60_000);
    const k = await t.client().post('/v1/sign_in', { email: t.other.email });
    const u = await t.client().post('/v1/sign_in', { email: 'nobody.here@example.com' });
    assert.equal(k.status, 429);
    same(k, u);
  });
});

describe('the login page (issue 15, section 3)', () => {
  test('it links back to the platform (platform-url) and tells its script whether the visitor is signed in', async () => {
    const c = t.client();
    const loggedOut = (await c.get('/login', { headers: { accept: 'text/html' } })).text;
    assert.match(loggedOut, /<express-login platform-name="Lumen Rides" platform-url="\/">/, 'development: back to the demo platform site');
    assert.doesNotMatch(loggedOut, /data-signed-in/);
    const link = await createLoginLink(t, t.test.id);
    assert.equal((await c.post('/v1/sign_in', { login_token: tokenOf(link.json) })).json.status, 'signed_in');
    const signedIn = (await c.get('/login', { headers: { accept: 'text/html' } })).text;
    // The page's script sends the visitor on with location.replace (server/web/login.ts), unless the
    // fragment holds a login link's token, which the server cannot see.
    assert.match(signedIn, /<body class="express-page" data-signed-in="">/);
    // Links open the login page with the token in the fragment.
    assert.match(link.json.url, /\/login#login_token=[A-Za-z0-9_-]{43}$/);
  });

  test('PLATFORM_URL sets the link back; production has none unless it is set', async () => {
    const base = { storage: t.storage, secret: Buffer.alloc(32, 7), secretKeys: [t.keys.live], mode: 'production', publicUrl: 'https://dashboard.example.com', smsSender: { name: 'gateway', send: async () => {} }, log: () => {} };
    const page = async (o) => {
      const srv = await t.m.createServer({ ...base, ...o });
      try {
        return (await srv.app.inject({ method: 'GET', url: '/login', headers: { host: 'dashboard.example.com' } })).body;
      } finally {
        await srv.close();
      }
    };
    assert.match(await page({ platformUrl: 'https://lumen.example/drivers?a=1&b=2' }), /platform-url="https:\/\/lumen\.example\/drivers\?a=1&amp;b=2"/);
    assert.doesNotMatch(await page({}), /platform-url/);
    const env = { NODE_ENV: 'production', SERVER_SECRET: 'x'.repeat(32), PLATFORM_SECRET_KEYS: t.keys.live, SMS_WEBHOOK_URL: 'https://sms.example/send', PUBLIC_URL: 'https://dashboard.example.com' };
    assert.equal(t.m.configFromEnv({ ...env, PLATFORM_URL: 'https://lumen.example/' }, '.').platformUrl, 'https://lumen.example/');
    assert.equal(t.m.configFromEnv(env, '.').platformUrl, undefined);
  });
});

// Several instances on one PostgreSQL: two (and, for shutting down, a third) reference servers,
// each a process of its own started as `npm start` starts it, on one database. What one records
// reaches the other's streams; a login link or an SMS code is spent once however the two are
// raced; SMS allowances and rate limits are counted in the database; a sign-out on one ends the
// session's streams on the other at once; each answers /healthz and /readyz; SIGTERM drains.
// PostgreSQL only (npm test runs the server suite on a PostgreSQL cluster too).
import assert from 'node:assert/strict';
import { randomBytes } from 'node:crypto';
import { after, before, describe, test } from 'node:test';
import { Client, ENGINE, createPgDatabase, openEvents, secretKey, serverModule, startInstance, tokenOf } from './helpers.mjs';

const skip = ENGINE !== 'postgres' && 'several instances share a PostgreSQL database: run with EXPRESS_TEST_PG_URL (npm test does)';

let m;
let db;
let seeded;
let keys;
let env;
/** The two instances. */
let A;
let B;

before(async () => {
  if (skip) return;
  m = await serverModule();
  db = await createPgDatabase();
  const storage = await m.openStorage({ url: db.url });
  seeded = await m.seedDatabase(storage.db, { accounts: 4, months: 1 }); // live, test, live, live
  await storage.close();
  keys = { test: secretKey('test'), live: secretKey('live') };
  env = {
    DATABASE_URL: db.url,
    DATABASE_POOL_SIZE: '4',
    SERVER_SECRET: randomBytes(32).toString('hex'), // shared: a code sent by one is checked by the other
    PLATFORM_SECRET_KEYS: `${keys.test},${keys.live}`,
    SSE_HEARTBEAT_MS: '600000', // ten minutes: no stream here ends by a heartbeat's check
    TRUST_PROXY: 'loopback', // X-Forwarded-For (from the test, a loopback peer) gives each rate-limit test a client of its own
    NODE_ENV: 'development',
  };
  [A, B] = await Promise.all([startInstance(env), startInstance(env)]);
});

after(async () => {
  await Promise.all([A?.stop(), B?.stop()]);
  await db?.drop();
});

/** A client of its own (its own IP, through X-Forwarded-For: the per-IP limits count per test client). */
let clients = 0;
function client(instance, ip) {
  clients++;
  return new Client(instance.origin, { headers: { 'X-Forwarded-For': ip ?? `10.${(clients >> 8) & 255}.${clients & 255}.1` } });
}

const testAccount = () => seeded.find((a) => !a.livemode);
const liveAccounts = () => seeded.filter((a) => a.livemode);

/** A fresh login link of the account, from the platform API of `instance`. */
async function loginLink(instance, account) {
  const res = await fetch(`${instance.origin}/v1/accounts/${encodeURIComponent(account.id)}/login_links`, {
    method: 'POST',
    headers: { Authorization: `Bearer ${account.livemode ? keys.live : keys.test}` },
  });
  assert.equal(res.status, 200);
  return tokenOf(await res.json());
}

/** The code of the newest SMS to `phone` in the development outbox of `instance`. */
async function codeFrom(instance, phone) {
  const outbox = (await (await fetch(`${instance.origin}/dev/sms.json`)).json()).data;
  const sms = outbox.find((e) => e.to === phone);
  assert.ok(sms, `an SMS to ${phone} from ${instance.origin}`);
  return /\b(\d{6})\b/.exec(sms.body)[1];
}

/** A client signed in to `instance` as the test-mode account (no SMS). */
async function signedIn(instance) {
  const c = client(instance);
  const r = await c.post('/v1/sign_in', { login_token: await loginLink(instance, testAccount()) });
  assert.equal(r.json?.status, 'signed_in', r.text);
  return c;
}

/** The same session (its cookie) as `client`, on another instance. */
function sameSession(client, instance) {
  const c = new Client(instance.origin, { headers: client.headers });
  c.cookies = new Map(client.cookies);
  return c;
}

describe('several instances on one PostgreSQL', { skip }, () => {
  test('both are healthy and ready, with every migration applied', async () => {
    for (const instance of [A, B]) {
      const health = await fetch(`${instance.origin}/healthz`);
      assert.equal(health.status, 200);
      assert.deepEqual(await health.json(), { status: 'ok' });
      const ready = await fetch(`${instance.origin}/readyz`);
      assert.equal(ready.status, 200);
      const body = await ready.json();
      assert.equal(body.status, 'ready');
      assert.equal(body.migrations.applied, body.migrations.expected);
      assert.equal(body.migrations.expected, Math.max(...m.POSTGRES_MIGRATIONS.map((x) => x.version)));
    }
  });

  test('a session made on A works on B', async () => {
    const a = await signedIn(A);
    const b = sameSession(a, B);
    const r = await b.get('/v1/account');
    assert.equal(r.status, 200);
    assert.equal(r.json.id, testAccount().id);
  });

  test('a payment made through A reaches a stream held on B, once, then its balance', async () => {
    const a = await signedIn(A);
    const stream = await openEvents(sameSession(a, B));
    try {
      assert.equal(stream.status, 200);
      assert.equal((await stream.next()).retry, 3000);
      const payment = (await a.post('/dev/payments', { amount: 2345 })).json;
      const created = await stream.nextEvent();
      assert.equal(created.event.type, 'balance_transaction.created');
      assert.equal(created.event.data.id, payment.id);
      const updated = await stream.nextEvent();
      assert.equal(updated.event.type, 'balance.updated');
      assert.equal(updated.id, created.id + 1);
      assert.deepEqual(updated.event.data, (await a.get('/v1/balance')).json);
      // And nothing else: the next event is the next payment's.
      const next = (await a.post('/dev/payments', { amount: 1 })).json;
      assert.equal((await stream.nextEvent()).event.data.id, next.id);
    } finally {
      stream.close();
    }
  });

  test('Last-Event-ID replays on A what was recorded through B while the stream was away', async () => {
    const b = await signedIn(B);
    const first = await openEvents(b);
    await first.next();
    await b.post('/dev/payments', { amount: 100 });
    const seen = await first.nextEvent();
    await first.nextEvent();
    first.close();
    const missed = [(await b.post('/dev/payments', { amount: 200 })).json.id, (await b.post('/dev/payments', { amount: 300 })).json.id];
    for (const how of ['header', 'query']) {
      const a = sameSession(b, A);
      const resumed =
        how === 'header'
          ? await openEvents(a, { lastEventId: seen.id + 1 })
          : await openEvents(a, { path: `/v1/events?last_event_id=${seen.id + 1}` });
      try {
        const replay = [await resumed.nextEvent(), await resumed.nextEvent(), await resumed.nextEvent(), await resumed.nextEvent()];
        assert.deepEqual(replay.map((x) => x.event.type), ['balance_transaction.created', 'balance.updated', 'balance_transaction.created', 'balance.updated'], how);
        assert.deepEqual([replay[0].event.data.id, replay[2].event.data.id], missed, how);
      } finally {
        resumed.close();
      }
    }
  });

  test('the same login link redeemed on A and B at the same moment signs in exactly once', async () => {
    for (let i = 0; i < 8; i++) {
      const token = await loginLink(i % 2 ? A : B, testAccount());
      const [ra, rb] = await Promise.all([client(A).post('/v1/sign_in', { login_token: token }), client(B).post('/v1/sign_in', { login_token: token })]);
      assert.deepEqual([ra.status, rb.status].sort(), [200, 410], `round ${i}: ${ra.text} ${rb.text}`);
      const winner = ra.status === 200 ? ra : rb;
      assert.equal(winner.json.status, 'signed_in');
      assert.equal((ra.status === 410 ? ra : rb).json.error.code, 'expired');
    }
  });

  test('the same SMS code verified on A and B at the same moment signs in exactly once', async () => {
    const account = liveAccounts()[1];
    for (let i = 0; i < 3; i++) {
      const started = await client(A).post('/v1/sign_in', { login_token: await loginLink(A, account) });
      assert.equal(started.json.status, 'code_sent', started.text);
      const code = await codeFrom(A, account.phone);
      const path = `/v1/sign_in/${started.json.challenge_id}/verify`;
      const [ra, rb] = await Promise.all([client(A).post(path, { code }), client(B).post(path, { code })]);
      assert.deepEqual([ra.status, rb.status].sort(), [200, 410], `round ${i}: ${ra.text} ${rb.text}`);
      const loser = ra.status === 410 ? ra : rb;
      assert.equal(loser.json.error.code, 'expired');
      assert.equal(loser.setCookies.length, 0, 'no session for the loser');
    }
  });

  test('wrong codes are counted across instances: the fifth locks the challenge wherever it is sent', async () => {
    const account = liveAccounts()[1];
    const started = await client(B).post('/v1/sign_in', { login_token: await loginLink(B, account) });
    assert.equal(started.json.status, 'code_sent', started.text);
    const path = `/v1/sign_in/${started.json.challenge_id}/verify`;
    const answers = await Promise.all([A, B, A, B, A].map((instance) => client(instance).post(path, { code: '000000' })));
    const remaining = answers.filter((r) => r.status === 400).map((r) => r.json.error.attempts_remaining).sort();
    assert.deepEqual(remaining, [1, 2, 3, 4], 'each wrong code counted once');
    assert.equal(answers.filter((r) => r.status === 403).length, 1);
    const code = await codeFrom(B, account.phone);
    assert.equal((await client(A).post(path, { code })).status, 403, 'locked on A too');
  });

  test('the SMS allowance is counted in the database: five codes through A and B, the sixth refused on either', async () => {
    const account = liveAccounts()[0];
    for (let i = 0; i < 5; i++) {
      const instance = i % 2 ? B : A;
      const r = await client(instance).post('/v1/sign_in', { login_token: await loginLink(instance, account) });
      assert.equal(r.json?.status, 'code_sent', `code ${i + 1}: ${r.text}`);
    }
    for (const instance of [A, B]) {
      const r = await client(instance).post('/v1/sign_in', { login_token: await loginLink(instance, account) });
      assert.equal(r.status, 429, r.text);
      assert.ok(Number(r.headers.get('retry-after')) > 0);
    }
  });

  test('twelve codes asked for at the same moment through A and B: five sent, the others refused', async () => {
    const account = liveAccounts()[2];
    const instances = Array.from({ length: 12 }, (_, i) => (i % 2 ? B : A));
    const tokens = await Promise.all(instances.map((instance) => loginLink(instance, account)));
    const answers = await Promise.all(instances.map((instance, i) => client(instance).post('/v1/sign_in', { login_token: tokens[i] })));
    const statuses = answers.map((r) => r.status);
    assert.equal(statuses.filter((x) => x === 200).length, 5, answers.map((r) => r.text).join('\n'));
    assert.equal(statuses.filter((x) => x === 429).length, 7);
  });

  test('a rate limit reached through A holds on B', async () => {
    // One client (its own IP through X-Forwarded-For) on the sign-in routes, limited per minute.
    for (let attempt = 0; ; attempt++) {
      const ip = `203.0.113.${10 + attempt}`;
      const limited = (instance) => client(instance, ip);
      const window = Math.floor(Date.now() / 60_000);
      let sent = 0;
      let r;
      do {
        r = await limited(A).post('/v1/sign_in', { email: `nobody${sent}@example.com` });
        sent++;
      } while (r.status === 200 && sent < 100);
      assert.equal(r.status, 429, `A limits after ${sent} requests`);
      const onB = await limited(B).post('/v1/sign_in', { email: 'someone@example.com' });
      // A new minute may have begun in between (the limits count per minute): then once more.
      if (onB.status !== 429 && Math.floor(Date.now() / 60_000) !== window && attempt === 0) continue;
      assert.equal(onB.status, 429, onB.text);
      assert.equal(onB.json.error.code, 'rate_limited');
      assert.ok(Number(onB.headers.get('retry-after')) > 0);
      const other = await client(B).post('/v1/sign_in', { email: 'someone@example.com' });
      assert.equal(other.status, 200, 'another client is not limited');
      break;
    }
  });

  test('signing out through A ends the session on B, and its stream there at once (not at a heartbeat)', async () => {
    const a = await signedIn(A);
    const b = sameSession(a, B);
    const other = sameSession(await signedIn(B), B); // another session of the same account
    const stream = await openEvents(b);
    const otherStream = await openEvents(other);
    try {
      await stream.next();
      await otherStream.next();
      assert.equal((await a.post('/v1/sign_out')).status, 200);
      assert.equal(await stream.next((x) => x.event !== undefined), null, 'B closed the stream');
      assert.equal((await b.get('/v1/account')).status, 401);
      // The other session goes on.
      await other.post('/dev/payments', { amount: 5 });
      assert.equal((await otherStream.nextEvent()).event.type, 'balance_transaction.created');
    } finally {
      stream.close();
      otherStream.close();
    }
  });

  test('SIGTERM drains an instance: its streams are told when to come back, it exits 0, the others go on', async () => {
    const C = await startInstance(env);
    const c = await signedIn(C);
    const stream = await openEvents(c);
    await stream.next();
    const code = C.stop('SIGTERM');
    const hint = await stream.next((x) => x.retry !== undefined);
    assert.ok(hint.retry >= 1000 && hint.retry <= 2000, `retry: ${hint.retry}`);
    assert.equal(await stream.next(), null, 'then the stream ends');
    assert.equal(await code, 0, C.output());
    const onA = await sameSession(c, A).get('/v1/account');
    assert.equal(onA.status, 200, 'the session lives on in the database');
  });
});

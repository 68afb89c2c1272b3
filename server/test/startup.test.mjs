// Seeding, migrations, production mode, the per-IP rate limit and housekeeping, on the suite's
// engine (SQLite, or PostgreSQL with EXPRESS_TEST_PG_URL).
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, test } from 'node:test';
import { ENGINE, NOW, createLoginLink, createPgDatabase, openTestStorage, secretKey, serverModule, signIn, startTestServer } from './helpers.mjs';

const root = new URL('../..', import.meta.url).pathname;
let m;
let dir;
before(async () => {
  m = await serverModule();
  dir = mkdtempSync(join(tmpdir(), 'express-startup-test-'));
});
after(() => rmSync(dir, { recursive: true, force: true }));

/** Every row of every table, for comparing two databases (rows sorted: the engines keep no order). */
async function dump(db) {
  const tables =
    db.engine === 'postgres'
      ? await db.all("SELECT tablename AS name FROM pg_tables WHERE schemaname = 'public' AND tablename <> 'schema_migrations' ORDER BY tablename")
      : await db.all("SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' AND name <> 'schema_migrations' ORDER BY name");
  const out = {};
  for (const { name } of tables) out[name] = (await db.all(`SELECT * FROM ${name}`)).map((r) => JSON.stringify(r)).sort();
  return out;
}

/** A database for the seed command line: `{ args, env, open(), close() }` (a file, or a PostgreSQL database). */
async function seedTarget(name) {
  if (ENGINE === 'postgres') {
    const { url, drop } = await createPgDatabase();
    return { args: [], env: { ...process.env, DATABASE_URL: url }, open: () => m.openStorage({ url }), close: drop };
  }
  const file = join(dir, `${name}.sqlite`);
  return { args: ['--database', file], env: { ...process.env, DATABASE_URL: '' }, open: () => m.openStorage({ path: file }), close: async () => {} };
}

describe('npm run seed', () => {
  test('is deterministic: the same options and --now give identical databases', async () => {
    const [ta, tb] = [await seedTarget('a'), await seedTarget('b')];
    const run = (target) =>
      spawnSync(process.execPath, ['scripts/seed.mjs', '--accounts', '3', '--months', '2', '--now', String(NOW), ...target.args], {
        cwd: root,
        encoding: 'utf8',
        env: target.env,
      });
    const a = run(ta);
    const b = run(tb);
    assert.equal(a.status, 0, a.stderr);
    assert.equal(b.status, 0, b.stderr);
    assert.match(a.stdout, /live {2}usd/);
    assert.match(a.stdout, /test {2}usd/);
    if (ENGINE === 'postgres') assert.match(a.stdout, /Seeded PostgreSQL postgres:/);
    const da = await ta.open();
    const db = await tb.open();
    try {
      assert.deepEqual(await dump(da.db), await dump(db.db));
      const accounts = await da.db.all(`SELECT id, livemode, phone FROM accounts ORDER BY ${ENGINE === 'postgres' ? 'seq' : 'rowid'}`);
      assert.equal(accounts.length, 3);
      assert.deepEqual(accounts.map((x) => x.livemode), [1, 0, 1]);
      assert.ok(accounts.every((x) => /^\+1202555\d{4}$/.test(x.phone)));
      assert.ok((await da.db.get('SELECT COUNT(*) AS n FROM balance_transactions')).n > 500);
    } finally {
      await da.close();
      await db.close();
      await ta.close();
      await tb.close();
    }
  });

  test('replaces what the database held, and rejects unknown options', async () => {
    const o = await openTestStorage();
    try {
      await m.seedDatabase(o.storage.db, { accounts: 2, months: 1, now: NOW });
      await m.seedDatabase(o.storage.db, { accounts: 1, months: 1, now: NOW });
      assert.equal((await o.storage.db.get('SELECT COUNT(*) AS n FROM accounts')).n, 1);
    } finally {
      await o.close();
    }
    const bad = spawnSync(process.execPath, ['scripts/seed.mjs', '--acounts', '3', '--database', join(dir, 'c.sqlite')], { cwd: root, encoding: 'utf8' });
    assert.equal(bad.status, 1);
    assert.match(bad.stderr, /Unknown option --acounts/);
  });
});

describe('migrations', () => {
  test('a new database gets every migration once, recorded; reopening applies none; a newer database is refused', async () => {
    const o = await openTestStorage();
    const db = o.storage.db;
    try {
      const expected = (ENGINE === 'postgres' ? m.POSTGRES_MIGRATIONS : m.SQLITE_MIGRATIONS).map((x) => x.version);
      const versions = (await db.all('SELECT version FROM schema_migrations ORDER BY version')).map((r) => r.version);
      assert.deepEqual(versions, expected);
      assert.deepEqual(await m.migrate(db), []);
      assert.deepEqual(await o.storage.ready(), { ok: true, database: true, migrations: { applied: Math.max(...expected), expected: Math.max(...expected) } });
      await db.run('INSERT INTO schema_migrations (version, name, applied_at) VALUES (999, ?, 0)', ['from the future']);
      await assert.rejects(m.migrate(db), /migration 999/);
      assert.equal((await o.storage.ready()).ok, false, 'a database ahead of this server is not ready for it');
    } finally {
      await o.close();
    }
  });

  test('a SQLite database of version 2 upgrades in place: its SMS counts become sign_in_counts', async (t) => {
    if (ENGINE !== 'sqlite') return t.skip('SQLite only');
    const file = join(dir, 'v2.sqlite');
    const old = new m.SqliteDb(file);
    assert.deepEqual(await m.migrate(old, m.SQLITE_MIGRATIONS.slice(0, 2)), [1, 2]);
    await old.run('INSERT INTO sms_sends (recipient, sent_ms) VALUES (?, ?)', ['acct_x', 123]);
    await old.close();
    const s = await m.openStorage({ path: file });
    try {
      assert.deepEqual(await s.db.all('SELECT kind, key, at_ms FROM sign_in_counts'), [{ kind: 'sms', key: 'acct_x', at_ms: 123 }]);
      assert.equal((await s.ready()).ok, true);
    } finally {
      await s.close();
    }
  });

  test('a statement on the SQLite database inside one of its own transactions is refused, not left waiting', async (t) => {
    if (ENGINE !== 'sqlite') return t.skip('SQLite only');
    const db = new m.SqliteDb(':memory:');
    try {
      await assert.rejects(
        db.transaction(async () => db.get('SELECT 1 AS one')),
        /inside one of its transactions/,
      );
      assert.deepEqual(await db.get('SELECT 1 AS one'), { one: 1 }, 'and the database goes on');
    } finally {
      await db.close();
    }
  });

  test('instances starting together on one database apply each migration once', async (t) => {
    if (ENGINE !== 'postgres') return t.skip('PostgreSQL only: SQLite serves one process');
    const { url, drop } = await createPgDatabase();
    try {
      const opened = await Promise.all([1, 2, 3].map(() => m.openStorage({ url })));
      const rows = await opened[0].db.all('SELECT version FROM schema_migrations ORDER BY version');
      assert.deepEqual(rows.map((r) => r.version), m.POSTGRES_MIGRATIONS.map((x) => x.version));
      await Promise.all(opened.map((s) => s.close()));
    } finally {
      await drop();
    }
  });
});

describe('production mode', () => {
  let opened;
  before(async () => {
    opened = await openTestStorage();
  });
  after(() => opened.close());
  const base = () => ({ storage: opened.storage, secret: randomBytes(32), secretKeys: [secretKey('live')] });

  test('refuses to start without a real SMS sender (none, or the development outbox)', async () => {
    await assert.rejects(m.createServer({ ...base(), mode: 'production' }), /real SMS sender/);
    await assert.rejects(m.createServer({ ...base(), mode: 'production', smsSender: new m.DevelopmentSmsSender() }), /real SMS sender/);
  });

  test('from the environment: refuses without its secrets; with them, has no /dev or demo routes', async () => {
    assert.throws(() => m.configFromEnv({ NODE_ENV: 'production' }, dir), /SMS_WEBHOOK_URL/);
    const env = {
      NODE_ENV: 'production',
      SERVER_SECRET: 'x'.repeat(40),
      PLATFORM_SECRET_KEYS: secretKey('live'),
      SMS_WEBHOOK_URL: 'https://sms.example.com/send',
      PUBLIC_URL: 'https://dashboard.example.com',
    };
    const config = m.configFromEnv(env, dir);
    assert.equal(config.mode, 'production');
    const sent = [];
    const sender = { name: 'test gateway', send: async (msg) => void sent.push(msg) };
    const server = await m.createServer({ ...base(), mode: 'production', smsSender: sender, publicUrl: config.publicUrl });
    const host = 'dashboard.example.com'; // production answers only PUBLIC_URL's host
    try {
      for (const path of ['/dev/sms', '/dev/sms.json', '/', '/demo/']) {
        assert.equal((await server.app.inject({ method: 'GET', url: path, headers: { host } })).statusCode, 404, path);
      }
      const pay = await server.app.inject({ method: 'POST', url: '/dev/payments', headers: { host, origin: config.publicUrl } });
      assert.equal(pay.statusCode, 404);
      assert.equal((await server.app.inject({ method: 'GET', url: '/login', headers: { host } })).statusCode, 200);
    } finally {
      await server.close();
    }
  });

  test('WEBHOOK_URL and WEBHOOK_SECRET: both or neither, the secret a whsec_…', () => {
    const env = { WEBHOOK_URL: 'http://127.0.0.1:9999/stripe/webhook', WEBHOOK_SECRET: 'whsec_0123456789abcdef' };
    assert.deepEqual(m.configFromEnv(env, dir).webhooks, { url: env.WEBHOOK_URL, secret: env.WEBHOOK_SECRET });
    assert.equal(m.configFromEnv({}, dir).webhooks, undefined);
    assert.throws(() => m.configFromEnv({ WEBHOOK_URL: env.WEBHOOK_URL }, dir), /WEBHOOK_SECRET/);
    assert.throws(() => m.configFromEnv({ ...env, WEBHOOK_SECRET: 'sk_test_123' }, dir), /whsec_/);
  });

  test('rate limits from the environment: defaults, both numbers, RATE_LIMIT_PER_MINUTE=0 turns them off, nonsense refused', () => {
    assert.deepEqual(m.configFromEnv({}, dir).rateLimit, { max: 600, signInMax: 30 });
    assert.deepEqual(m.configFromEnv({ RATE_LIMIT_PER_MINUTE: '120', SIGN_IN_RATE_LIMIT_PER_MINUTE: '5' }, dir).rateLimit, { max: 120, signInMax: 5 });
    assert.equal(m.configFromEnv({ RATE_LIMIT_PER_MINUTE: '0' }, dir).rateLimit, false);
    assert.throws(() => m.configFromEnv({ RATE_LIMIT_PER_MINUTE: '-1' }, dir), /RATE_LIMIT_PER_MINUTE/);
    assert.throws(() => m.configFromEnv({ RATE_LIMIT_PER_MINUTE: 'lots' }, dir), /RATE_LIMIT_PER_MINUTE/);
    assert.throws(() => m.configFromEnv({ SIGN_IN_RATE_LIMIT_PER_MINUTE: '0' }, dir), /SIGN_IN_RATE_LIMIT_PER_MINUTE/);
  });

  test('the webhook SMS sender posts { to, body } with its token and fails on an error status', async () => {
    const calls = [];
    const fetchStub = async (url, init) => {
      calls.push({ url, init });
      return new Response('', { status: calls.length === 1 ? 200 : 502 });
    };
    const s = new m.WebhookSmsSender({ url: 'https://sms.example.com/send', token: 'tok', fetch: fetchStub });
    await s.send({ to: '+12025550101', body: '123456 is your code' });
    assert.equal(calls[0].init.headers.Authorization, 'Bearer tok');
    assert.deepEqual(JSON.parse(calls[0].init.body), { to: '+12025550101', body: '123456 is your code' });
    await assert.rejects(s.send({ to: '+1', body: 'x' }), /502/);
    assert.throws(() => new m.WebhookSmsSender({ url: 'http://sms.example.com/send' }), /https/);
  });
});

describe('per-IP rate limit', () => {
  test('past the sign-in limit: 429, Stripe-shaped, with Retry-After', async () => {
    const t = await startTestServer({ months: 0, server: { rateLimit: { max: 1000, signInMax: 3 } } });
    try {
      const c = t.client();
      for (let i = 0; i < 3; i++) assert.equal((await c.post('/v1/sign_in', { email: `x${i}@example.com` })).status, 200);
      const r = await c.post('/v1/sign_in', { email: 'y@example.com' });
      assert.equal(r.status, 429);
      assert.equal(r.json.error.code, 'rate_limited');
      assert.equal(r.json.error.type, 'invalid_request_error');
      assert.ok(Number(r.headers.get('retry-after')) > 0);
    } finally {
      await t.close();
    }
  });
});

describe('housekeeping', () => {
  test('pruneExpired deletes spent sessions, links, challenges and SMS records, and keeps live ones', async () => {
    const t = await startTestServer({ months: 0 });
    try {
      const old = t.client();
      await signIn(t, old, t.live);
      await createLoginLink(t, t.test.id);
      t.clock.advance(2 * 86_400_000);
      const fresh = t.client();
      await signIn(t, fresh, t.test);
      const count = async (table) => (await t.sql(`SELECT COUNT(*) AS n FROM ${table}`))[0].n;
      assert.equal(await count('sessions'), 2);
      assert.ok((await m.pruneExpired(t.server.ctx)) >= 4);
      assert.equal(await count('sessions'), 1);
      assert.equal(await count('sign_in_challenges'), 0);
      assert.equal(await count('sign_in_counts'), 0);
      assert.equal(await count('login_links'), 1, 'the fresh link stays');
      assert.equal((await fresh.get('/v1/account')).status, 200);
    } finally {
      await t.close();
    }
  });
});

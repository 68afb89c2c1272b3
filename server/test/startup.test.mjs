// Seeding, migrations, production mode and the per-IP rate limit.
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, test } from 'node:test';
import { NOW, createLoginLink, secretKey, serverModule, signIn, startTestServer } from './helpers.mjs';

const root = new URL('../..', import.meta.url).pathname;
let m;
let dir;
before(async () => {
  m = await serverModule();
  dir = mkdtempSync(join(tmpdir(), 'express-startup-test-'));
});
after(() => rmSync(dir, { recursive: true, force: true }));

/** Every row of every table, for comparing two databases. */
function dump(db) {
  const tables = db.prepare("SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' AND name <> 'schema_migrations' ORDER BY name").all();
  return Object.fromEntries(tables.map(({ name }) => [name, db.prepare(`SELECT * FROM ${name} ORDER BY rowid`).all()]));
}

describe('npm run seed', () => {
  test('is deterministic: the same options and --now give identical databases', () => {
    const run = (file) =>
      spawnSync(process.execPath, ['scripts/seed.mjs', '--accounts', '3', '--months', '2', '--now', String(NOW), '--database', file], {
        cwd: root,
        encoding: 'utf8',
      });
    const a = run(join(dir, 'a.sqlite'));
    const b = run(join(dir, 'b.sqlite'));
    assert.equal(a.status, 0, a.stderr);
    assert.equal(b.status, 0, b.stderr);
    assert.match(a.stdout, /live {2}usd/);
    assert.match(a.stdout, /test {2}usd/);
    const da = m.openDatabase(join(dir, 'a.sqlite'));
    const db = m.openDatabase(join(dir, 'b.sqlite'));
    try {
      assert.deepEqual(dump(da), dump(db));
      const accounts = da.prepare('SELECT id, livemode, phone FROM accounts ORDER BY rowid').all();
      assert.equal(accounts.length, 3);
      assert.deepEqual(accounts.map((x) => x.livemode), [1, 0, 1]);
      assert.ok(accounts.every((x) => /^\+1202555\d{4}$/.test(x.phone)));
      assert.ok(da.prepare('SELECT COUNT(*) AS n FROM balance_transactions').get().n > 500);
    } finally {
      da.close();
      db.close();
    }
  });

  test('replaces what the database held, and rejects unknown options', () => {
    const file = join(dir, 'c.sqlite');
    const db = m.openDatabase(file);
    m.seedDatabase(db, { accounts: 2, months: 1, now: NOW });
    m.seedDatabase(db, { accounts: 1, months: 1, now: NOW });
    assert.equal(db.prepare('SELECT COUNT(*) AS n FROM accounts').get().n, 1);
    db.close();
    const bad = spawnSync(process.execPath, ['scripts/seed.mjs', '--acounts', '3', '--database', file], { cwd: root, encoding: 'utf8' });
    assert.equal(bad.status, 1);
    assert.match(bad.stderr, /Unknown option --acounts/);
  });
});

describe('migrations', () => {
  test('a new database gets every migration once; reopening applies none; a newer database is refused', () => {
    const file = join(dir, 'm.sqlite');
    const db = m.openDatabase(file);
    const versions = db.prepare('SELECT version FROM schema_migrations').all().map((r) => r.version);
    assert.deepEqual(versions, m.MIGRATIONS.map((x) => x.version));
    assert.deepEqual(m.migrate(db), []);
    db.prepare('INSERT INTO schema_migrations (version, name, applied_at) VALUES (999, ?, 0)').run('from the future');
    db.close();
    assert.throws(() => m.openDatabase(file), /migration 999/);
  });
});

describe('production mode', () => {
  const base = () => ({ db: m.openDatabase(':memory:'), secret: randomBytes(32), secretKeys: [secretKey('live')] });

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
      const count = (table) => t.db.prepare(`SELECT COUNT(*) AS n FROM ${table}`).get().n;
      assert.equal(count('sessions'), 2);
      assert.ok(m.pruneExpired(t.server.ctx) >= 4);
      assert.equal(count('sessions'), 1);
      assert.equal(count('sign_in_challenges'), 0);
      assert.equal(count('sms_sends'), 0);
      assert.equal(count('login_links'), 1, 'the fresh link stays');
      assert.equal((await fresh.get('/v1/account')).status, 200);
    } finally {
      await t.close();
    }
  });
});

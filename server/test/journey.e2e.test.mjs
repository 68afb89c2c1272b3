// The whole journey in Debian Chromium (playwright-core), on the real server over loopback with a
// freshly seeded database: the platform's page, its login button, the login page, the SMS code
// read from the development outbox, the dashboard with balance, transactions and chart, and a new
// payment appearing live. Saves docs/screenshots/dashboard.png.
import assert from 'node:assert/strict';
import { randomBytes } from 'node:crypto';
import { existsSync, mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, test } from 'node:test';
import { buildWeb } from '../build.mjs';
import { cents, openTestStorage, secretKey, serverModule, textWhen } from './helpers.mjs';

const CHROME = process.env.CHROME_PATH ?? '/usr/bin/chromium';
const root = new URL('../..', import.meta.url).pathname;
const SCREENSHOT = join(root, 'docs/screenshots/dashboard.png');

let dir;
let opened;
let server;
let origin;
let browser;

before(async () => {
  if (!existsSync(CHROME)) return;
  const m = await serverModule();
  dir = mkdtempSync(join(tmpdir(), 'express-e2e-'));
  const webRoot = await buildWeb({ outDir: join(dir, 'web') });
  opened = await openTestStorage();
  await m.seedDatabase(opened.storage.db, { accounts: 3, months: 24 });
  const keys = { test: secretKey('test'), live: secretKey('live') };
  server = await m.createServer({
    storage: opened.storage,
    secret: randomBytes(32),
    secretKeys: [keys.test, keys.live],
    smsSender: new m.DevelopmentSmsSender({ console: false }),
    webRoot,
    platformDemo: { secretKeys: keys },
    log: (msg, e) => console.error(msg, e),
  });
  origin = await server.listen();
  const { chromium } = await import('playwright-core');
  browser = await chromium.launch({ executablePath: CHROME, args: ['--no-sandbox', '--disable-gpu'] });
});

after(async () => {
  await browser?.close();
  await server?.close();
  await opened?.close();
  if (dir) rmSync(dir, { recursive: true, force: true });
});

test('platform page → login button → SMS code → dashboard → a live payment', { skip: !existsSync(CHROME) && `no Chromium at ${CHROME}` }, async () => {
  const context = await browser.newContext({ viewport: { width: 1280, height: 1500 }, locale: 'en-US', timezoneId: 'America/New_York' });
  const page = await context.newPage();
  const problems = [];
  page.on('pageerror', (e) => problems.push(e.message));

  // 1. The platform's site, signed in as its first (live-mode) driver.
  await page.goto(`${origin}/`);
  await page.getByRole('heading', { name: /Welcome back/ }).waitFor();

  // 2. The button asks the platform's backend for a login link and follows it.
  await page.locator('express-login-button').getByRole('button').click();
  await page.waitForURL(/\/login/);
  // The token left the address bar.
  await page.waitForFunction(() => !location.search.includes('login_token'));

  // 3. The code, read from the development outbox page.
  const login = page.locator('express-login');
  await login.locator('[part~=input]').waitFor();
  const outbox = await context.newPage();
  await outbox.goto(`${origin}/dev/sms`);
  const body = await outbox.locator('.sms-body').first().textContent();
  const code = /\b(\d{6})\b/.exec(body)[1];
  await outbox.close();
  await login.locator('[part~=input]').fill(code);
  const submit = login.locator('[part~=submit]');
  if (await submit.isVisible().catch(() => false)) await submit.click().catch(() => {}); // may have submitted itself when complete
  await page.waitForURL(/\/dashboard$/);

  // 4. The dashboard: balance, transactions and chart from the server's data.
  const api = async (path) => (await page.request.get(`${origin}${path}`)).json();
  const balance = await api('/v1/balance');
  const available = await textWhen(page.locator('express-balance [part~=available]').first(), (s) => /\d/.test(s));
  assert.equal(cents(available), balance.available[0].amount);
  const pending = await textWhen(page.locator('express-balance [part~=pending]').first(), (s) => /\d/.test(s));
  assert.equal(cents(pending), balance.pending[0].amount);

  const firstTxn = (await api('/v1/balance_transactions?limit=1')).data[0];
  const rows = page.locator('express-transactions [part~=row]');
  await rows.first().waitFor();
  assert.equal(await rows.first().getAttribute('data-id'), firstTxn.id);

  await page.locator('express-earnings [part~=svg]').waitFor();
  assert.ok((await page.locator('express-earnings [part~=data-table] [data-start]').count()) > 0);

  // 5. A new payment appears live (Server-Sent Events), at the top of the list.
  const [response] = await Promise.all([
    page.waitForResponse((r) => r.url().endsWith('/dev/payments') && r.request().method() === 'POST'),
    page.locator('#simulate-payment').click(),
  ]);
  const payment = await response.json();
  await page.locator(`express-transactions [part~=row][data-id="${payment.id}"]`).waitFor();
  assert.equal(await rows.first().getAttribute('data-id'), payment.id);
  // ... and the pending balance grows by its net.
  await textWhen(page.locator('express-balance [part~=pending]').first(), (s) => cents(s) === balance.pending[0].amount + payment.net);

  await page.evaluate(() => window.scrollTo(0, 0));
  mkdirSync(join(root, 'docs/screenshots'), { recursive: true });
  await page.screenshot({ path: SCREENSHOT, fullPage: false });
  assert.deepEqual(problems, []);
  await context.close();
});

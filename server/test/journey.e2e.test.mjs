// The whole journey in Debian Chromium (playwright-core), on the real server over loopback with a
// freshly seeded database: the platform's page, its login button, the login page, the SMS code
// read from the development outbox, the dashboard with balance, transactions and chart, a new
// payment appearing live, and a payout's details. Every page is under the server's strict Content
// Security Policy with Trusted Types; not one violation may happen, seen three ways: the page's
// `securitypolicyviolation` events, the console, and the reports the browser POSTs to the
// development endpoint (a deliberate violation at the end proves that endpoint receives them).
// Takes a screenshot of the dashboard: into docs/screenshots/dashboard.png (the README's) with
// UPDATE_SCREENSHOTS=1, else into its temporary folder, so a test run leaves the clone as it was.
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
const UPDATE_SCREENSHOTS = process.env.UPDATE_SCREENSHOTS === '1';

let dir;
let opened;
let server;
let origin;
let browser;
let keys;
let seeded;

before(async () => {
  if (!existsSync(CHROME)) return;
  const m = await serverModule();
  dir = mkdtempSync(join(tmpdir(), 'express-e2e-'));
  const webRoot = await buildWeb({ outDir: join(dir, 'web') });
  opened = await openTestStorage();
  seeded = await m.seedDatabase(opened.storage.db, { accounts: 3, months: 24 });
  keys = { test: secretKey('test'), live: secretKey('live') };
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
  const violations = await watchCsp(context);
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
  await page.waitForFunction(() => !location.href.includes('login_token'));

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

  // 6. The chart's tooltip (positioned through the CSSOM, never a style attribute).
  const plot = page.locator('express-earnings [part~=svg]');
  await plot.scrollIntoViewIfNeeded();
  const box = await plot.boundingBox();
  await page.mouse.move(box.x + box.width * 0.3, box.y + box.height / 2);
  await page.mouse.move(box.x + box.width * 0.9, box.y + box.height / 2);
  await page.locator('express-earnings [part~=tooltip]').waitFor();

  // 7. Payouts: the list, then one payout's details in its dialog.
  const payoutRow = page.locator('express-payouts [part~=row]').first();
  await payoutRow.scrollIntoViewIfNeeded();
  await payoutRow.click();
  await page.locator('express-payouts [part~=dialog] express-payout-details [part~=summary]').waitFor();
  await page.locator('express-payouts [part~=dialog] express-payout-details [part~=reconciliation]').waitFor();
  await page.keyboard.press('Escape');

  await page.evaluate(() => window.scrollTo(0, 0));
  const shots = UPDATE_SCREENSHOTS ? join(root, 'docs/screenshots') : dir;
  mkdirSync(shots, { recursive: true });
  const shot = await page.screenshot({ path: join(shots, 'dashboard.png'), fullPage: false });
  assert.ok(shot.length > 10_000, `the dashboard's screenshot is ${shot.length} bytes`);

  // 8. The in-browser demo pages under the same policy.
  // Each waits until its elements have drawn their data, then lets queued violation events fire.
  const drawn = {
    '/demo/platform.html': 'express-login-button [part~=base]',
    '/demo/login.html': 'express-login [part~=input]',
    '/demo/index.html': 'express-transactions [part~=row]',
  };
  for (const [path, selector] of Object.entries(drawn)) {
    const demo = await context.newPage();
    demo.on('pageerror', (e) => problems.push(`${path}: ${e.message}`));
    await demo.goto(`${origin}${path}`);
    await demo.locator(selector).first().waitFor();
    await demo.evaluate(() => new Promise((r) => setTimeout(r, 0)));
    await demo.close();
  }
  // 9. Signed in, the login page sends the visitor on to the dashboard, and Back does not return to it.
  const again = await context.newPage();
  again.on('pageerror', (e) => problems.push(`signed-in /login: ${e.message}`));
  await again.goto(`${origin}/dashboard`);
  await again.goto(`${origin}/login`);
  await again.waitForURL(/\/dashboard$/);
  await again.locator('express-balance [part~=available]').first().waitFor();
  await again.goBack();
  assert.match(again.url(), /\/dashboard$/, 'Back skips the login page');
  // A login link for another account (the test-mode driver's), opened while signed in: the page
  // asks first; continuing signs that account in instead.
  const other = seeded[1];
  const res = await fetch(`${origin}/v1/accounts/${other.id}/login_links`, { method: 'POST', headers: { Authorization: `Bearer ${keys.test}` } });
  const link = await res.json();
  await again.goto(link.url);
  await again.locator('#switch-account').waitFor();
  assert.equal((await (await again.request.get(`${origin}/v1/account`)).json()).id, seeded[0].id, 'nothing replaced before the answer');
  await again.locator('#switch-continue').click();
  await again.waitForURL(/\/dashboard$/);
  assert.equal((await (await again.request.get(`${origin}/v1/account`)).json()).id, other.id);
  await again.evaluate(() => new Promise((r) => setTimeout(r, 0)));
  await again.close();

  assert.deepEqual(problems, []);
  assert.deepEqual(violations.seen, [], 'no Content Security Policy violation in the pages');
  assert.deepEqual(violations.console, [], 'no Content Security Policy message in the console');

  // 10. A deliberate violation proves the reports reach the server; then none but it came.
  const control = await context.newPage();
  await control.goto(`${origin}/dev/sms?csp-control`);
  await control.evaluate(() => {
    try {
      document.body.innerHTML = '<p>not through a policy</p>'; // Trusted Types: refused
    } catch {
      // expected: TypeError
    }
  });
  let reports = [];
  for (let i = 0; i < 100 && !reports.some((r) => r.document.includes('csp-control')); i++) {
    await new Promise((r) => setTimeout(r, 100));
    reports = (await (await fetch(`${origin}/dev/csp-reports.json`)).json()).data;
  }
  assert.ok(reports.some((r) => r.document.includes('csp-control') && r.directive === 'require-trusted-types-for'), JSON.stringify(reports));
  assert.deepEqual(reports.filter((r) => !r.document.includes('csp-control')), [], 'no report from the journey');
  await context.close();
});

/**
 * Collects the Content Security Policy violations of every page of a context: `seen` from the
 * pages' `securitypolicyviolation` events (through a binding, which no policy can block),
 * `console` from the console's messages about the policy or Trusted Types.
 */
async function watchCsp(context) {
  const out = { seen: [], console: [] };
  await context.exposeBinding('__cspViolation', (_source, v) => out.seen.push(v));
  await context.addInitScript(() => {
    document.addEventListener('securitypolicyviolation', (e) => {
      window.__cspViolation({ directive: e.effectiveDirective, blocked: e.blockedURI, sample: e.sample, page: location.href, source: e.sourceFile, line: e.lineNumber });
    });
  });
  context.on('console', (msg) => {
    if (/Content Security Policy|Trusted ?Type/i.test(msg.text())) out.console.push(msg.text());
  });
  return out;
}

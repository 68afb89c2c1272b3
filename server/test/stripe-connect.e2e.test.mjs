// End to end on Stripe Connect, in Debian Chromium (playwright-core): the dashboard on HttpAdapter
// → a small Express app mounting createExpressApi({ source: stripeSource(...) }) with
// toNodeHandler → the reference server playing Stripe, reached by the official `stripe` client,
// whose signed Connect webhooks come back to the Express app. The balance, the transactions (also
// filtered by category, a type[] request that stripeSource pages over Stripe's single type) and
// the earnings chart show Stripe's data; a payment made on "Stripe" appears live.
import assert from 'node:assert/strict';
import { randomBytes } from 'node:crypto';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { createServer } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, test } from 'node:test';
import express from 'express';
import { buildWeb } from '../build.mjs';
import { cents, listenOn, signIn, startTestServer, stripeClient, textWhen } from './helpers.mjs';

const CHROME = process.env.CHROME_PATH ?? '/usr/bin/chromium';

let t;
let dir;
let ledger;
let api;
let platform;
let origin;
let browser;
const requests = [];

before(async () => {
  if (!existsSync(CHROME)) return;
  t = await startTestServer({ months: 6, now: Math.floor(Date.now() / 1000) });
  ledger = t.client();
  await signIn(t, ledger, t.test);
  dir = mkdtempSync(join(tmpdir(), 'express-stripe-e2e-'));
  const webRoot = await buildWeb({ outDir: join(dir, 'web') });

  // The platform's backend, as the README mounts it on Express.
  const { createExpressApi, stripeSource, toNodeHandler } = t.m.lib;
  const webhookSecret = `whsec_${randomBytes(24).toString('hex')}`;
  api = createExpressApi({
    source: stripeSource({ stripe: await stripeClient(t, 'test'), webhookSecret }),
    accountFor: (request) => /(?:^|; )demo_account=(acct_\w+)/.exec(request.headers.get('cookie') ?? '')?.[1] ?? null,
    basePath: '/api/express',
  });
  const app = express();
  app.use((req, _res, next) => {
    requests.push(req.originalUrl);
    next();
  });
  app.post('/api/stripe/webhook', toNodeHandler((request) => api.webhook(request)));
  app.use(toNodeHandler(api));
  app.use('/assets', express.static(webRoot));
  app.get('/dashboard', (_req, res) =>
    res.type('html').send(`<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Driver earnings</title>
<link rel="stylesheet" href="/assets/pages.css"></head><body class="express-page">
<main class="dashboard-main"><express-dashboard platform-name="Lumen Rides" data-api-base="/api/express"></express-dashboard></main>
<script type="module" src="/assets/dashboard.js"></script></body></html>`),
  );
  platform = createServer(app);
  origin = await listenOn(platform);
  t.server.ctx.webhooks = new t.m.StripeWebhookSender({ url: `${origin}/api/stripe/webhook`, secret: webhookSecret, clock: t.clock, log: (m, e) => console.error(m, e) });

  const { chromium } = await import('playwright-core');
  browser = await chromium.launch({ executablePath: CHROME, args: ['--no-sandbox', '--disable-gpu'] });
});

after(async () => {
  await browser?.close();
  api?.close();
  platform?.closeAllConnections();
  await new Promise((r) => (platform ? platform.close(r) : r()));
  await t?.close();
  if (dir) rmSync(dir, { recursive: true, force: true });
});

test('the dashboard on an Express app over stripeSource, with "Stripe" behind it: data, a category, a live payment', { skip: !existsSync(CHROME) && `no Chromium at ${CHROME}` }, async () => {
  const context = await browser.newContext({ viewport: { width: 1280, height: 1400 }, locale: 'en-US', timezoneId: 'America/Los_Angeles' });
  await context.addCookies([{ name: 'demo_account', value: t.test.id, url: origin }]);
  const page = await context.newPage();
  const problems = [];
  page.on('pageerror', (e) => problems.push(e.message));
  await page.goto(`${origin}/dashboard`);

  // The balance and the newest transactions are Stripe's (the reference server's ledger).
  const balance = (await ledger.get('/v1/balance')).json;
  const available = await textWhen(page.locator('express-balance [part~=available]').first(), (s) => /\d/.test(s));
  assert.equal(cents(available), balance.available[0].amount);
  const newest = (await ledger.get('/v1/balance_transactions?limit=5')).json.data;
  const rows = page.locator('express-transactions [part~=row]');
  await rows.first().waitFor();
  assert.equal(await rows.first().getAttribute('data-id'), newest[0].id);

  // The earnings chart, from /net_volume summed by stripeSource.
  await page.locator('express-earnings [part~=svg]').waitFor();
  assert.ok((await page.locator('express-earnings [part~=data-table] [data-start]').count()) > 0);
  assert.ok(requests.some((u) => u.startsWith('/api/express/net_volume?')));

  // A category is a type[] request: payouts (payout, payout_cancel, payout_failure) over Stripe's single type.
  const payoutIds = (await ledger.get('/v1/balance_transactions?type=payout&limit=10')).json.data.map((x) => x.id);
  await page.locator('express-transactions').evaluate((el) => (el.category = 'payout'));
  await page.waitForFunction((first) => document.querySelector('express-dashboard')?.shadowRoot?.querySelector('express-transactions')?.shadowRoot?.querySelector('[part~=row]')?.getAttribute('data-id') === first, payoutIds[0]);
  const shown = await rows.evaluateAll((els) => els.slice(0, 10).map((e) => e.getAttribute('data-id')));
  assert.deepEqual(shown, payoutIds);
  assert.ok(requests.some((u) => u.includes('type[]=payout&type[]=payout_cancel&type[]=payout_failure')));
  await page.locator('express-transactions').evaluate((el) => (el.category = 'all'));
  await page.waitForFunction((first) => document.querySelector('express-dashboard')?.shadowRoot?.querySelector('express-transactions')?.shadowRoot?.querySelector('[part~=row]')?.getAttribute('data-id') === first, newest[0].id);

  // A payment on "Stripe": its signed webhook reaches the Express app, whose stream tells the page.
  const payment = (await ledger.post('/dev/payments', { amount: 3150 })).json;
  await page.locator(`express-transactions [part~=row][data-id="${payment.id}"]`).waitFor();
  assert.equal(await rows.first().getAttribute('data-id'), payment.id);
  await textWhen(page.locator('express-balance [part~=pending]').first(), (s) => cents(s) === balance.pending[0].amount + payment.net);
  assert.deepEqual(problems, []);
  await context.close();
});

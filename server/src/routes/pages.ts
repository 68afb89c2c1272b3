/**
 * The pages: `/login` (`<express-login>` on `HttpSignInAdapter`) and `/dashboard`
 * (`<express-dashboard>` on `HttpAdapter`), and in development the fictional platform's site
 * (`/`, Lumen Rides' driver portal, with `<express-login-button endpoint="/platform/login-link">`),
 * `/platform/login-link` playing the platform's backend, the SMS outbox `/dev/sms`, and a control
 * that makes a new payment. Page scripts are the browser bundles built from server/web/.
 */
import type { FastifyInstance, FastifyReply } from 'fastify';
import { currentSession, signedInAs, type AppContext } from '../context.js';
import { ApiError } from '../errors.js';
import type { AccountRow } from '../ledger.js';
import type { DevelopmentSmsSender } from '../sms.js';
import { expectNoBody } from '../../../src/server/sign-in.js';

/** Escapes text for HTML content and attribute values. */
export function escapeHtml(s: string): string {
  return s.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]!);
}

function page(reply: FastifyReply, o: { title: string; body: string; script?: string; bodyClass?: string; bodyData?: Record<string, string> }): FastifyReply {
  const data = Object.entries(o.bodyData ?? {}).map(([k, v]) => ` data-${k}="${escapeHtml(v)}"`).join('');
  return reply
    .type('text/html; charset=utf-8')
    .header('Cache-Control', 'no-store')
    .send(`<!doctype html>
<html lang="en">
<head>
  <meta charset="utf-8">
  <meta name="viewport" content="width=device-width, initial-scale=1">
  <title>${escapeHtml(o.title)}</title>
  <link rel="icon" href="data:,">
  <link rel="stylesheet" href="/assets/pages.css">
</head>
<body class="${o.bodyClass ?? ''}"${data}>
${o.body}
${o.script ? `<script type="module" src="/assets/${o.script}.js"></script>` : ''}
</body>
</html>`);
}

function expressHeader(ctx: AppContext, actions = ''): string {
  return `<header class="express-bar">
  <div class="express-brand"><span class="express-logo" aria-hidden="true"></span><span>${escapeHtml(ctx.platformName)} <span class="muted">· Express</span></span></div>
  <div class="express-actions">${actions}</div>
</header>`;
}

/** The platform's own session in the demo: which of its drivers is using the site. */
const DRIVER_COOKIE = 'lumen_driver';

/** Options of the development platform site. */
export interface PlatformDemoOptions {
  /** The secret keys the platform's backend holds (server side only). */
  secretKeys: { test?: string; live?: string };
  /** Where the platform API is (default: this server's own address). */
  apiBase?: () => string;
}

/** Registers `/login` and `/dashboard` (every mode). */
export function expressPages(app: FastifyInstance, ctx: AppContext): void {
  const dev = ctx.mode === 'development';
  // A signed-in visitor is sent on to the dashboard by the page's script (location.replace, so the
  // login page stays out of the history), not by a redirect here: a login link's token is in the
  // fragment, which the server never sees and which a redirect would carry to the dashboard.
  // Signed in, a link for another account asks before it replaces the session (issue 20, item 5):
  // the server answers 409 (param replace_session) and the page shows #switch-account.
  app.get('/login', async (request, reply) => {
    const signedIn = !!(await currentSession(ctx, request));
    return page(reply, {
      title: `Sign in · ${ctx.platformName} Express`,
      bodyClass: 'express-page',
      bodyData: signedIn ? { 'signed-in': '' } : {},
      script: 'login',
      body: `${expressHeader(ctx)}
<main class="login-main">
  ${signedIn ? `<section id="switch-account" class="switch-account" hidden aria-labelledby="switch-title">
    <h2 id="switch-title">This browser is signed in to another account</h2>
    <p>This link is for a different account. Continue, and the account signed in here is signed out on this browser.</p>
    <div class="switch-actions"><button type="button" id="switch-continue">Continue with this link</button> <a href="/dashboard" id="switch-stay">Stay signed in</a></div>
  </section>` : ''}
  <express-login platform-name="${escapeHtml(ctx.platformName)}"${ctx.platformUrl ? ` platform-url="${escapeHtml(ctx.platformUrl)}"` : ''}></express-login>
  ${dev ? '<p class="dev-note">Development: SMS codes land in the <a href="/dev/sms" target="_blank" rel="noopener">dev outbox</a>.</p>' : ''}
</main>`,
    });
  });

  app.get('/dashboard', async (request, reply) => {
    const session = await currentSession(ctx, request);
    if (!session) return reply.redirect('/login', 303);
    const actions = `${dev ? '<button type="button" id="simulate-payment" class="ghost" slot="header-actions">Simulate a ride payment</button>' : ''}
    <button type="button" id="sign-out" class="ghost" slot="header-actions">Sign out</button>`;
    // <express-dashboard> renders the header, balance, earnings chart and transactions itself.
    return page(reply, {
      title: `${ctx.platformName} Express dashboard`,
      bodyClass: 'express-page',
      script: 'dashboard',
      body: `${expressHeader(ctx)}
<main class="dashboard-main">
  <express-dashboard platform-name="${escapeHtml(ctx.platformName)}">
    ${actions}
  </express-dashboard>
</main>`,
    });
  });
}

/** Registers the development pages and controls: the platform site, `/dev/sms`, `/dev/payments`. */
export function developmentPages(app: FastifyInstance, ctx: AppContext, outbox: DevelopmentSmsSender, demo: PlatformDemoOptions): void {
  const drivers = () => ctx.ledger.accounts();
  const driverOf = async (id: string | undefined): Promise<AccountRow | undefined> => {
    const all = await drivers();
    return all.find((a) => a.id === id) ?? all.find((a) => a.livemode) ?? all[0];
  };

  app.get<{ Querystring: { driver?: string } }>('/', async (request, reply) => {
    const chosen = request.query.driver;
    if (chosen !== undefined) {
      const d = (await drivers()).find((a) => a.id === chosen);
      if (d) reply.setCookie(DRIVER_COOKIE, d.id, { httpOnly: true, sameSite: 'lax', path: '/', secure: request.protocol === 'https' });
      return reply.redirect('/', 303);
    }
    const me = await driverOf(request.cookies[DRIVER_COOKIE]);
    const name = me?.account.settings?.dashboard?.display_name ?? me?.account.business_profile?.name ?? 'driver';
    const options = (await drivers())
      .map((a) => {
        const n = a.account.settings?.dashboard?.display_name ?? a.id;
        return `<option value="${escapeHtml(a.id)}"${a.id === me?.id ? ' selected' : ''}>${escapeHtml(n)} (${a.livemode ? 'live mode, SMS code' : 'test mode, no SMS'})</option>`;
      })
      .join('');
    return page(reply, {
      title: 'Lumen Rides · Driver portal',
      bodyClass: 'platform-page',
      script: 'platform',
      body: `<header class="site-bar">
  <a class="site-brand" href="/"><span class="site-logo" aria-hidden="true"></span>Lumen Rides</a>
  <nav aria-label="Driver portal"><a href="/" aria-current="page">Home</a><a href="/">Trips</a><a href="/">Ratings</a><a href="/">Help</a></nav>
  <span class="site-user">${escapeHtml(name)}</span>
</header>
<main class="site-main">
  <section class="site-hero">
    <h1>Welcome back, ${escapeHtml(name.split(' ')[0])}</h1>
    <p>Your trips, your ratings and your earnings, all in one place.</p>
  </section>
  <section class="site-cards">
    <article class="site-card">
      <h2>Earnings and payouts</h2>
      <p>Your balance, every payment and your payouts to the bank are on your Express dashboard, run with our payments partner.</p>
      <express-login-button endpoint="/platform/login-link"></express-login-button>
    </article>
    <article class="site-card muted-card">
      <h2>This week</h2>
      <p>Keep an eye on surge hours: Friday and Saturday evenings pay the most.</p>
    </article>
  </section>
  <section class="demo-panel" aria-label="Demo settings">
    <h2>Demo</h2>
    <p>You are one of Lumen Rides' drivers. The button asks Lumen Rides' backend (<code>POST /platform/login-link</code>), which calls the platform API with its secret key and sends you to a single-use login link. Live-mode drivers then confirm with an SMS code from the <a href="/dev/sms" target="_blank" rel="noopener">dev outbox</a>; test-mode drivers go straight in.</p>
    <form method="get" action="/">
      <label>Signed in to Lumen Rides as <select name="driver">${options}</select></label>
      <button type="submit">Switch driver</button>
    </form>
    <p><a href="/demo/">The in-browser demo (MemoryAdapter, no server)</a></p>
  </section>
</main>`,
    });
  });

  // Lumen Rides' backend: finds its signed-in driver's connected account and asks the platform
  // API for a login link with its secret key, which never leaves the server.
  app.post('/platform/login-link', async (request, reply) => {
    expectNoBody(request.body);
    const me = await driverOf(request.cookies[DRIVER_COOKIE]);
    if (!me) throw new ApiError(404, 'resource_missing', 'No driver accounts yet: run npm run seed.');
    const key = me.livemode ? demo.secretKeys.live : demo.secretKeys.test;
    if (!key) throw new ApiError(500, 'api_error', `The platform has no ${me.livemode ? 'live' : 'test'}-mode key.`);
    const base = demo.apiBase?.() ?? ctx.publicUrl();
    const res = await fetch(`${base}/v1/accounts/${encodeURIComponent(me.id)}/login_links`, {
      method: 'POST',
      headers: { Authorization: `Bearer ${key}`, Accept: 'application/json' },
    });
    const body: unknown = await res.json();
    return reply.status(res.status).header('Cache-Control', 'no-store').send(body);
  });

  app.get('/dev/sms', async (_request, reply) =>
    page(reply, {
      title: 'Development SMS outbox',
      bodyClass: 'dev-page',
      script: 'dev-sms',
      body: `<main class="dev-main">
  <h1>Development SMS outbox</h1>
  <p>Text messages the server would send, newest first. Development mode only; a production server refuses to start without a real SMS sender.</p>
  <ol id="outbox" class="outbox">${outboxItems(outbox)}</ol>
</main>`,
    }),
  );

  app.get('/dev/sms.json', async (_request, reply) => {
    reply.header('Cache-Control', 'no-store');
    return { object: 'list', data: outbox.outbox(), has_more: false };
  });
}

/** The outbox as list items (also rendered by the page's script when new messages arrive). */
function outboxItems(outbox: DevelopmentSmsSender): string {
  const items = outbox.outbox();
  if (!items.length) return '<li class="empty">No messages yet.</li>';
  return items
    .map(
      (m) => `<li class="sms" data-id="${m.id}"><span class="sms-to">${escapeHtml(m.to)}</span> <time datetime="${new Date(m.sent_ms).toISOString()}">${new Date(m.sent_ms).toISOString().slice(11, 19)} UTC</time><p class="sms-body">${escapeHtml(m.body)}</p></li>`,
    )
    .join('');
}

/**
 * Registers the development controls for the signed-in account (`app` must be a signed-in scope):
 * `POST /dev/payments` (a new payment), `POST /dev/payouts` (an automatic payout of what is
 * available) and `POST /dev/payouts/{id}` `{ status }` (a payout changes status). Each is told to
 * the account's open streams and, with webhooks configured, sent as signed Connect events.
 */
export function developmentControls(app: FastifyInstance, ctx: AppContext): void {
  const connected = async (accountId: string) => {
    const a = (await ctx.ledger.account(accountId))!;
    return { id: a.id, livemode: a.livemode };
  };
  app.post<{ Body: { amount?: number } | undefined }>(
    '/dev/payments',
    {
      schema: {
        body: {
          type: ['object', 'null'],
          properties: { amount: { type: 'integer', minimum: 1, maximum: 100_000_000 } },
          additionalProperties: false,
        },
      },
    },
    async (request) => {
      const { accountId } = signedInAs(request);
      const { object: txn } = await ctx.ledger.createPayment(accountId, { amount: request.body?.amount });
      if (ctx.webhooks) void ctx.webhooks.paymentSucceeded(await connected(accountId), txn);
      return txn;
    },
  );

  app.post('/dev/payouts', async (request) => {
    const { accountId } = signedInAs(request);
    expectNoBody(request.body);
    const { object: payout } = await ctx.ledger.createPayout(accountId);
    if (ctx.webhooks) void ctx.webhooks.payoutChanged(await connected(accountId), payout, true);
    return payout;
  });

  app.post<{ Params: { id: string }; Body: { status: 'in_transit' | 'paid' | 'failed' | 'canceled' } }>(
    '/dev/payouts/:id',
    {
      schema: {
        params: { type: 'object', properties: { id: { type: 'string', minLength: 1, maxLength: 255 } }, required: ['id'] },
        body: {
          type: 'object',
          properties: { status: { type: 'string', enum: ['in_transit', 'paid', 'failed', 'canceled'] } },
          required: ['status'],
          additionalProperties: false,
        },
      },
    },
    async (request) => {
      const { accountId } = signedInAs(request);
      const { object: payout } = await ctx.ledger.updatePayout(accountId, request.params.id, request.body.status);
      if (ctx.webhooks) void ctx.webhooks.payoutChanged(await connected(accountId), payout, false);
      return payout;
    },
  );
}

/**
 * `createServer()`: the reference server as a Fastify instance over a storage (SQLite, or
 * PostgreSQL shared by several instances), with every dependency injectable (clock, SMS sender,
 * secrets) so tests run the real thing on loopback.
 *
 * Several instances on one PostgreSQL behave as one server: sessions, sign-in state, rate limits
 * and events are in the database; a payment recorded by one instance reaches the streams of all
 * (`NOTIFY`), and signing out on one ends the session's streams on all. `GET /healthz` answers
 * while the process runs, `GET /readyz` while the database answers with every migration applied
 * and the instance is not shutting down; `close({ streamRetryMs })` shuts down gracefully.
 */
import cookie from '@fastify/cookie';
import rateLimit from '@fastify/rate-limit';
import fastifyStatic from '@fastify/static';
import Fastify, { type FastifyInstance, type FastifyRequest } from 'fastify';
import { existsSync } from 'node:fs';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';
import { createExpressApi, type ExpressApi } from '../../src/server/api.js';
import { expressApiPlugin } from '../../src/server/fastify.js';
import { ledgerSource } from '../../src/server/ledger-source.js';
import { systemClock, type Clock } from './clock.js';
import { requireSessionHook, sessionCookie, type AppContext, type Mode } from './context.js';
import { DEFAULT_STREAM_LIMITS, installStreamLimits, type StreamLimits } from './stream-limits.js';
import { ApiError, installErrorHandlers, isApiPath, sendApiError } from './errors.js';
import { contentSecurityPolicy, HSTS, SECURITY_HEADERS } from './headers.js';
import { Ledger } from './ledger.js';
import { developmentControls, developmentPages, expressPages, type PlatformDemoOptions } from './routes/pages.js';
import { CSP_REPORT_PATH, cspReportRoutes } from './routes/csp-reports.js';
import { platformRoutes, SecretKeys } from './routes/platform.js';
import { DEFAULT_SESSION_POLICY, Sessions, type SessionPolicy } from './sessions.js';
import { SignIn } from './sign-in.js';
import { referenceSignIn } from './sign-in-module.js';
import { HostCheck, isLoopbackAddress, trustedProxies } from './network.js';
import { DevelopmentSmsSender, type SmsSender } from './sms.js';
import type { RateLimitCounter, Storage } from './storage/index.js';
import { stripePlatformApi, type StripePlatformApi } from './stripe-api.js';
import { StripeWebhookSender } from './stripe-webhooks.js';

/** Options of `createServer()`. */
export interface ServerOptions {
  /** An open, migrated storage (`openStorage`); the caller closes it after the server. */
  storage: Storage;
  /** Default `development`. */
  mode?: Mode;
  /** Default: the real clock. */
  clock?: Clock;
  /** The HMAC key for SMS codes and emails: at least 32 random bytes, kept secret and stable. */
  secret: Buffer;
  /** The platform API keys accepted (`sk_test_…`, `sk_live_…`). */
  secretKeys: readonly string[];
  /** Required in production; in development the default is a `DevelopmentSmsSender`. */
  smsSender?: SmsSender;
  /** The platform's name, in SMS texts and pages; default `Lumen Rides`. */
  platformName?: string;
  /**
   * The platform's own site (`https://www.example.com/drivers`): the login page links back to it
   * ("Go back to {platform}"). Default in development with the demo platform site: `/`.
   */
  platformUrl?: string;
  /** The origin login links point at (`https://dashboard.example.com`); default the listening address. */
  publicUrl?: string;
  /**
   * The reverse proxies whose `X-Forwarded-*` are believed (HTTPS detection, client IPs, the
   * host): addresses or CIDR ranges (`['10.0.0.0/8']`, `'loopback'`). `true` or a hop count is
   * refused: it would let any client choose its own address.
   */
  trustProxy?: string | readonly string[];
  /** More origins allowed to make state-changing requests (the server's own is always allowed). */
  allowedOrigins?: readonly string[];
  /** Host names answered besides `publicUrl`'s (and, in development, localhost, 127.0.0.1 and [::1] with the port). */
  allowedHosts?: readonly string[];
  /** Development mode on a non-loopback address (refused otherwise: it shows sign-in codes at /dev/sms). */
  allowRemoteDevelopment?: boolean;
  /** Caps on open event streams per session and per client address (default 10 and 50). */
  streamLimits?: Partial<StreamLimits>;
  /** Session lifetimes. */
  session?: Partial<SessionPolicy>;
  /** Milliseconds between SSE heartbeats; default 15000. */
  heartbeatMs?: number;
  /** Per-IP request limits per minute (`max` every route, ten times that with a secret key; `signInMax` the sign-in routes); `false` turns them off. */
  rateLimit?: { max?: number; signInMax?: number } | false;
  /** The built browser bundles (server/build.mjs); pages without them have no script. */
  webRoot?: string;
  /** Development only: the demo platform site's backend keys. */
  platformDemo?: PlatformDemoOptions;
  /** Where errors are reported; default console.error. */
  log?: (message: string, error?: unknown) => void;
  /**
   * Playing Stripe: POST signed Connect events for new payments and payout changes to `url`
   * (`WEBHOOK_URL`), signed with `secret` (`whsec_…`, `WEBHOOK_SECRET`).
   */
  webhooks?: { url: string; secret: string; retryDelayMs?: number };
}

/** A created server. */
export interface ExpressServer {
  app: FastifyInstance;
  ctx: AppContext;
  /** The platform-side Stripe API it answers (requests with `Authorization: Bearer sk_…`). */
  stripe: StripePlatformApi;
  /** The development outbox (development mode with the default sender). */
  outbox?: DevelopmentSmsSender;
  /** Listens (default 127.0.0.1, port 0 = any free one); returns the origin, e.g. `http://127.0.0.1:8000`. */
  listen(o?: { port?: number; host?: string }): Promise<string>;
  /**
   * Shuts down gracefully: `/readyz` answers 503, the server stops accepting connections, open
   * event streams end (with `retry: streamRetryMs` and a random part of it, so their browsers
   * reconnect, elsewhere, a little later and miss nothing), requests in flight finish.
   */
  close(o?: { streamRetryMs?: number }): Promise<void>;
}

declare module 'fastify' {
  interface FastifyContextConfig {
    /** `false` on routes that browsers never call (secret-key API): no Origin check. */
    originCheck?: boolean;
    /** `false` on routes answered whatever the `Host` (none yet). */
    hostCheck?: boolean;
  }
}

const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);

/** The origin of a URL string, or undefined. */
function originOf(url: string | undefined): string | undefined {
  if (!url) return undefined;
  try {
    return new URL(url).origin;
  } catch {
    return undefined;
  }
}

/** Deletes what has expired for good; returns how many rows went. */
export async function pruneExpired(ctx: AppContext): Promise<number> {
  const now = ctx.clock.now();
  const day = 86_400_000;
  const db = ctx.storage.db;
  let n = await ctx.sessions.prune();
  n += (await db.run('DELETE FROM login_links WHERE expires_at < ?', [Math.floor((now - day) / 1000)])).changes;
  n += (await db.run('DELETE FROM sign_in_challenges WHERE created_ms < ?', [now - day])).changes;
  // Counts are kept a day: enough for every window of the sign-in rules (the longest is 30 minutes).
  n += (await db.run('DELETE FROM sign_in_counts WHERE at_ms < ?', [now - day])).changes;
  n += await ctx.storage.prune(now);
  return n;
}

/** The channel that tells every instance a session ended (payload: its account). */
const SESSION_ENDED = 'express_session_ended';

/**
 * `@fastify/rate-limit`'s store over the database's counters: every instance counts in the same
 * rows. `child` (a route's own limit) counts under the route's own keys.
 */
export function rateLimitStore(counter: RateLimitCounter) {
  return class DatabaseRateLimitStore {
    constructor(
      _options?: unknown,
      private readonly prefix = '',
    ) {}

    incr(key: string, cb: (err: Error | null, res?: { current: number; ttl: number }) => void, timeWindow: number): void {
      counter.hit(`${this.prefix}${key}`, timeWindow).then(
        ({ count, ttlMs }) => cb(null, { current: count, ttl: ttlMs }),
        (e: Error) => cb(e),
      );
    }

    /** The plugin passes the route's merged options, with `routeInfo` (its method and url). */
    child(routeOptions: unknown): DatabaseRateLimitStore {
      const r = (routeOptions as { routeInfo?: { method?: string | string[]; url?: string } }).routeInfo;
      return new DatabaseRateLimitStore(routeOptions, `${String(r?.method ?? '')} ${r?.url ?? ''} `);
    }
  };
}

/**
 * Builds the server (see `ServerOptions`).
 * @throws Error in production without a real SMS sender, or with a weak secret or a bad key.
 */
export async function createServer(options: ServerOptions): Promise<ExpressServer> {
  const mode = options.mode ?? 'development';
  const clock = options.clock ?? systemClock;
  const log = options.log ?? ((m: string, e?: unknown) => console.error(m, e ?? ''));
  if (options.secret.length < 32) throw new Error('The server secret must be at least 32 bytes.');
  let outbox: DevelopmentSmsSender | undefined;
  let sms = options.smsSender;
  if (mode === 'production') {
    if (!sms || sms.development) {
      throw new Error(
        'Production mode needs a real SMS sender: set SMS_WEBHOOK_URL (and SMS_WEBHOOK_TOKEN), or pass smsSender to createServer(). ' +
          'The development outbox would show sign-in codes to anyone.',
      );
    }
    if (options.platformDemo) throw new Error('The demo platform site is for development only.');
    if (!options.publicUrl) throw new Error('Production mode needs publicUrl (PUBLIC_URL): login links point there, and only its host is answered.');
  } else if (!sms) {
    sms = outbox = new DevelopmentSmsSender({ now: () => clock.now() });
  } else if (sms instanceof DevelopmentSmsSender) {
    outbox = sms;
  }

  const proxies = trustedProxies(options.trustProxy as string | readonly string[] | boolean | undefined);
  const hosts = new HostCheck({ mode, publicUrl: options.publicUrl, allowedHosts: options.allowedHosts });
  const app = Fastify({
    logger: false,
    trustProxy: proxies.length ? proxies : false,
    bodyLimit: 16 * 1024,
    // On close: idle keep-alive connections go at once, requests in flight finish.
    forceCloseConnections: 'idle',
    ajv: { customOptions: { removeAdditional: false, coerceTypes: 'array', useDefaults: true, allErrors: false, verbose: true } },
  });

  const { storage } = options;
  const db = storage.db;
  const ledger = new Ledger(db, clock, storage.events);
  const platformName = options.platformName ?? 'Lumen Rides';
  let listening: string | undefined;
  const publicUrl = () => (options.publicUrl ?? listening ?? 'http://127.0.0.1').replace(/\/+$/, '');
  const signIn = new SignIn(db, ledger, clock, options.secret, platformName, () => new URL(publicUrl()).hostname);
  const sessions = new Sessions(db, clock, { ...DEFAULT_SESSION_POLICY, ...options.session });
  // One implementation of the contract: the library's API over the ledger, with our sign-in.
  const source = ledgerSource({ store: ledger, now: () => clock.now() });
  const api: ExpressApi = createExpressApi({
    source,
    signIn: referenceSignIn({
      signIn,
      sessions,
      sms: sms!,
      loginPageUrl: () => `${publicUrl()}/login`,
      log,
      alwaysSecure: mode === 'production',
      // Every instance ends that session's open streams now, not at their next heartbeat.
      sessionEnded: (account) => db.notify(SESSION_ENDED, account).catch((e: unknown) => log('Announcing a sign-out failed', e)),
    }),
    basePath: '/v1',
    heartbeatMs: options.heartbeatMs ?? 15_000,
    onError: log,
  });
  const keys = new SecretKeys(options.secretKeys);
  const stripe = stripePlatformApi({ ledger, source, keys, log });
  const stopSessionEnded = db.listen(SESSION_ENDED, (account) => {
    api.recheckStreams(account).catch((e: unknown) => log('Ending a signed-out session’s streams failed', e));
  });
  const ctx: AppContext = {
    mode,
    clock,
    storage,
    ledger,
    source,
    api,
    signIn,
    sessions,
    sms: sms!,
    webhooks: options.webhooks ? new StripeWebhookSender({ ...options.webhooks, clock, log }) : undefined,
    platformName,
    platformUrl: options.platformUrl ?? (mode === 'development' && outbox ? '/' : undefined),
    log,
    publicUrl,
  };

  installErrorHandlers(app, log);
  // Only our own host names (DNS rebinding: a page whose name points at us sends its own).
  app.addHook('onRequest', async (request, reply) => {
    if (request.routeOptions.config?.hostCheck === false || hosts.allows(request.host)) return;
    return sendApiError(reply, new ApiError(421, 'host_not_allowed', 'This server does not answer for that host name.'));
  });
  app.decorateRequest('expressSession', null);
  // Stripe's own clients send form-encoded bodies: accept them as flat objects.
  app.addContentTypeParser('application/x-www-form-urlencoded', { parseAs: 'string' }, (_req, body, done) => {
    done(null, Object.fromEntries(new URLSearchParams(String(body))));
  });
  await app.register(cookie);
  if (options.rateLimit !== false) {
    const max = options.rateLimit?.max ?? 600;
    // A platform's backend playing against "Stripe" (a secret key) gets Stripe's own order of
    // magnitude (100 a second); browsers the per-IP limit.
    await app.register(rateLimit, {
      max: (request: FastifyRequest) => (/^Bearer\s+sk_/i.test(request.headers.authorization ?? '') ? max * 10 : max),
      timeWindow: 60_000,
      // Counted in the database: a limit reached through one instance holds on every other.
      store: rateLimitStore(storage.rateLimits),
    });
  }

  // For the load balancer: the process is up; the instance can serve (database, migrations, not draining).
  let draining = false;
  app.get('/healthz', { config: { rateLimit: false } }, async (_request, reply) => {
    reply.header('Cache-Control', 'no-store');
    return { status: 'ok' };
  });
  app.get('/readyz', { config: { rateLimit: false } }, async (_request, reply) => {
    const r = await storage.ready();
    const ok = r.ok && !draining;
    reply.status(ok ? 200 : 503).header('Cache-Control', 'no-store');
    return { status: ok ? 'ready' : 'unavailable', draining, database: r.database, migrations: r.migrations };
  });

  // Security headers everywhere; API answers are never cached.
  // The Content Security Policy on every answer; in development violations are reported to /dev/csp-reports.
  const csp = contentSecurityPolicy();
  const devCsp = contentSecurityPolicy({ reportUri: CSP_REPORT_PATH });
  app.addHook('onSend', async (request, reply, payload) => {
    for (const [k, v] of Object.entries(SECURITY_HEADERS)) if (!reply.hasHeader(k)) reply.header(k, v);
    if (mode === 'production') reply.header('Strict-Transport-Security', HSTS);
    if (!reply.hasHeader('content-security-policy')) reply.header('Content-Security-Policy', mode === 'development' ? devCsp : csp);
    if (isApiPath(request.url) && !reply.hasHeader('cache-control')) reply.header('Cache-Control', 'no-store');
    return payload;
  });

  // State-changing requests must come from one of our own pages (CSRF defence in depth, on top of SameSite=Lax).
  // In production our origin is PUBLIC_URL's, whatever the request looks like behind the proxy.
  const allowed = new Set(options.allowedOrigins ?? []);
  const publicOrigin = mode === 'production' ? originOf(options.publicUrl) : undefined;
  app.addHook('onRequest', async (request: FastifyRequest, reply) => {
    if (SAFE_METHODS.has(request.method) || request.routeOptions.config?.originCheck === false) return;
    const origin = typeof request.headers.origin === 'string' ? request.headers.origin : originOf(request.headers.referer);
    const own = publicOrigin ?? `${request.protocol}://${request.host}`;
    if (!origin || (origin !== own && !allowed.has(origin))) {
      return sendApiError(reply, new ApiError(403, 'origin_mismatch', 'This request must come from the dashboard’s own pages.'));
    }
  });

  const signInMax = options.rateLimit === false ? undefined : (options.rateLimit?.signInMax ?? 30);
  installStreamLimits(app, { ...DEFAULT_STREAM_LIMITS, ...options.streamLimits }, (request) => sessionCookie(ctx, request));
  platformRoutes(app, ctx, keys);
  // Every /v1 route of the contract is the library's API; a request with a secret key is for
  // "Stripe" (the platform-side API) on the same paths.
  await app.register(expressApiPlugin, {
    api: { routes: api.routes, webhook: api.webhook, fetch: (r) => (stripe.isFor(r) ? stripe.fetch(r) : api.fetch(r)) },
    bodyLimit: 16 * 1024,
    routeConfig: (route) =>
      route.path.startsWith('/v1/sign_in') && signInMax !== undefined ? { rateLimit: { max: signInMax, timeWindow: 60_000 } } : undefined,
  });
  if (mode === 'development') {
    await app.register(async (scope) => {
      scope.addHook('onRequest', requireSessionHook(ctx));
      developmentControls(scope, ctx);
    });
  }
  expressPages(app, ctx);
  if (mode === 'development') cspReportRoutes(app, ctx);
  if (mode === 'development' && outbox) {
    developmentPages(app, ctx, outbox, options.platformDemo ?? { secretKeys: {} });
  }

  if (options.webRoot && existsSync(options.webRoot)) {
    await app.register(fastifyStatic, {
      root: options.webRoot,
      prefix: '/assets/',
      index: false,
      cacheControl: false,
      setHeaders: (res) => res.setHeader('Cache-Control', 'no-cache'),
    });
    const demoRoot = join(options.webRoot, 'demo');
    if (mode === 'development' && existsSync(demoRoot)) {
      await app.register(fastifyStatic, { root: demoRoot, prefix: '/demo/', decorateReply: false, cacheControl: false });
    }
  }

  // Housekeeping every hour: expired sessions, spent links and challenges, old SMS records and
  // events older than a week (a stream resuming from further back gets what is left).
  const housekeeping = setInterval(() => {
    pruneExpired(ctx).catch((e: unknown) => log('Housekeeping failed', e));
  }, 3600_000);
  housekeeping.unref();

  // End open event streams first, or closing would wait for them.
  let streamRetryMs: number | undefined;
  app.addHook('preClose', async () => {
    draining = true;
    clearInterval(housekeeping);
    stopSessionEnded();
    api.close({ retryMs: streamRetryMs });
  });

  return {
    app,
    ctx,
    stripe,
    outbox,
    async listen(o = {}) {
      const where = o.host ?? '127.0.0.1';
      if (mode === 'development' && !isLoopbackAddress(where) && !options.allowRemoteDevelopment) {
        throw new Error(
          `Development mode listens on loopback only, not ${where}: it shows every sign-in code at /dev/sms. ` +
            'Pass allowRemoteDevelopment (ALLOW_REMOTE_DEVELOPMENT=1) to listen there anyway.',
        );
      }
      await app.listen({ port: o.port ?? 0, host: where });
      const addr = app.server.address() as AddressInfo;
      hosts.listening(addr.port);
      const host = addr.family === 'IPv6' ? `[${addr.address}]` : addr.address;
      listening = `http://${host}:${addr.port}`;
      return listening;
    },
    async close(o = {}) {
      streamRetryMs = o.streamRetryMs;
      draining = true;
      await app.close();
    },
  };
}

/**
 * `createExpressApi`: the REST contract that `HttpAdapter` speaks, over Web-standard `Request`
 * and `Response`, for one `ExpressSource`. It mounts unchanged wherever `fetch`-style handlers
 * run (Next.js route handlers, Hono, Bun, Deno, Workers); `toNodeHandler` and the Fastify plugin
 * adapt it to `node:http`, Express and Fastify.
 *
 * Every data route reads the account from `accountFor(request)` (or the sign-in module), never
 * from the request: no parameter names an account, an unknown parameter is a 400, the
 * `Stripe-Account` header is ignored. Errors are Stripe-shaped; an unexpected failure is a 500
 * `api_error` whose details go to `onError` only.
 */
import type { Interval } from '../contract/types.js';
import { MAX_NET_VOLUME_BUCKETS } from '../core/net-volume.js';
import { isValidTimeZone } from '../core/time.js';
import { ApiError, errorResponse, internalError, invalidParam, jsonResponse } from './errors.js';
import { eventStream, type EventStreamCloseOptions, type OpenEventStream } from './events.js';
import {
  CURRENCY_PARAM,
  ID_PARAM,
  LIST_PARAMS,
  TYPE_PARAM,
  checkCursors,
  currencyParam,
  parseQuery,
  rangeOf,
  rangeParams,
  type QuerySpec,
} from './params.js';
import { expectNoBody, readBody, type SignInModule } from './sign-in.js';
import type { Awaitable, BalanceTransactionQuery, ExpressSource, NetVolumeQuery, PayoutQuery } from './source.js';

/** Options of `createExpressApi`. */
export interface ExpressApiOptions {
  /** Where the data comes from: `stripeSource(...)`, `ledgerSource(...)` or your own. */
  source: ExpressSource;
  /**
   * The connected account of the request's signed-in user (from your session), or null: 401.
   * Required unless `signIn` gives one.
   */
  accountFor?: (request: Request) => Awaitable<string | null>;
  /** A sign-in module (login links, codes, sessions): its routes, `accountFor` and `POST /login_links`. */
  signIn?: SignInModule;
  /** Where the routes live; default `/v1` (`HttpAdapter({ baseUrl })` must point here). */
  basePath?: string;
  /**
   * Whether an open event stream's user is still signed in, asked at every heartbeat (false ends
   * the stream). Default: the sign-in module's `stillSignedIn`, else `accountFor` again.
   */
  stillSignedIn?: (request: Request, account: string) => Awaitable<boolean>;
  /** Milliseconds between heartbeat comments on event streams; default 15000. */
  heartbeatMs?: number;
  /** At most this many missed events are replayed to a reconnecting stream; default 1000. */
  maxReplay?: number;
  /** Where unexpected failures go (never to the browser); default `console.error`. */
  onError?: (message: string, error: unknown) => void;
}

/** One route: method and path (with `{id}` placeholders), below nothing: the full path. */
export interface ApiRoute {
  method: 'GET' | 'POST';
  path: string;
}

/** What `createExpressApi` returns. */
export interface ExpressApi {
  /** The base path, normalised (`/v1`, `/api/express`, or `''`). */
  readonly basePath: string;
  /** Every route it answers (full paths, `{id}` for a path parameter), for routers that register routes one by one. */
  readonly routes: readonly ApiRoute[];
  /** Answers a request to one of its routes; `undefined` when the path is not one of them. */
  fetch(request: Request): Promise<Response | undefined>;
  /** The source's webhook endpoint (Stripe Connect's for `stripeSource`); 404 when the source has none. */
  webhook(request: Request): Promise<Response>;
  /**
   * Ends open event streams and the source's timers (on shutdown). With `retryMs`, each stream
   * first tells its browser when to reconnect (`retry:`, see `EventStreamCloseOptions`).
   */
  close(options?: EventStreamCloseOptions): void;
  /**
   * Asks whether the users of the open event streams (of one account, or all) are still signed in,
   * now, and ends the streams of those who are not (at sign-out, rather than at the next heartbeat).
   */
  recheckStreams(account?: string): Promise<void>;
  /** How many event streams are open. */
  readonly streamCount: number;
}

interface Route extends ApiRoute {
  segments: string[];
  /** Needs the signed-in account (401 without one). */
  account: boolean;
  handle(request: Request, url: URL, params: Record<string, string>, account: string): Promise<Response>;
}

/** The largest bucket count is checked with each interval's shortest bucket. */
const MIN_BUCKET_SECONDS: Record<Interval, number> = {
  day: 23 * 3600,
  week: 7 * 86400 - 3600,
  month: 28 * 86400 - 3600,
  quarter: 89 * 86400 - 3600,
  year: 365 * 86400 - 3600,
};

/** `GET /balance_transactions`: Stripe's list parameters, `type` and `type[]`, `currency`, `payout`, `source`. */
export const BALANCE_TRANSACTION_QUERY: QuerySpec = {
  ...LIST_PARAMS,
  ...rangeParams('created'),
  type: TYPE_PARAM,
  'type[]': { kind: 'array', of: TYPE_PARAM, maxItems: 50 },
  currency: CURRENCY_PARAM,
  payout: ID_PARAM,
  source: ID_PARAM,
};

/** `GET /payouts`. */
export const PAYOUT_QUERY: QuerySpec = {
  ...LIST_PARAMS,
  ...rangeParams('created'),
  ...rangeParams('arrival_date'),
  status: { kind: 'string', enum: ['pending', 'paid', 'failed', 'canceled', 'in_transit'] },
};

const NET_VOLUME_QUERY: QuerySpec = {
  interval: { kind: 'string', enum: ['day', 'week', 'month', 'quarter', 'year'] },
  'created[gte]': rangeParams('created')['created[gte]'],
  'created[lt]': rangeParams('created')['created[lt]'],
  currency: CURRENCY_PARAM,
  timezone: { kind: 'string', minLength: 1, maxLength: 64 },
};

/** The balance transaction query of a URL. @throws ApiError 400. */
export function balanceTransactionQuery(search: URLSearchParams): BalanceTransactionQuery {
  const q = parseQuery(search, BALANCE_TRANSACTION_QUERY);
  const types = [...new Set([...((q['type[]'] as string[] | undefined) ?? []), ...(q.type !== undefined ? [q.type as string] : [])])];
  const query: BalanceTransactionQuery = {
    limit: q.limit as number,
    starting_after: q.starting_after as string | undefined,
    ending_before: q.ending_before as string | undefined,
    created: rangeOf(q, 'created'),
    type: types.length ? types : undefined,
    currency: currencyParam(q.currency),
    payout: q.payout as string | undefined,
    source: q.source as string | undefined,
  };
  checkCursors(query);
  return query;
}

/** The payout query of a URL. @throws ApiError 400. */
export function payoutQuery(search: URLSearchParams): PayoutQuery {
  const q = parseQuery(search, PAYOUT_QUERY);
  const query: PayoutQuery = {
    limit: q.limit as number,
    starting_after: q.starting_after as string | undefined,
    ending_before: q.ending_before as string | undefined,
    created: rangeOf(q, 'created'),
    arrival_date: rangeOf(q, 'arrival_date'),
    status: q.status as PayoutQuery['status'],
  };
  checkCursors(query);
  return query;
}

/**
 * The net volume query of a URL: every parameter required, a zone `Intl` knows, `created[gte] <
 * created[lt]`, at most `MAX_NET_VOLUME_BUCKETS` buckets. @throws ApiError 400.
 */
export function netVolumeQuery(search: URLSearchParams): NetVolumeQuery {
  const q = parseQuery(search, NET_VOLUME_QUERY, ['interval', 'created[gte]', 'created[lt]', 'currency', 'timezone']);
  const interval = q.interval as Interval;
  const timezone = q.timezone as string;
  if (!isValidTimeZone(timezone)) throw invalidParam('timezone', `Unknown time zone: ${timezone.slice(0, 64)}`);
  const gte = q['created[gte]'] as number;
  const lt = q['created[lt]'] as number;
  if (!(gte < lt)) throw invalidParam('created[lt]', 'created[lt] must be after created[gte].');
  if ((lt - gte) / MIN_BUCKET_SECONDS[interval] > MAX_NET_VOLUME_BUCKETS) {
    throw invalidParam('created', `That range has too many ${interval}s: at most ${MAX_NET_VOLUME_BUCKETS} buckets. Use a longer interval.`);
  }
  return { interval, created: { gte, lt }, currency: currencyParam(q.currency)!, timezone };
}

/** Whether `pathname` is one of `routes`' paths (`{name}` matching one segment), whatever the method. */
export function isRoutePath(routes: readonly ApiRoute[], pathname: string): boolean {
  const segments = splitPath(pathname);
  return routes.some((r) => {
    const want = splitPath(r.path);
    return want.length === segments.length && want.every((w, i) => (w.startsWith('{') && w.endsWith('}')) || w === segments[i]);
  });
}

/** `/v1/`, `v1`, `/v1//` → `/v1`; `/` and `''` → `''`. */
function normaliseBase(base: string): string {
  const trimmed = base.replace(/\/+$/, '').replace(/^\/*/, '/');
  return trimmed === '/' ? '' : trimmed;
}

function splitPath(path: string): string[] {
  return path.split('/').filter(Boolean);
}

const noQuery: QuerySpec = {};

/** An id from the path: at most 255 characters. */
function pathId(params: Record<string, string>): string {
  const id = params.id;
  if (id.length > 255) throw invalidParam('id', 'Invalid id: too long.');
  return id;
}

/** `GET /events`: `last_event_id`, for a new `EventSource` that cannot send `Last-Event-ID`. */
const EVENTS_QUERY: QuerySpec = { last_event_id: { kind: 'integer', min: 0, max: Number.MAX_SAFE_INTEGER } };

/**
 * Where a stream resumes: the `Last-Event-ID` of a reconnecting `EventSource`, or the
 * `last_event_id` parameter of a new one (`HttpAdapter` opens one with the last id it delivered);
 * with both, the larger (the header is the newer: the same `EventSource` received it since).
 */
function lastEventIdOf(request: Request, query: number | undefined): number | undefined {
  const header = request.headers.get('last-event-id')?.trim();
  const fromHeader = header && /^\d{1,16}$/.test(header) && Number.isSafeInteger(Number(header)) ? Number(header) : undefined;
  if (fromHeader === undefined) return query;
  return query === undefined ? fromHeader : Math.max(fromHeader, query);
}

/**
 * Builds the API (see the module doc and `ExpressApiOptions`).
 * @throws TypeError without a source, or without `accountFor` and a sign-in module that gives it.
 */
export function createExpressApi(options: ExpressApiOptions): ExpressApi {
  const { source, signIn } = options;
  if (!source || typeof source.getAccount !== 'function') throw new TypeError('createExpressApi needs a source (stripeSource, ledgerSource or your own).');
  const accountFor = options.accountFor ?? (signIn ? (r: Request) => signIn.accountFor(r) : undefined);
  if (!accountFor) throw new TypeError('createExpressApi needs accountFor(request), or a signIn module that gives it.');
  const basePath = normaliseBase(options.basePath ?? '/v1');
  const onError = options.onError ?? ((m: string, e: unknown) => console.error(m, e));
  const stillSignedIn =
    options.stillSignedIn ??
    (signIn?.stillSignedIn ? (r: Request, a: string) => signIn.stillSignedIn!(r, a) : async (r: Request, a: string) => (await accountFor(r)) === a);
  const streams = new Set<OpenEventStream>();
  const json = (v: unknown) => jsonResponse(v);

  const routes: Route[] = [];
  const add = (method: Route['method'], path: string, account: boolean, handle: Route['handle']) => {
    routes.push({ method, path: basePath + path, segments: splitPath(basePath + path), account, handle });
  };

  add('GET', '/account', true, async (req, url, _p, account) => {
    parseQuery(url.searchParams, noQuery);
    return json(await source.getAccount(account, { signal: req.signal }));
  });
  add('GET', '/balance', true, async (req, url, _p, account) => {
    parseQuery(url.searchParams, noQuery);
    return json(await source.getBalance(account, { signal: req.signal }));
  });
  add('GET', '/balance_transactions', true, async (req, url, _p, account) =>
    json(await source.listBalanceTransactions(account, balanceTransactionQuery(url.searchParams), { signal: req.signal })),
  );
  add('GET', '/balance_transactions/{id}', true, async (req, url, p, account) => {
    parseQuery(url.searchParams, noQuery);
    return json(await source.getBalanceTransaction(account, pathId(p), { signal: req.signal }));
  });
  add('GET', '/payouts', true, async (req, url, _p, account) =>
    json(await source.listPayouts(account, payoutQuery(url.searchParams), { signal: req.signal })),
  );
  add('GET', '/payouts/{id}', true, async (req, url, p, account) => {
    parseQuery(url.searchParams, noQuery);
    return json(await source.getPayout(account, pathId(p), { signal: req.signal }));
  });
  add('GET', '/net_volume', true, async (req, url, _p, account) => {
    const data = await source.getNetVolume(account, netVolumeQuery(url.searchParams), { signal: req.signal });
    return json({ object: 'list', data, has_more: false, url: `${basePath}/net_volume` });
  });
  const store = source.events;
  if (store) {
    add('GET', '/events', true, async (req, url, _p, account) => {
      const q = parseQuery(url.searchParams, EVENTS_QUERY);
      const stream = eventStream({
        store,
        account,
        lastEventId: lastEventIdOf(req, q.last_event_id as number | undefined),
        maxReplay: options.maxReplay,
        heartbeatMs: options.heartbeatMs,
        stillAllowed: () => stillSignedIn(req, account),
        onClose: () => streams.delete(stream),
        onError,
      });
      streams.add(stream);
      req.signal?.addEventListener('abort', () => stream.close(), { once: true });
      return new Response(stream.body, {
        status: 200,
        headers: {
          'Content-Type': 'text/event-stream; charset=utf-8',
          'Cache-Control': 'no-store',
          Connection: 'keep-alive',
          'X-Accel-Buffering': 'no',
        },
      });
    });
  }
  if (signIn?.createLoginLink) {
    add('POST', '/login_links', true, async (req, url, _p, account) => {
      parseQuery(url.searchParams, noQuery);
      expectNoBody(await readBody(req));
      return json(await signIn.createLoginLink!(account, req));
    });
  }
  for (const r of signIn?.routes ?? []) add(r.method, r.path, false, (req, _url, p) => r.handle(req, p));

  /** The route of a method and path, the path's parameters, and whether the path is known with another method. */
  function match(method: string, path: string): { route?: Route; params: Record<string, string>; known: boolean } {
    const segments = splitPath(path);
    let known = false;
    for (const route of routes) {
      if (route.segments.length !== segments.length) continue;
      const params: Record<string, string> = {};
      let ok = true;
      for (let i = 0; i < segments.length && ok; i++) {
        const want = route.segments[i];
        if (want.startsWith('{') && want.endsWith('}')) {
          try {
            params[want.slice(1, -1)] = decodeURIComponent(segments[i]);
          } catch {
            ok = false;
          }
        } else ok = want === segments[i];
      }
      if (!ok) continue;
      if (route.method === method || (method === 'HEAD' && route.method === 'GET')) return { route, params, known: true };
      known = true;
    }
    return { params: {}, known };
  }

  async function answer(request: Request, run: () => Promise<Response>): Promise<Response> {
    try {
      return await run();
    } catch (e) {
      if (e instanceof ApiError) {
        if (e.status >= 500) onError(`${request.method} ${new URL(request.url).pathname} failed`, e.cause ?? e);
        return errorResponse(e);
      }
      onError(`${request.method} ${new URL(request.url).pathname} failed`, e);
      return errorResponse(internalError(e));
    }
  }

  return {
    basePath,
    routes: routes.map(({ method, path }) => ({ method, path })),
    async fetch(request) {
      const url = new URL(request.url);
      const { route, params, known } = match(request.method, url.pathname);
      if (!route) {
        if (!known) return undefined;
        return errorResponse(new ApiError(405, 'method_not_allowed', `Unrecognized request URL (${request.method}: ${url.pathname.slice(0, 100)}).`));
      }
      return answer(request, async () => {
        let account = '';
        if (route.account) {
          const a = await accountFor(request);
          if (!a) throw new ApiError(401, 'session_required', 'Sign in to see this. Your session may have ended.');
          account = a;
        }
        return route.handle(request, url, params, account);
      });
    },
    async webhook(request) {
      if (!source.webhook) return errorResponse(new ApiError(404, 'resource_missing', 'This source takes no webhooks.'));
      return answer(request, () => source.webhook!(request));
    },
    close(options) {
      for (const s of [...streams]) s.close(options);
      source.close?.();
    },
    async recheckStreams(account) {
      await Promise.all([...streams].filter((s) => account === undefined || s.account === account).map((s) => s.recheck()));
    },
    get streamCount() {
      return streams.size;
    },
  };
}

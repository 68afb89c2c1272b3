/**
 * "Stripe" for offline development: the platform-side subset of Stripe's API that `stripeSource`
 * calls, answered from the ledger, so a platform develops against the reference server with the
 * official `stripe` client (`new Stripe(key, { host, port, protocol: 'http' })`) and no network.
 *
 * A request is Stripe's when it carries `Authorization: Bearer sk_…` (the same paths without it
 * are the dashboard's, signed in by cookie). With `Stripe-Account: acct_…`, a key of that
 * account's mode reaches it (a test key test-mode accounts, a live key live-mode ones):
 *
 * - `GET /v1/account`: Stripe's account object (no `livemode`: Stripe's has none);
 * - `GET /v1/balance`;
 * - `GET /v1/balance_transactions`: `limit`, `starting_after`, `ending_before`, `created[…]`, one
 *   `type`, `currency`, `payout`, `source`; and `/v1/balance_transactions/{id}`;
 * - `GET /v1/payouts`: `limit`, cursors, `created[…]`, `arrival_date[…]`, `status`; and
 *   `/v1/payouts/{id}`. `destination` is an id unless expanded (`expand[]=data.destination` on a
 *   list, `expand[]=destination` on one payout), as on Stripe.
 *
 * Lists are Stripe's (`object: 'list'`, `url`, `has_more`), errors Stripe's bodies; every answer
 * has a `Request-Id`. `failNext` makes the next answers fail (tests of retries and outages).
 */
import type { Payout } from '../../src/contract/types.js';
import { balanceTransactionQuery, payoutQuery, PAYOUT_QUERY, BALANCE_TRANSACTION_QUERY } from '../../src/server/api.js';
import { ApiError, errorResponse, internalError, jsonResponse } from '../../src/server/errors.js';
import { parseQuery, type QuerySpec } from '../../src/server/params.js';
import type { ExpressSource, ListPage } from '../../src/server/source.js';
import { randomId } from './crypto.js';
import type { Ledger } from './ledger.js';
import type { SecretKeys } from './routes/platform.js';

/** An injected failure of the next Stripe answers. */
export interface StripeFault {
  status: number;
  /** How many answers fail; default 1. */
  times?: number;
  headers?: Record<string, string>;
}

/** What `stripePlatformApi` gives. */
export interface StripePlatformApi {
  /** Whether a request is for this API (it carries a secret key). */
  isFor(request: Request): boolean;
  /** Answers a request for this API; `undefined` when the path is not one of its routes. */
  fetch(request: Request): Promise<Response | undefined>;
  /** The next answers fail with `fault.status` (and its headers), `fault.times` of them. */
  failNext(fault: StripeFault): void;
  /** How many requests it has answered, by path (for tests that count Stripe calls). */
  readonly calls: Map<string, number>;
}

const EXPAND: QuerySpec = { 'expand[]': { kind: 'array', of: { kind: 'string', minLength: 1, maxLength: 64 }, maxItems: 10, indexed: true } };
const { 'type[]': _typeArray, ...ONE_TYPE } = BALANCE_TRANSACTION_QUERY;
const TXN_QUERY: QuerySpec = { ...ONE_TYPE, ...EXPAND };
const PAYOUTS: QuerySpec = { ...PAYOUT_QUERY, ...EXPAND };

/** A payout as Stripe answers it: `destination` an id unless expanded. */
function destinationAs(p: Payout, expanded: boolean): Payout {
  if (expanded || !p.destination || typeof p.destination === 'string') return p;
  return { ...p, destination: p.destination.id };
}

/** See the module doc. */
export function stripePlatformApi(o: { ledger: Ledger; source: ExpressSource; keys: SecretKeys; log(message: string, error?: unknown): void }): StripePlatformApi {
  const faults: Required<StripeFault>[] = [];
  const calls = new Map<string, number>();

  /** The connected account of `Stripe-Account`, reachable with the request's key. */
  async function connectedAccount(request: Request): Promise<string> {
    const { livemode } = o.keys.authenticate(request.headers.get('authorization'));
    const id = request.headers.get('stripe-account')?.trim();
    if (!id) {
      throw new ApiError(400, 'parameter_missing', 'This reference server keeps connected accounts’ data only: send Stripe-Account: acct_… (the stripeAccount request option).', {
        param: 'Stripe-Account',
      });
    }
    const a = await o.ledger.account(id);
    if (!a || a.livemode !== livemode) {
      throw new ApiError(403, 'account_invalid', `The provided key does not have access to account '${id.slice(0, 64)}' (or that account does not exist).`);
    }
    return a.id;
  }

  const routes: { path: RegExp; handle(account: string, search: URLSearchParams, id?: string): Promise<unknown> }[] = [
    {
      path: /^\/v1\/account$/,
      async handle(account, search) {
        parseQuery(search, EXPAND);
        const { livemode: _livemode, ...stripeAccount } = await o.source.getAccount(account, {});
        return stripeAccount;
      },
    },
    {
      path: /^\/v1\/balance$/,
      async handle(account, search) {
        parseQuery(search, EXPAND);
        return o.source.getBalance(account, {});
      },
    },
    {
      path: /^\/v1\/balance_transactions$/,
      async handle(account, search) {
        const strict = new URLSearchParams([...search].filter(([k]) => !/^expand\[\d*\]$/.test(k)));
        parseQuery(search, TXN_QUERY); // Stripe's parameters (one type), expand accepted
        return o.source.listBalanceTransactions(account, balanceTransactionQuery(strict), {});
      },
    },
    {
      path: /^\/v1\/balance_transactions\/([^/]+)$/,
      async handle(account, search, id) {
        parseQuery(search, EXPAND);
        return o.source.getBalanceTransaction(account, id!, {});
      },
    },
    {
      path: /^\/v1\/payouts$/,
      async handle(account, search) {
        const q = parseQuery(search, PAYOUTS);
        const strict = new URLSearchParams([...search].filter(([k]) => !/^expand\[\d*\]$/.test(k)));
        const page: ListPage<Payout> = await o.source.listPayouts(account, payoutQuery(strict), {});
        const expanded = ((q['expand[]'] as string[] | undefined) ?? []).includes('data.destination');
        return { ...page, data: page.data.map((p) => destinationAs(p, expanded)) };
      },
    },
    {
      path: /^\/v1\/payouts\/([^/]+)$/,
      async handle(account, search, id) {
        const q = parseQuery(search, EXPAND);
        const expanded = ((q['expand[]'] as string[] | undefined) ?? []).includes('destination');
        return destinationAs(await o.source.getPayout(account, id!, {}), expanded);
      },
    },
  ];

  return {
    calls,
    isFor(request) {
      return /^Bearer\s+sk_/i.test(request.headers.get('authorization') ?? '');
    },
    failNext(fault) {
      faults.push({ times: 1, headers: {}, ...fault });
    },
    async fetch(request) {
      const url = new URL(request.url);
      const route = routes.find((r) => r.path.test(url.pathname));
      if (!route) return undefined;
      calls.set(url.pathname, (calls.get(url.pathname) ?? 0) + 1);
      const headers = { 'Request-Id': randomId('req', 14) };
      const fault = faults[0];
      if (fault) {
        if (--fault.times <= 0) faults.shift();
        const err = fault.status === 429
          ? new ApiError(429, 'rate_limit', 'Too many requests hit the API too quickly.')
          : new ApiError(fault.status, 'api_error', 'An error occurred with our connection to Stripe.');
        return errorResponse(err, { ...headers, ...fault.headers });
      }
      try {
        if (request.method !== 'GET') throw new ApiError(404, 'resource_missing', `Unrecognized request URL (${request.method}: ${url.pathname.slice(0, 100)}).`);
        const account = await connectedAccount(request);
        const id = route.path.exec(url.pathname)?.[1];
        const body = await route.handle(account, url.searchParams, id === undefined ? undefined : decodeURIComponent(id));
        return jsonResponse(body, { headers });
      } catch (e) {
        if (e instanceof ApiError) return errorResponse(e, headers);
        o.log(`Stripe API ${request.method} ${url.pathname} failed`, e);
        return errorResponse(internalError(e), headers);
      }
    },
  };
}

/**
 * The data API that `HttpAdapter` speaks, for the signed-in account only (session cookie):
 * `GET /v1/account`, `/v1/balance`, `/v1/balance_transactions[/{id}]`, `/v1/payouts[/{id}]`,
 * `/v1/net_volume`, and `POST /v1/login_links`. Parameters as Stripe names them (brackets
 * literal: `created[gte]`, `type[]`); an unknown or malformed parameter is a 400 naming it.
 * No parameter can name an account: the account is the session's.
 */
import type { FastifyInstance } from 'fastify';
import type { Interval } from '../../../src/contract/types.js';
import { isKnownCurrency } from '../../../src/core/money.js';
import { signedInAs, type AppContext } from '../context.js';
import { invalidParam } from '../errors.js';
import type { RangeFilter } from '../ledger.js';
import { expectNoBody } from './sign-in.js';

const int = { type: 'integer', minimum: -8_640_000_000_000, maximum: 8_640_000_000_000 } as const;

/** `name`, `name[gte]`, `name[gt]`, `name[lt]`, `name[lte]` as integer query parameters. */
function rangeProps(name: string) {
  return { [name]: int, [`${name}[gte]`]: int, [`${name}[gt]`]: int, [`${name}[lt]`]: int, [`${name}[lte]`]: int };
}

const listProps = {
  limit: { type: 'integer', minimum: 1, maximum: 100, default: 10 },
  starting_after: { type: 'string', minLength: 1, maxLength: 255 },
  ending_before: { type: 'string', minLength: 1, maxLength: 255 },
} as const;

const currency = { type: 'string', minLength: 3, maxLength: 3, pattern: '^[A-Za-z]{3}$' } as const;

/** A query schema accepting exactly `props`. */
function query(props: Record<string, unknown>, required: string[] = []) {
  return { type: 'object', properties: props, required, additionalProperties: false } as const;
}

const noQuery = query({});
const idParams = {
  type: 'object',
  properties: { id: { type: 'string', minLength: 1, maxLength: 255 } },
  required: ['id'],
} as const;

type Query = Record<string, unknown>;

/** The range filter of `name` from a validated query; `name=n` alone means exactly n. */
function rangeOf(q: Query, name: string): RangeFilter | undefined {
  const r: RangeFilter = {};
  const exact = q[name] as number | undefined;
  if (exact !== undefined) {
    r.gte = exact;
    r.lte = exact;
  }
  for (const k of ['gte', 'gt', 'lt', 'lte'] as const) {
    const v = q[`${name}[${k}]`] as number | undefined;
    if (v !== undefined) r[k] = v;
  }
  return Object.keys(r).length ? r : undefined;
}

function checkCurrency(value: unknown, param = 'currency'): string | undefined {
  if (value === undefined) return undefined;
  const c = String(value).toLowerCase();
  if (!isKnownCurrency(c)) throw invalidParam(param, `Invalid currency: ${String(value).slice(0, 8)}`);
  return c;
}

/** Registers the data routes; `app` must be a scope with the `requireSessionHook` (see app.ts). */
export function dataRoutes(app: FastifyInstance, ctx: AppContext): void {
  app.get('/v1/account', { schema: { querystring: noQuery } }, async (request) => {
    const { accountId } = signedInAs(request);
    return ctx.ledger.accountObject(accountId);
  });

  app.get('/v1/balance', { schema: { querystring: noQuery } }, async (request) => {
    const { accountId } = signedInAs(request);
    return ctx.ledger.balance(accountId);
  });

  app.get<{ Querystring: Query }>(
    '/v1/balance_transactions',
    {
      schema: {
        querystring: query({
          ...listProps,
          ...rangeProps('created'),
          ...rangeProps('available_on'),
          type: { type: 'string', minLength: 1, maxLength: 64 },
          'type[]': { type: 'array', items: { type: 'string', minLength: 1, maxLength: 64 }, maxItems: 50 },
          currency,
        }),
      },
    },
    async (request) => {
      const { accountId } = signedInAs(request);
      const q = request.query;
      const types = [...((q['type[]'] as string[] | undefined) ?? []), ...(q.type !== undefined ? [q.type as string] : [])];
      return ctx.ledger.listBalanceTransactions(accountId, {
        limit: q.limit as number,
        starting_after: q.starting_after as string | undefined,
        ending_before: q.ending_before as string | undefined,
        created: rangeOf(q, 'created'),
        available_on: rangeOf(q, 'available_on'),
        types: types.length ? types : undefined,
        currency: checkCurrency(q.currency),
      });
    },
  );

  app.get<{ Params: { id: string } }>('/v1/balance_transactions/:id', { schema: { params: idParams, querystring: noQuery } }, async (request) => {
    const { accountId } = signedInAs(request);
    return ctx.ledger.balanceTransaction(accountId, request.params.id);
  });

  app.get<{ Querystring: Query }>(
    '/v1/payouts',
    {
      schema: {
        querystring: query({
          ...listProps,
          ...rangeProps('created'),
          ...rangeProps('arrival_date'),
          status: { type: 'string', enum: ['pending', 'paid', 'failed', 'canceled', 'in_transit'] },
        }),
      },
    },
    async (request) => {
      const { accountId } = signedInAs(request);
      const q = request.query;
      return ctx.ledger.listPayouts(accountId, {
        limit: q.limit as number,
        starting_after: q.starting_after as string | undefined,
        ending_before: q.ending_before as string | undefined,
        created: rangeOf(q, 'created'),
        arrival_date: rangeOf(q, 'arrival_date'),
        status: q.status as string | undefined,
      });
    },
  );

  app.get<{ Params: { id: string } }>('/v1/payouts/:id', { schema: { params: idParams, querystring: noQuery } }, async (request) => {
    const { accountId } = signedInAs(request);
    return ctx.ledger.payout(accountId, request.params.id);
  });

  app.get<{ Querystring: Query }>(
    '/v1/net_volume',
    {
      schema: {
        querystring: query(
          {
            interval: { type: 'string', enum: ['day', 'week', 'month', 'quarter', 'year'] },
            'created[gte]': int,
            'created[lt]': int,
            currency,
            timezone: { type: 'string', minLength: 1, maxLength: 64 },
          },
          ['interval', 'created[gte]', 'created[lt]', 'currency', 'timezone'],
        ),
      },
    },
    async (request) => {
      const { accountId } = signedInAs(request);
      const q = request.query;
      const data = ctx.ledger.netVolume(accountId, {
        interval: q.interval as Interval,
        created: { gte: q['created[gte]'] as number, lt: q['created[lt]'] as number },
        currency: checkCurrency(q.currency)!,
        timezone: q.timezone as string,
      });
      return { object: 'list', data, has_more: false, url: '/v1/net_volume' };
    },
  );

  app.post('/v1/login_links', async (request) => {
    const { accountId } = signedInAs(request);
    expectNoBody(request.body);
    return ctx.signIn.createLoginLink(accountId, `${ctx.publicUrl()}/login`);
  });
}

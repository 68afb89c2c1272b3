/**
 * `stripeSource`: the REST contract over Stripe Connect, with the platform's Stripe client and
 * `Stripe-Account: <account>` on every call. Stripe's objects pass through unchanged; the account
 * gets `livemode` (from the key's mode: Stripe's account object has none).
 *
 * - `type[]` with several values: Stripe's `type` takes one. The source pages Stripe without it
 *   (100 rows a call) and keeps the matching rows until `limit` is filled; when the types are rare
 *   (a page matched too few to fill the rest within `maxScanPages` pages), it asks for each type
 *   from the last row it examined (one call per type, in parallel) and merges them newest first.
 *   Either way the page is exactly the `limit` newest matches after the cursor, so paging by the
 *   last object returned has no gap and no duplicate. At most `maxScanPages + n` Stripe calls for
 *   n types (one call for one type, or none).
 * - Net volume: the core's `aggregateNetVolume` over the range's balance transactions (paged,
 *   100 a call, at most `maxNetVolumePages` calls), cached per account and range in a bounded
 *   cache that webhooks keep current.
 * - `webhook(request)`: checks the signature with the `stripe` package's own
 *   `webhooks.constructEventAsync`, and turns Connect events into the contract's: `payout.*` as
 *   `payout.created` or `payout.updated` (the payout fetched afresh, told once per change),
 *   `balance.available` as `balance.updated`, and new money (`charge.succeeded`, refunds, transfers,
 *   fees, payouts, ...) as `balance_transaction.created` for each new transaction, then
 *   `balance.updated`. Events are stored with increasing ids and pushed to the account's streams.
 * - Stripe's failures: 429 answers 429 `rate_limited` with `Retry-After`; 5xx and no answer,
 *   after the client's own retries (with backoff and, for POSTs, idempotency keys), answer 503
 *   (the browser's `server_error`) with `Retry-After`; a 401 or 403 (a wrong key, an account not
 *   connected) is the platform's to fix: logged, answered 500.
 */
import { newestFirst } from '../adapter/memory-data.js';
import type { BalanceTransaction, ExpressEvent, Payout } from '../contract/types.js';
import type { NetVolumeTxn } from '../core/net-volume.js';
import { ApiError, jsonResponse } from './errors.js';
import { memoryEventStore, type EventStore } from './events.js';
import { NetVolumeCache, type NetVolumeSeriesStore } from './net-volume-cache.js';
import type { RangeFilter } from './params.js';
import type { BalanceTransactionQuery, ExpressSource, ListPage } from './source.js';
import { memoryStripeState, type StripeSourceState } from './stripe-state.js';
import type { StripeBalanceTransactionListParams, StripeClient, StripeErrorLike, StripeEventLike, StripeRequestOptions } from './stripe-client.js';

/** Options of `stripeSource`. */
export interface StripeSourceOptions {
  /** The platform's client: `new Stripe(process.env.STRIPE_SECRET_KEY)`. */
  stripe: StripeClient;
  /** The Connect webhook endpoint's signing secret (`whsec_…`); without it `webhook` answers 404 and nothing is live. */
  webhookSecret?: string;
  /** The key's mode; default: asked of Stripe once (the balance's `livemode`). */
  livemode?: boolean;
  /**
   * Where events are kept and announced; default `memoryEventStore()` (one process). Several
   * instances share one that tells every instance's streams (the reference server's, on PostgreSQL).
   */
  events?: EventStore;
  /**
   * What the webhooks' handling remembers (events handled, transactions and payout states told);
   * default `memoryStripeState()` (one process). Several instances share one in their database.
   */
  state?: StripeSourceState;
  /**
   * The net volume cache: series kept by the default memory store (default 1000), how long
   * (default 6 hours with a webhook secret, else 1 minute), and where (a store several instances share).
   */
  netVolumeCache?: { maxEntries?: number; ttlMs?: number; store?: NetVolumeSeriesStore };
  /** Pages of 100 scanned for a `type[]` request before asking type by type; default 3. */
  maxScanPages?: number;
  /** The most pages of 100 summed for one net volume series; default 200 (20,000 transactions). */
  maxNetVolumePages?: number;
  /** Milliseconds before a Stripe call gives up; default 20000. */
  timeoutMs?: number;
  /** The client's retries per call (connection errors, 409, 5xx, `Stripe-Should-Retry`); default 2. */
  maxNetworkRetries?: number;
  /** Seconds a webhook's signature stays valid; default 300 (Stripe's). */
  webhookTolerance?: number;
  /** Milliseconds since the epoch; default `Date.now` (tests move it). */
  now?: () => number;
  /** Where failures that are not the browser's go; default `console.error`. */
  onError?: (message: string, error: unknown) => void;
}

/** What `stripeSource` returns: a source, and its cache (for diagnostics). */
export interface StripeSource extends ExpressSource {
  readonly events: EventStore;
  webhook(request: Request): Promise<Response>;
  readonly netVolumeCache: NetVolumeCache;
}

/** Connect events that mean new balance transactions on the account. */
const MONEY_EVENTS = new Set([
  'charge.succeeded',
  'charge.captured',
  'charge.refunded',
  'charge.refund.updated',
  'charge.dispute.created',
  'charge.dispute.funds_withdrawn',
  'charge.dispute.funds_reinstated',
  'payment.created',
  'transfer.created',
  'transfer.reversed',
  'application_fee.created',
  'application_fee.refunded',
  'topup.succeeded',
  'topup.reversed',
  'payout.created',
  'payout.failed',
  'payout.canceled',
]);

/** Payout events: each one fetches the payout and tells its state once. */
const PAYOUT_EVENTS = new Set(['payout.created', 'payout.updated', 'payout.paid', 'payout.failed', 'payout.canceled', 'payout.reconciliation_completed']);

/** New transactions are looked for this far before the event (seconds). */
const LOOKBACK_SECONDS = 300;
/** The first event of an account tells only the transactions made this close before it (seconds). */
const FIRST_EVENT_SKEW = 10;
const URL_TRANSACTIONS = '/v1/balance_transactions';
const URL_PAYOUTS = '/v1/payouts';

/** A claimed event not finished within this long was abandoned (its instance died): the next delivery claims it again. */
const CLAIM_STALE_MS = 60_000;

/** The object without `undefined` fields (what the client encodes). */
function defined<T extends object>(o: T): T {
  return Object.fromEntries(Object.entries(o).filter(([, v]) => v !== undefined)) as T;
}

/** The contract's error for what the Stripe client threw (see the module doc). */
export function errorFromStripe(e: unknown, onError: (message: string, error: unknown) => void, what: string): ApiError {
  if (e instanceof ApiError) return e;
  const err = (e ?? {}) as StripeErrorLike;
  const status = typeof err.statusCode === 'number' ? err.statusCode : undefined;
  if (status === 400 || status === 402 || status === 404) {
    return new ApiError(status === 402 ? 400 : status, err.code ?? (status === 404 ? 'resource_missing' : 'parameter_invalid'), err.message ?? 'Invalid request.', {
      param: err.param,
      cause: e,
    });
  }
  if (status === 429) {
    const header = Number(err.headers?.['retry-after'] ?? err.headers?.['Retry-After']);
    return new ApiError(429, 'rate_limited', 'Too many requests right now. Try again in a moment.', {
      retryAfter: Number.isFinite(header) && header > 0 ? Math.ceil(header) : 2,
      cause: e,
    });
  }
  if (status === 401 || status === 403) {
    onError(`Stripe refused ${what} (${status}): check the secret key and that the account is connected to the platform`, e);
    return new ApiError(500, 'api_error', 'Something went wrong on our side. Try again in a moment.', { cause: e });
  }
  if (status === undefined && !/^Stripe/.test(err.type ?? '')) {
    onError(`${what} failed`, e);
    return new ApiError(500, 'api_error', 'Something went wrong on our side. Try again in a moment.', { cause: e });
  }
  // 5xx, or no answer at all, after the client's retries.
  return new ApiError(503, 'api_error', 'Payment data is unavailable for a moment. Try again shortly.', { retryAfter: 5, cause: e });
}

/** See the module doc and `StripeSourceOptions`. */
export function stripeSource(options: StripeSourceOptions): StripeSource {
  const { stripe } = options;
  if (!stripe || typeof stripe.balanceTransactions?.list !== 'function') throw new TypeError('stripeSource needs the Stripe client: stripeSource({ stripe: new Stripe(key) }).');
  const now = options.now ?? Date.now;
  const onError = options.onError ?? ((m: string, e: unknown) => console.error(m, e));
  const events = options.events ?? memoryEventStore({ now });
  const maxScanPages = Math.max(0, options.maxScanPages ?? 3);
  const maxNetVolumePages = Math.max(1, options.maxNetVolumePages ?? 200);
  const secret = options.webhookSecret;
  const cache = new NetVolumeCache({
    maxEntries: options.netVolumeCache?.maxEntries,
    ttlMs: options.netVolumeCache?.ttlMs ?? (secret ? 6 * 3600_000 : 60_000),
    store: options.netVolumeCache?.store,
    now,
  });
  const state = options.state ?? memoryStripeState();
  let livemode: Promise<boolean> | undefined = options.livemode === undefined ? undefined : Promise.resolve(options.livemode);

  const on = (account: string): StripeRequestOptions => ({
    stripeAccount: account,
    timeout: options.timeoutMs ?? 20_000,
    maxNetworkRetries: options.maxNetworkRetries ?? 2,
  });
  async function call<T>(what: string, f: () => PromiseLike<T>): Promise<T> {
    try {
      return await f();
    } catch (e) {
      throw errorFromStripe(e, onError, what);
    }
  }
  const listTxns = (account: string, p: StripeBalanceTransactionListParams) =>
    call('listing balance transactions', () => stripe.balanceTransactions.list(defined(p), on(account)));

  /** `type[]` with several types (see the module doc). */
  async function listSeveralTypes(account: string, q: BalanceTransactionQuery, types: string[]): Promise<ListPage<BalanceTransaction>> {
    const want = new Set(types);
    const backward = q.ending_before !== undefined;
    const cursorName = backward ? 'ending_before' : 'starting_after';
    const base = { created: q.created, currency: q.currency, payout: q.payout, source: q.source };
    const need = q.limit + 1; // one more than asked: whether there is more
    const found: BalanceTransaction[] = []; // nearest the cursor first
    let cursor = backward ? q.ending_before : q.starting_after;
    let exhausted = false;
    for (let pages = 0; pages < maxScanPages && found.length < need && !exhausted; pages++) {
      const page = await listTxns(account, { ...base, limit: 100, [cursorName]: cursor });
      const rows = backward ? [...page.data].reverse() : page.data;
      let matched = 0;
      for (const row of rows) {
        if (!want.has(row.type)) continue;
        matched++;
        found.push(row);
        if (found.length === need) break;
      }
      if (found.length === need) break;
      exhausted = !page.has_more || rows.length === 0;
      if (rows.length) cursor = rows[rows.length - 1].id;
      // Too rare to fill the page within the scan budget: ask type by type from here.
      if (matched * (maxScanPages - pages - 1) < need - found.length) break;
    }
    let hasMore = found.length > q.limit;
    if (found.length < need && !exhausted) {
      const rest = need - found.length;
      const lists = await Promise.all(types.map((type) => listTxns(account, { ...base, type, limit: Math.min(100, rest), [cursorName]: cursor })));
      const merged = lists.flatMap((l) => l.data).sort(backward ? (a, b) => newestFirst(b, a) : newestFirst);
      found.push(...merged.slice(0, rest));
      hasMore = found.length > q.limit || merged.length > rest || lists.some((l) => l.has_more);
    }
    const data = found.slice(0, q.limit);
    if (backward) data.reverse();
    return { object: 'list', data, has_more: hasMore, url: URL_TRANSACTIONS };
  }

  /** Every transaction of a range and currency (for net volume), at most `maxNetVolumePages` calls. */
  async function rangeRows(account: string, created: RangeFilter, currency: string): Promise<(NetVolumeTxn & { id: string })[]> {
    const out: (NetVolumeTxn & { id: string })[] = [];
    let starting_after: string | undefined;
    for (let pages = 0; ; pages++) {
      if (pages === maxNetVolumePages) {
        throw new ApiError(400, 'parameter_invalid', 'That range holds too many transactions to sum at once. Choose a shorter range.', { param: 'created' });
      }
      const page = await listTxns(account, { created, currency, limit: 100, starting_after });
      for (const t of page.data) out.push({ id: t.id, net: t.net, created: t.created, type: t.type, currency: t.currency });
      if (!page.has_more || page.data.length === 0) return out;
      starting_after = page.data[page.data.length - 1].id;
    }
  }

  async function keyLivemode(account: string): Promise<boolean> {
    livemode ??= call('reading the balance', () => stripe.balance.retrieve({}, on(account))).then((b) => b.livemode === true);
    try {
      return await livemode;
    } catch (e) {
      livemode = undefined;
      throw e;
    }
  }

  async function tell(account: string, list: ExpressEvent[]): Promise<void> {
    if (list.length) await events.append(account, list);
  }

  /**
   * The account's transactions made since shortly before an event at `eventCreated` (Unix
   * seconds) that were not told yet (by any instance sharing the state): each told once, added to
   * net volume, then the balance. The first event of an account cannot know what its streams were
   * shown: the transactions made more than `FIRST_EVENT_SKEW` before it count as known, not new.
   */
  async function syncTransactions(account: string, eventCreated: number): Promise<void> {
    const listed: BalanceTransaction[] = [];
    let starting_after: string | undefined;
    for (let pages = 0; pages < 3; pages++) {
      const page = await listTxns(account, { created: { gte: eventCreated - LOOKBACK_SECONDS }, limit: 100, starting_after });
      listed.push(...page.data);
      if (!page.has_more || page.data.length === 0) break;
      starting_after = page.data[page.data.length - 1].id;
    }
    if (!listed.length) return;
    const { fresh: ids, first } = await state.markTold(account, listed.map((t) => t.id), now());
    const marked = new Set(ids);
    const fresh: BalanceTransaction[] = [];
    for (const t of listed) {
      if (!marked.has(t.id)) continue;
      if (first && t.created < eventCreated - FIRST_EVENT_SKEW) await cache.add(account, t); // known: counted once at most
      else fresh.push(t);
    }
    if (!fresh.length) return;
    fresh.sort((a, b) => newestFirst(b, a)); // oldest first
    for (const t of fresh) await cache.add(account, t);
    const told: ExpressEvent[] = fresh.map((data) => ({ type: 'balance_transaction.created' as const, data }));
    try {
      told.push({ type: 'balance.updated', data: await call('reading the balance', () => stripe.balance.retrieve({}, on(account))) });
    } catch (e) {
      // They are marked told: tell them now, without the balance (the next event brings it).
      onError('Reading the balance after new transactions failed', e);
    }
    await tell(account, told);
  }

  /** A payout event: the payout as it is now, told when its state changed. */
  async function payoutChanged(account: string, event: StripeEventLike): Promise<void> {
    const sent = event.data.object as Payout;
    let payout: Payout;
    try {
      payout = await call('reading a payout', () => stripe.payouts.retrieve(sent.id, { expand: ['destination'] }, on(account)));
    } catch (e) {
      if (e instanceof ApiError && e.status === 404) return;
      payout = sent;
    }
    const payoutKey = JSON.stringify([payout.status, payout.reconciliation_status, payout.failure_code, payout.arrival_date, payout.amount]);
    const change = await state.payoutState(account, payout.id, payoutKey, now());
    if (change === 'same') return;
    await tell(account, [{ type: change === 'new' && event.type === 'payout.created' ? 'payout.created' : 'payout.updated', data: payout }]);
  }

  async function handle(event: StripeEventLike): Promise<void> {
    const account = event.account;
    if (!account) return; // the platform's own event: not a connected account's
    if (PAYOUT_EVENTS.has(event.type)) await payoutChanged(account, event);
    if (event.type === 'balance.available') await tell(account, [{ type: 'balance.updated', data: event.data.object as ExpressEvent['data'] } as ExpressEvent]);
    if (MONEY_EVENTS.has(event.type)) await syncTransactions(account, event.created);
  }

  return {
    events,
    netVolumeCache: cache,

    async getAccount(account) {
      const a = await call('reading the account', () => stripe.accounts.retrieveCurrent({}, on(account)));
      return { ...a, livemode: await keyLivemode(account) };
    },

    async getBalance(account) {
      return { ...(await call('reading the balance', () => stripe.balance.retrieve({}, on(account)))) };
    },

    async listBalanceTransactions(account, q) {
      const types = q.type ?? [];
      if (types.length > 1) return listSeveralTypes(account, q, types);
      const page = await listTxns(account, {
        limit: q.limit,
        starting_after: q.starting_after,
        ending_before: q.ending_before,
        created: q.created,
        type: types[0],
        currency: q.currency,
        payout: q.payout,
        source: q.source,
      });
      return { object: 'list', data: page.data, has_more: page.has_more, url: URL_TRANSACTIONS };
    },

    async getBalanceTransaction(account, id) {
      return { ...(await call('reading a balance transaction', () => stripe.balanceTransactions.retrieve(id, {}, on(account)))) };
    },

    async listPayouts(account, q) {
      const page = await call('listing payouts', () =>
        stripe.payouts.list(
          defined({
            limit: q.limit,
            starting_after: q.starting_after,
            ending_before: q.ending_before,
            created: q.created,
            arrival_date: q.arrival_date,
            status: q.status,
            expand: ['data.destination'],
          }),
          on(account),
        ),
      );
      return { object: 'list', data: page.data, has_more: page.has_more, url: URL_PAYOUTS };
    },

    async getPayout(account, id) {
      return { ...(await call('reading a payout', () => stripe.payouts.retrieve(id, { expand: ['destination'] }, on(account)))) };
    },

    async getNetVolume(account, q) {
      return cache.get(account, q, () => rangeRows(account, q.created, q.currency));
    },

    async webhook(request) {
      if (!secret) throw new ApiError(404, 'resource_missing', 'No webhook secret is configured.');
      const payload = await request.text();
      const signature = request.headers.get('stripe-signature');
      if (!signature) throw new ApiError(400, 'signature_missing', 'No Stripe-Signature header.');
      let event: StripeEventLike;
      try {
        event = await stripe.webhooks.constructEventAsync(payload, signature, secret, options.webhookTolerance ?? 300, undefined, now());
      } catch (e) {
        throw new ApiError(400, 'signature_invalid', 'The webhook signature is not valid (or too old).', { cause: e });
      }
      if (!(await state.claimEvent(event.id, now(), CLAIM_STALE_MS))) return jsonResponse({ received: true, duplicate: true });
      try {
        await handle(event);
      } catch (e) {
        await Promise.resolve(state.releaseEvent(event.id)).catch(() => {});
        throw e; // answers 5xx: Stripe delivers the event again later
      }
      await state.finishEvent(event.id);
      return jsonResponse({ received: true });
    },
  };
}

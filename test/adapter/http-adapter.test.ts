// HttpAdapter over real HTTP: the test runner's dev server serves the fixture API of
// test/support/middleware.mjs under /test-api/.
import { expect, waitUntil } from '@open-wc/testing';
import {
  HttpAdapter,
  joinUrl,
  parseRetryAfter,
  stripeQuery,
  type EventSourceConstructor,
} from '../../src/adapter/http-adapter.js';
import { ExpressError, isAbortError } from '../../src/contract/errors.js';
import { DEFAULT_ERROR_MESSAGES } from '../../src/contract/error-messages.js';
import type { ExpressEvent } from '../../src/contract/types.js';
import { expressError, rejection } from '../support/rejection.js';

interface Recorded {
  method: string;
  path: string;
  query: string;
  headers: Record<string, string>;
  body: string;
}
interface SseState {
  open: number;
  total: number;
  lastEventIds: (string | null)[];
  queries: (string | null)[];
}

const token = () => `t${Math.random().toString(36).slice(2)}${Date.now().toString(36)}`;
const getJson = async <T>(url: string): Promise<T> => (await fetch(url)).json() as Promise<T>;
const recorded = (tok: string) => getJson<Recorded[]>(`/test-api/recorded/${tok}`);
const sseState = (tok: string) => getJson<SseState>(`/test-api/sse/${tok}/state`);

/** An adapter whose requests are recorded under a fresh token, then answered by `/test-api/{rest}`. */
function recording(rest = 'ok/v1', options: Partial<ConstructorParameters<typeof HttpAdapter>[0]> = {}) {
  const tok = token();
  const adapter = new HttpAdapter({ baseUrl: `/test-api/record/${tok}/${rest}`, ...options });
  return { adapter, tok, last: async () => (await recorded(tok)).at(-1)! };
}

describe('HttpAdapter requests', () => {
  it('GETs {base}/account and {base}/balance without a query string', async () => {
    const { adapter, last } = recording();
    await adapter.getAccount();
    let r = await last();
    expect(r.method).to.equal('GET');
    expect(r.path).to.match(/\/ok\/v1\/account$/);
    expect(r.query).to.equal('');
    await adapter.getBalance();
    r = await last();
    expect(r.method).to.equal('GET');
    expect(r.path).to.match(/\/ok\/v1\/balance$/);
    expect(r.query).to.equal('');
  });

  it('spells every balance transaction parameter as Stripe does, brackets literal, type[] repeated', async () => {
    const { adapter, last } = recording();
    const page = await adapter.listBalanceTransactions({
      limit: 3,
      starting_after: 'txn_test_02',
      created: { gte: 1_700_000_000, lt: 1_700_086_400 },
      type: ['charge', 'payment'],
      currency: 'usd',
    });
    const r = await last();
    expect(r.path).to.match(/\/ok\/v1\/balance_transactions$/);
    expect(r.query).to.equal(
      'limit=3&starting_after=txn_test_02&created[gte]=1700000000&created[lt]=1700086400' +
        '&type[]=charge&type[]=payment&currency=usd',
    );
    expect(page.data.map((t) => t.id)).to.deep.equal(['txn_test_03', 'txn_test_04', 'txn_test_05']);
    expect(page.has_more).to.be.true;
  });

  it('leaves undefined parameters out entirely', async () => {
    const { adapter, last } = recording();
    await adapter.listBalanceTransactions({});
    expect((await last()).query).to.equal('');
    await adapter.listBalanceTransactions({ limit: undefined, created: { gte: 5 }, type: undefined, currency: undefined });
    expect((await last()).query).to.equal('created[gte]=5');
    await adapter.listPayouts({ starting_after: undefined, arrival_date: { lt: 9 } });
    expect((await last()).query).to.equal('arrival_date[lt]=9');
  });

  it('spells payout parameters as Stripe does and URL-encodes values', async () => {
    const { adapter, last } = recording();
    await adapter.listPayouts({ limit: 2, status: 'paid', arrival_date: { gte: 100, lt: 200 } });
    let r = await last();
    expect(r.path).to.match(/\/ok\/v1\/payouts$/);
    expect(r.query).to.equal('limit=2&status=paid&arrival_date[gte]=100&arrival_date[lt]=200');
    await adapter.listPayouts({ status: 'a b&c=d/é' });
    r = await last();
    expect(r.query).to.equal('status=a%20b%26c%3Dd%2F%C3%A9');
  });

  it('sends payout=po_… for what a payout paid out', async () => {
    const { adapter, last } = recording();
    await adapter.listBalanceTransactions({ limit: 5, payout: 'po_1OaFDbEcg9tTZuTgNYmX0PKB' });
    const r = await last();
    expect(r.path).to.match(/\/ok\/v1\/balance_transactions$/);
    expect(r.query).to.equal('limit=5&payout=po_1OaFDbEcg9tTZuTgNYmX0PKB');
  });

  it('GETs {base}/payouts/{id}, the id URL-encoded, and validates the payout', async () => {
    const { adapter, last } = recording();
    const payout = await adapter.getPayout('po_test_2');
    const r = await last();
    expect(r.method).to.equal('GET');
    expect(r.path).to.match(/\/ok\/v1\/payouts\/po_test_2$/);
    expect(r.query).to.equal('');
    expect(payout.id).to.equal('po_test_2');
    expect(payout.amount).to.equal(1200);
    await rejection(adapter.getPayout('po/../x'));
    expect((await last()).path).to.match(/\/payouts\/po%2F\.\.%2Fx$/);
    expect((await expressError(adapter.getPayout('po_missing'))).code).to.equal('not_found');
    const bad = new HttpAdapter({ baseUrl: '/v1', fetch: async () => new Response(JSON.stringify({ id: 'po_1', amount: '12.00' })) });
    const e = await expressError(bad.getPayout('po_1'));
    expect(e.code).to.equal('invalid_response');
    expect(e.param).to.equal('amount');
  });

  it('asks for net volume with interval, created range, currency and time zone, and returns the buckets', async () => {
    const { adapter, last } = recording();
    const points = await adapter.getNetVolume({
      interval: 'week',
      created: { gte: 1_700_000_000, lt: 1_702_592_000 },
      currency: 'eur',
      timezone: 'America/New_York',
    });
    const r = await last();
    expect(r.path).to.match(/\/ok\/v1\/net_volume$/);
    expect(r.query).to.equal(
      'interval=week&created[gte]=1700000000&created[lt]=1702592000&currency=eur&timezone=America%2FNew_York',
    );
    expect(points).to.deep.equal([
      { start: 1_700_000_000, net: 1200 },
      { start: 1_700_086_400, net: 0 },
      { start: 1_700_172_800, net: -300 },
    ]);
  });

  it('POSTs {base}/login_links with an empty body', async () => {
    const { adapter, last } = recording();
    const link = await adapter.createLoginLink();
    const r = await last();
    expect(r.method).to.equal('POST');
    expect(r.path).to.match(/\/ok\/v1\/login_links$/);
    expect(r.body).to.equal('');
    expect(link.url).to.match(/^https:\/\//);
  });

  it('joins absolute and relative base URLs with the path without double slashes', async () => {
    const tok = token();
    const adapter = new HttpAdapter({ baseUrl: `${location.origin}/test-api/record/${tok}/ok/v1///` });
    await adapter.getBalance();
    const [r] = await recorded(tok);
    expect(r.path).to.equal(`/test-api/record/${tok}/ok/v1/balance`);
    expect(joinUrl('/v1', 'account')).to.equal('/v1/account');
    expect(joinUrl('/v1/', '/account')).to.equal('/v1/account');
    expect(joinUrl('https://api.example.com/v1/', 'events')).to.equal('https://api.example.com/v1/events');
    expect(joinUrl('', 'account')).to.equal('/account');
  });

  it('sends cookies, Accept: application/json and the configured headers', async () => {
    document.cookie = 'http_adapter_test=yes; path=/';
    try {
      const { adapter, last } = recording('ok/v1', { headers: { 'X-Platform-Token': 'tok_123' } });
      await adapter.getAccount();
      const r = await last();
      expect(r.headers.accept).to.equal('application/json');
      expect(r.headers['x-platform-token']).to.equal('tok_123');
      expect(r.headers.cookie).to.include('http_adapter_test=yes');
    } finally {
      document.cookie = 'http_adapter_test=; max-age=0; path=/';
    }
  });

  it('calls a headers function before each request', async () => {
    let n = 0;
    const { adapter, last } = recording('ok/v1', { headers: async () => ({ Authorization: `Bearer ${++n}` }) });
    await adapter.getBalance();
    expect((await last()).headers.authorization).to.equal('Bearer 1');
    await adapter.getBalance();
    expect((await last()).headers.authorization).to.equal('Bearer 2');
  });

  it("passes credentials: 'include' and the caller's signal to fetch", async () => {
    const calls: RequestInit[] = [];
    const adapter = new HttpAdapter({
      baseUrl: '/test-api/ok/v1',
      fetch: (input, init) => {
        calls.push(init ?? {});
        return fetch(input, init);
      },
    });
    const controller = new AbortController();
    await adapter.getAccount({ signal: controller.signal });
    expect(calls).to.have.length(1);
    expect(calls[0].credentials).to.equal('include');
    expect(calls[0].signal).to.equal(controller.signal);
    expect(calls[0].method).to.equal('GET');
  });
});

describe('HttpAdapter with the Stripe fixtures', () => {
  const adapter = new HttpAdapter({ baseUrl: '/test-api/ok/v1' });

  it("reads Stripe's account, balance, payout and login link into the contract types", async () => {
    const account = await adapter.getAccount();
    expect(account.id).to.equal('acct_1PgafTB7WZ01zgkW');
    expect(account.default_currency).to.equal('usd');
    expect(account.settings?.dashboard?.timezone).to.equal('Etc/UTC');
    expect(account.settings?.payouts?.schedule).to.deep.equal({ delay_days: 2, interval: 'daily' });
    const balance = await adapter.getBalance();
    expect(balance.livemode).to.be.false;
    expect(balance.available).to.have.length(1);
    expect(balance.available[0]).to.include({ amount: 0, currency: 'usd' });
    const payouts = await adapter.listPayouts({ limit: 1 });
    expect(payouts.data[0]).to.include({ id: 'po_1Pgc79B7WZ01zgkWu1KToYf4', amount: 1100, status: 'in_transit' });
    expect(payouts.has_more).to.be.true;
    const link = await adapter.createLoginLink();
    expect(link).to.include({ created: 1234567890 });
  });

  it("reads Stripe's balance transaction list and pages through it with starting_after", async () => {
    const first = await adapter.listBalanceTransactions({ limit: 10 });
    expect(first.data[0]).to.include({ id: 'txn_1PgaxNB7WZ01zgkWEV3TLf40', amount: 100, fee: 0, net: 100, type: 'charge' });
    const ids: string[] = [];
    let page = first;
    for (;;) {
      ids.push(...page.data.map((t) => t.id));
      if (!page.has_more) break;
      page = await adapter.listBalanceTransactions({ limit: 10, starting_after: page.data.at(-1)!.id });
    }
    expect(ids).to.have.length(25);
    expect(new Set(ids).size).to.equal(25);
  });
});

describe('HttpAdapter errors', () => {
  const table: [number, string][] = [
    [400, 'invalid_request'],
    [401, 'unauthorized'],
    [403, 'unauthorized'],
    [404, 'not_found'],
    [410, 'expired'],
    [418, 'unknown'],
    [422, 'invalid_request'],
    [429, 'rate_limited'],
    [500, 'server_error'],
    [503, 'server_error'],
  ];
  for (const [status, code] of table) {
    it(`maps HTTP ${status} to ${code} with the Stripe error's message and param`, async () => {
      const adapter = new HttpAdapter({ baseUrl: `/test-api/status/${status}/v1` });
      const e = await expressError(adapter.listBalanceTransactions({ limit: 5 }));
      expect(e.code).to.equal(code);
      expect(e.message).to.equal(`Test error ${status}`);
      expect(e.param).to.equal('test_param');
      if (status === 429) expect(e.retryAfter).to.equal(7);
      else expect(e.retryAfter).to.be.undefined;
    });
  }

  it('maps errors of every method, POST included', async () => {
    const adapter = new HttpAdapter({ baseUrl: '/test-api/status/410/v1' });
    expect((await expressError(adapter.createLoginLink())).code).to.equal('expired');
    expect((await expressError(adapter.getAccount())).code).to.equal('expired');
    expect((await expressError(adapter.getBalance())).code).to.equal('expired');
    expect((await expressError(adapter.listPayouts({}))).code).to.equal('expired');
    expect((await expressError(adapter.getPayout('po_1'))).code).to.equal('expired');
    const nv = { interval: 'day' as const, created: { gte: 0, lt: 86_400 }, currency: 'usd', timezone: 'UTC' };
    expect((await expressError(adapter.getNetVolume(nv))).code).to.equal('expired');
  });

  it('uses the default message of the code when the error body is not Stripe-shaped', async () => {
    const e = await expressError(new HttpAdapter({ baseUrl: '/test-api/status/502-plain/v1' }).getAccount());
    expect(e.code).to.equal('server_error');
    expect(e.message).to.equal(DEFAULT_ERROR_MESSAGES.server_error);
    expect(e.param).to.be.undefined;
    const e401 = await expressError(new HttpAdapter({ baseUrl: '/test-api/status/401-plain/v1' }).getAccount());
    expect(e401.message).to.equal(DEFAULT_ERROR_MESSAGES.unauthorized);
  });

  it('reads Retry-After given as an HTTP date as seconds from now', async () => {
    const when = new Date(Date.now() + 120_000).toUTCString();
    const adapter = new HttpAdapter({
      baseUrl: '/v1',
      fetch: async () => new Response('{}', { status: 429, headers: { 'Retry-After': when } }),
    });
    const e = await expressError(adapter.getBalance());
    expect(e.code).to.equal('rate_limited');
    expect(e.retryAfter).to.be.within(118, 120);
    expect(parseRetryAfter('30')).to.equal(30);
    expect(parseRetryAfter('Wed, 21 Oct 2015 07:28:00 GMT', Date.parse('Wed, 21 Oct 2015 07:27:00 GMT'))).to.equal(60);
    expect(parseRetryAfter('Wed, 21 Oct 2015 07:28:00 GMT', Date.parse('Wed, 21 Oct 2015 08:00:00 GMT'))).to.equal(0);
    expect(parseRetryAfter('soon')).to.be.undefined;
    expect(parseRetryAfter(null)).to.be.undefined;
  });

  it('turns a failed connection (a closed port) into network, with the TypeError as cause', async () => {
    const adapter = new HttpAdapter({ baseUrl: 'http://127.0.0.1:9/v1' });
    const e = await expressError(adapter.getAccount());
    expect(e.code).to.equal('network');
    expect(e.message).to.equal(DEFAULT_ERROR_MESSAGES.network);
    expect((e as { cause?: unknown }).cause).to.be.instanceOf(TypeError);
  });

  it('rejects a body that is not JSON with invalid_response', async () => {
    const adapter = new HttpAdapter({ baseUrl: '/test-api/malformed/v1' });
    for (const call of [() => adapter.getAccount(), () => adapter.listBalanceTransactions({}), () => adapter.createLoginLink()]) {
      expect((await expressError(call())).code).to.equal('invalid_response');
    }
  });

  it('rejects JSON of the wrong shape with invalid_response for every method', async () => {
    const adapter = new HttpAdapter({ baseUrl: '/test-api/wrong-shape/v1' });
    const nv = { interval: 'day' as const, created: { gte: 0, lt: 86_400 }, currency: 'usd', timezone: 'UTC' };
    const calls = [
      () => adapter.getAccount(),
      () => adapter.getBalance(),
      () => adapter.listBalanceTransactions({}),
      () => adapter.listPayouts({}),
      () => adapter.createLoginLink(),
      () => adapter.getNetVolume(nv),
    ];
    for (const call of calls) {
      const e = await expressError(call());
      expect(e.code).to.equal('invalid_response');
    }
    const e = await expressError(adapter.listBalanceTransactions({}));
    expect(e.param).to.equal('data');
  });

  it('passes list items through for the boundary guard, rejecting only a wrong envelope', async () => {
    const body = { object: 'list', has_more: false, data: [{ id: 'txn_bad', amount: 1.5 }] };
    const adapter = new HttpAdapter({ baseUrl: '/v1', fetch: async () => Response.json(body) });
    const page = await adapter.listBalanceTransactions({});
    expect(page.data).to.deep.equal(body.data);
  });
});

describe('HttpAdapter abort', () => {
  it('rejects an in-flight request with the signal reason, not an ExpressError', async () => {
    const tok = token();
    const adapter = new HttpAdapter({ baseUrl: `/test-api/record/${tok}/slow/v1` });
    const controller = new AbortController();
    const p = adapter.getAccount({ signal: controller.signal });
    await waitUntil(async () => (await recorded(tok)).length === 1, 'the request reached the server');
    controller.abort();
    const e = await rejection(p);
    expect(e).to.equal(controller.signal.reason);
    expect(isAbortError(e)).to.be.true;
    expect(e).not.to.be.instanceOf(ExpressError);
  });

  it('rejects with a custom abort reason as given', async () => {
    const adapter = new HttpAdapter({ baseUrl: '/test-api/slow/v1' });
    const controller = new AbortController();
    const reason = new DOMException('left the page', 'AbortError');
    const p = adapter.listBalanceTransactions({ limit: 1 }, { signal: controller.signal });
    controller.abort(reason);
    expect(await rejection(p)).to.equal(reason);
  });

  it('does not fetch at all when the signal is already aborted', async () => {
    let fetched = 0;
    const adapter = new HttpAdapter({
      baseUrl: '/test-api/ok/v1',
      fetch: (i, init) => {
        fetched++;
        return fetch(i, init);
      },
    });
    const controller = new AbortController();
    controller.abort();
    const e = await rejection(adapter.createLoginLink({ signal: controller.signal }));
    expect(isAbortError(e)).to.be.true;
    expect(e).not.to.be.instanceOf(ExpressError);
    expect(fetched).to.equal(0);
  });
});

/** A real EventSource constructor that remembers every instance it made. */
function recordingEventSource() {
  const made: { url: string; init?: EventSourceInit; es: EventSource }[] = [];
  const Ctor = class extends EventSource {
    constructor(url: string, init?: EventSourceInit) {
      super(url, init);
      made.push({ url, init, es: this });
    }
  } as EventSourceConstructor;
  return { made, Ctor };
}

describe('HttpAdapter.subscribe (Server-Sent Events)', () => {
  const txnIds = (events: ExpressEvent[]) => events.map((e) => (e.data as { id: string }).id);

  it('delivers the events in order and reconnects, with Last-Event-ID, after the server closes', async () => {
    const tok = token();
    const adapter = new HttpAdapter({ baseUrl: `/test-api/sse/${tok}/once/v1` });
    const events: ExpressEvent[] = [];
    const unsubscribe = adapter.subscribe((e) => events.push(e));
    try {
      await waitUntil(() => events.length >= 4, 'four events over two connections', { timeout: 8000 });
      expect(events.slice(0, 4).map((e) => e.type)).to.deep.equal(Array(4).fill('balance_transaction.created'));
      expect(txnIds(events).slice(0, 4)).to.deep.equal(['txn_evt_1', 'txn_evt_2', 'txn_evt_3', 'txn_evt_4']);
      const state = await sseState(tok);
      expect(state.total).to.be.at.least(2);
      expect(state.lastEventIds.slice(0, 2)).to.deep.equal([null, '2']);
    } finally {
      unsubscribe();
    }
  });

  it('opens a new EventSource with backoff when the server answers an HTTP error', async () => {
    const tok = token();
    const adapter = new HttpAdapter({ baseUrl: `/test-api/sse/${tok}/flaky/v1`, reconnect: { initialDelay: 10 } });
    const events: ExpressEvent[] = [];
    const unsubscribe = adapter.subscribe((e) => events.push(e));
    try {
      await waitUntil(() => events.length >= 2, 'events after the failed first connection', { timeout: 8000 });
      expect(txnIds(events).slice(0, 2)).to.deep.equal(['txn_evt_1', 'txn_evt_2']);
      expect((await sseState(tok)).total).to.be.at.least(2);
    } finally {
      unsubscribe();
    }
  });

  it('shares one connection between listeners and closes it when the last one unsubscribes', async () => {
    const tok = token();
    const { made, Ctor } = recordingEventSource();
    const adapter = new HttpAdapter({ baseUrl: `/test-api/sse/${tok}/hold/v1`, eventSource: Ctor });
    const a: ExpressEvent[] = [];
    const b: ExpressEvent[] = [];
    const offA = adapter.subscribe((e) => a.push(e));
    const offB = adapter.subscribe((e) => b.push(e));
    await waitUntil(() => a.length === 2 && b.length === 2, 'both listeners get both events');
    expect(txnIds(a)).to.deep.equal(['txn_evt_1', 'txn_evt_2']);
    expect(txnIds(b)).to.deep.equal(['txn_evt_1', 'txn_evt_2']);
    expect(made).to.have.length(1);
    expect(await sseState(tok)).to.include({ open: 1, total: 1 });
    offA();
    offA(); // idempotent: must not close B's connection
    expect(made[0].es.readyState).to.equal(EventSource.OPEN);
    offB();
    expect(made[0].es.readyState).to.equal(EventSource.CLOSED);
    await waitUntil(async () => (await sseState(tok)).open === 0, 'the server sees the connection close');
    // A new subscriber opens a new connection, resuming after the last event delivered.
    const c: ExpressEvent[] = [];
    const offC = adapter.subscribe((e) => c.push(e));
    await waitUntil(() => c.length === 2, 'a new connection');
    expect(made).to.have.length(2);
    expect(new URL(made[1].url, location.href).search).to.equal('?last_event_id=2');
    expect(txnIds(c)).to.deep.equal(['txn_evt_3', 'txn_evt_4']);
    expect((await sseState(tok)).total).to.equal(2);
    offC();
    expect(a).to.have.length(2);
  });

  it('misses nothing across a deploy: a new EventSource resumes with ?last_event_id, and an event replayed again is delivered once', async () => {
    // Connection 1: events 1, 2, closed (the server went away). The EventSource reconnects by
    // itself with Last-Event-ID: 2 and meets a 503 (the load balancer), so it closes for good. The
    // adapter's new EventSource cannot send the header: it asks ?last_event_id=2, and that server
    // replays from 2 itself (2, 3, 4). Listeners get 1, 2, 3, 4 once each, in order.
    const tok = token();
    const adapter = new HttpAdapter({ baseUrl: `/test-api/sse/${tok}/gap/v1`, reconnect: { initialDelay: 10 } });
    const events: ExpressEvent[] = [];
    const off = adapter.subscribe((e) => events.push(e));
    try {
      await waitUntil(() => events.length >= 4, 'four events over three connections', { timeout: 8000 });
      await new Promise((r) => setTimeout(r, 200)); // nothing more arrives
      expect(txnIds(events)).to.deep.equal(['txn_evt_1', 'txn_evt_2', 'txn_evt_3', 'txn_evt_4']);
      const state = await sseState(tok);
      expect(state.total).to.equal(3);
      expect(state.lastEventIds).to.deep.equal([null, '2', null]);
      expect(state.queries).to.deep.equal([null, null, '2']);
    } finally {
      off();
    }
  });

  it('tells onReset listeners of a reset, goes on from its id, and stops telling after unsubscribing', async () => {
    const tok = token();
    const { made, Ctor } = recordingEventSource();
    const adapter = new HttpAdapter({ baseUrl: `/test-api/sse/${tok}/reset/v1`, eventSource: Ctor });
    let resets = 0;
    const offReset = adapter.onReset(() => resets++);
    const events: ExpressEvent[] = [];
    const off = adapter.subscribe((e) => events.push(e));
    await waitUntil(() => events.length === 3, 'the events around the reset');
    expect(txnIds(events)).to.deep.equal(['txn_evt_1', 'txn_evt_2', 'txn_evt_51']);
    expect(resets).to.equal(1);
    off();
    // The next stream resumes after the event that followed the reset.
    const again = adapter.subscribe(() => {});
    expect(new URL(made[1].url, location.href).search).to.equal('?last_event_id=51');
    offReset();
    await waitUntil(async () => (await sseState(tok)).total === 2, 'the second connection');
    await new Promise((r) => setTimeout(r, 200));
    expect(resets).to.equal(1, 'no listener after offReset');
    again();
  });

  it('skips messages that are not valid events', async () => {
    const adapter = new HttpAdapter({ baseUrl: '/test-api/malformed/v1' });
    const events: ExpressEvent[] = [];
    const off = adapter.subscribe((e) => events.push(e));
    try {
      await waitUntil(() => events.length >= 1, 'the valid event');
      expect(txnIds(events)).to.deep.equal(['txn_evt_3']);
    } finally {
      off();
    }
  });

  it('opens {base}/events with credentials and closes it on unsubscribe', async () => {
    const { made, Ctor } = recordingEventSource();
    const adapter = new HttpAdapter({ baseUrl: '/test-api/ok/v1/', eventSource: Ctor });
    const off = adapter.subscribe(() => {});
    expect(made).to.have.length(1);
    expect(new URL(made[0].url, location.href).pathname).to.equal('/test-api/ok/v1/events');
    expect(made[0].init?.withCredentials).to.be.true;
    off();
    expect(made[0].es.readyState).to.equal(EventSource.CLOSED);
  });

  it('keeps delivering to the other listeners when one throws', async () => {
    const tok = token();
    const adapter = new HttpAdapter({ baseUrl: `/test-api/sse/${tok}/hold/v1` });
    const errors: unknown[] = [];
    const previous = window.onerror;
    window.onerror = (_m, _s, _l, _c, err) => {
      errors.push(err);
      return true;
    };
    const got: ExpressEvent[] = [];
    const off1 = adapter.subscribe(() => {
      throw new Error('listener bug');
    });
    const off2 = adapter.subscribe((e) => got.push(e));
    try {
      await waitUntil(() => got.length === 2 && errors.length === 2, 'both events and both errors');
      expect((errors[0] as Error).message).to.equal('listener bug');
    } finally {
      off1();
      off2();
      window.onerror = previous;
    }
  });

  it('backs off exponentially up to the cap while the EventSource keeps closing, and resets on open', () => {
    const made: FakeSource[] = [];
    class FakeSource extends EventTarget {
      readyState = 0;
      constructor(readonly url: string) {
        super();
        made.push(this);
      }
      close() {
        this.readyState = 2;
      }
      fail() {
        this.readyState = 2;
        this.dispatchEvent(new Event('error'));
      }
      open() {
        this.readyState = 1;
        this.dispatchEvent(new Event('open'));
      }
    }
    const delays: number[] = [];
    const pending: (() => void)[] = [];
    const realSetTimeout = window.setTimeout;
    window.setTimeout = ((fn: () => void, ms: number) => {
      delays.push(ms);
      pending.push(fn);
      return 0;
    }) as typeof window.setTimeout;
    try {
      const adapter = new HttpAdapter({
        baseUrl: '/v1',
        eventSource: FakeSource as unknown as EventSourceConstructor,
        reconnect: { initialDelay: 100, maxDelay: 1000 },
      });
      const off = adapter.subscribe(() => {});
      for (let i = 0; i < 6; i++) {
        made.at(-1)!.fail();
        pending.shift()!();
      }
      expect(delays).to.deep.equal([100, 200, 400, 800, 1000, 1000]);
      made.at(-1)!.open();
      made.at(-1)!.fail();
      expect(delays.at(-1)).to.equal(100);
      off();
      pending.shift()!(); // the timer fires after unsubscribe: no new EventSource
      expect(made).to.have.length(7);
    } finally {
      window.setTimeout = realSetTimeout;
    }
  });
});

describe('stripeQuery', () => {
  it('keeps brackets literal, repeats arrays, encodes values and drops undefined', () => {
    expect(stripeQuery({})).to.equal('');
    expect(stripeQuery({ a: undefined })).to.equal('');
    expect(stripeQuery({ 'type[]': ['charge', 'payment'], 'created[gte]': 1, x: 'a b' })).to.equal(
      '?type[]=charge&type[]=payment&created[gte]=1&x=a%20b',
    );
    expect(stripeQuery({ 'type[]': [] })).to.equal('');
  });
});

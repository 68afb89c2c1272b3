/**
 * `HttpAdapter`: the REST contract of the reference server over `fetch`, and its real-time feed
 * over Server-Sent Events.
 *
 * - `GET {base}/account`, `/balance`, `/balance_transactions`, `/payouts`, `/net_volume`,
 *   `POST {base}/login_links`, `GET {base}/events` (SSE: `id:` and `data: <ExpressEvent JSON>`).
 * - The feed misses nothing across reconnections: the adapter remembers the id of the last event
 *   it delivered and opens every new `EventSource` with `?last_event_id=` (a new one cannot send
 *   `Last-Event-ID`), and delivers an event whose id is not above it at most once, so each event
 *   reaches listeners once and in order however often the connection drops, whichever server
 *   answers. When the server can no longer replay from there it sends `event: reset` (with the
 *   id to go on from): `onReset` listeners hear of it and reload.
 * - Query strings as Stripe spells them, brackets literal (`created[gte]=…&type[]=charge`), values
 *   URL-encoded; an `undefined` parameter is absent.
 * - Requests send cookies (`credentials: 'include'`), `Accept: application/json`, the configured
 *   headers and the caller's `AbortSignal`.
 * - HTTP errors become `ExpressError`s (see `errorForStatus`); a body that is not JSON, or JSON of
 *   the wrong shape, is `invalid_response`. Items inside a list are not checked here: the
 *   boundary guard drops and reports malformed items, so this adapter passes them through.
 * - An aborted call rejects with the signal's reason, never an `ExpressError`.
 */
import { abortReason, ExpressError, toExpressError, type ExpressErrorCode } from '../contract/errors.js';
import {
  validateAccount,
  validateBalance,
  validateEvent,
  validateList,
  validateLoginLink,
  validateNetVolume,
  validatePayout,
} from './validate.js';
import type {
  Balance,
  BalanceTransaction,
  ExpressAccount,
  ExpressAdapter,
  ExpressEvent,
  List,
  ListBalanceTransactionsParams,
  ListPayoutsParams,
  LoginLink,
  NetVolumeParams,
  NetVolumePoint,
  Payout,
  RequestOptions,
} from '../contract/types.js';

/** The `EventSource` constructor (or a compatible one, e.g. a polyfill that can send headers). */
export type EventSourceConstructor = new (url: string, init?: EventSourceInit) => EventSource;

/** Options of `new HttpAdapter(...)`. */
export interface HttpAdapterOptions {
  /** Where the REST API lives: relative (`/v1`) or absolute (`https://api.example.com/v1`). */
  baseUrl: string;
  /** The `fetch` to use (default: the global one, looked up at call time). */
  fetch?: typeof fetch;
  /**
   * Extra request headers (e.g. `Authorization`), or a function returning them, called before
   * each request (for tokens that refresh). `EventSource` cannot send headers: the feed relies on
   * cookies, unless `eventSource` is a polyfill that can.
   */
  headers?: HeadersInit | (() => HeadersInit | Promise<HeadersInit>);
  /** The `EventSource` constructor for `subscribe` (default: the global one); `null` disables the feed. */
  eventSource?: EventSourceConstructor | null;
  /**
   * Reconnection of the feed when its `EventSource` closes for good (e.g. after an HTTP error):
   * the first retry waits `initialDelay` ms, each next one twice as long, at most `maxDelay` ms.
   * Defaults: 1000 and 30000. (Dropped connections are retried by `EventSource` itself.)
   */
  reconnect?: { initialDelay?: number; maxDelay?: number };
}

/** The `EventSource.CLOSED` ready state (constant, so injected constructors need not define it). */
const CLOSED = 2;

/** A query string value: `undefined` leaves the parameter out, an array repeats it. */
type QueryValue = string | number | readonly string[] | undefined;

/**
 * Builds a query string as Stripe spells it: keys literal (`created[gte]`, `type[]`), values
 * URL-encoded, an array repeated (`type[]=charge&type[]=payment`), `undefined` left out. Returns
 * `''` or `'?…'`.
 */
export function stripeQuery(params: Record<string, QueryValue>): string {
  const parts: string[] = [];
  for (const [key, value] of Object.entries(params)) {
    if (value === undefined) continue;
    const values = typeof value === 'string' || typeof value === 'number' ? [value] : value;
    for (const v of values) parts.push(`${key}=${encodeURIComponent(String(v))}`);
  }
  return parts.length ? `?${parts.join('&')}` : '';
}

/** Joins a base URL and a path with exactly one slash between them. */
export function joinUrl(base: string, path: string): string {
  return `${base.replace(/\/+$/, '')}/${path.replace(/^\/+/, '')}`;
}

/**
 * `Retry-After` in seconds: a number of seconds, or an HTTP date converted to seconds from `now`
 * (never negative). `undefined` when absent or unreadable.
 */
export function parseRetryAfter(value: string | null, now = Date.now()): number | undefined {
  if (value === null) return undefined;
  const v = value.trim();
  if (/^\d+$/.test(v)) return Number(v);
  const date = Date.parse(v);
  if (Number.isNaN(date)) return undefined;
  return Math.max(0, Math.ceil((date - now) / 1000));
}

/**
 * The `ExpressError` code of an HTTP status: 400 and 422 `invalid_request`, 401 and 403
 * `unauthorized`, 404 `not_found`, 410 `expired`, 429 `rate_limited`, other 4xx `unknown`, 5xx
 * `server_error` (the server answered; `network` is only for a request that never got an answer).
 */
export function errorCodeForStatus(status: number): ExpressErrorCode {
  switch (status) {
    case 400:
    case 422:
      return 'invalid_request';
    case 401:
    case 403:
      return 'unauthorized';
    case 404:
      return 'not_found';
    case 410:
      return 'expired';
    case 429:
      return 'rate_limited';
    default:
      return status >= 500 ? 'server_error' : 'unknown';
  }
}

function isRecord(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

/**
 * The `ExpressError` of a failed response. A Stripe-shaped body `{ error: { code, message, param,
 * attempts_remaining } }` gives the message, `param` and `attemptsRemaining`; its `code` is taken
 * over when it is one of `bodyCodes` (the sign-in API names `invalid_code`, ...), else the HTTP
 * status decides (`errorCodeForStatus`). `Retry-After` gives `retryAfter` for `rate_limited`.
 */
export async function errorForResponse(res: Response, bodyCodes: readonly ExpressErrorCode[] = []): Promise<ExpressError> {
  let bodyCode: unknown;
  let message: string | undefined;
  let param: string | undefined;
  let attemptsRemaining: number | undefined;
  try {
    const body: unknown = JSON.parse(await res.text());
    const err = isRecord(body) ? body.error : undefined;
    if (isRecord(err)) {
      bodyCode = err.code;
      if (typeof err.message === 'string' && err.message.trim()) message = err.message;
      if (typeof err.param === 'string' && err.param) param = err.param;
      const left = err.attempts_remaining;
      if (typeof left === 'number' && Number.isInteger(left) && left >= 0) attemptsRemaining = left;
    }
  } catch {
    // Not JSON: the status decides, with the code's default message.
  }
  const code = bodyCodes.includes(bodyCode as ExpressErrorCode) ? (bodyCode as ExpressErrorCode) : errorCodeForStatus(res.status);
  const retryAfter = code === 'rate_limited' ? parseRetryAfter(res.headers.get('Retry-After')) : undefined;
  return new ExpressError(code, message, { retryAfter, param, attemptsRemaining, cause: { status: res.status } });
}

/** The data adapter for a platform server that speaks the reference REST contract. */
export class HttpAdapter implements ExpressAdapter {
  readonly baseUrl: string;
  private readonly fetchFn: typeof fetch;
  private readonly headers: HttpAdapterOptions['headers'];
  private readonly EventSourceCtor: EventSourceConstructor | null;
  private readonly initialDelay: number;
  private readonly maxDelay: number;

  private readonly listeners = new Set<{ fn: (e: ExpressEvent) => void }>();
  private readonly resetListeners = new Set<{ fn: () => void }>();
  /** The id of the last event delivered (or of the last reset): where a new stream resumes. */
  private lastEventId: string | undefined;
  private source: EventSource | null = null;
  private retryTimer: ReturnType<typeof setTimeout> | undefined;
  private attempts = 0;

  constructor(options: HttpAdapterOptions) {
    if (!options || typeof options.baseUrl !== 'string') throw new TypeError('HttpAdapter needs a baseUrl');
    this.baseUrl = options.baseUrl;
    this.fetchFn = options.fetch ?? ((input, init) => globalThis.fetch(input, init));
    this.headers = options.headers;
    this.EventSourceCtor =
      options.eventSource !== undefined
        ? options.eventSource
        : typeof EventSource === 'function'
          ? EventSource
          : null;
    this.initialDelay = Math.max(0, options.reconnect?.initialDelay ?? 1000);
    this.maxDelay = Math.max(this.initialDelay, options.reconnect?.maxDelay ?? 30_000);
  }

  /** `GET {base}/account`. */
  async getAccount(o?: RequestOptions): Promise<ExpressAccount> {
    return validateAccount(await this.request('GET', 'account', '', o));
  }

  /** `GET {base}/balance`. */
  async getBalance(o?: RequestOptions): Promise<Balance> {
    return validateBalance(await this.request('GET', 'balance', '', o));
  }

  /** `GET {base}/balance_transactions?limit&starting_after&created[gte]&created[lt]&type[]&currency&payout`. */
  async listBalanceTransactions(p: ListBalanceTransactionsParams, o?: RequestOptions): Promise<List<BalanceTransaction>> {
    const query = stripeQuery({
      limit: p.limit,
      starting_after: p.starting_after,
      'created[gte]': p.created?.gte,
      'created[lt]': p.created?.lt,
      'type[]': p.type,
      currency: p.currency,
      payout: p.payout,
    });
    return listEnvelope<BalanceTransaction>(await this.request('GET', 'balance_transactions', query, o));
  }

  /** `GET {base}/payouts?limit&starting_after&status&arrival_date[gte]&arrival_date[lt]`. */
  async listPayouts(p: ListPayoutsParams, o?: RequestOptions): Promise<List<Payout>> {
    const query = stripeQuery({
      limit: p.limit,
      starting_after: p.starting_after,
      status: p.status,
      'arrival_date[gte]': p.arrival_date?.gte,
      'arrival_date[lt]': p.arrival_date?.lt,
    });
    return listEnvelope<Payout>(await this.request('GET', 'payouts', query, o));
  }

  /** `GET {base}/payouts/{id}`. */
  async getPayout(id: string, o?: RequestOptions): Promise<Payout> {
    if (typeof id !== 'string' || id === '') throw new ExpressError('invalid_request', 'A payout id is required.', { param: 'id' });
    return validatePayout(await this.request('GET', `payouts/${encodeURIComponent(id)}`, '', o));
  }

  /** `POST {base}/login_links` with an empty body. */
  async createLoginLink(o?: RequestOptions): Promise<LoginLink> {
    return validateLoginLink(await this.request('POST', 'login_links', '', o));
  }

  /**
   * `GET {base}/net_volume?interval&created[gte]&created[lt]&currency&timezone`, answered as
   * `{ object: 'list', data: [{ start, net }], has_more: false }`; returns `data`.
   */
  async getNetVolume(p: NetVolumeParams, o?: RequestOptions): Promise<NetVolumePoint[]> {
    const query = stripeQuery({
      interval: p.interval,
      'created[gte]': p.created.gte,
      'created[lt]': p.created.lt,
      currency: p.currency,
      timezone: p.timezone,
    });
    const body = await this.request('GET', 'net_volume', query, o);
    return validateNetVolume(isRecord(body) ? body.data : body, 'data');
  }

  /**
   * Listens to `GET {base}/events` (Server-Sent Events). All listeners share one `EventSource`,
   * opened with the first and closed with the last unsubscribe. Messages that are not a valid
   * `ExpressEvent` are skipped, and so are events already delivered (see the module doc). When the
   * `EventSource` closes for good (an HTTP error), a new one is opened after an exponential, capped
   * delay, resuming after the last event delivered. Returns the unsubscribe function.
   */
  subscribe(listener: (e: ExpressEvent) => void): () => void {
    if (!this.EventSourceCtor) return () => {};
    const entry = { fn: listener };
    this.listeners.add(entry);
    if (this.listeners.size === 1) this.connect();
    return () => {
      if (!this.listeners.delete(entry)) return;
      if (this.listeners.size === 0) this.disconnect();
    };
  }

  /**
   * Listens to the feed's resets (`event: reset`: the server cannot replay every event since the
   * last one delivered); returns the function that stops it. See the module doc.
   */
  onReset(listener: () => void): () => void {
    const entry = { fn: listener };
    this.resetListeners.add(entry);
    return () => {
      this.resetListeners.delete(entry);
    };
  }

  private connect(): void {
    const Ctor = this.EventSourceCtor!;
    const resume = this.lastEventId === undefined ? '' : `?last_event_id=${encodeURIComponent(this.lastEventId)}`;
    const es = new Ctor(joinUrl(this.baseUrl, 'events') + resume, { withCredentials: true });
    this.source = es;
    es.addEventListener('open', () => {
      this.attempts = 0;
    });
    es.addEventListener('message', (m: MessageEvent) => {
      const id = typeof m.lastEventId === 'string' && m.lastEventId !== '' ? m.lastEventId : undefined;
      if (id !== undefined && isDelivered(id, this.lastEventId)) return; // replayed again: delivered once already
      let event: ExpressEvent;
      try {
        event = validateEvent(JSON.parse(String(m.data)));
      } catch {
        if (id !== undefined) this.lastEventId = id;
        return; // not an event of the contract: skipped
      }
      if (id !== undefined) this.lastEventId = id;
      for (const entry of [...this.listeners]) {
        if (!this.listeners.has(entry)) continue;
        try {
          entry.fn(event);
        } catch (e) {
          // One failing listener must not starve the others; report it like an uncaught error.
          setTimeout(() => {
            throw e;
          });
        }
      }
    });
    es.addEventListener('reset', (m: Event) => {
      // Go on from the id it names, even a smaller one (the server's events were replaced).
      const id = (m as MessageEvent).lastEventId;
      if (typeof id === 'string' && id !== '') this.lastEventId = id;
      for (const entry of [...this.resetListeners]) {
        try {
          entry.fn();
        } catch (e) {
          setTimeout(() => {
            throw e;
          });
        }
      }
    });
    es.addEventListener('error', () => {
      if (es !== this.source || es.readyState !== CLOSED) return; // EventSource retries by itself
      es.close();
      this.source = null;
      const delay = Math.min(this.maxDelay, this.initialDelay * 2 ** this.attempts);
      this.attempts++;
      this.retryTimer = setTimeout(() => {
        this.retryTimer = undefined;
        if (this.listeners.size > 0) this.connect();
      }, delay);
    });
  }

  private disconnect(): void {
    clearTimeout(this.retryTimer);
    this.retryTimer = undefined;
    this.source?.close();
    this.source = null;
    this.attempts = 0;
  }

  private async requestHeaders(): Promise<Headers> {
    const extra = typeof this.headers === 'function' ? await this.headers() : this.headers;
    const headers = new Headers(extra);
    if (!headers.has('Accept')) headers.set('Accept', 'application/json');
    return headers;
  }

  /** Fetches `{base}/{path}{query}` and returns the parsed JSON body, or rejects (see the module doc). */
  private async request(method: 'GET' | 'POST', path: string, query: string, o?: RequestOptions): Promise<unknown> {
    const signal = o?.signal;
    try {
      if (signal?.aborted) throw abortReason(signal);
      const res = await this.fetchFn(joinUrl(this.baseUrl, path) + query, {
        method,
        credentials: 'include',
        headers: await this.requestHeaders(),
        signal,
      });
      if (!res.ok) throw await errorForResponse(res);
      const text = await res.text();
      try {
        return JSON.parse(text) as unknown;
      } catch (e) {
        throw new ExpressError('invalid_response', undefined, { cause: e });
      }
    } catch (e) {
      if (signal?.aborted) throw abortReason(signal);
      throw toExpressError(e);
    }
  }
}

/** Whether an event id is at or below the last one delivered (decimal ids; others always pass). */
function isDelivered(id: string, last: string | undefined): boolean {
  if (last === undefined || !/^\d{1,16}$/.test(id) || !/^\d{1,16}$/.test(last)) return false;
  return Number(id) <= Number(last);
}

/** Checks a list's envelope (`data` array, boolean `has_more`); items go through unchecked, for the guard. */
function listEnvelope<T>(body: unknown): List<T> {
  return validateList(body, (x) => x as T).list;
}

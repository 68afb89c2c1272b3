/**
 * `HttpSignInAdapter`: the sign-in API of the reference server over `fetch`, for `<express-login>`.
 *
 * - `POST {base}/sign_in` with `{ "login_token": "…" }` or `{ "email": "…" }`,
 *   `POST {base}/sign_in/{challenge_id}/verify` with `{ "code": "…" }`,
 *   `POST {base}/sign_in/{challenge_id}/resend` with `{}`; every answer is a `SignInStep`.
 * - JSON bodies (`Content-Type: application/json`), `Accept: application/json`, cookies sent and
 *   received (`credentials: 'include'`: the server sets the session cookie on `signed_in`), the
 *   configured headers and the caller's `AbortSignal`.
 * - Errors: a Stripe-shaped body `{ error: { code, message, param, attempts_remaining } }` whose
 *   `code` is a sign-in code (`invalid_code`, `expired`, `too_many_attempts`, `rate_limited`) gives
 *   that code; otherwise the HTTP status decides, as for `HttpAdapter` (410 `expired`, 429
 *   `rate_limited` with `Retry-After`, 5xx `server_error`, ...). `attempts_remaining` becomes the
 *   error's `attemptsRemaining`. An answer that is not a valid `SignInStep` is `invalid_response`.
 * - An aborted call rejects with the signal's reason, never an `ExpressError`.
 * - The code is sent in the request body only: never in a URL, never logged.
 */
import { abortReason, ExpressError, toExpressError, type ExpressErrorCode } from '../contract/errors.js';
import { errorForResponse, joinUrl } from './http-adapter.js';
import type { ExpressSignInAdapter, RequestOptions, SignInStep } from '../contract/types.js';
import { validateSignInStep } from './validate.js';

/** Options of `new HttpSignInAdapter(...)`. */
export interface HttpSignInAdapterOptions {
  /** Where the sign-in API lives: relative (`/v1`) or absolute (`https://api.example.com/v1`). */
  baseUrl: string;
  /** The `fetch` to use (default: the global one, looked up at call time). */
  fetch?: typeof fetch;
  /** Extra request headers, or a function returning them, called before each request. */
  headers?: HeadersInit | (() => HeadersInit | Promise<HeadersInit>);
}

/** Error codes a sign-in server may name in its body, taken over as they are. */
const SIGN_IN_CODES: readonly ExpressErrorCode[] = ['invalid_code', 'expired', 'too_many_attempts', 'rate_limited'];

/** The sign-in adapter for a server that speaks the reference sign-in API. */
export class HttpSignInAdapter implements ExpressSignInAdapter {
  readonly baseUrl: string;
  private readonly fetchFn: typeof fetch;
  private readonly headers: HttpSignInAdapterOptions['headers'];

  constructor(options: HttpSignInAdapterOptions) {
    if (!options || typeof options.baseUrl !== 'string') throw new TypeError('HttpSignInAdapter needs a baseUrl');
    this.baseUrl = options.baseUrl;
    this.fetchFn = options.fetch ?? ((input, init) => globalThis.fetch(input, init));
    this.headers = options.headers;
  }

  /** `POST {base}/sign_in`: redeem a login-link token, or start a direct sign-in with an email. */
  start(r: { login_token: string } | { email: string }, o?: RequestOptions): Promise<SignInStep> {
    return this.post('sign_in', 'login_token' in r ? { login_token: r.login_token } : { email: r.email }, o);
  }

  /** `POST {base}/sign_in/{challenge_id}/verify` with the code the person typed. */
  verify(challenge_id: string, code: string, o?: RequestOptions): Promise<SignInStep> {
    return this.post(`sign_in/${encodeURIComponent(challenge_id)}/verify`, { code }, o);
  }

  /** `POST {base}/sign_in/{challenge_id}/resend`: a new code by SMS. */
  resend(challenge_id: string, o?: RequestOptions): Promise<SignInStep> {
    return this.post(`sign_in/${encodeURIComponent(challenge_id)}/resend`, {}, o);
  }

  private async post(path: string, body: object, o?: RequestOptions): Promise<SignInStep> {
    const signal = o?.signal;
    try {
      if (signal?.aborted) throw abortReason(signal);
      const extra = typeof this.headers === 'function' ? await this.headers() : this.headers;
      const headers = new Headers(extra);
      headers.set('Content-Type', 'application/json');
      if (!headers.has('Accept')) headers.set('Accept', 'application/json');
      const res = await this.fetchFn(joinUrl(this.baseUrl, path), {
        method: 'POST',
        credentials: 'include',
        cache: 'no-store',
        headers,
        body: JSON.stringify(body),
        signal,
      });
      if (!res.ok) throw await errorForResponse(res, SIGN_IN_CODES);
      let json: unknown;
      try {
        json = JSON.parse(await res.text());
      } catch (e) {
        throw new ExpressError('invalid_response', undefined, { cause: e });
      }
      return validateSignInStep(json);
    } catch (e) {
      if (signal?.aborted) throw abortReason(signal);
      throw toExpressError(e);
    }
  }
}

/**
 * How `<express-login-button>` gets a login link without an adapter: a POST to the platform's own
 * endpoint, and the minimal check of what comes back. Small on purpose (the button's budget): no
 * validator module, no default error messages.
 */
import { ExpressError, isAbortError } from '../../contract/errors.js';
import { isSafeRedirectUrl } from '../../core/url.js';

/**
 * The `ExpressError` for an HTTP error status, as CONTRACT.md maps them: 400 and 422
 * `invalid_request`, 401 and 403 `unauthorized`, 404 `not_found`, 410 `expired`, 429
 * `rate_limited` (with `Retry-After` in seconds, or an HTTP date), other 4xx `unknown`, 5xx
 * `server_error`.
 */
export function errorForStatus(status: number, retryAfter?: string | null): ExpressError {
  const code =
    status === 400 || status === 422 ? 'invalid_request'
    : status === 401 || status === 403 ? 'unauthorized'
    : status === 404 ? 'not_found'
    : status === 410 ? 'expired'
    : status === 429 ? 'rate_limited'
    : status >= 500 ? 'server_error'
    : 'unknown';
  let seconds: number | undefined;
  if (status === 429 && retryAfter) {
    seconds = /^\d+$/.test(retryAfter.trim())
      ? Number(retryAfter.trim())
      : Math.max(0, Math.ceil((Date.parse(retryAfter) - Date.now()) / 1000));
    if (!Number.isFinite(seconds)) seconds = undefined;
  }
  return new ExpressError(code, undefined, seconds === undefined ? {} : { retryAfter: seconds });
}

/**
 * The URL of a login link: the object's `url` when it is a string that passes
 * `isSafeRedirectUrl` (`https:`, or `http:` on a loopback host). Anything else throws
 * `ExpressError('invalid_response')` with `param: 'url'`.
 */
export function loginLinkUrl(link: unknown): string {
  const url = typeof link === 'object' && link !== null ? (link as { url?: unknown }).url : undefined;
  if (!isSafeRedirectUrl(url)) {
    throw new ExpressError('invalid_response', 'Unsafe login link URL.', { param: 'url' });
  }
  return url;
}

/**
 * POSTs to the platform's `endpoint` (empty body, `Accept: application/json`, same-origin
 * credentials, never cached) and returns the parsed JSON answer. HTTP errors reject with the
 * `ExpressError` of `errorForStatus`, a body that is not JSON with `invalid_response`, a network
 * failure with `network`; an aborted request rejects with the signal's `AbortError`.
 */
export async function fetchLoginLink(endpoint: string, signal?: AbortSignal): Promise<unknown> {
  let res: Response;
  try {
    res = await fetch(endpoint, {
      method: 'POST',
      headers: { Accept: 'application/json' },
      credentials: 'same-origin',
      cache: 'no-store',
      signal,
    });
  } catch (e) {
    if (isAbortError(e)) throw e;
    throw new ExpressError('network', undefined, { cause: e });
  }
  if (!res.ok) throw errorForStatus(res.status, res.headers.get('Retry-After'));
  try {
    return await res.json();
  } catch (e) {
    if (isAbortError(e)) throw e;
    throw new ExpressError('invalid_response', undefined, { cause: e });
  }
}

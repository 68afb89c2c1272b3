/**
 * `ExpressError`: the one error type adapters reject with and elements report. A message left out
 * is the code's English default (`DEFAULT_ERROR_MESSAGES`); elements show words of their own.
 */
import { DEFAULT_ERROR_MESSAGES } from './error-messages.js';

/** An error code: `network`, `unauthorized`, `not_found`, `rate_limited`, ... (the keys of `DEFAULT_ERROR_MESSAGES`). */
export type ExpressErrorCode = keyof typeof DEFAULT_ERROR_MESSAGES;

/** Every error code, in the order of the contract's table. */
export const EXPRESS_ERROR_CODES = Object.keys(DEFAULT_ERROR_MESSAGES) as readonly ExpressErrorCode[];

export interface ExpressErrorOptions {
  /** Seconds to wait before retrying (from `Retry-After`). */
  retryAfter?: number;
  /** The offending field or parameter. */
  param?: string;
  /** `invalid_code`: how many more codes may be tried before the challenge locks, when known. */
  attemptsRemaining?: number;
  /** The original error. */
  cause?: unknown;
}

const defaultMessages: Partial<Record<string, string>> = { ...DEFAULT_ERROR_MESSAGES };

/** Replaces the default message of some codes (say, in the page's language) for errors made after it. */
export function registerDefaultErrorMessages(messages: Partial<Record<ExpressErrorCode, string>>): void {
  Object.assign(defaultMessages, messages);
}

/**
 * An error that is safe to show a person. Platforms' own adapters construct it too:
 * `new ExpressError('rate_limited', undefined, { retryAfter: 30 })`.
 */
export class ExpressError extends Error {
  override name = 'ExpressError';
  readonly code: ExpressErrorCode;
  readonly retryAfter?: number;
  readonly param?: string;
  readonly attemptsRemaining?: number;

  constructor(code: ExpressErrorCode, message?: string, options: ExpressErrorOptions = {}) {
    const c: ExpressErrorCode = Object.prototype.hasOwnProperty.call(DEFAULT_ERROR_MESSAGES, code) ? code : 'unknown';
    super(message || defaultMessages[c] || c, options.cause !== undefined ? { cause: options.cause } : undefined);
    this.code = c;
    if (options.retryAfter !== undefined) this.retryAfter = options.retryAfter;
    if (options.param !== undefined) this.param = options.param;
    if (options.attemptsRemaining !== undefined) this.attemptsRemaining = options.attemptsRemaining;
    if (options.cause !== undefined && (this as { cause?: unknown }).cause === undefined) {
      // Engines without Error's `cause` option still keep it.
      (this as { cause?: unknown }).cause = options.cause;
    }
  }
}

/** What an aborted call rejects with: the signal's reason, or an `AbortError` when it has none. */
export function abortReason(signal: AbortSignal): unknown {
  return signal.reason ?? new DOMException('The operation was aborted.', 'AbortError');
}

/** True for the rejection of an aborted call (a DOMException or Error named `AbortError`). */
export function isAbortError(e: unknown): boolean {
  return (
    typeof e === 'object' && e !== null && (e as { name?: unknown }).name === 'AbortError'
  );
}

/**
 * Normalises anything an adapter rejected with: an `ExpressError` as is; a `TypeError` (what
 * `fetch` throws on a network failure) as `network`; any other value as `unknown` with the
 * original as `cause`. Abort errors are not for this function: check `isAbortError` first.
 */
export function toExpressError(e: unknown, message?: string): ExpressError {
  if (e instanceof ExpressError) return e;
  if (e instanceof TypeError) return new ExpressError('network', message, { cause: e });
  return new ExpressError('unknown', message, { cause: e });
}

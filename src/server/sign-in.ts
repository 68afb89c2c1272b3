/**
 * A sign-in module: what `createExpressApi({ signIn })` takes to know who is signed in and to
 * answer its own routes (the reference server's login links, SMS codes and sessions are one).
 * A platform that keeps its own sign-in passes `accountFor` instead.
 */
import type { LoginLink } from '../contract/types.js';
import { ApiError } from './errors.js';
import type { Awaitable } from './source.js';

/** A route of a sign-in module, below the API's base path (`/sign_in/{id}/verify`). */
export interface SignInRoute {
  method: 'GET' | 'POST';
  /** `{name}` matches one path segment, given to `handle` in `params`. */
  path: string;
  handle(request: Request, params: Record<string, string>): Promise<Response>;
}

/** See the module doc. */
export interface SignInModule {
  /** The account of the request's session (its cookie, its token), or null when none. */
  accountFor(request: Request): Awaitable<string | null>;
  /**
   * Whether the request's session is still live, without extending it: an open event stream asks
   * at every heartbeat and ends when it is not. Default: `accountFor` again.
   */
  stillSignedIn?(request: Request, account: string): Awaitable<boolean>;
  /** `POST {base}/login_links`: a fresh login link of the signed-in account. */
  createLoginLink?(account: string, request: Request): Awaitable<LoginLink>;
  /** Its own routes (`POST /sign_in`, ...), answered by the API under its base path. */
  routes?: readonly SignInRoute[];
}

/** The most a JSON or form body may hold. */
const MAX_BODY_BYTES = 16 * 1024;

/**
 * A request's body as an object: JSON (`application/json`) or a form (Stripe's clients send
 * `application/x-www-form-urlencoded`); an empty body is `{}`. @throws ApiError 400 for a body
 * that cannot be read, 413 for one too large, 415 for another content type.
 */
export async function readBody(request: Request): Promise<Record<string, unknown>> {
  const text = await request.text();
  if (text.length > MAX_BODY_BYTES) throw new ApiError(413, 'invalid_request', 'The request body is too large.');
  if (text.trim() === '') return {};
  const type = (request.headers.get('content-type') ?? '').split(';')[0].trim().toLowerCase();
  if (type === 'application/x-www-form-urlencoded') return Object.fromEntries(new URLSearchParams(text));
  if (type !== 'application/json' && !type.endsWith('+json')) {
    throw new ApiError(415, 'invalid_content_type', 'Send JSON (Content-Type: application/json).');
  }
  let body: unknown;
  try {
    body = JSON.parse(text);
  } catch {
    throw new ApiError(400, 'invalid_request', 'The request could not be read.');
  }
  if (body === null) return {};
  if (typeof body !== 'object' || Array.isArray(body)) throw new ApiError(400, 'invalid_request', 'The request body must be a JSON object.');
  return body as Record<string, unknown>;
}

/** @throws ApiError 400 `parameter_unknown` when a body (an object) has a field where none is expected. */
export function expectNoBody(body: unknown): void {
  if (!body || typeof body !== 'object') return;
  const param = Object.keys(body)[0];
  if (param !== undefined) throw new ApiError(400, 'parameter_unknown', `Received unknown parameter: ${param.slice(0, 64)}`, { param: param.slice(0, 100) });
}

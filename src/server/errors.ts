/**
 * Errors as Stripe shapes them: `{ error: { type, code, message, param } }`, with the HTTP status
 * that `HttpAdapter` maps to an `ExpressError` code (400/422 invalid_request, 401/403
 * unauthorized, 404 not_found, 410 expired, 429 rate_limited with `Retry-After`, 5xx
 * server_error).
 */

/** The body of every error answer. */
export interface StripeErrorBody {
  error: {
    type: 'invalid_request_error' | 'api_error';
    code?: string;
    message: string;
    param?: string;
    [extra: string]: unknown;
  };
}

/** Options of `new ApiError(...)`. */
export interface ApiErrorOptions {
  param?: string;
  /** Seconds, sent as `Retry-After` (429, 503). */
  retryAfter?: number;
  /** More fields for the error body (e.g. `attempts_remaining`). */
  extra?: Record<string, unknown>;
  /** The original error (logged, never sent). */
  cause?: unknown;
}

/** An error answer: HTTP status, Stripe error code, a message safe to show a person. */
export class ApiError extends Error {
  readonly status: number;
  readonly code: string;
  readonly param?: string;
  readonly retryAfter?: number;
  readonly extra?: Record<string, unknown>;

  constructor(status: number, code: string, message: string, options: ApiErrorOptions = {}) {
    super(message, options.cause !== undefined ? { cause: options.cause } : undefined);
    this.name = 'ApiError';
    this.status = status;
    this.code = code;
    this.param = options.param;
    this.retryAfter = options.retryAfter;
    this.extra = options.extra;
  }

  /** The Stripe-shaped body. */
  toBody(): StripeErrorBody {
    return {
      error: {
        type: this.status >= 500 ? 'api_error' : 'invalid_request_error',
        code: this.code,
        message: this.message,
        ...(this.param ? { param: this.param } : {}),
        ...this.extra,
      },
    };
  }
}

/** 400 for a parameter. */
export function invalidParam(param: string, message: string, code = 'parameter_invalid'): ApiError {
  return new ApiError(400, code, message, { param });
}

/** 429 with `Retry-After` (whole seconds, at least 1). */
export function rateLimited(message: string, retryAfterSeconds: number): ApiError {
  return new ApiError(429, 'rate_limited', message, { retryAfter: Math.max(1, Math.ceil(retryAfterSeconds)) });
}

/** 500 `api_error`: what an unexpected failure answers (its details only go to the log). */
export function internalError(cause?: unknown): ApiError {
  return new ApiError(500, 'api_error', 'Something went wrong on our side. Try again in a moment.', { cause });
}

/** What `new Headers(...)` takes. */
export type HeadersLike = ConstructorParameters<typeof Headers>[0];

/** Headers of every JSON answer: never cached. */
export const JSON_HEADERS: Readonly<Record<string, string>> = {
  'Content-Type': 'application/json; charset=utf-8',
  'Cache-Control': 'no-store',
};

/** The text of the JSON answers made here, so the Node and Fastify glue send it without reading the body stream. */
const jsonTexts = new WeakMap<Response, string>();

/** The JSON text of an answer made by `jsonResponse` whose body nobody has read yet, else undefined. */
export function jsonTextOf(response: Response): string | undefined {
  return response.bodyUsed ? undefined : jsonTexts.get(response);
}

/** A JSON answer (`Cache-Control: no-store`). */
export function jsonResponse(body: unknown, init: { status?: number; headers?: HeadersLike } = {}): Response {
  const headers = new Headers(init.headers);
  for (const [k, v] of Object.entries(JSON_HEADERS)) if (!headers.has(k)) headers.set(k, v);
  const text = JSON.stringify(body);
  // The bytes are made only if someone reads the body (Next.js, Workers): the Node and Fastify
  // glue send `text` itself, and encoding a 100-row page for nothing cost a third of a request.
  const lazy = new ReadableStream<Uint8Array>({ pull: (c) => (c.enqueue(encoder.encode(text)), c.close()) }, { highWaterMark: 0 });
  const response = new Response(lazy, { status: init.status ?? 200, headers });
  jsonTexts.set(response, text);
  return response;
}

const encoder = new TextEncoder();

/** The answer of an `ApiError`, with `Retry-After` when it has one. */
export function errorResponse(err: ApiError, headers?: HeadersLike): Response {
  const h = new Headers(headers);
  if (err.retryAfter !== undefined) h.set('Retry-After', String(err.retryAfter));
  return jsonResponse(err.toBody(), { status: err.status, headers: h });
}

/**
 * Errors of the Fastify routes (pages, the platform API, development controls), Stripe-shaped like
 * the library's API (`ApiError`, src/server/errors.ts): `{ error: { type, code, message, param } }`
 * with the HTTP status the client maps to an `ExpressError` code. The sign-in codes
 * `invalid_code`, `too_many_attempts` and `expired` travel in `error.code`, which
 * `HttpSignInAdapter` reads.
 */
import type { FastifyError, FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { ApiError, invalidParam, rateLimited } from '../../src/server/errors.js';

export { ApiError, invalidParam, rateLimited };
export type { ApiErrorOptions, StripeErrorBody } from '../../src/server/errors.js';

interface AjvError {
  keyword: string;
  instancePath: string;
  params: Record<string, unknown>;
  data?: unknown;
  message?: string;
}

/** The Stripe error of a failed JSON-schema check (Fastify's `error.validation`, first error). */
export function validationError(errors: AjvError[], context: string | undefined): ApiError {
  const e = errors[0];
  const path = e.instancePath.split('/').filter(Boolean).map((s) => s.replace(/~1/g, '/').replace(/~0/g, '~'));
  let param = path[0] ?? '';
  const value = typeof e.data === 'string' || typeof e.data === 'number' ? String(e.data) : undefined;
  const shown = (v: string | undefined) => (v === undefined ? '' : `: ${v.length > 64 ? `${v.slice(0, 64)}…` : v}`);
  switch (e.keyword) {
    case 'additionalProperties': {
      param = String(e.params.additionalProperty);
      return invalidParam(param, `Received unknown parameter: ${param.slice(0, 64)}`, 'parameter_unknown');
    }
    case 'required': {
      param = String(e.params.missingProperty);
      return invalidParam(param, `Missing required param: ${param}.`, 'parameter_missing');
    }
    case 'minProperties':
    case 'maxProperties':
      return new ApiError(400, 'parameter_invalid', `Invalid ${context ?? 'request'}: ${e.message ?? 'wrong number of parameters'}.`);
    case 'type':
      if (e.params.type === 'integer' || e.params.type === 'number') {
        return invalidParam(param, `Invalid integer${shown(value)}`, 'parameter_invalid_integer');
      }
      return invalidParam(param, `Invalid ${String(e.params.type)}${shown(value)}`);
    case 'minimum':
    case 'maximum':
      return invalidParam(
        param,
        `${param} must be ${e.keyword === 'minimum' ? 'at least' : 'at most'} ${String(e.params.limit)}${value !== undefined ? `, got ${value}` : ''}.`,
        'parameter_invalid_integer',
      );
    case 'enum':
      return invalidParam(param, `Invalid ${param}${shown(value)}. Use one of: ${(e.params.allowedValues as unknown[]).join(', ')}.`);
    case 'minLength':
      if (value === '') return invalidParam(param, `${param} cannot be empty.`, 'parameter_invalid_empty');
      return invalidParam(param, `Invalid ${param}${shown(value)}`);
    default:
      return invalidParam(param, `Invalid ${param || context || 'parameter'}${shown(value)}`);
  }
}

/** Sends an `ApiError` as JSON, with `Retry-After` when it has one. */
export function sendApiError(reply: FastifyReply, err: ApiError): FastifyReply {
  if (err.retryAfter !== undefined) reply.header('Retry-After', String(err.retryAfter));
  return reply.status(err.status).header('Cache-Control', 'no-store').type('application/json; charset=utf-8').send(err.toBody());
}

/** Whether a path is answered in JSON (the API) rather than HTML (the pages). */
export function isApiPath(url: string): boolean {
  return /^\/(v1|platform|dev\/payments)(\/|\?|$)/.test(url);
}

/**
 * Installs the error and not-found handlers: every API error leaves as a Stripe-shaped body,
 * never with a stack trace; unexpected errors are logged and answered 500 `api_error`.
 */
export function installErrorHandlers(app: FastifyInstance, log: (msg: string, err?: unknown) => void): void {
  app.setErrorHandler((error: FastifyError | ApiError, request: FastifyRequest, reply: FastifyReply) => {
    if (error instanceof ApiError) return sendApiError(reply, error);
    const fe = error as FastifyError & { validation?: AjvError[]; validationContext?: string };
    if (fe.validation?.length) return sendApiError(reply, validationError(fe.validation, fe.validationContext));
    if (fe.statusCode === 429) {
      const retry = Number(reply.getHeader('retry-after'));
      return sendApiError(reply, rateLimited('Too many requests. Try again later.', Number.isFinite(retry) ? retry : 60));
    }
    if (fe.statusCode && fe.statusCode >= 400 && fe.statusCode < 500) {
      const code = fe.code === 'FST_ERR_CTP_INVALID_MEDIA_TYPE' ? 'invalid_content_type' : 'invalid_request';
      const status = fe.statusCode === 415 ? 415 : fe.statusCode === 413 ? 413 : 400;
      return sendApiError(reply, new ApiError(status, code, status === 415 ? 'Send JSON (Content-Type: application/json).' : 'The request could not be read.'));
    }
    log(`Error on ${request.method} ${request.routeOptions.url ?? 'an unknown route'}`, error);
    return sendApiError(reply, new ApiError(500, 'api_error', 'Something went wrong on our side. Try again in a moment.'));
  });

  app.setNotFoundHandler((request, reply) => {
    const path = request.url.split('?')[0];
    if (isApiPath(request.url)) {
      return sendApiError(reply, new ApiError(404, 'resource_missing', `Unrecognized request URL (${request.method}: ${path.slice(0, 100)}).`));
    }
    return reply.status(404).type('text/html; charset=utf-8').send('<!doctype html><meta charset="utf-8"><title>Not found</title><p>Not found.</p>');
  });
}

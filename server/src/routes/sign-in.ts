/**
 * The sign-in API that `HttpSignInAdapter` speaks (every answer a `SignInStep`):
 * `POST /v1/sign_in` `{ login_token }` or `{ email }`, `POST /v1/sign_in/{id}/verify` `{ code }`,
 * `POST /v1/sign_in/{id}/resend` `{}`, and `POST /v1/sign_out`.
 */
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import {
  clearSessionCookie,
  dispatchSms,
  sessionCookie,
  setSessionCookie,
  type AppContext,
} from '../context.js';
import { ApiError } from '../errors.js';

/** Where a signed-in person goes. */
export const DASHBOARD_PATH = '/dashboard';

const challengeParams = {
  type: 'object',
  properties: { id: { type: 'string', minLength: 1, maxLength: 64, pattern: '^[A-Za-z0-9_]+$' } },
  required: ['id'],
} as const;

/** Per-IP limit of the sign-in routes, on top of the per-challenge and per-account rules. */
function limit(max: number | undefined) {
  return max === undefined ? {} : { rateLimit: { max, timeWindow: 60_000 } };
}

/** Registers the sign-in routes. `signInMax`: requests per IP per minute (undefined: no extra limit). */
export function signInRoutes(app: FastifyInstance, ctx: AppContext, signInMax?: number): void {
  const signedIn = (request: FastifyRequest, reply: FastifyReply, accountId: string) => {
    const old = sessionCookie(request);
    if (old) ctx.sessions.destroy(old); // a new sign-in never reuses an older session
    const s = ctx.sessions.create(accountId);
    setSessionCookie(request, reply, s.id, Math.floor(ctx.sessions.policy.absoluteMs / 1000));
    return { status: 'signed_in' as const, redirect_url: DASHBOARD_PATH };
  };

  app.post<{ Body: { login_token?: string; email?: string } }>(
    '/v1/sign_in',
    {
      config: limit(signInMax),
      schema: {
        body: {
          type: 'object',
          properties: {
            login_token: { type: 'string', minLength: 1, maxLength: 200 },
            email: { type: 'string', minLength: 3, maxLength: 254, pattern: '^[^@\\s]+@[^@\\s]+$' },
          },
          additionalProperties: false,
          minProperties: 1,
          maxProperties: 1,
        },
      },
    },
    async (request, reply) => {
      const body = request.body;
      if (body.login_token !== undefined) {
        const r = ctx.signIn.redeemLoginLink(body.login_token);
        if (r.kind === 'signed_in') return signedIn(request, reply, r.accountId);
        dispatchSms(ctx, r.sms);
        return r.step;
      }
      const r = ctx.signIn.startWithEmail(body.email!);
      dispatchSms(ctx, r.sms);
      return r.step;
    },
  );

  app.post<{ Params: { id: string }; Body: { code: string } }>(
    '/v1/sign_in/:id/verify',
    {
      config: limit(signInMax),
      schema: {
        params: challengeParams,
        body: {
          type: 'object',
          properties: { code: { type: 'string', maxLength: 32 } },
          required: ['code'],
          additionalProperties: false,
        },
      },
    },
    async (request, reply) => signedIn(request, reply, ctx.signIn.verify(request.params.id, request.body.code)),
  );

  app.post<{ Params: { id: string } }>(
    '/v1/sign_in/:id/resend',
    {
      config: limit(signInMax),
      schema: { params: challengeParams, body: { type: 'object', additionalProperties: false } },
    },
    async (request) => {
      const r = ctx.signIn.resend(request.params.id);
      dispatchSms(ctx, r.sms);
      return r.step;
    },
  );

  app.post('/v1/sign_out', async (request, reply) => {
    const id = sessionCookie(request);
    if (id) ctx.sessions.destroy(id);
    clearSessionCookie(request, reply);
    return { status: 'signed_out' };
  });
}

/** @throws ApiError 400 when a body is given where none is expected. */
export function expectNoBody(body: unknown): void {
  if (body && typeof body === 'object' && Object.keys(body).length) {
    const param = Object.keys(body)[0];
    throw new ApiError(400, 'parameter_unknown', `Received unknown parameter: ${param.slice(0, 64)}`, { param });
  }
}

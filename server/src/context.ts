/** What every route module receives: the services, the mode and the session helpers. */
import type { FastifyRequest } from 'fastify';
import type { ExpressApi } from '../../src/server/api.js';
import type { ExpressSource } from '../../src/server/source.js';
import type { Clock } from './clock.js';
import { ApiError } from './errors.js';
import type { Ledger } from './ledger.js';
import type { Sessions } from './sessions.js';
import type { SignIn } from './sign-in.js';
import type { SmsSender } from './sms.js';
import type { Storage } from './storage/index.js';
import type { StripeWebhookSender } from './stripe-webhooks.js';

/** `development` adds the demo platform site, `/dev/*` and the dev SMS outbox; `production` refuses them. */
export type Mode = 'development' | 'production';

/** The session cookie's name over plain HTTP (loopback development). */
export const SESSION_COOKIE = 'express_session';
/** Its name over HTTPS: the `__Host-` prefix makes browsers insist on Secure, Path=/ and no Domain. */
export const SECURE_SESSION_COOKIE = '__Host-express_session';

/** Shared state of one server. */
export interface AppContext {
  mode: Mode;
  clock: Clock;
  storage: Storage;
  ledger: Ledger;
  /** The contract over the ledger (`ledgerSource`). */
  source: ExpressSource;
  /** The library's API over `source`, with the sign-in module: every `/v1` route a browser calls. */
  api: ExpressApi;
  signIn: SignIn;
  sessions: Sessions;
  sms: SmsSender;
  /** Signed Connect events to the platform's webhook endpoint (`WEBHOOK_URL`), when configured. */
  webhooks?: StripeWebhookSender;
  platformName: string;
  /** The platform's own site (`PLATFORM_URL`): the login page's "Go back to {platform}" link. */
  platformUrl?: string;
  log(message: string, error?: unknown): void;
  /** The origin login links point at (`PUBLIC_URL`, else the address the server listens on). */
  publicUrl(): string;
}

/**
 * Whether the session cookie is the `Secure` one with the `__Host-` prefix: always in production
 * (whatever the request's protocol looks like behind a proxy), else over HTTPS. Only that name is
 * read then: a plain-named cookie can be tossed in by a sibling subdomain (login CSRF).
 */
export function secureSessionCookie(mode: Mode, https: boolean): boolean {
  return mode === 'production' || https;
}

/** The session cookie's name when `secure` (see `secureSessionCookie`). */
export function sessionCookieName(secure: boolean): string {
  return secure ? SECURE_SESSION_COOKIE : SESSION_COOKIE;
}

/** The raw session id from the request's cookie of the right name, if any. */
export function sessionCookie(ctx: Pick<AppContext, 'mode'>, request: FastifyRequest): string | undefined {
  return request.cookies[sessionCookieName(secureSessionCookie(ctx.mode, request.protocol === 'https'))];
}

/** The request's live session, or undefined. */
export async function currentSession(ctx: AppContext, request: FastifyRequest): Promise<{ id: string; accountId: string } | undefined> {
  const id = sessionCookie(ctx, request);
  const s = id ? await ctx.sessions.get(id) : undefined;
  return s && id ? { id, accountId: s.accountId } : undefined;
}

/** The request's live session. @throws ApiError 401 without one. */
export async function requireSession(ctx: AppContext, request: FastifyRequest): Promise<{ id: string; accountId: string }> {
  const s = await currentSession(ctx, request);
  if (!s) throw new ApiError(401, 'session_required', 'Sign in to see this. Your session may have ended.');
  return s;
}

declare module 'fastify' {
  interface FastifyRequest {
    /** The session of a request in a signed-in scope (set by `requireSessionHook`). */
    expressSession: { id: string; accountId: string } | null;
  }
}

/** An `onRequest` hook for signed-in scopes: 401 before anything else without a live session. */
export function requireSessionHook(ctx: AppContext) {
  return async (request: FastifyRequest): Promise<void> => {
    request.expressSession = await requireSession(ctx, request);
  };
}

/** The session that `requireSessionHook` found. */
export function signedInAs(request: FastifyRequest): { id: string; accountId: string } {
  if (!request.expressSession) throw new ApiError(401, 'session_required', 'Sign in to see this.');
  return request.expressSession;
}

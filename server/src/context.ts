/** What every route module receives: the services, the mode and the session helpers. */
import type { FastifyReply, FastifyRequest } from 'fastify';
import type { ServerResponse } from 'node:http';
import type { Clock } from './clock.js';
import type { Db } from './db.js';
import { ApiError } from './errors.js';
import type { EventBus } from './event-bus.js';
import type { Ledger } from './ledger.js';
import type { Sessions } from './sessions.js';
import type { SignIn } from './sign-in.js';
import type { SmsMessage, SmsSender } from './sms.js';

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
  db: Db;
  ledger: Ledger;
  signIn: SignIn;
  sessions: Sessions;
  bus: EventBus;
  sms: SmsSender;
  platformName: string;
  heartbeatMs: number;
  /** Open event streams, ended on shutdown. */
  streams: Set<ServerResponse>;
  log(message: string, error?: unknown): void;
  /** The origin login links point at (`PUBLIC_URL`, else the address the server listens on). */
  publicUrl(): string;
}

/** Whether the request came over HTTPS (directly, or through a trusted proxy's `X-Forwarded-Proto`). */
export function isHttps(request: FastifyRequest): boolean {
  return request.protocol === 'https';
}

/** The raw session id from the request's cookie, if any. */
export function sessionCookie(request: FastifyRequest): string | undefined {
  return request.cookies[SECURE_SESSION_COOKIE] ?? request.cookies[SESSION_COOKIE];
}

/** The request's live session, or undefined. */
export function currentSession(ctx: AppContext, request: FastifyRequest): { id: string; accountId: string } | undefined {
  const id = sessionCookie(request);
  const s = id ? ctx.sessions.get(id) : undefined;
  return s && id ? { id, accountId: s.accountId } : undefined;
}

/** The request's live session. @throws ApiError 401 without one. */
export function requireSession(ctx: AppContext, request: FastifyRequest): { id: string; accountId: string } {
  const s = currentSession(ctx, request);
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
    request.expressSession = requireSession(ctx, request);
  };
}

/** The session that `requireSessionHook` found. */
export function signedInAs(request: FastifyRequest): { id: string; accountId: string } {
  if (!request.expressSession) throw new ApiError(401, 'session_required', 'Sign in to see this.');
  return request.expressSession;
}

/** Sets the session cookie: HttpOnly, SameSite=Lax, Path=/, and Secure (with the `__Host-` name) over HTTPS. */
export function setSessionCookie(request: FastifyRequest, reply: FastifyReply, id: string, maxAgeSeconds: number): void {
  const secure = isHttps(request);
  reply.setCookie(secure ? SECURE_SESSION_COOKIE : SESSION_COOKIE, id, {
    httpOnly: true,
    sameSite: 'lax',
    secure,
    path: '/',
    maxAge: maxAgeSeconds,
  });
}

/** Clears the session cookie (both names). */
export function clearSessionCookie(request: FastifyRequest, reply: FastifyReply): void {
  const secure = isHttps(request);
  reply.clearCookie(SESSION_COOKIE, { path: '/', httpOnly: true, sameSite: 'lax', secure });
  if (secure) reply.clearCookie(SECURE_SESSION_COOKIE, { path: '/', httpOnly: true, sameSite: 'lax', secure: true });
}

/**
 * Sends an SMS without making the answer wait for it, so a real account's answer takes as long
 * as an unknown email's (no enumeration by timing). Failures are logged without the text.
 */
export function dispatchSms(ctx: AppContext, sms: SmsMessage | null): void {
  if (!sms) return;
  ctx.sms.send(sms).catch((e: unknown) => ctx.log(`Sending an SMS through ${ctx.sms.name} failed`, e));
}

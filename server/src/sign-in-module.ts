/**
 * The reference server's sign-in as a module of the library's API (`createExpressApi({ signIn })`):
 * login links, SMS codes and sessions (sign-in.ts, sessions.ts) behind the routes that
 * `HttpSignInAdapter` speaks, every answer a `SignInStep`:
 *
 * - `POST {base}/sign_in` `{ login_token }` or `{ email }`, `POST {base}/sign_in/{id}/verify`
 *   `{ code }`, `POST {base}/sign_in/{id}/resend` `{}`, `POST {base}/sign_out`;
 * - `POST {base}/login_links`: a fresh login link of the signed-in account;
 * - `accountFor(request)`: the account of the request's session cookie (refreshing its idle timer),
 *   `stillSignedIn`: the same without refreshing it (asked by open event streams).
 *
 * The session cookie is `HttpOnly; SameSite=Lax; Path=/`, plus `Secure` and the `__Host-` prefix
 * always in production (`alwaysSecure`) and otherwise over HTTPS (the request's URL says which;
 * behind a proxy, the Fastify glue builds it from the trusted `X-Forwarded-Proto`). Only the
 * cookie of that name is read: over HTTPS a plain `express_session`, which a sibling subdomain
 * can set, is ignored.
 */
import { ApiError, invalidParam, jsonResponse } from '../../src/server/errors.js';
import { readBody, type SignInModule } from '../../src/server/sign-in.js';
import { SECURE_SESSION_COOKIE, SESSION_COOKIE, sessionCookieName } from './context.js';
import type { Sessions } from './sessions.js';
import type { SignIn } from './sign-in.js';
import type { SmsMessage, SmsSender } from './sms.js';

/** Where a signed-in person goes. */
export const DASHBOARD_PATH = '/dashboard';

/** What the module needs. */
export interface ReferenceSignInOptions {
  signIn: SignIn;
  sessions: Sessions;
  sms: SmsSender;
  /** The login page's URL (login links open it with `#login_token=…`). */
  loginPageUrl(): string;
  log(message: string, error?: unknown): void;
  /** The `Secure` `__Host-` cookie whatever the request's protocol (production); default: over HTTPS only. */
  alwaysSecure?: boolean;
  /** A session of the account ended (sign-out): its open streams should end too, on every instance. */
  sessionEnded?(account: string): void;
}

/** The cookies of a request (`Cookie: a=1; b=2`). */
export function cookiesOf(request: Request): Map<string, string> {
  const out = new Map<string, string>();
  for (const part of (request.headers.get('cookie') ?? '').split(';')) {
    const i = part.indexOf('=');
    if (i <= 0) continue;
    const name = part.slice(0, i).trim();
    if (!out.has(name)) out.set(name, part.slice(i + 1).trim());
  }
  return out;
}

function isHttps(request: Request): boolean {
  return new URL(request.url).protocol === 'https:';
}

/** The raw session id of a request's cookie of the right name (`__Host-` when `secure`), if any. */
export function sessionIdOf(request: Request, secure = isHttps(request)): string | undefined {
  return cookiesOf(request).get(sessionCookieName(secure));
}

/** The Set-Cookie header of a session (or of clearing it, `id` null). */
function sessionCookieHeader(secure: boolean, id: string | null, maxAgeSeconds = 0): string[] {
  const attrs = `Path=/; HttpOnly; SameSite=Lax${secure ? '; Secure' : ''}`;
  if (id !== null) return [`${sessionCookieName(secure)}=${id}; Max-Age=${maxAgeSeconds}; ${attrs}`];
  const gone = 'Expires=Thu, 01 Jan 1970 00:00:00 GMT';
  const out = [`${SESSION_COOKIE}=; ${gone}; ${attrs}`];
  if (secure) out.push(`${SECURE_SESSION_COOKIE}=; ${gone}; ${attrs}`);
  return out;
}

/** Checks a body against exactly `allowed` string fields (`max` characters each); `required` must be there. */
function fields(body: Record<string, unknown>, allowed: Record<string, number>, required: string[] = []): Record<string, string> {
  for (const k of Object.keys(body)) {
    if (!(k in allowed)) throw new ApiError(400, 'parameter_unknown', `Received unknown parameter: ${k.slice(0, 64)}`, { param: k.slice(0, 100) });
  }
  for (const k of required) if (body[k] === undefined) throw invalidParam(k, `Missing required param: ${k}.`, 'parameter_missing');
  const out: Record<string, string> = {};
  for (const [k, v] of Object.entries(body)) {
    if (typeof v !== 'string') throw invalidParam(k, `Invalid ${k}: must be a string.`);
    if (v.length > allowed[k]) throw invalidParam(k, `Invalid ${k}: too long.`);
    out[k] = v;
  }
  return out;
}

/** A challenge id from the path: letters, digits and `_`, at most 64. */
function challengeId(params: Record<string, string>): string {
  const id = params.id;
  if (!/^[A-Za-z0-9_]{1,64}$/.test(id)) throw invalidParam('id', 'Invalid challenge id.');
  return id;
}

/** The module (see the module doc). */
export function referenceSignIn(o: ReferenceSignInOptions): SignInModule {
  const secure = (request: Request) => o.alwaysSecure === true || isHttps(request);
  const sessionOf = (request: Request) => sessionIdOf(request, secure(request));
  const dispatchSms = (sms: SmsMessage | null) => {
    // Sent without making the answer wait, so a real account's answer takes as long as an
    // unknown email's (no enumeration by timing). Failures are logged without the text.
    if (sms) o.sms.send(sms).catch((e: unknown) => o.log(`Sending an SMS through ${o.sms.name} failed`, e));
  };
  const signedIn = async (request: Request, accountId: string, sessionExpiresMs: number | null = null): Promise<Response> => {
    const old = sessionOf(request);
    if (old) {
      const ended = await o.sessions.destroy(old); // a new sign-in never reuses an older session
      if (ended) o.sessionEnded?.(ended);
    }
    // A session signed in by a session-made link ends when the session that made it would have.
    const s = await o.sessions.create(accountId, { expiresMs: sessionExpiresMs ?? undefined });
    const headers = new Headers();
    const maxAge = Math.max(0, Math.floor((s.expiresMs - o.sessions.now()) / 1000));
    for (const c of sessionCookieHeader(secure(request), s.id, maxAge)) headers.append('Set-Cookie', c);
    return jsonResponse({ status: 'signed_in', redirect_url: DASHBOARD_PATH }, { headers });
  };

  return {
    async accountFor(request) {
      const id = sessionOf(request);
      return (id && (await o.sessions.get(id))?.accountId) || null;
    },
    async stillSignedIn(request) {
      const id = sessionOf(request);
      return !!id && (await o.sessions.isLive(id));
    },
    async createLoginLink(account, request) {
      // The session's own link passes its absolute expiry on (issue 20, item 5).
      const id = sessionOf(request);
      const session = id ? await o.sessions.get(id) : undefined;
      return o.signIn.createLoginLink(account, o.loginPageUrl(), { sessionExpiresMs: session?.accountId === account ? Number(session.expiresMs) : undefined });
    },
    routes: [
      {
        method: 'POST',
        path: '/sign_in',
        async handle(request) {
          const raw = await readBody(request);
          // `replace_session: "true"` (or the header Express-Replace-Session: true): the person agreed
          // that a link for another account signs the browser's current account out.
          const replace = raw.replace_session === 'true' || raw.replace_session === true || request.headers.get('express-replace-session') === 'true';
          delete raw.replace_session;
          const body = fields(raw, { login_token: 200, email: 254 });
          const keys = Object.keys(body);
          if (keys.length !== 1) throw new ApiError(400, 'parameter_invalid', 'Give exactly one of login_token and email.');
          if (body.login_token !== undefined) {
            if (body.login_token === '') throw invalidParam('login_token', 'login_token cannot be empty.', 'parameter_invalid_empty');
            if (!replace) {
              // A link opened in a browser signed in to another account asks first (the link is not spent).
              const current = sessionOf(request);
              const signedInAs = current ? (await o.sessions.get(current))?.accountId : undefined;
              const owner = signedInAs ? await o.signIn.loginLinkAccount(body.login_token) : undefined;
              if (signedInAs && owner && owner !== signedInAs) {
                throw new ApiError(409, 'session_exists', 'This browser is signed in to another account. Continue with this link to sign that account out here.', {
                  param: 'replace_session',
                });
              }
            }
            const r = await o.signIn.redeemLoginLink(body.login_token);
            if (r.kind === 'signed_in') return signedIn(request, r.accountId, r.sessionExpiresMs);
            dispatchSms(r.sms);
            return jsonResponse(r.step);
          }
          if (!/^[^@\s]+@[^@\s]+$/.test(body.email) || body.email.length < 3) throw invalidParam('email', 'Invalid email.');
          const r = await o.signIn.startWithEmail(body.email);
          dispatchSms(r.sms);
          return jsonResponse(r.step);
        },
      },
      {
        method: 'POST',
        path: '/sign_in/{id}/verify',
        async handle(request, params) {
          const id = challengeId(params);
          const body = fields(await readBody(request), { code: 32 }, ['code']);
          const v = await o.signIn.verify(id, body.code);
          return signedIn(request, v.accountId, v.sessionExpiresMs);
        },
      },
      {
        method: 'POST',
        path: '/sign_in/{id}/resend',
        async handle(request, params) {
          const id = challengeId(params);
          fields(await readBody(request), {});
          const r = await o.signIn.resend(id);
          dispatchSms(r.sms);
          return jsonResponse(r.step);
        },
      },
      {
        method: 'POST',
        path: '/sign_out',
        async handle(request) {
          await request.text();
          const id = sessionOf(request);
          const ended = id ? await o.sessions.destroy(id) : undefined;
          if (ended) o.sessionEnded?.(ended);
          const headers = new Headers();
          for (const c of sessionCookieHeader(secure(request), null)) headers.append('Set-Cookie', c);
          return jsonResponse({ status: 'signed_out' }, { headers });
        },
      },
    ],
  };
}

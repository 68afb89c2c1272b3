/**
 * Caps on open event streams (`GET /v1/events`): at most `perSession` at once for one session
 * cookie and `perIp` for one client address (behind a trusted proxy, the address it forwards).
 * One more is answered 429 `rate_limited` (Stripe-shaped, `Retry-After`) before the stream opens;
 * a stream counts from its request until its connection closes. The counts are this instance's:
 * behind a load balancer each instance caps what it holds.
 *
 * A session's streams end when it does: at sign-out on every instance at once (a notification),
 * and at its expiry by the stream's next heartbeat, which asks whether the session is still live.
 */
import type { FastifyInstance, FastifyRequest } from 'fastify';
import { sha256 } from './crypto.js';
import { rateLimited, sendApiError } from './errors.js';

/** The caps; defaults 10 per session and 50 per address. */
export interface StreamLimits {
  perSession: number;
  perIp: number;
}

export const DEFAULT_STREAM_LIMITS: StreamLimits = { perSession: 10, perIp: 50 };

/** Installs the caps on `path` (default `/v1/events`); `sessionOf` reads a request's raw session id. */
export function installStreamLimits(
  app: FastifyInstance,
  limits: StreamLimits,
  sessionOf: (request: FastifyRequest) => string | undefined,
  path = '/v1/events',
): { open(): number } {
  const open = new Map<string, number>();
  const add = (key: string, by: number) => {
    const n = (open.get(key) ?? 0) + by;
    if (n <= 0) open.delete(key);
    else open.set(key, n);
  };
  app.addHook('onRequest', async (request, reply) => {
    if (request.method !== 'GET' || request.url.split('?')[0] !== path) return;
    if (/^Bearer\s+sk_/i.test(request.headers.authorization ?? '')) return; // the secret-key API has no stream
    const session = sessionOf(request);
    const keys = [`ip:${request.ip}`, ...(session ? [`session:${sha256(session).toString('hex')}`] : [])];
    const full = (open.get(keys[0]) ?? 0) >= limits.perIp || (keys[1] !== undefined && (open.get(keys[1]) ?? 0) >= limits.perSession);
    if (full) {
      return sendApiError(reply, rateLimited('Too many live updates are open for this session or address. Close another tab, then try again.', 30));
    }
    for (const k of keys) add(k, 1);
    let counted = true;
    reply.raw.once('close', () => {
      if (!counted) return;
      counted = false;
      for (const k of keys) add(k, -1);
    });
  });
  return { open: () => [...open.entries()].filter(([k]) => k.startsWith('ip:')).reduce((a, [, n]) => a + n, 0) };
}

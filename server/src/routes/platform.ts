/**
 * The platform API, for the platform's own backend only: authenticated with a secret key
 * (`Authorization: Bearer sk_test_…` or `sk_live_…`), never with a cookie, never sent to a
 * browser. A test-mode key reaches test-mode accounts, a live-mode key live-mode accounts, as
 * with Stripe.
 *
 * `POST /v1/accounts/{id}/login_links` answers a Stripe `login_link` object whose URL opens the
 * login page with a fresh single-use token.
 */
import type { FastifyInstance } from 'fastify';
import type { AppContext } from '../context.js';
import { digestsEqual, sha256 } from '../crypto.js';
import { ApiError } from '../errors.js';
import { expectNoBody } from '../../../src/server/sign-in.js';

/** A configured secret key, kept as its hash. */
interface KeyEntry {
  hash: Buffer;
  livemode: boolean;
}

/** @throws Error for a key that is not `sk_test_…` or `sk_live_…` with at least 24 characters after the prefix. */
export function checkSecretKey(key: string): { livemode: boolean } {
  const m = /^sk_(test|live)_[A-Za-z0-9]{24,}$/.exec(key);
  if (!m) throw new Error('A platform secret key looks like sk_test_… or sk_live_… followed by at least 24 letters and digits.');
  return { livemode: m[1] === 'live' };
}

/** The platform's secret keys, kept as hashes: which one an `Authorization` header carries. */
export class SecretKeys {
  private readonly keys: KeyEntry[];

  constructor(secretKeys: readonly string[]) {
    this.keys = secretKeys.map((k) => ({ hash: sha256(k), livemode: checkSecretKey(k).livemode }));
  }

  /** The mode of the key in `Authorization: Bearer sk_…`. @throws ApiError 401 without a valid one. */
  authenticate(header: string | null | undefined): { livemode: boolean } {
    const m = typeof header === 'string' ? /^Bearer\s+(\S+)$/i.exec(header.trim()) : null;
    if (!m) throw new ApiError(401, 'api_key_required', 'Authenticate with your secret key: Authorization: Bearer sk_…');
    const given = sha256(m[1]);
    let found: KeyEntry | undefined;
    for (const k of this.keys) if (digestsEqual(given, k.hash)) found = k; // every key compared: no early exit
    if (!found) throw new ApiError(401, 'api_key_invalid', 'Invalid API key.');
    return { livemode: found.livemode };
  }
}

/** Registers the platform API; `secretKeys` are the keys it accepts. */
export function platformRoutes(app: FastifyInstance, ctx: AppContext, keys: SecretKeys): void {
  app.post<{ Params: { id: string } }>(
    '/v1/accounts/:id/login_links',
    {
      config: { originCheck: false }, // server to server: no browser, no cookie, no Origin
      schema: { params: { type: 'object', properties: { id: { type: 'string', minLength: 1, maxLength: 255 } }, required: ['id'] } },
    },
    async (request, reply) => {
      const key = keys.authenticate(request.headers.authorization);
      expectNoBody(request.body);
      const account = await ctx.ledger.account(request.params.id);
      if (!account || account.livemode !== key.livemode) {
        // Stripe answers the same for an account of the other mode: it does not exist there.
        throw new ApiError(404, 'resource_missing', `No such account: '${request.params.id.slice(0, 64)}'`, { param: 'account' });
      }
      reply.header('Cache-Control', 'no-store');
      return ctx.signIn.createLoginLink(account.id, `${ctx.publicUrl()}/login`);
    },
  );
}

/**
 * The API in Fastify: `app.register(expressApiPlugin, { api, webhookPath })` registers each of
 * the API's routes (and the webhook) in its own encapsulated scope, whose bodies stay raw so
 * `api.webhook` can check Stripe's signature over the exact bytes. The app's hooks (security
 * headers, rate limits, an Origin check) apply to them like to any route.
 *
 * No import of `fastify` itself: the types below are the few members used, so this module costs
 * nothing to platforms on other frameworks.
 */
import { Readable } from 'node:stream';
import type { ApiRoute, ExpressApi } from './api.js';
import { ApiError, errorResponse, jsonTextOf } from './errors.js';

/** The part of a Fastify request the glue reads. */
export interface FastifyRequestLike {
  method: string;
  url: string;
  protocol: string;
  host: string;
  headers: Record<string, string | string[] | undefined>;
  body?: unknown;
}

/** The part of a Fastify reply the glue uses. */
export interface FastifyReplyLike {
  code(status: number): FastifyReplyLike;
  header(name: string, value: string | string[]): FastifyReplyLike;
  send(payload?: unknown): FastifyReplyLike;
}

/** The part of a Fastify instance the plugin uses. */
export interface FastifyInstanceLike {
  route(options: {
    method: string | string[];
    url: string;
    config?: Record<string, unknown>;
    handler: (request: FastifyRequestLike, reply: FastifyReplyLike) => Promise<unknown>;
  }): unknown;
  removeAllContentTypeParsers(): unknown;
  addContentTypeParser(
    type: string,
    options: { parseAs: 'buffer'; bodyLimit?: number },
    parser: (request: unknown, body: Buffer, done: (err: Error | null, body?: unknown) => void) => void,
  ): unknown;
}

/** Options of `expressApiPlugin`. */
export interface ExpressApiPluginOptions {
  api: Pick<ExpressApi, 'routes' | 'fetch' | 'webhook'>;
  /** Where Stripe posts Connect events (`api.webhook`), e.g. `/stripe/webhook`; none when absent. */
  webhookPath?: string;
  /** Route `config` of each route (e.g. `@fastify/rate-limit`'s `rateLimit`), by route; the webhook's route is `{ method: 'POST', path: webhookPath }`. */
  routeConfig?: (route: ApiRoute) => Record<string, unknown> | undefined;
  /** The largest body accepted, in bytes; default 64 KB (Stripe's events are a few KB). */
  bodyLimit?: number;
}

/**
 * A Fastify request as a Web `Request` (its URL from Fastify's `protocol` and `host`, so
 * `trustProxy` applies). No `signal`: undici makes one costly (tens of microseconds a request);
 * a browser that goes away cancels its event stream's body instead.
 */
export function toWebRequest(request: FastifyRequestLike): Request {
  const headers = new Headers();
  for (const [k, v] of Object.entries(request.headers)) {
    if (v === undefined) continue;
    for (const one of Array.isArray(v) ? v : [v]) headers.append(k, one);
  }
  const body = request.body;
  const hasBody = request.method !== 'GET' && request.method !== 'HEAD' && body !== undefined && body !== null;
  return new Request(`${request.protocol}://${request.host}${request.url}`, {
    method: request.method,
    headers,
    body: hasBody ? (Buffer.isBuffer(body) || typeof body === 'string' ? body : JSON.stringify(body)) : undefined,
  });
}

/** Sends a Web `Response` through a Fastify reply (a streamed body, Server-Sent Events, as a stream). */
export async function sendWebResponse(reply: FastifyReplyLike, response: Response): Promise<FastifyReplyLike> {
  reply.code(response.status);
  const cookies = response.headers.getSetCookie();
  for (const [k, v] of response.headers) if (k !== 'set-cookie') reply.header(k, v);
  if (cookies.length) reply.header('set-cookie', cookies);
  const json = jsonTextOf(response);
  if (json !== undefined) return reply.send(json);
  if (!response.body) return reply.send();
  if ((response.headers.get('content-type') ?? '').startsWith('text/event-stream')) {
    return reply.send(Readable.fromWeb(response.body as import('node:stream/web').ReadableStream));
  }
  return reply.send(Buffer.from(await response.arrayBuffer()));
}

/** Stripe's answer to a URL it does not know. */
function notFound(request: Request): Response {
  const path = new URL(request.url).pathname.slice(0, 100);
  return errorResponse(new ApiError(404, 'resource_missing', `Unrecognized request URL (${request.method}: ${path}).`));
}

/** `{id}` → `:id`: a Fastify route path. */
function fastifyPath(path: string): string {
  return path.replace(/\{([A-Za-z_]\w*)\}/g, ':$1');
}

/** Registers the API's routes and its webhook (see the module doc). Use with `app.register`. */
export async function expressApiPlugin(fastify: FastifyInstanceLike, options: ExpressApiPluginOptions): Promise<void> {
  const { api } = options;
  const bodyLimit = options.bodyLimit ?? 64 * 1024;
  // Raw bodies in this scope only: the webhook's signature is over the exact bytes.
  fastify.removeAllContentTypeParsers();
  fastify.addContentTypeParser('*', { parseAs: 'buffer', bodyLimit }, (_req, body, done) => done(null, body));
  const seen = new Set<string>();
  for (const route of api.routes) {
    const url = fastifyPath(route.path);
    const key = `${route.method} ${url}`;
    if (seen.has(key)) continue;
    seen.add(key);
    fastify.route({
      method: route.method,
      url,
      config: options.routeConfig?.(route),
      handler: async (request, reply) => {
        const web = toWebRequest(request);
        const response = await api.fetch(web);
        // A request the API does not answer (e.g. a path of the other API of a shared `fetch`):
        // Stripe's own 404, never an empty one.
        return sendWebResponse(reply, response ?? notFound(web));
      },
    });
  }
  if (options.webhookPath) {
    const route: ApiRoute = { method: 'POST', path: options.webhookPath };
    fastify.route({
      method: 'POST',
      url: options.webhookPath,
      config: options.routeConfig?.(route),
      handler: async (request, reply) => sendWebResponse(reply, await api.webhook(toWebRequest(request))),
    });
  }
}

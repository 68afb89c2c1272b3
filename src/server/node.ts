/**
 * The API on `node:http` and Express: `toNodeHandler(api)` is a `(req, res, next?)` handler. A
 * request that is not one of the API's routes goes to `next()` (Express) with its body unread,
 * else gets a 404.
 * `toNodeHandler((request) => api.webhook(request))` serves the webhook the same way.
 *
 * Bodies are read from the request stream. Behind Express, mount it before `express.json()` (or
 * give the webhook route `express.raw({ type: 'application/json' })`): a body already parsed into
 * an object has lost the exact bytes Stripe signed.
 */
import type { IncomingMessage, ServerResponse } from 'node:http';
import { isRoutePath, type ExpressApi } from './api.js';
import { jsonTextOf } from './errors.js';

/** A Web handler: an API's `fetch`, or any `(request) => response` (`undefined`: not mine). */
export type WebHandler = (request: Request) => Promise<Response | undefined> | Response | undefined;

/** Options of `toNodeHandler`. */
export interface NodeHandlerOptions {
  /** The largest body read, in bytes; default 64 KB (larger: 413). */
  bodyLimit?: number;
  /**
   * Behind a proxy that terminates TLS: take the scheme and host from `X-Forwarded-Proto` and
   * `X-Forwarded-Host` (only when you trust it to set them). Default false.
   */
  trustProxy?: boolean;
}

type NodeRequest = IncomingMessage & { originalUrl?: string; body?: unknown };

const TOO_LARGE = Symbol('too large');

async function readRaw(req: NodeRequest, limit: number): Promise<Buffer | typeof TOO_LARGE> {
  if (Buffer.isBuffer(req.body)) return req.body;
  if (typeof req.body === 'string') return Buffer.from(req.body);
  if (req.body !== undefined && req.readableEnded) return Buffer.from(JSON.stringify(req.body)); // parsed by a body parser
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of req) {
    size += (chunk as Buffer).length;
    if (size > limit) return TOO_LARGE;
    chunks.push(chunk as Buffer);
  }
  return Buffer.concat(chunks);
}

/**
 * A Node request as a Web `Request`. No `signal`: undici makes one costly (tens of microseconds
 * a request); a client that goes away cancels its event stream's body instead.
 */
export async function nodeToWebRequest(req: NodeRequest, options: NodeHandlerOptions = {}): Promise<Request | typeof TOO_LARGE> {
  const first = (v: string | string[] | undefined) => (Array.isArray(v) ? v[0] : v)?.split(',')[0].trim();
  const encrypted = (req.socket as { encrypted?: boolean }).encrypted === true;
  const proto = (options.trustProxy && first(req.headers['x-forwarded-proto'])) || (encrypted ? 'https' : 'http');
  const host = (options.trustProxy && first(req.headers['x-forwarded-host'])) || req.headers.host || 'localhost';
  const headers = new Headers();
  for (const [k, v] of Object.entries(req.headers)) {
    if (v === undefined) continue;
    for (const one of Array.isArray(v) ? v : [v]) headers.append(k, one);
  }
  const method = req.method ?? 'GET';
  let body: Buffer | undefined;
  if (method !== 'GET' && method !== 'HEAD') {
    const raw = await readRaw(req, options.bodyLimit ?? 64 * 1024);
    if (raw === TOO_LARGE) return TOO_LARGE;
    body = raw;
  }
  return new Request(`${proto}://${host}${req.originalUrl ?? req.url ?? '/'}`, { method, headers, body });
}

/** Writes a Web `Response` to a Node response, streaming its body (Server-Sent Events flow as they come). */
export async function writeWebResponse(res: ServerResponse, response: Response): Promise<void> {
  const headers: Record<string, string | string[]> = {};
  for (const [k, v] of response.headers) if (k !== 'set-cookie') headers[k] = v;
  const cookies = response.headers.getSetCookie();
  if (cookies.length) headers['set-cookie'] = cookies;
  res.writeHead(response.status, headers);
  const json = jsonTextOf(response);
  if (json !== undefined) {
    res.end(json);
    return;
  }
  if (!response.body) {
    res.end();
    return;
  }
  const reader = response.body.getReader();
  const stop = () => void reader.cancel().catch(() => {});
  res.once('close', stop);
  try {
    for (;;) {
      const { value, done } = await reader.read();
      if (done) break;
      if (!res.write(value)) await new Promise<void>((resolve) => res.once('drain', resolve).once('close', resolve));
      if (res.destroyed) break;
    }
  } catch {
    // the stream was cancelled (the client went away)
  } finally {
    res.off('close', stop);
    res.end();
  }
}

/** See the module doc. */
export function toNodeHandler(
  api: Pick<ExpressApi, 'fetch' | 'routes'> | WebHandler,
  options: NodeHandlerOptions = {},
): (req: IncomingMessage, res: ServerResponse, next?: (err?: unknown) => void) => Promise<void> {
  const handle: WebHandler = typeof api === 'function' ? api : (r) => api.fetch(r);
  const routes = typeof api === 'function' ? undefined : api.routes;
  return async (req, res, next) => {
    try {
      // Not one of the API's paths: on to the next handler with the body unread.
      const url = (req as NodeRequest).originalUrl ?? req.url ?? '/';
      if (routes && !isRoutePath(routes, url.split('?')[0])) {
        if (next) return next();
        await writeWebResponse(res, Response.json({ error: { type: 'invalid_request_error', code: 'resource_missing', message: 'Not found.' } }, { status: 404 }));
        return;
      }
      const request = await nodeToWebRequest(req, options);
      if (request === TOO_LARGE) {
        await writeWebResponse(res, Response.json({ error: { type: 'invalid_request_error', code: 'invalid_request', message: 'The request body is too large.' } }, { status: 413 }));
        return;
      }
      const response = await handle(request);
      if (response) return await writeWebResponse(res, response);
      if (next) return next();
      await writeWebResponse(res, Response.json({ error: { type: 'invalid_request_error', code: 'resource_missing', message: 'Not found.' } }, { status: 404 }));
    } catch (e) {
      if (next) return next(e);
      if (!res.headersSent) res.writeHead(500, { 'Content-Type': 'application/json; charset=utf-8' });
      res.end(JSON.stringify({ error: { type: 'api_error', message: 'Something went wrong on our side. Try again in a moment.' } }));
    }
  };
}

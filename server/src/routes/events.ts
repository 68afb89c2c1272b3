/**
 * `GET /v1/events`: the signed-in account's events as Server-Sent Events. Each message is
 * `id: <sequence number>` and `data: <ExpressEvent JSON>`; a comment line every `heartbeatMs`
 * keeps proxies from closing an idle stream. A reconnecting `EventSource` sends `Last-Event-ID`
 * and first receives what it missed (from the database), then the live events. The stream ends
 * when the session ends (checked at every heartbeat) and when the server shuts down.
 */
import type { FastifyInstance } from 'fastify';
import { signedInAs, type AppContext } from '../context.js';
import type { StoredEvent } from '../ledger.js';
import { SECURITY_HEADERS } from '../headers.js';

/** At most this many missed events are replayed on reconnection. */
export const MAX_REPLAY = 1000;

/** One SSE message. */
export function sseMessage(e: StoredEvent): string {
  return `id: ${e.id}\ndata: ${JSON.stringify(e.event)}\n\n`;
}

/** Registers the events route; `app` must be a signed-in scope. */
export function eventRoutes(app: FastifyInstance, ctx: AppContext): void {
  app.get(
    '/v1/events',
    { schema: { querystring: { type: 'object', additionalProperties: false } } },
    async (request, reply) => {
      const session = signedInAs(request);
      const header = request.headers['last-event-id'];
      const lastId = typeof header === 'string' && /^\d{1,15}$/.test(header.trim()) ? Number(header.trim()) : undefined;

      reply.hijack();
      const res = reply.raw;
      res.writeHead(200, {
        ...SECURITY_HEADERS,
        'Content-Type': 'text/event-stream; charset=utf-8',
        'Cache-Control': 'no-store',
        Connection: 'keep-alive',
        'X-Accel-Buffering': 'no',
      });
      res.write('retry: 3000\n\n');

      // Replay and subscribe in one synchronous step: no event can slip in between (better-sqlite3
      // is synchronous and events are published from the same thread).
      if (lastId !== undefined) for (const e of ctx.ledger.eventsAfter(session.accountId, lastId, MAX_REPLAY)) res.write(sseMessage(e));
      const unsubscribe = ctx.bus.subscribe(session.accountId, (e) => res.write(sseMessage(e)));
      ctx.streams.add(res);

      const heartbeat = setInterval(() => {
        if (!ctx.sessions.isLive(session.id)) res.end();
        else res.write(': heartbeat\n\n');
      }, ctx.heartbeatMs);
      heartbeat.unref();

      const cleanup = () => {
        clearInterval(heartbeat);
        unsubscribe();
        ctx.streams.delete(res);
      };
      res.on('close', cleanup);
      request.raw.on('close', () => res.end());
    },
  );
}

/**
 * Development: where browsers report Content Security Policy violations (`report-uri`, and the
 * Reporting API's `report-to`): `POST /dev/csp-reports` keeps the last 100 and logs each;
 * `GET /dev/csp-reports.json` lists them (the browser test asserts there are none).
 */
import type { FastifyInstance } from 'fastify';
import type { AppContext } from '../context.js';
import { ApiError } from '../errors.js';

/** Where the reports go. */
export const CSP_REPORT_PATH = '/dev/csp-reports';

/** One violation, from either report format. */
export interface CspViolation {
  /** The directive broken (`require-trusted-types-for`, `style-src-attr`, ...). */
  directive: string;
  /** What was blocked (a URL, `inline`, `eval`, `trusted-types-sink`, ...). */
  blocked: string;
  /** The page. */
  document: string;
  /** The start of the offending code, when the browser gives it. */
  sample?: string;
  source?: string;
  line?: number;
}

/** The violations of a report body: `{ "csp-report": {...} }` (report-uri) or `[{ type: "csp-violation", body }]` (report-to). */
export function violationsOf(body: unknown): CspViolation[] {
  const str = (v: unknown) => (typeof v === 'string' ? v.slice(0, 500) : undefined);
  const num = (v: unknown) => (typeof v === 'number' && Number.isFinite(v) ? v : undefined);
  const one = (r: Record<string, unknown>): CspViolation => ({
    directive: str(r['effective-directive'] ?? r.effectiveDirective ?? r['violated-directive']) ?? 'unknown',
    blocked: str(r['blocked-uri'] ?? r.blockedURL) ?? '',
    document: str(r['document-uri'] ?? r.documentURL) ?? '',
    sample: str(r['script-sample'] ?? r.sample),
    source: str(r['source-file'] ?? r.sourceFile),
    line: num(r['line-number'] ?? r.lineNumber),
  });
  if (Array.isArray(body)) {
    return body
      .filter((x): x is { type: string; body: Record<string, unknown> } => !!x && typeof x === 'object' && (x as { type?: unknown }).type === 'csp-violation')
      .filter((x) => !!x.body && typeof x.body === 'object')
      .map((x) => one(x.body));
  }
  const r = body && typeof body === 'object' ? (body as Record<string, unknown>)['csp-report'] : undefined;
  return r && typeof r === 'object' ? [one(r as Record<string, unknown>)] : [];
}

/** Registers the report endpoint and its list (development only). */
export function cspReportRoutes(app: FastifyInstance, ctx: AppContext): void {
  const kept: (CspViolation & { received_ms: number })[] = [];
  void app.register(async (scope) => {
    scope.addContentTypeParser(
      ['application/csp-report', 'application/reports+json', 'application/json'],
      { parseAs: 'string' },
      (_request, body, done) => {
        try {
          done(null, JSON.parse(String(body)));
        } catch {
          done(new ApiError(400, 'invalid_request', 'The report could not be read.'));
        }
      },
    );
    // Browsers send reports without an Origin a page would have: no Origin check.
    scope.post(CSP_REPORT_PATH, { config: { originCheck: false } }, async (request, reply) => {
      for (const v of violationsOf(request.body)) {
        kept.push({ ...v, received_ms: ctx.clock.now() });
        if (kept.length > 100) kept.shift();
        ctx.log(`Content Security Policy violation on ${v.document}: ${v.directive} blocked ${v.blocked}${v.sample ? ` (${v.sample})` : ''}`);
      }
      return reply.status(204).send();
    });
  });
  app.get(`${CSP_REPORT_PATH}.json`, async (_request, reply) => {
    reply.header('Cache-Control', 'no-store');
    return { object: 'list', data: kept, has_more: false };
  });
}

/** Security headers of every answer, and the pages' Content Security Policy. */

/** On every answer. `no-referrer`: a login page's URL holds a token that must not leak. */
export const SECURITY_HEADERS: Readonly<Record<string, string>> = {
  'X-Content-Type-Options': 'nosniff',
  'Referrer-Policy': 'no-referrer',
  'X-Frame-Options': 'DENY',
  'Cross-Origin-Opener-Policy': 'same-origin',
  'Cross-Origin-Resource-Policy': 'same-origin',
};

/**
 * `Strict-Transport-Security` in production: browsers that saw it reach this host over HTTPS only,
 * for a year. Not `includeSubDomains`: the dashboard's host does not speak for its siblings.
 */
export const HSTS = 'max-age=31536000';

/**
 * The Content Security Policy of every answer (pages, static files, errors):
 * - scripts only from this origin, never inline, never `eval`;
 * - Trusted Types (`require-trusted-types-for 'script'`): no string reaches an HTML or script sink
 *   (`innerHTML`, `eval`, ...) unless through a policy, and the only policy allowed is Lit's own
 *   (`lit-html`, which only ever passes Lit's own template strings);
 * - styles only from this origin, never inline: the elements' styles are adopted stylesheets
 *   (constructable, no `<style>` and no `style` attribute), which a CSP does not restrict;
 * - requests (fetch, EventSource) to this origin only; images from it and `data:`;
 * - no framing (`frame-ancestors 'none'`), no plugins, no `<base>`, forms to this origin only.
 * In development, `reportUri` names where violations are reported (`report-uri`: every engine
 * posts at once; Chromium's `report-to` would batch them for a minute or more, in the background).
 */
export function contentSecurityPolicy(o: { reportUri?: string } = {}): string {
  return [
    "default-src 'self'",
    "script-src 'self'",
    "style-src 'self'",
    "img-src 'self' data:",
    "connect-src 'self'",
    "font-src 'self'",
    "base-uri 'none'",
    "form-action 'self'",
    "frame-ancestors 'none'",
    "object-src 'none'",
    "require-trusted-types-for 'script'",
    'trusted-types lit-html',
    ...(o.reportUri ? [`report-uri ${o.reportUri}`] : []),
  ].join('; ');
}

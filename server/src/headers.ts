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
 * The pages' Content Security Policy: scripts only from this origin (no inline script), requests
 * only to this origin, no framing. Styles allow inline `<style>` because Lit falls back to it in
 * browsers without constructable stylesheets.
 */
export const PAGE_CSP = [
  "default-src 'self'",
  "script-src 'self'",
  "style-src 'self' 'unsafe-inline'",
  "img-src 'self' data:",
  "connect-src 'self'",
  "base-uri 'none'",
  "form-action 'self'",
  "frame-ancestors 'none'",
  "object-src 'none'",
].join('; ');

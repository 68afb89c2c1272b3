// The Content Security Policy the README gives platforms for a page that hosts the elements
// (README, "Content Security Policy"), as test/csp/host.html is served with it. The one change
// from the README's policy: `frame-ancestors 'self'` rather than 'none', because the test loads
// the page in a frame of the test runner's own page.
export const STRICT_PLATFORM_CSP = [
  "default-src 'self'",
  "script-src 'self'",
  "style-src 'self'",
  "img-src 'self' data:",
  "connect-src 'self'",
  "base-uri 'none'",
  "object-src 'none'",
  "form-action 'self'",
  "frame-ancestors 'self'",
  "require-trusted-types-for 'script'",
  'trusted-types lit-html',
].join('; ');

// Imported first by host.ts: records every Content Security Policy violation of the page, before
// any element module runs.
export interface Violation {
  directive: string;
  blocked: string;
  sample: string;
}
const seen: Violation[] = [];
(window as unknown as { cspViolations: Violation[] }).cspViolations = seen;
document.addEventListener('securitypolicyviolation', (e) => {
  seen.push({ directive: e.effectiveDirective, blocked: e.blockedURI, sample: e.sample });
});

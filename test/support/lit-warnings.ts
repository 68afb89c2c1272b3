/**
 * Fails every test of the calling file on a Lit dev-mode warning (`lit.dev/msg/...`, other than
 * the one-time "dev mode" notice), as Spectrum's `testForLitDevWarnings` does. Call it once at the
 * top level of a test file; it captures `console.warn` during each test and returns the capture,
 * whose `warnings` a test can read too (e.g. to check a secret was never logged).
 */
import { expect } from '@open-wc/testing';

export function failOnLitWarnings(): { warnings: string[] } {
  const capture = { warnings: [] as string[] };
  let warn: typeof console.warn;
  beforeEach(() => {
    warn = console.warn;
    capture.warnings = [];
    console.warn = (...args: unknown[]) => {
      capture.warnings.push(args.map(String).join(' '));
    };
  });
  afterEach(() => {
    console.warn = warn;
    const lit = capture.warnings.filter((w) => w.includes('lit.dev/msg') && !w.includes('dev-mode'));
    expect(lit, 'Lit dev-mode warnings').to.deep.equal([]);
  });
  return capture;
}

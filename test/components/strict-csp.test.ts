import { expect, waitUntil } from '@open-wc/testing';

/**
 * A platform's page with the strict Content Security Policy the README documents (no inline script
 * or style, Trusted Types required: test/support/strict-csp.mjs) hosts every element: the
 * dashboard, each element on its own, the login element and the login button. Each draws its data
 * and is used (chart tooltip, a transaction's details, a payout's dialog, the login's code step)
 * without one violation. A deliberate violation at the end proves the policy is in force.
 */

interface Violation {
  directive: string;
  blocked: string;
  sample: string;
}
type HostWindow = Window & { cspViolations?: Violation[]; hostReady?: boolean; trustedTypes?: unknown };

/** The first element matching each selector in turn, descending into shadow roots. */
function deep(root: ParentNode, ...selectors: string[]): HTMLElement | null {
  let at: ParentNode | null = root;
  let found: HTMLElement | null = null;
  for (const s of selectors) {
    found = at?.querySelector<HTMLElement>(s) ?? null;
    if (!found) return null;
    at = found.shadowRoot ?? found;
  }
  return found;
}

/** Lets queued violation events fire. */
const flush = (w: Window) => new Promise((r) => w.setTimeout(r, 0));

describe('a platform page with a strict Content Security Policy and Trusted Types', () => {
  let frame: HTMLIFrameElement;
  afterEach(() => frame?.remove());

  it('hosts every element, each drawn and used, without one violation', async function () {
    this.timeout(90_000);
    frame = document.createElement('iframe');
    frame.style.width = '1100px';
    frame.style.height = '900px';
    frame.src = '/test/csp/host.html';
    document.body.append(frame);
    await waitUntil(() => (frame.contentWindow as HostWindow | null)?.hostReady, 'the host page ran', { timeout: 20_000 });
    const w = frame.contentWindow as HostWindow;
    const doc = frame.contentDocument!;
    const violations = w.cspViolations!;
    // Lists draw only the rows in view: each element is scrolled into view while it is awaited.
    const inView = (s: string[]) => deep(doc, ...s.slice(0, -1))?.scrollIntoView({ block: 'start' });
    const has = (...s: string[]) => () => (inView(s), !!deep(doc, ...s));
    const text = (...s: string[]) => () => (inView(s), /\d/.test(deep(doc, ...s)?.textContent ?? ''));

    // Drawn with data: the dashboard's own parts, and each element on its own.
    for (const [what, ready] of [
      ['dashboard balance', text('express-dashboard', 'express-balance', '[part~=available]')],
      ['dashboard transactions', has('express-dashboard', 'express-transactions', '[part~=row]')],
      ['dashboard chart', has('express-dashboard', 'express-earnings', '[part~=svg]')],
      ['balance', text('#host > express-balance', '[part~=available]')],
      ['earnings', has('#host > express-earnings', '[part~=svg]')],
      ['transactions', has('#host > express-transactions', '[part~=row]')],
      ['payouts', has('#host > express-payouts', '[part~=row]')],
      ['payout details', has('#host > express-payout-details', '[part~=summary]')],
      ['login', has('express-login', '[part~=input]')],
      ['login button', has('express-login-button', '[part~=base]')],
    ] as const) {
      await waitUntil(ready, `${what} drawn`, { timeout: 20_000 });
    }
    const main = doc.getElementById('host')!;

    // The chart's tooltip follows the pointer (placed through the CSSOM).
    const svg = deep(doc, '#host > express-earnings', '[part~=svg]')!;
    const box = svg.getBoundingClientRect();
    for (const x of [box.left + box.width * 0.2, box.right - 10]) {
      svg.dispatchEvent(new (w as unknown as typeof globalThis).PointerEvent('pointermove', { clientX: x, clientY: box.top + box.height / 2, bubbles: true, pointerType: 'mouse' }));
    }
    await waitUntil(has('#host > express-earnings', '[part~=tooltip]'), 'tooltip');

    // A transaction's details, and a payout's dialog.
    deep(doc, '#host > express-transactions', '[part~=row]')!.click();
    await waitUntil(() => deep(doc, '#host > express-transactions', '[part~=row][aria-expanded=true]'), 'transaction details');
    deep(doc, '#host > express-payouts', '[part~=row] button, [part~=row]')!.click();
    await waitUntil(has('#host > express-payouts', '[part~=dialog]', 'express-payout-details', '[part~=summary]'), 'payout dialog');

    // The login's email step, then its code step.
    const input = deep(doc, 'express-login', '[part~=input]') as HTMLInputElement;
    input.value = 'driver@example.com';
    input.dispatchEvent(new (w as unknown as typeof globalThis).Event('input', { bubbles: true, composed: true }));
    deep(doc, 'express-login', '[part~=submit]')!.click();
    await waitUntil(() => (deep(doc, 'express-login', '[part~=input]') as HTMLInputElement | null)?.name === 'code', 'code step', { timeout: 10_000 });

    await flush(w);
    expect(violations).to.deep.equal([]);

    // The policy is in force: an inline style attribute is refused and reported, and where the
    // engine has Trusted Types, a plain string into innerHTML throws.
    const p = doc.createElement('p');
    main.append(p);
    p.setAttribute('style', 'color: red');
    await waitUntil(() => violations.length > 0, 'the deliberate violation is reported');
    expect(violations.map((v) => v.directive)).to.deep.equal(['style-src-attr']);
    if (w.trustedTypes) {
      let thrown: unknown;
      try {
        p.innerHTML = '<b>x</b>';
      } catch (e) {
        thrown = e;
      }
      expect((thrown as Error | undefined)?.name).to.equal('TypeError'); // the frame's own TypeError
      expect(p.innerHTML).to.equal('');
    }
  });
});

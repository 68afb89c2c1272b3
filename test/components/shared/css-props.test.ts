import { expect, fixture, html, waitUntil } from '@open-wc/testing';
import { render } from 'lit';
import { cssProps } from '../../../src/components/shared/css-props.js';
import { MemoryAdapter } from '../../../src/adapter/memory-adapter.js';
import '../../../src/components/dashboard/dashboard.js';
import type { ExpressDashboard } from '../../../src/components/dashboard/dashboard.js';
import '../../../src/components/earnings/earnings.js';
import type { ExpressEarnings } from '../../../src/components/earnings/earnings.js';
import { fakeAdapter, page, txn } from '../../support/earnings-adapter.js';
import { failOnLitWarnings } from '../../support/lit-warnings.js';

/**
 * Every `style` attribute written while `run` runs. A page whose Content Security Policy has no
 * `'unsafe-inline'` for styles (the reference server's, and the policy the README gives
 * platforms) refuses each of them (`style-src-attr`); styles set through the CSSOM are allowed.
 */
async function styleAttributesWritten(run: () => Promise<void>): Promise<string[]> {
  const written: string[] = [];
  const original = Element.prototype.setAttribute;
  Element.prototype.setAttribute = function (this: Element, name: string, value: string) {
    if (name.toLowerCase() === 'style') written.push(`${this.localName}: ${value}`);
    return original.call(this, name, value);
  };
  try {
    await run();
  } finally {
    Element.prototype.setAttribute = original;
  }
  return written;
}

failOnLitWarnings();

describe('cssProps: inline styles a strict Content Security Policy allows', () => {
  it('sets properties, custom ones and camelCase names through the CSSOM, never as an attribute, and removes what goes', async () => {
    const host = document.createElement('div');
    document.body.append(host);
    const view = (props: Record<string, string | null>) => html`<p style=${cssProps(props)}>x</p>`;
    const written = await styleAttributesWritten(async () => {
      render(view({ left: '3px', '--accent': 'red', fontSize: '10px' }), host);
    });
    expect(written).to.deep.equal([]);
    const p = host.querySelector('p')!;
    expect(p.style.left).to.equal('3px');
    expect(p.style.getPropertyValue('--accent')).to.equal('red');
    expect(p.style.fontSize).to.equal('10px');
    render(view({ right: '4px', '--accent': null }), host);
    expect(p.style.left).to.equal('');
    expect(p.style.right).to.equal('4px');
    expect(p.style.getPropertyValue('--accent')).to.equal('');
    expect(p.style.fontSize).to.equal('');
    host.remove();
  });

  it('is refused anywhere but as the whole value of a style attribute', () => {
    const host = document.createElement('div');
    expect(() => render(html`<p title=${cssProps({ left: '1px' })}></p>`, host)).to.throw(/style/);
    expect(() => render(html`<p style="color: red; ${cssProps({ left: '1px' })}"></p>`, host)).to.throw(/style/);
  });

  it("<express-dashboard> sets the account's brand colour without a style attribute", async () => {
    const adapter = new MemoryAdapter({
      account: { id: 'acct_1', livemode: false, default_currency: 'usd', settings: { branding: { primary_color: '#0a7d5a', icon: null } } },
    });
    let el!: ExpressDashboard;
    const written = await styleAttributesWritten(async () => {
      el = await fixture<ExpressDashboard>(html`<express-dashboard sections="header" .adapter=${adapter}><span class="child">x</span></express-dashboard>`);
      await waitUntil(() => el.shadowRoot!.querySelector('h1'));
      await el.updateComplete;
    });
    expect(written).to.deep.equal([]);
    expect(getComputedStyle(el.querySelector('.child')!).getPropertyValue('--express-color-primary').trim()).to.equal('#0a7d5a');
  });

  it("<express-earnings> places its tooltip without a style attribute", async () => {
    const data = [txn('txn_a', '2026-03-08T05:30:00Z', 1000), txn('txn_b', '2026-03-09T15:30:00Z', 2000)];
    const adapter = fakeAdapter({ auto: { listBalanceTransactions: (p) => page(data, p) } });
    const wrap = await fixture<HTMLDivElement>(html`
      <div style="width: 640px">
        <express-earnings .adapter=${adapter} time-zone="America/New_York" currency="usd" locale="en-US" from="2026-03-07" to="2026-03-09"></express-earnings>
      </div>`);
    const el = wrap.querySelector<ExpressEarnings>('express-earnings')!;
    await waitUntil(() => el.shadowRoot!.querySelector('[part="data-table"]'));
    await el.updateComplete;
    const svg = el.shadowRoot!.querySelector('svg')!;
    const box = svg.getBoundingClientRect();
    const written = await styleAttributesWritten(async () => {
      for (const x of [box.left + 40, box.right - 20]) {
        svg.dispatchEvent(new PointerEvent('pointermove', { clientX: x, clientY: box.top + 40, bubbles: true, pointerType: 'mouse' }));
        await el.updateComplete;
      }
    });
    expect(written).to.deep.equal([]);
    const tooltip = el.shadowRoot!.querySelector<HTMLElement>('[part="tooltip"]')!;
    expect(tooltip.style.right || tooltip.style.left).to.match(/^\d+px$/);
  });
});

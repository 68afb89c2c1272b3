// The shared theme's touch-screen rules (issue 15.5): media queries cannot be switched on in a
// test browser, so the rules are read from the element's own adopted style sheets.
import { expect, fixture, html } from '@open-wc/testing';
import '../../../src/components/balance/balance.js';
import { DeferredAdapter } from '../../support/deferred-adapter.js';

function coarseRules(el: Element): CSSStyleRule[] {
  const sheets = [...el.shadowRoot!.adoptedStyleSheets];
  const rules: CSSStyleRule[] = [];
  for (const sheet of sheets) {
    for (const rule of sheet.cssRules) {
      if (rule instanceof CSSMediaRule && /pointer:\s*coarse/.test(rule.conditionText ?? rule.media.mediaText)) {
        rules.push(...[...rule.cssRules].filter((r): r is CSSStyleRule => r instanceof CSSStyleRule));
      }
    }
  }
  return rules;
}

describe('shared theme on touch screens', () => {
  it('makes buttons and fields at least 44px high and fields 16px, so iOS does not zoom', async () => {
    const el = await fixture(html`<express-balance .adapter=${new DeferredAdapter()}></express-balance>`);
    const rules = coarseRules(el);
    const find = (selector: string, property: string) =>
      rules.find((r) => r.selectorText.split(',').map((s) => s.trim()).includes(selector) && r.style.getPropertyValue(property));
    expect(find('.button', 'min-height')?.style.getPropertyValue('min-height')).to.equal('44px');
    expect(find('select', 'min-height')?.style.getPropertyValue('min-height')).to.equal('44px');
    expect(find('select', 'font-size')?.style.getPropertyValue('font-size')).to.match(/16px/);
    expect(find('input', 'font-size')?.style.getPropertyValue('font-size')).to.match(/16px/);
  });
});

// Lazy string tables: this file imports only the registry (never src/core/i18n/index.ts, which
// registers every table eagerly), so French and Japanese really load on first use here.
import { expect, fixture, html, waitUntil } from '@open-wc/testing';
import { LitElement } from 'lit';
import { en, hasStrings, loadStrings, stringsFor } from '../../../src/core/i18n/registry.js';
import { LocaleController } from '../../../src/components/shared/locale.js';

class LocaleProbe extends LitElement {
  l10n = new LocaleController(this);
  renders = 0;
  override render() {
    this.renders++;
    return html`<p>${this.l10n.strings.common.retry}</p>`;
  }
}
customElements.define('locale-probe', LocaleProbe);

const text = (el: LocaleProbe) => el.shadowRoot!.querySelector('p')!.textContent;

describe('lazy string tables', () => {
  it('gives English until a table is loaded, then the table', async () => {
    expect(hasStrings('de-AT')).to.be.false;
    expect(stringsFor('de-AT')).to.equal(en); // and starts loading
    const de = await loadStrings('de-AT');
    expect(de).to.not.equal(en);
    expect(de.common.retry).to.equal('Erneut versuchen');
    expect(stringsFor('de')).to.equal(de);
    expect(hasStrings('de')).to.be.true;
    expect(await loadStrings('xx-unknown')).to.equal(en);
  });

  it('re-renders an element when its language arrives', async () => {
    expect(hasStrings('fr')).to.be.false;
    const el = await fixture<LocaleProbe>(html`<locale-probe locale="fr-CA"></locale-probe>`);
    await waitUntil(() => text(el) === 'Réessayer', 'French arrives', { timeout: 5000 });
  });

  it('re-renders when the page changes <html lang>', async () => {
    await loadStrings('ja');
    const before = document.documentElement.lang;
    const el = await fixture<LocaleProbe>(html`<locale-probe></locale-probe>`);
    try {
      document.documentElement.lang = 'en';
      await waitUntil(() => text(el) === 'Retry');
      document.documentElement.lang = 'ja';
      await waitUntil(() => text(el) === stringsFor('ja').common.retry, 'Japanese after lang change');
      expect(text(el)).to.not.equal('Retry');
    } finally {
      document.documentElement.lang = before;
    }
  });
});

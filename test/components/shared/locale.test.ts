import { expect, fixture, html } from '@open-wc/testing';
import { resolveLocale } from '../../../src/components/shared/locale.js';

/** Puts `inner` inside a new open shadow root of `host` and returns the innermost element. */
function shadow(host: Element, inner: string, selector: string): Element {
  const root = host.attachShadow({ mode: 'open' });
  root.innerHTML = inner;
  return root.querySelector(selector)!;
}

function browserDefault(): string {
  try {
    return Intl.getCanonicalLocales(navigator.language)[0] ?? 'en';
  } catch {
    return 'en';
  }
}

describe('resolveLocale', () => {
  it("prefers the element's own locale attribute, canonicalised", async () => {
    const el = await fixture(html`<div lang="de"><span locale="fr-ca"></span></div>`);
    expect(resolveLocale(el.querySelector('span')!)).to.equal('fr-CA');
  });

  it('uses the nearest lang of the element or an ancestor', async () => {
    const el = await fixture(html`<div lang="ja"><section lang="es-MX"><p><span></span></p></section></div>`);
    expect(resolveLocale(el.querySelector('span')!)).to.equal('es-MX');
    expect(resolveLocale(el)).to.equal('ja');
    const own = await fixture(html`<div lang="ja"><span lang="de-CH"></span></div>`);
    expect(resolveLocale(own.querySelector('span')!)).to.equal('de-CH');
  });

  it('walks out of shadow roots to the host and its ancestors', async () => {
    const outer = await fixture(html`<div lang="es-MX"><section></section></div>`);
    const inner = shadow(outer.querySelector('section')!, '<div><span></span></div>', 'span');
    expect(resolveLocale(inner)).to.equal('es-MX');
  });

  it('walks through nested shadow roots, nearest lang first', async () => {
    const outer = await fixture(html`<div lang="fr"><section></section></div>`);
    const middle = shadow(outer.querySelector('section')!, '<article><aside></aside></article>', 'aside');
    const inner = shadow(middle, '<p></p>', 'p');
    expect(resolveLocale(inner)).to.equal('fr');
    middle.parentElement!.setAttribute('lang', 'de');
    expect(resolveLocale(inner)).to.equal('de');
  });

  it('gives slotted content the language of its light-DOM ancestors', async () => {
    const outer = await fixture(html`<div lang="fr"><section><span></span></section></div>`);
    shadow(outer.querySelector('section')!, '<div lang="de"><slot></slot></div>', 'slot');
    expect(resolveLocale(outer.querySelector('span')!)).to.equal('fr');
  });

  it('skips invalid values to the next source', async () => {
    const el = await fixture(html`<div lang="ja"><div lang="not a tag!"><span locale="en_US"></span></div></div>`);
    expect(resolveLocale(el.querySelector('span')!)).to.equal('ja');
    const empty = await fixture(html`<div lang="de"><div lang=""><span locale=""></span></div></div>`);
    expect(resolveLocale(empty.querySelector('span')!)).to.equal('de');
  });

  it("falls back to the browser's language without any lang", () => {
    const detached = document.createElement('span');
    expect(resolveLocale(detached)).to.equal(browserDefault());
    detached.setAttribute('lang', '12345678901');
    expect(resolveLocale(detached)).to.equal(browserDefault());
  });

  describe('with a fake navigator.language', () => {
    let restore: () => void;
    function fakeLanguage(value: string | undefined) {
      Object.defineProperty(navigator, 'language', { configurable: true, get: () => value });
      restore = () => {
        delete (navigator as unknown as { language?: string }).language;
      };
    }
    afterEach(() => restore?.());

    it('uses it, canonicalised', () => {
      fakeLanguage('pt-br');
      expect(navigator.language).to.equal('pt-br');
      expect(resolveLocale(document.createElement('span'))).to.equal('pt-BR');
    });

    it("falls back to 'en' when it is invalid or missing", () => {
      fakeLanguage('@@@');
      expect(resolveLocale(document.createElement('span'))).to.equal('en');
      fakeLanguage(undefined);
      expect(resolveLocale(document.createElement('span'))).to.equal('en');
    });
  });
});

import { expect, fixture, html, oneEvent, waitUntil } from '@open-wc/testing';
import { ContextProvider } from '@lit/context';
import '../../../src/components/login-button/login-button.js';
import type { ExpressLoginButton } from '../../../src/components/login-button/login-button.js';
import { errorForStatus, loginLinkUrl } from '../../../src/components/login-button/login-link.js';
import { loadLoginButtonStrings, loginButtonStrings, LOGIN_BUTTON_ENGLISH, LOGIN_BUTTON_LANGUAGES } from '../../../src/components/login-button/login-button.strings.js';
import es from '../../../src/components/login-button/strings/es.js';

const LOGIN_BUTTON_STRINGS = { en: LOGIN_BUTTON_ENGLISH, es };
import { ExpressError } from '../../../src/contract/errors.js';
import { isSafeRedirectUrl } from '../../../src/core/url.js';
import type { LoginLink, RequestOptions } from '../../../src/contract/types.js';
import { dashboardContext } from '../../../src/context.js';
import type { ExpressErrorEvent, ExpressLoginRedirectEvent } from '../../../src/events.js';
import { failOnLitWarnings } from '../../support/lit-warnings.js';

const LINK = 'https://connect.example.com/express/acct_123/aBcD';
const INSTAGRAM =
  'Mozilla/5.0 (iPhone; CPU iPhone OS 17_0 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) Mobile/15E148 Instagram 302.0.0.23.108 (iPhone14,2; iOS 17_0; en_US; en; scale=3.00; 1170x2532; 516186146)';

interface Call {
  resolve: (link: unknown) => void;
  reject: (e: unknown) => void;
  signal?: AbortSignal;
}

/** An adapter whose `createLoginLink` promises the test settles by hand. */
function fakeAdapter() {
  const calls: Call[] = [];
  return {
    calls,
    createLoginLink(o?: RequestOptions): Promise<LoginLink> {
      return new Promise((resolve, reject) => calls.push({ resolve: resolve as (l: unknown) => void, reject, signal: o?.signal }));
    },
  };
}

/** The button's seams, replaced so that nothing navigates or opens a real tab. */
interface Seams {
  navigate(url: string): void;
  openTab(): Window | null;
  userAgent(): string;
}

function stubbed(el: ExpressLoginButton, ua = 'Mozilla/5.0 (X11; Linux x86_64; rv:121.0) Gecko/20100101 Firefox/121.0') {
  const navigations: string[] = [];
  const seams = el as unknown as Seams;
  seams.navigate = (url) => navigations.push(url);
  seams.userAgent = () => ua;
  return navigations;
}

/** A stand-in for the tab `window.open` returns. */
function fakeTab() {
  const tab = {
    opener: window as unknown,
    closed: false,
    replaced: [] as string[],
    location: { replace: (url: string) => tab.replaced.push(url) },
    close: () => {
      tab.closed = true;
    },
  };
  return tab;
}

const base = (el: ExpressLoginButton) => el.shadowRoot!.querySelector<HTMLButtonElement>('[part~=base]')!;
const message = (el: ExpressLoginButton) => el.shadowRoot!.querySelector<HTMLElement>('[part~=message]')!;
const spinner = (el: ExpressLoginButton) => el.shadowRoot!.querySelector<HTMLElement>('[part~=spinner]')!;
const settle = async (el: ExpressLoginButton) => {
  for (let i = 0; i < 5; i++) await Promise.resolve();
  await el.updateComplete;
};

failOnLitWarnings();

describe('<express-login-button>', () => {
  it('shows "View dashboard" by default and the slotted label otherwise, and is accessible', async () => {
    const el = await fixture<ExpressLoginButton>(html`<express-login-button locale="en"></express-login-button>`);
    const slot = el.shadowRoot!.querySelector('slot')!;
    expect(slot.textContent!.trim()).to.equal('View dashboard');
    expect(base(el).getAttribute('aria-busy')).to.equal('false');
    expect(spinner(el).hidden).to.equal(true);
    expect(message(el).hidden).to.equal(true);
    await expect(el).to.be.accessible();

    const custom = await fixture<ExpressLoginButton>(html`<express-login-button>Open my earnings</express-login-button>`);
    expect(custom.shadowRoot!.querySelector('slot')!.assignedNodes()[0].textContent).to.equal('Open my earnings');
    await expect(custom).to.be.accessible();
  });

  it('speaks the locale attribute, else the nearest lang', async () => {
    const label = (el: Element) => el.shadowRoot!.querySelector('slot')!.textContent!.trim();
    const fr = await fixture<ExpressLoginButton>(html`<express-login-button locale="fr-CA"></express-login-button>`);
    // Languages other than English load on first use; the button speaks French once it has.
    await waitUntil(() => label(fr) === 'Voir le tableau de bord', 'French', { timeout: 5000 });
    const wrap = await fixture(html`<div lang="ja"><express-login-button></express-login-button></div>`);
    const ja = wrap.querySelector('express-login-button')!;
    await waitUntil(() => label(ja) === 'ダッシュボードを表示', 'Japanese', { timeout: 5000 });
    expect((await loadLoginButtonStrings('de-AT')).label).to.equal('Dashboard öffnen');
    expect(loginButtonStrings('de-AT').label).to.equal('Dashboard öffnen');
    expect((await loadLoginButtonStrings('pt-BR')).label).to.equal('View dashboard');
    for (const lang of LOGIN_BUTTON_LANGUAGES) {
      const table = await loadLoginButtonStrings(lang);
      expect(Object.keys(table).sort(), lang).to.deep.equal(Object.keys(LOGIN_BUTTON_ENGLISH).sort());
      expect(table.label, lang).to.not.equal(LOGIN_BUTTON_ENGLISH.label);
    }
  });

  it('makes exactly one login link for a double click, busy meanwhile', async () => {
    const adapter = fakeAdapter();
    const el = await fixture<ExpressLoginButton>(html`<express-login-button .adapter=${adapter}></express-login-button>`);
    const navigations = stubbed(el);
    base(el).click();
    base(el).click();
    expect(adapter.calls).to.have.length(1);
    await el.updateComplete;
    expect(base(el).getAttribute('aria-busy')).to.equal('true');
    expect(base(el).getAttribute('aria-disabled')).to.equal('true');
    expect(spinner(el).hidden).to.equal(false);
    await expect(el).to.be.accessible();
    base(el).click();
    expect(adapter.calls).to.have.length(1);

    adapter.calls[0].resolve({ url: LINK, created: 1 });
    await settle(el);
    expect(navigations).to.deep.equal([LINK]);
    // The page is on its way to the dashboard: still busy, still one link.
    base(el).click();
    expect(adapter.calls).to.have.length(1);

    // Back from the dashboard through the back/forward cache: usable again.
    window.dispatchEvent(new PageTransitionEvent('pageshow', { persisted: true }));
    await el.updateComplete;
    expect(base(el).getAttribute('aria-busy')).to.equal('false');
    base(el).click();
    expect(adapter.calls).to.have.length(2);
  });

  it('makes a fresh link on the next click (never reuses one)', async () => {
    const adapter = fakeAdapter();
    const el = await fixture<ExpressLoginButton>(html`<express-login-button .adapter=${adapter}></express-login-button>`);
    const navigations = stubbed(el);
    const urls: string[] = [];
    el.addEventListener('express-login-redirect', (e) => {
      urls.push(e.detail.url);
      e.preventDefault();
    });
    base(el).click();
    adapter.calls[0].resolve({ url: `${LINK}1`, created: 1 });
    await settle(el);
    expect(base(el).getAttribute('aria-busy')).to.equal('false');
    base(el).click();
    expect(adapter.calls).to.have.length(2);
    adapter.calls[1].resolve({ url: `${LINK}2`, created: 2 });
    await settle(el);
    expect(urls).to.deep.equal([`${LINK}1`, `${LINK}2`]);
    expect(navigations).to.deep.equal([]);
  });

  it('fires the cancelable express-login-redirect with the URL before navigating', async () => {
    const adapter = fakeAdapter();
    const el = await fixture<ExpressLoginButton>(html`<express-login-button .adapter=${adapter}></express-login-button>`);
    const navigations = stubbed(el);
    let navigatedBeforeEvent: boolean | undefined;
    el.addEventListener('express-login-redirect', () => {
      navigatedBeforeEvent = navigations.length > 0;
    });
    base(el).click();
    const event = oneEvent(el, 'express-login-redirect') as Promise<ExpressLoginRedirectEvent>;
    adapter.calls[0].resolve({ url: LINK, created: 1 });
    const e = await event;
    expect(e.detail.url).to.equal(LINK);
    expect(e.cancelable).to.equal(true);
    expect(e.bubbles && e.composed).to.equal(true);
    await settle(el);
    expect(navigatedBeforeEvent).to.equal(false);
    expect(navigations).to.deep.equal([LINK]);
  });

  it('does not navigate when a listener prevents the redirect, and is usable again', async () => {
    const adapter = fakeAdapter();
    const el = await fixture<ExpressLoginButton>(html`<express-login-button .adapter=${adapter}></express-login-button>`);
    const navigations = stubbed(el);
    el.addEventListener('express-login-redirect', (e) => e.preventDefault());
    base(el).click();
    adapter.calls[0].resolve({ url: LINK, created: 1 });
    await settle(el);
    expect(navigations).to.deep.equal([]);
    expect(base(el).getAttribute('aria-busy')).to.equal('false');
    expect(message(el).hidden).to.equal(true);
  });

  const REFUSED: [string, unknown][] = [
    ['javascript:', { url: 'javascript:alert(document.cookie)', created: 1 }],
    ['JavaScript: with odd case', { url: 'JaVaScRiPt:alert(1)', created: 1 }],
    ['data:', { url: 'data:text/html,<script>alert(1)</script>', created: 1 }],
    ['vbscript:', { url: 'vbscript:msgbox(1)', created: 1 }],
    ['file:', { url: 'file:///etc/passwd', created: 1 }],
    ['ftp:', { url: 'ftp://example.com/', created: 1 }],
    ['blob:', { url: 'blob:https://example.com/uuid', created: 1 }],
    ['http: on a public host', { url: 'http://example.com/express/acct_1', created: 1 }],
    ['http: on a host that starts like localhost', { url: 'http://localhost.evil.com/', created: 1 }],
    ['a relative path', { url: '/express/acct_1', created: 1 }],
    ['a protocol-relative URL', { url: '//evil.example/x', created: 1 }],
    ['relative nonsense', { url: 'not a url', created: 1 }],
    ['credentials in the URL', { url: 'https://user:pass@example.com/', created: 1 }],
    ['surrounding whitespace', { url: ' https://example.com/', created: 1 }],
    ['an empty string', { url: '', created: 1 }],
    ['a non-string url', { url: 42, created: 1 }],
    ['no url at all', { created: 1 }],
    ['null instead of a link', null],
    ['a bare string instead of a link', LINK],
  ];
  for (const [name, link] of REFUSED) {
    it(`refuses ${name}: invalid_response, an alert, no navigation`, async () => {
      const adapter = fakeAdapter();
      const el = await fixture<ExpressLoginButton>(html`<express-login-button .adapter=${adapter}></express-login-button>`);
      const navigations = stubbed(el);
      let redirects = 0;
      el.addEventListener('express-login-redirect', () => redirects++);
      base(el).click();
      const event = oneEvent(el, 'express-error') as Promise<ExpressErrorEvent>;
      adapter.calls[0].resolve(link);
      const e = await event;
      expect(e.detail.error).to.be.instanceOf(ExpressError);
      expect(e.detail.error.code).to.equal('invalid_response');
      expect(e.detail.operation).to.equal('createLoginLink');
      await settle(el);
      expect(redirects).to.equal(0);
      expect(navigations).to.deep.equal([]);
      expect(message(el).getAttribute('role')).to.equal('alert');
      expect(message(el).hidden).to.equal(false);
      expect(message(el).textContent).to.equal(LOGIN_BUTTON_STRINGS.en.error);
      expect(base(el).getAttribute('aria-busy')).to.equal('false');
    });
  }

  it('follows https: links and http: links on loopback hosts only', () => {
    for (const url of ['https://example.com/x', 'http://localhost:8000/login?token=a', 'http://127.0.0.1/', 'http://[::1]:3000/']) {
      expect(isSafeRedirectUrl(url), url).to.equal(true);
      expect(loginLinkUrl({ url, created: 1 })).to.equal(url);
    }
    for (const url of ['http://10.0.0.1/', 'http://127.0.0.2/', 'https:', 'https://']) {
      expect(isSafeRedirectUrl(url), url).to.equal(false);
    }
  });

  it('shows a failure inline, fires express-error and re-enables the button', async () => {
    const adapter = fakeAdapter();
    const el = await fixture<ExpressLoginButton>(html`<express-login-button .adapter=${adapter}></express-login-button>`);
    const navigations = stubbed(el);
    base(el).click();
    const event = oneEvent(el, 'express-error') as Promise<ExpressErrorEvent>;
    adapter.calls[0].reject(new ExpressError('network'));
    const e = await event;
    expect(e.detail.error.code).to.equal('network');
    await settle(el);
    expect(message(el).textContent).to.equal(LOGIN_BUTTON_STRINGS.en.network);
    expect(base(el).getAttribute('aria-busy')).to.equal('false');
    expect(navigations).to.deep.equal([]);
    await expect(el).to.be.accessible();

    // Clicking again clears the message and tries again with a fresh call.
    base(el).click();
    await el.updateComplete;
    expect(message(el).hidden).to.equal(true);
    expect(adapter.calls).to.have.length(2);
    const second = oneEvent(el, 'express-error') as Promise<ExpressErrorEvent>;
    adapter.calls[1].reject(new Error('boom'));
    const e2 = await second;
    expect(e2.detail.error.code).to.equal('unknown');
    expect((e2.detail.error as Error & { cause?: unknown }).cause).to.be.instanceOf(Error);
    await settle(el);
    expect(message(el).textContent).to.equal(LOGIN_BUTTON_STRINGS.en.error);
  });

  it('says so when rate limited', async () => {
    const adapter = fakeAdapter();
    const el = await fixture<ExpressLoginButton>(html`<express-login-button locale="es" .adapter=${adapter}></express-login-button>`);
    stubbed(el);
    base(el).click();
    adapter.calls[0].reject(new ExpressError('rate_limited', undefined, { retryAfter: 5 }));
    await settle(el);
    await waitUntil(() => message(el).textContent === LOGIN_BUTTON_STRINGS.es.rateLimited, 'in Spanish', { timeout: 5000 });
  });

  it('also fails cleanly when the adapter throws synchronously', async () => {
    const el = await fixture<ExpressLoginButton>(html`<express-login-button
      .adapter=${{ createLoginLink: () => { throw new ExpressError('unauthorized'); } }}
    ></express-login-button>`);
    stubbed(el);
    const event = oneEvent(el, 'express-error') as Promise<ExpressErrorEvent>;
    base(el).click();
    expect((await event).detail.error.code).to.equal('unauthorized');
    await settle(el);
    expect(base(el).getAttribute('aria-busy')).to.equal('false');
  });

  it('reports a missing adapter and endpoint as an error', async () => {
    const el = await fixture<ExpressLoginButton>(html`<express-login-button></express-login-button>`);
    stubbed(el);
    const event = oneEvent(el, 'express-error') as Promise<ExpressErrorEvent>;
    base(el).click();
    expect((await event).detail.error.code).to.equal('invalid_request');
  });

  it('aborts when removed mid-request: no error, no navigation', async () => {
    const adapter = fakeAdapter();
    const wrap = await fixture<HTMLDivElement>(html`<div><express-login-button .adapter=${adapter}></express-login-button></div>`);
    const el = wrap.querySelector('express-login-button')!;
    const navigations = stubbed(el);
    let errors = 0;
    el.addEventListener('express-error', () => errors++);
    base(el).click();
    const { signal } = adapter.calls[0];
    el.remove();
    expect(signal!.aborted).to.equal(true);
    adapter.calls[0].resolve({ url: LINK, created: 1 });
    await settle(el);
    expect(navigations).to.deep.equal([]);
    expect(errors).to.equal(0);
  });

  describe('target="_blank"', () => {
    let open: typeof window.open;
    let opened: ReturnType<typeof fakeTab>[];
    let openedDuringClick: number[];
    beforeEach(() => {
      open = window.open;
      opened = [];
      openedDuringClick = [];
      window.open = ((url?: string, target?: string) => {
        expect(url).to.equal('');
        expect(target).to.equal('_blank');
        const tab = fakeTab();
        opened.push(tab);
        return tab as unknown as Window;
      }) as typeof window.open;
    });
    afterEach(() => {
      window.open = open;
    });

    it('opens the tab inside the click, cuts its opener, then points it at the link', async () => {
      const adapter = fakeAdapter();
      const el = await fixture<ExpressLoginButton>(html`<express-login-button target="_blank" .adapter=${adapter}></express-login-button>`);
      const navigations = stubbed(el);
      base(el).click();
      openedDuringClick.push(opened.length);
      expect(openedDuringClick).to.deep.equal([1]);
      expect(opened[0].opener).to.equal(null);
      expect(opened[0].replaced).to.deep.equal([]);
      adapter.calls[0].resolve({ url: LINK, created: 1 });
      await settle(el);
      expect(opened[0].replaced).to.deep.equal([LINK]);
      expect(opened[0].closed).to.equal(false);
      expect(navigations).to.deep.equal([]);
      // This page stays: the button is usable again for a fresh link.
      expect(base(el).getAttribute('aria-busy')).to.equal('false');
    });

    it('closes the tab when the request fails', async () => {
      const adapter = fakeAdapter();
      const el = await fixture<ExpressLoginButton>(html`<express-login-button target="_blank" .adapter=${adapter}></express-login-button>`);
      stubbed(el);
      base(el).click();
      const event = oneEvent(el, 'express-error') as Promise<ExpressErrorEvent>;
      adapter.calls[0].reject(new ExpressError('network'));
      await event;
      await settle(el);
      expect(opened[0].closed).to.equal(true);
      expect(opened[0].replaced).to.deep.equal([]);
      expect(message(el).textContent).to.equal(LOGIN_BUTTON_STRINGS.en.network);
    });

    it('closes the tab when the link is unsafe or the redirect is prevented', async () => {
      const adapter = fakeAdapter();
      const el = await fixture<ExpressLoginButton>(html`<express-login-button target="_blank" .adapter=${adapter}></express-login-button>`);
      stubbed(el);
      base(el).click();
      adapter.calls[0].resolve({ url: 'javascript:alert(1)', created: 1 });
      await settle(el);
      expect(opened[0].closed).to.equal(true);
      expect(opened[0].replaced).to.deep.equal([]);

      el.addEventListener('express-login-redirect', (e) => e.preventDefault());
      base(el).click();
      adapter.calls[1].resolve({ url: LINK, created: 1 });
      await settle(el);
      expect(opened[1].closed).to.equal(true);
      expect(opened[1].replaced).to.deep.equal([]);
    });

    it('uses this tab when the browser refuses a new one', async () => {
      window.open = (() => null) as typeof window.open;
      const adapter = fakeAdapter();
      const el = await fixture<ExpressLoginButton>(html`<express-login-button target="_blank" .adapter=${adapter}></express-login-button>`);
      const navigations = stubbed(el);
      base(el).click();
      adapter.calls[0].resolve({ url: LINK, created: 1 });
      await settle(el);
      expect(navigations).to.deep.equal([LINK]);
    });
  });

  describe('in an in-app webview', () => {
    it('shows a message and fires express-unsupported-browser instead of redirecting', async () => {
      const adapter = fakeAdapter();
      const el = await fixture<ExpressLoginButton>(html`<express-login-button .adapter=${adapter}></express-login-button>`);
      const navigations = stubbed(el, INSTAGRAM);
      const event = oneEvent(el, 'express-unsupported-browser');
      base(el).click();
      const e = await event;
      expect(e.detail.userAgent).to.equal(INSTAGRAM);
      await el.updateComplete;
      expect(adapter.calls).to.have.length(0);
      expect(navigations).to.deep.equal([]);
      expect(message(el).hidden).to.equal(false);
      expect(message(el).getAttribute('role')).to.equal('alert');
      expect(message(el).textContent).to.equal(LOGIN_BUTTON_STRINGS.en.webview);
      expect(base(el).getAttribute('aria-busy')).to.equal('false');
      await expect(el).to.be.accessible();
    });

    it('redirects anyway with allow-webview', async () => {
      const adapter = fakeAdapter();
      const el = await fixture<ExpressLoginButton>(html`<express-login-button allow-webview .adapter=${adapter}></express-login-button>`);
      const navigations = stubbed(el, INSTAGRAM);
      let unsupported = 0;
      el.addEventListener('express-unsupported-browser', () => unsupported++);
      base(el).click();
      adapter.calls[0].resolve({ url: LINK, created: 1 });
      await settle(el);
      expect(unsupported).to.equal(0);
      expect(navigations).to.deep.equal([LINK]);
    });
  });

  describe('where the link comes from', () => {
    it("uses an enclosing dashboard's adapter through context", async () => {
      const adapter = fakeAdapter();
      const host = document.createElement('div');
      new ContextProvider(host, { context: dashboardContext, initialValue: { adapter: adapter as never, platformName: null, locale: null, announces: false } });
      document.body.append(host);
      try {
        const el = document.createElement('express-login-button');
        host.append(el);
        await el.updateComplete;
        const navigations = stubbed(el);
        base(el).click();
        expect(adapter.calls).to.have.length(1);
        adapter.calls[0].resolve({ url: LINK, created: 1 });
        await settle(el);
        expect(navigations).to.deep.equal([LINK]);
      } finally {
        host.remove();
      }
    });

    it('prefers its own adapter over the endpoint and the context', async () => {
      const own = fakeAdapter();
      const outer = fakeAdapter();
      const host = document.createElement('div');
      new ContextProvider(host, { context: dashboardContext, initialValue: { adapter: outer as never, platformName: null, locale: null, announces: false } });
      document.body.append(host);
      try {
        const el = document.createElement('express-login-button');
        el.endpoint = '/test-api/status/500/nope';
        el.adapter = own;
        host.append(el);
        await el.updateComplete;
        stubbed(el);
        base(el).click();
        expect(own.calls).to.have.length(1);
        expect(outer.calls).to.have.length(0);
      } finally {
        host.remove();
      }
    });
  });

  describe('endpoint mode (no script on the page): a POST to the platform server', () => {
    it('POSTs an empty body with Accept: application/json, and a fresh link on every click', async () => {
      const token = `btn-${Math.random().toString(36).slice(2)}`;
      const el = await fixture<ExpressLoginButton>(
        html`<express-login-button endpoint="/test-api/record/${token}/login-button/fresh"></express-login-button>`,
      );
      stubbed(el);
      const urls: string[] = [];
      el.addEventListener('express-login-redirect', (e) => {
        urls.push(e.detail.url);
        e.preventDefault();
      });
      base(el).click();
      base(el).click();
      await oneEvent(el, 'express-login-redirect');
      await settle(el);
      base(el).click();
      await oneEvent(el, 'express-login-redirect');
      expect(urls).to.have.length(2);
      expect(urls[0]).to.match(/^https:\/\/connect\.example\.com\/express\/acct_test\/link_\d+$/);
      expect(urls[1]).to.not.equal(urls[0]);
      const recorded = (await (await fetch(`/test-api/recorded/${token}`)).json()) as {
        method: string;
        body: string;
        headers: Record<string, string>;
      }[];
      expect(recorded.map((r) => r.method)).to.deep.equal(['POST', 'POST']);
      expect(recorded[0].body).to.equal('');
      expect(recorded[0].headers.accept).to.equal('application/json');
    });

    it('navigates to the link the endpoint answers', async () => {
      const el = await fixture<ExpressLoginButton>(html`<express-login-button endpoint="/test-api/ok/v1/login_links"></express-login-button>`);
      const navigations = stubbed(el);
      base(el).click();
      const e = (await oneEvent(el, 'express-login-redirect')) as ExpressLoginRedirectEvent;
      await settle(el);
      expect(navigations).to.deep.equal([e.detail.url]);
      expect(e.detail.url).to.match(/^https:\/\//);
    });

    const FAILURES: [string, string, string][] = [
      ['an unsafe javascript: link', '/test-api/login-button/unsafe', 'invalid_response'],
      ['an answer without a url', '/test-api/wrong-shape/login', 'invalid_response'],
      ['a body that is not JSON', '/test-api/malformed/login', 'invalid_response'],
      ['401', '/test-api/status/401/login', 'unauthorized'],
      ['404', '/test-api/status/404/login', 'not_found'],
      ['429', '/test-api/status/429/login', 'rate_limited'],
      ['500 with a text body', '/test-api/status/500-plain/login', 'server_error'],
    ];
    for (const [name, endpoint, code] of FAILURES) {
      it(`reports ${name} as ${code}`, async () => {
        const el = await fixture<ExpressLoginButton>(html`<express-login-button endpoint=${endpoint}></express-login-button>`);
        const navigations = stubbed(el);
        base(el).click();
        const e = (await oneEvent(el, 'express-error')) as ExpressErrorEvent;
        expect(e.detail.error.code).to.equal(code);
        expect(e.detail.operation).to.equal('createLoginLink');
        if (code === 'rate_limited') expect(e.detail.error.retryAfter).to.equal(7);
        await settle(el);
        expect(navigations).to.deep.equal([]);
        expect(message(el).hidden).to.equal(false);
        expect(base(el).getAttribute('aria-busy')).to.equal('false');
      });
    }

    it('reports an unreachable server as network', async () => {
      const el = await fixture<ExpressLoginButton>(html`<express-login-button endpoint="http://127.0.0.1:1/login"></express-login-button>`);
      stubbed(el);
      base(el).click();
      const e = (await oneEvent(el, 'express-error')) as ExpressErrorEvent;
      expect(e.detail.error.code).to.equal('network');
      await settle(el);
      expect(message(el).textContent).to.equal(LOGIN_BUTTON_STRINGS.en.network);
    });
  });

  describe('errorForStatus', () => {
    it('maps HTTP statuses as the contract says', () => {
      const codes = [400, 401, 403, 404, 410, 418, 422, 429, 500, 503].map((s) => errorForStatus(s).code);
      expect(codes).to.deep.equal([
        'invalid_request', 'unauthorized', 'unauthorized', 'not_found', 'expired', 'unknown',
        'invalid_request', 'rate_limited', 'server_error', 'server_error',
      ]);
      expect(errorForStatus(429, '12').retryAfter).to.equal(12);
      const date = new Date(Date.now() + 30_000).toUTCString();
      expect(errorForStatus(429, date).retryAfter).to.be.within(28, 31);
      expect(errorForStatus(429, 'soon').retryAfter).to.equal(undefined);
    });
  });
});


// Hydration (issue 17): the HTML @lit-labs/ssr renders on the server (test/support/ssr-render.mjs,
// served by test/support/ssr-middleware.mjs; the Node half is test/node/ssr.test.mjs) is put in the
// page as a server would send it, shadow roots declared in the HTML; then the elements are defined
// with @lit-labs/ssr-client's hydration support. They must adopt the server's DOM (the same nodes:
// no flash, no re-render), log no error or Lit warning, and then load their data.
//
// Hydration support must load before Lit does: this import stays first.
import '@lit-labs/ssr-client/lit-element-hydrate-support.js';
import { expect, waitUntil } from '@open-wc/testing';
import { demoAdapter } from '../../src/demo/demo-adapter.js';
import { DemoSignInAdapter } from '../../src/demo/demo-sign-in-adapter.js';
import type { ExpressLoginRedirectEvent } from '../../src/events.js';
import { failOnLitWarnings } from '../support/lit-warnings.js';

/** What the server renders: every element, one with attributes, and the dashboard with its elements. */
const SERVER_ELEMENTS = [
  'express-balance',
  '<express-transactions page-size="5">',
  'express-earnings',
  'express-payouts',
  'express-payout-details',
  'express-login',
  'express-login-button',
  '<express-dashboard locale="en-GB">',
];
const TAGS = SERVER_ELEMENTS.map((e) => /^<?([a-z-]+)/.exec(e)![1]!);

/** An adapter whose calls have not answered yet (and never will). */
const never = () => new Promise<never>(() => {});
const waiting = {
  getAccount: never, getBalance: never, listBalanceTransactions: never, listPayouts: never,
  getNetVolume: never, getPayout: never, createLoginLink: never,
};

type Lit = HTMLElement & { updateComplete: Promise<boolean>; adapter?: unknown; hasUpdated?: boolean };

const text = (n: Node | null | undefined) => (n?.textContent ?? '').replace(/\s+/g, ' ').trim();

describe('server-rendered elements hydrate', function () {
  this.timeout(60_000);
  failOnLitWarnings();

  let container: HTMLElement;
  /** Per tag, the server's nodes before any script ran: the shadow root and every element in it. */
  const serverNodes = new Map<string, { root: ShadowRoot; nodes: Element[] }>();
  const errors: string[] = [];
  const onError = (e: ErrorEvent) => {
    errors.push(`window error: ${e.message}`);
  };
  const onRejection = (e: PromiseRejectionEvent) => errors.push(`unhandled rejection: ${String(e.reason)}`);
  let consoleError: typeof console.error;

  before(async () => {
    window.addEventListener('error', onError);
    window.addEventListener('unhandledrejection', onRejection);
    consoleError = console.error;
    console.error = (...args: unknown[]) => {
      errors.push(`console.error: ${args.map(String).join(' ')}`);
      consoleError(...args);
    };
    const query = SERVER_ELEMENTS.map((e) => `el=${encodeURIComponent(e)}`).join('&');
    const res = await fetch(`/test-ssr/?${query}`);
    if (!res.ok) throw new Error(`server render: ${res.status} ${await res.text()}`);
    const html = (await res.json()) as Record<string, string>;
    container = document.createElement('main');
    document.body.append(container);
    // As a browser parses the server's page: declarative shadow roots attached by the parser.
    container.setHTMLUnsafe(SERVER_ELEMENTS.map((e) => `<section>${html[e]}</section>`).join('\n'));
  });

  after(() => {
    window.removeEventListener('error', onError);
    window.removeEventListener('unhandledrejection', onRejection);
    console.error = consoleError;
    container?.remove();
  });

  afterEach(() => {
    expect(errors.join('\n'), 'errors in the page').to.equal('');
  });

  it('shows each element\'s server-rendered frame before any script defines it', () => {
    for (const tag of TAGS) {
      const el = container.querySelector(tag)!;
      expect(el, tag).to.exist;
      expect(customElements.get(tag), `${tag} is not defined yet`).to.equal(undefined);
      const root = el.shadowRoot;
      expect(root, `${tag}: a declarative shadow root`).to.exist;
      serverNodes.set(tag, { root: root!, nodes: [...root!.querySelectorAll('*')] });
    }
    const skeletons = (tag: string) => container.querySelector(tag)!.shadowRoot!.querySelectorAll('.skeleton, .skeleton-row').length;
    for (const tag of ['express-balance', 'express-transactions', 'express-earnings', 'express-payouts', 'express-payout-details']) {
      expect(skeletons(tag), `${tag}'s loading skeleton`).to.be.greaterThan(0);
    }
    expect(text(container.querySelector('express-login-button')!.shadowRoot!.querySelector('button'))).to.equal('View dashboard');
    expect(text(container.querySelector('express-login')!.shadowRoot!.querySelector('h1'))).to.equal('Sign in');
    // The dashboard's own elements come server-rendered inside its shadow root, waiting for it.
    const inner = container.querySelector('express-dashboard')!.shadowRoot!.querySelector('express-transactions')!;
    expect(inner.hasAttribute('defer-hydration')).to.equal(true);
    // No context on a server: the dashboard's locale reaches its elements as an attribute there.
    expect(inner.getAttribute('locale')).to.equal('en-GB');
    expect(inner.shadowRoot!.querySelectorAll('.skeleton-row').length).to.be.greaterThan(0);
  });

  it('hydrates every element on definition: the same DOM nodes, no error, no Lit warning', async () => {
    // Set before the upgrade, as a framework may: the element takes it over when it is defined.
    // The list gets data; the others an adapter that has not answered yet, so that their loading
    // frame must stay the server's nodes (the dashboard without any adapter would show its title).
    (container.querySelector('express-transactions') as Lit).adapter = demoAdapter({ seed: 7, months: 2 });
    for (const tag of ['express-balance', 'express-earnings', 'express-payouts', 'express-payout-details', 'express-dashboard']) {
      (container.querySelector(tag) as Lit).adapter = waiting;
    }
    (container.querySelector('express-payout-details') as Lit & { payoutId?: string }).payoutId = 'po_waiting';
    await import('../../src/index.js');
    for (const tag of TAGS) {
      const el = container.querySelector(tag) as Lit;
      expect(el.updateComplete, `${tag} upgraded`).to.be.instanceOf(Promise);
      await el.updateComplete;
      expect(el.hasUpdated, `${tag} hydrated`).to.equal(true);
      const { root, nodes } = serverNodes.get(tag)!;
      expect(el.shadowRoot, `${tag} kept the server's shadow root`).to.equal(root);
      if (tag === 'express-transactions') continue; // its data may already be in: checked below
      const gone = nodes.filter((n) => !n.isConnected && n.localName !== 'style');
      expect(gone.map((n) => `<${n.localName} class="${n.getAttribute('class') ?? ''}">`), `${tag}: server nodes replaced`).to.deep.equal([]);
    }
    const dashboard = container.querySelector('express-dashboard')!;
    const inner = dashboard.shadowRoot!.querySelector('express-transactions') as Lit;
    await waitUntil(() => !inner.hasAttribute('defer-hydration'), 'the dashboard hydrates its elements');
    await inner.updateComplete;
    expect(inner.hasUpdated).to.equal(true);
    // In the browser the context carries it: the server's attribute is gone, the locale the same.
    expect(inner.hasAttribute('locale')).to.equal(false);
    expect(text(inner.shadowRoot!.querySelector('h2'))).to.equal('Transactions');
  });

  it('then loads the data: the adapter set before the upgrade, and adapters set after hydration', async () => {
    const list = container.querySelector('express-transactions') as Lit;
    const rows = (el: Element) => el.shadowRoot!.querySelectorAll('[part~="row"][data-id]');
    // The list is virtualized: it renders the rows that are in view.
    list.scrollIntoView();
    await waitUntil(() => rows(list).length > 0, 'transactions from the adapter set before the upgrade', { timeout: 20_000 });
    // Its server-rendered attribute counts too: pages of five.
    expect((list as Lit & { pageSize: number }).pageSize).to.equal(5);

    const adapter = demoAdapter({ seed: 7, months: 2 });
    for (const tag of ['express-balance', 'express-earnings', 'express-payouts', 'express-dashboard']) {
      (container.querySelector(tag) as Lit).adapter = adapter;
    }
    const balance = container.querySelector('express-balance')!;
    await waitUntil(() => balance.shadowRoot!.querySelector('[aria-busy="false"]') && !balance.shadowRoot!.querySelector('.skeleton'),
      'the balance', { timeout: 20_000 });
    const earnings = container.querySelector('express-earnings')!;
    await waitUntil(() => earnings.shadowRoot!.querySelectorAll('[part~="data-table"] tr[data-start]').length > 0, 'the earnings', { timeout: 20_000 });
    const payouts = container.querySelector('express-payouts')!;
    await waitUntil(() => rows(payouts).length > 0, 'the payouts', { timeout: 20_000 });
    const dashboard = container.querySelector('express-dashboard')!;
    const inner = dashboard.shadowRoot!.querySelector('express-transactions')!;
    await waitUntil(() => inner.shadowRoot!.querySelector('[part~="base"] .body'), 'the dashboard\'s transactions', { timeout: 20_000 });
    inner.scrollIntoView();
    await waitUntil(() => rows(inner).length > 0, 'the dashboard\'s transaction rows', { timeout: 20_000 });

    const details = container.querySelector('express-payout-details') as Lit & { payoutId?: string };
    const { data } = await adapter.listPayouts({ limit: 1 });
    details.adapter = adapter;
    details.payoutId = data[0]!.id;
    await waitUntil(() => details.shadowRoot!.querySelector('[aria-busy="false"]'), 'the payout\'s details', { timeout: 20_000 });
  });

  it('answers the reader: the hydrated login button asks for a link, the login form for a code', async () => {
    const button = container.querySelector('express-login-button') as Lit;
    button.adapter = { createLoginLink: async () => ({ url: 'https://connect.example.com/express/acct_1/ssr', created: 1 }) };
    const redirected = new Promise<string>((resolve) => button.addEventListener('express-login-redirect', (e) => {
      e.preventDefault();
      resolve((e as ExpressLoginRedirectEvent).detail.url);
    }, { once: true }));
    button.shadowRoot!.querySelector('button')!.click();
    expect(await redirected).to.equal('https://connect.example.com/express/acct_1/ssr');

    const login = container.querySelector('express-login') as Lit;
    const signIn = new DemoSignInAdapter({ latency: 0 });
    login.adapter = signIn;
    await login.updateComplete;
    const input = login.shadowRoot!.querySelector('input')!;
    input.value = 'driver@example.com';
    input.dispatchEvent(new Event('input', { bubbles: true, composed: true }));
    login.shadowRoot!.querySelector<HTMLButtonElement>('button[type="submit"]')!.click();
    await waitUntil(() => /4242/.test(text(login.shadowRoot)), 'the code step', { timeout: 20_000 });
  });
});

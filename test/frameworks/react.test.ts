// The React entry (`express-dashboard-elements/react`) rendered by real React with
// `react-dom/client`: React 19, and React 18 (the `react18`/`react-dom18` aliases; the wrappers'
// module is served with React 18 for its `react` import, as a platform on React 18 bundles it).
// Also the plain tags under React 19, which renders custom elements natively.
import { aTimeout, expect, waitUntil } from '@open-wc/testing';
import React19 from 'react';
import { createRoot as createRoot19, type Root } from 'react-dom/client';
import * as wrappers19 from '../../src/react.js';
import { MemoryAdapter } from '../../src/adapter/memory-adapter.js';
import { ExpressError } from '../../src/contract/errors.js';
import type { BalanceTransaction, ExpressEvent } from '../../src/contract/types.js';
import type { ExpressTransactions } from '../../src/components/transactions/transactions.js';
import {
  ExpressErrorEvent,
  ExpressLoginRedirectEvent,
  ExpressPayoutSelectEvent,
  ExpressRangeChangeEvent,
  ExpressSignedInEvent,
  ExpressTransactionSelectEvent,
  ExpressUnsupportedBrowserEvent,
} from '../../src/events.js';
import { txns } from '../components/transactions/transactions.fake.js';
import { po } from '../components/payouts/payouts.fake.js';
import { failOnLitWarnings } from '../support/lit-warnings.js';

/**
 * How long to wait for React's scheduled work (a render, an unmount, a state update from an
 * event): it runs in later tasks, which a CI machine running three engines on two cores can hold
 * up for more than waitUntil's 1 s default (an unmount once took longer in WebKit).
 */
const REACT_WAIT = 10_000;

type Wrappers = typeof wrappers19;
type ReactModule = typeof React19;

interface Kit {
  version: number;
  React: ReactModule;
  createRoot: (container: Element) => Root;
  wrappers: Wrappers;
}

/** React 19 from `react`, or React 18 from the aliases, with the wrappers bound to it. */
async function kitFor(version: 18 | 19): Promise<Kit> {
  if (version === 19) return { version, React: React19, createRoot: createRoot19, wrappers: wrappers19 };
  // Absolute URLs the test server answers (see test/support/framework-modules.mjs).
  const urls: string[] = ['/__frameworks/react18/react.js', '/__frameworks/react18/react-dom-client.js', '/src/frameworks/react.ts?react=18'];
  const [react, client, wrappers] = await Promise.all(urls.map((u) => import(u)));
  return { version, React: react.default, createRoot: client.createRoot, wrappers };
}

/** Every event each element fires, with the prop its React component takes for it (the contract). */
const EVENTS: Record<keyof Wrappers & `Express${string}`, Record<string, string>> = {
  ExpressDashboard: { onExpressError: 'express-error' },
  ExpressBalance: { onExpressPayoutSelect: 'express-payout-select', onExpressError: 'express-error' },
  ExpressTransactions: { onExpressTransactionSelect: 'express-transaction-select', onExpressError: 'express-error' },
  ExpressEarnings: { onExpressRangeChange: 'express-range-change', onExpressError: 'express-error' },
  ExpressLoginButton: {
    onExpressLoginRedirect: 'express-login-redirect',
    onExpressUnsupportedBrowser: 'express-unsupported-browser',
    onExpressError: 'express-error',
  },
  ExpressLogin: { onExpressSignedIn: 'express-signed-in', onExpressError: 'express-error' },
  ExpressPayouts: { onExpressPayoutSelect: 'express-payout-select', onExpressError: 'express-error' },
  ExpressPayoutDetails: { onExpressError: 'express-error' },
};

/** An event of each type, as the elements make them. */
const EVENT_OF: Record<string, () => Event> = {
  'express-error': () => new ExpressErrorEvent({ error: new ExpressError('network'), operation: 'getBalance' }),
  'express-transaction-select': () => new ExpressTransactionSelectEvent(txns(1)[0]!),
  'express-range-change': () => new ExpressRangeChangeEvent({ range: '7d', interval: 'day', from: null, to: null }),
  'express-login-redirect': () => new ExpressLoginRedirectEvent('https://connect.example.com/express/acct_1/abc'),
  'express-unsupported-browser': () => new ExpressUnsupportedBrowserEvent('Instagram'),
  'express-signed-in': () => new ExpressSignedInEvent('https://connect.example.com/express/acct_1'),
  'express-payout-select': () => new ExpressPayoutSelectEvent(po('po_1', 'paid')),
};

const TAGS: Record<keyof typeof EVENTS, string> = {
  ExpressDashboard: 'express-dashboard',
  ExpressBalance: 'express-balance',
  ExpressTransactions: 'express-transactions',
  ExpressEarnings: 'express-earnings',
  ExpressLoginButton: 'express-login-button',
  ExpressLogin: 'express-login',
  ExpressPayouts: 'express-payouts',
  ExpressPayoutDetails: 'express-payout-details',
};

/** A MemoryAdapter that counts the live subscriptions open on it. */
class CountingAdapter extends MemoryAdapter {
  open = 0;
  override subscribe(listener: (e: ExpressEvent) => void): () => void {
    const stop = super.subscribe(listener);
    this.open++;
    let done = false;
    return () => {
      if (!done) this.open--;
      done = true;
      stop();
    };
  }
}

/** A MemoryAdapter that records the `limit` of each list call. */
class SpyAdapter extends MemoryAdapter {
  limits: (number | undefined)[] = [];
  override listBalanceTransactions(...args: Parameters<MemoryAdapter['listBalanceTransactions']>) {
    this.limits.push(args[0]?.limit);
    return super.listBalanceTransactions(...args);
  }
}

const rows = (el: Element) => [...el.shadowRoot!.querySelectorAll<HTMLElement>('[part~="row"]')];
const rowIds = (el: Element) => rows(el).map((r) => r.dataset.id);
const text = (n: Element | null | undefined) => (n?.textContent ?? '').replace(/\s+/g, ' ').trim();

describe('React', function () {
  this.timeout(60_000);
  failOnLitWarnings();

  let container: HTMLElement;
  let root: Root | undefined;
  let errors: string[];
  let consoleError: typeof console.error;
  const onWindowError = (e: ErrorEvent) => {
    errors.push(`window error: ${e.message}`);
  };

  beforeEach(() => {
    errors = [];
    window.addEventListener('error', onWindowError);
    consoleError = console.error;
    console.error = (...args: unknown[]) => {
      errors.push(`console.error: ${args.map(String).join(' ')}`);
      consoleError(...args);
    };
    container = document.createElement('div');
    document.body.append(container);
  });

  afterEach(() => {
    root?.unmount();
    root = undefined;
    container.remove();
    window.removeEventListener('error', onWindowError);
    console.error = consoleError;
    expect(errors.join('\n'), 'errors in the page').to.equal('');
  });

  for (const version of [19, 18] as const) {
    describe(`the wrappers under React ${version}`, () => {
      let kit: Kit;
      before(async () => {
        kit = await kitFor(version);
      });

      function render(node: React19.ReactNode): void {
        root ??= kit.createRoot(container);
        root.render(node);
      }

      it(`is React ${version}`, () => {
        expect(kit.React.version.split('.')[0]).to.equal(String(version));
      });

      it('passes props to the element as properties: the adapter, describe, numbers and strings', async () => {
        const { React, wrappers } = kit;
        const data = txns(3);
        const adapter = new SpyAdapter({ balance_transactions: data });
        const describe = (t: BalanceTransaction) => `Trip ${t.id}`;
        render(React.createElement(wrappers.ExpressTransactions, { adapter, describe, pageSize: 2, platformName: 'Lumen Rides', locale: 'en-US' }));
        const el = await waitUntilElement<ExpressTransactions>('express-transactions');
        expect(el.adapter).to.equal(adapter);
        expect(el.describe).to.equal(describe);
        expect(el.pageSize).to.equal(2);
        expect(el.platformName).to.equal('Lumen Rides');
        // What a reader sees: the adapter's rows, described by the page's function, asked for two at a time.
        await waitUntil(() => rows(el).length === 3, 'the rows', { timeout: 20_000 });
        expect(rowIds(el)).to.deep.equal(data.map((t) => t.id));
        expect(rows(el).map((r) => text(r.querySelector('[part~="description"]')))).to.deep.equal(data.map((t) => `Trip ${t.id}`));
        expect(adapter.limits[0]).to.equal(2);
      });

      it('calls every event prop of every component with the event, and no other', async () => {
        const { React, wrappers } = kit;
        for (const [name, events] of Object.entries(EVENTS) as [keyof typeof EVENTS, Record<string, string>][]) {
          const calls: [string, Event][] = [];
          const props: Record<string, unknown> = {};
          for (const prop of Object.keys(events)) props[prop] = (e: Event) => calls.push([prop, e]);
          // No adapter: the elements wait (skeletons) and fire nothing of their own.
          render(React.createElement(wrappers[name] as React19.ElementType, props));
          const el = await waitUntilElement(TAGS[name]);
          for (const [prop, type] of Object.entries(events)) {
            calls.length = 0;
            const event = EVENT_OF[type]!();
            el.dispatchEvent(event);
            expect(calls, `${name}: ${type}`).to.deep.equal([[prop, event]]);
          }
          root!.render(null);
          await waitUntil(() => !container.querySelector(TAGS[name]), 'unmounted', { timeout: REACT_WAIT });
        }
      });

      it('calls onExpressTransactionSelect when the reader selects a row, and onExpressError when the adapter fails', async () => {
        const { React, wrappers } = kit;
        const data = txns(2);
        const adapter = new MemoryAdapter({ balance_transactions: data });
        const selected: string[] = [];
        render(React.createElement(wrappers.ExpressTransactions, {
          adapter, locale: 'en-US',
          onExpressTransactionSelect: (e) => selected.push(e.detail.transaction.id),
        }));
        const el = await waitUntilElement<ExpressTransactions>('express-transactions');
        await waitUntil(() => rows(el).length === 2, 'rows', { timeout: 20_000 });
        rows(el)[1]!.click();
        await waitUntil(() => selected.length === 1, 'select event', { timeout: REACT_WAIT });
        expect(selected).to.deep.equal([data[1]!.id]);

        const failures: string[] = [];
        const failing = new MemoryAdapter({ balance_transactions: data, fail: { listBalanceTransactions: new ExpressError('server_error') } });
        render(React.createElement(wrappers.ExpressTransactions, {
          adapter: failing, locale: 'en-US',
          onExpressError: (e) => failures.push(`${e.detail.operation}: ${e.detail.error.code}`),
        }));
        await waitUntil(() => failures.length > 0, 'error event', { timeout: 20_000 });
        expect(failures).to.deep.equal(['listBalanceTransactions: server_error']);
        await waitUntil(() => el.shadowRoot!.querySelector('[role="alert"]'), 'the error shows', { timeout: 10_000 });
      });

      it('calls onExpressLoginRedirect with the fresh link on a click; preventDefault keeps the page', async () => {
        const { React, wrappers } = kit;
        const redirects: string[] = [];
        const adapter = { createLoginLink: async () => ({ url: 'https://connect.example.com/express/acct_1/xyz', created: 1 }) };
        render(React.createElement(wrappers.ExpressLoginButton, {
          adapter,
          onExpressLoginRedirect: (e) => {
            redirects.push(e.detail.url);
            e.preventDefault();
          },
        }));
        const el = await waitUntilElement('express-login-button');
        await waitUntil(() => el.shadowRoot?.querySelector('button'), 'button rendered', { timeout: REACT_WAIT });
        el.shadowRoot!.querySelector('button')!.click();
        await waitUntil(() => redirects.length === 1, 'redirect event', { timeout: REACT_WAIT });
        expect(redirects).to.deep.equal(['https://connect.example.com/express/acct_1/xyz']);
      });

      it('switches the element to a new adapter\'s data when re-rendered with it', async () => {
        const { React, wrappers } = kit;
        const a = txns(2);
        const b = txns(3);
        render(React.createElement(wrappers.ExpressTransactions, { adapter: new MemoryAdapter({ balance_transactions: a }), locale: 'en-US' }));
        const el = await waitUntilElement<ExpressTransactions>('express-transactions');
        await waitUntil(() => rowIds(el).join() === a.map((t) => t.id).join(), 'first adapter\'s rows', { timeout: 20_000 });
        render(React.createElement(wrappers.ExpressTransactions, { adapter: new MemoryAdapter({ balance_transactions: b }), locale: 'en-US' }));
        await waitUntil(() => rowIds(el).join() === b.map((t) => t.id).join(), 'second adapter\'s rows', { timeout: 20_000 });
        expect(container.querySelector('express-transactions')).to.equal(el);
      });

      it('ends the live subscriptions when unmounted (a lone element, and a dashboard with its elements)', async () => {
        const { React, wrappers } = kit;
        const adapter = new CountingAdapter({ balance_transactions: txns(2) });
        render(React.createElement(wrappers.ExpressTransactions, { adapter, locale: 'en-US' }));
        await waitUntil(() => adapter.open === 1, 'subscribed', { timeout: 20_000 });
        root!.render(null);
        await waitUntil(() => adapter.open === 0, 'unsubscribed on unmount', { timeout: 10_000 });

        const shared = new CountingAdapter({ balance_transactions: txns(2) });
        render(React.createElement(wrappers.ExpressDashboard, { adapter: shared, locale: 'en-US' }));
        // The dashboard fans one upstream subscription out to its elements.
        await waitUntil(() => shared.open === 1, 'the dashboard subscribed', { timeout: 20_000 });
        const live = container.querySelector('express-dashboard')!;
        await waitUntil(() => live.shadowRoot?.querySelector('express-transactions'), 'the dashboard renders its list', { timeout: 20_000 });
        root!.unmount();
        root = undefined;
        await waitUntil(() => shared.open === 0, 'unsubscribed on unmount', { timeout: 10_000 });
        expect(container.childElementCount).to.equal(0);
      });

      it('gives the element instance through ref', async () => {
        const { React, wrappers } = kit;
        const ref = React.createRef<ExpressTransactions>();
        render(React.createElement(wrappers.ExpressTransactions, { ref, locale: 'en-US' }));
        const el = await waitUntilElement('express-transactions');
        await waitUntil(() => ref.current !== null, 'ref set', { timeout: REACT_WAIT });
        expect(ref.current).to.equal(el);
        expect(typeof ref.current!.loadMore).to.equal('function');
      });
    });
  }

  describe('the plain tags under React 19', () => {
    it('sets objects as properties and listens to express-* events through on<event-name> props', async () => {
      const data = txns(3);
      const adapter = new SpyAdapter({ balance_transactions: data });
      const describe = (t: BalanceTransaction) => `Ride ${t.id}`;
      const selected: string[] = [];
      root = createRoot19(container);
      root.render(React19.createElement('express-transactions', {
        adapter, describe, locale: 'en-US', 'page-size': '2',
        'onexpress-transaction-select': (e: CustomEvent<{ transaction: BalanceTransaction }>) => selected.push(e.detail.transaction.id),
      }));
      const el = await waitUntilElement<ExpressTransactions>('express-transactions');
      expect(el.adapter).to.equal(adapter);
      expect(el.describe).to.equal(describe);
      await waitUntil(() => rows(el).length === 3, 'the rows', { timeout: 20_000 });
      expect(el.pageSize).to.equal(2);
      expect(adapter.limits[0]).to.equal(2);
      expect(rows(el).map((r) => text(r.querySelector('[part~="description"]')))).to.deep.equal(data.map((t) => `Ride ${t.id}`));
      rows(el)[0]!.click();
      await waitUntil(() => selected.length === 1, 'select event', { timeout: REACT_WAIT });
      expect(selected).to.deep.equal([data[0]!.id]);
    });

    it('does not call a camelCase onExpressError on a plain tag: only the wrappers map it to express-error', async () => {
      const called: string[] = [];
      root = createRoot19(container);
      root.render(React19.createElement(React19.Fragment, null,
        React19.createElement('express-balance', { onExpressError: () => called.push('plain') }),
        React19.createElement(wrappers19.ExpressBalance, { onExpressError: () => called.push('wrapper') }),
      ));
      await waitUntil(() => container.querySelectorAll('express-balance').length === 2, 'both rendered', { timeout: REACT_WAIT });
      await aTimeout(0);
      for (const el of container.querySelectorAll('express-balance')) {
        el.dispatchEvent(new CustomEvent('express-error', { detail: {} }));
      }
      expect(called).to.deep.equal(['wrapper']);
    });
  });

  async function waitUntilElement<T extends Element = HTMLElement>(tag: string): Promise<T> {
    await waitUntil(() => container.querySelector(tag), `<${tag}> rendered`, { timeout: REACT_WAIT });
    const el = container.querySelector(tag) as unknown as T & { updateComplete?: Promise<unknown> };
    await el.updateComplete;
    return el;
  }
});

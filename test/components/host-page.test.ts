/**
 * Issue 12 §2, for the elements that have no host-page test of their own (transactions and
 * earnings have theirs, beside them): mounted alone and, for the dashboard, with every section,
 * each goes through loading, loaded, empty and failed; its container is resized 1280 → 375 → 1280
 * px; the locale and the colour scheme change; the page scrolls and the chart is hovered; it is
 * removed while loading. The window gets no `error` event (a "ResizeObserver loop" message
 * included), no unhandled rejection, and nothing is logged with `console.error`.
 */
import { expect, fixture, html, waitUntil } from '@open-wc/testing';
import { MemoryAdapter } from '../../src/adapter/memory-adapter.js';
import '../../src/components/balance/balance.js';
import '../../src/components/dashboard/dashboard.js';
import '../../src/components/login/login.js';
import '../../src/components/login-button/login-button.js';
import '../../src/components/payouts/payouts.js';
import { ExpressError } from '../../src/contract/errors.js';
import type { ExpressAdapter, ExpressSignInAdapter } from '../../src/contract/types.js';
import { demoAdapter } from '../../src/demo/demo-adapter.js';
import { DemoSignInAdapter } from '../../src/demo/demo-sign-in-adapter.js';
import { DeferredAdapter } from '../support/deferred-adapter.js';
import { colourScheme, frames, resizeThrough, seenBy } from '../support/host-page.js';

type Host = HTMLElement & { adapter?: unknown; locale: string | null };

const demo = () =>
  demoAdapter({ seed: 3, months: 3, currency: 'usd', timezone: 'America/New_York', now: Date.UTC(2026, 10, 26, 15), platformName: 'Lumen Rides', latency: 0 });
const failure = () => Promise.reject(new ExpressError('network'));
const failing = (): ExpressAdapter => ({
  getAccount: failure,
  getBalance: failure,
  listBalanceTransactions: failure,
  listPayouts: failure,
  getPayout: failure,
  getNetVolume: failure,
  createLoginLink: failure,
});
const until = (predicate: () => unknown, message: string) => waitUntil(predicate, message, { timeout: 10_000 });
const inShadow = (el: Element, selector: string) => el.shadowRoot?.querySelector(selector);

async function mount(tag: string): Promise<{ box: HTMLElement; el: Host }> {
  const box = await fixture<HTMLDivElement>(html`<div style="width: 1280px"></div>`);
  const el = document.createElement(tag) as Host;
  el.setAttribute('locale', 'en-US');
  box.append(el);
  return { box, el };
}

/** Locale and colour scheme changed and back, resized in between. */
async function restyle(box: HTMLElement, el: Host) {
  el.locale = 'fr-FR';
  await colourScheme(box, true);
  await resizeThrough(box);
  el.locale = 'ja-JP';
  await colourScheme(box, false);
  await frames(3);
  el.locale = 'en-US';
}

/** Removed while its calls are still running; then a few frames. */
async function removedWhileLoading(el: Host, adapter: unknown) {
  el.adapter = adapter;
  await frames(1);
  el.remove();
  await frames(3);
}

describe('nothing reaches the host page', function () {
  this.timeout(90_000);

  for (const tag of ['express-balance', 'express-payouts']) {
    it(`<${tag}>: loading, loaded, empty, failed; resized, relocalised, recoloured; removed while loading`, async () => {
      const seen = await seenBy(async () => {
        const { box, el } = await mount(tag);
        el.adapter = new DeferredAdapter();
        await resizeThrough(box);
        el.adapter = demo();
        await until(() => inShadow(el, tag === 'express-balance' ? '[part=total]' : '[part~=row]'), 'loaded');
        await resizeThrough(box);
        await restyle(box, el);
        el.adapter = new MemoryAdapter({ balance_transactions: [], payouts: [], balance: { available: [], pending: [] } });
        await frames(6);
        await resizeThrough(box);
        el.adapter = failing();
        await until(() => inShadow(el, '[role=alert]'), 'failed');
        await resizeThrough(box);
        await removedWhileLoading(el, new DeferredAdapter());
      });
      expect(seen).to.deep.equal([]);
    });
  }

  it('<express-login-button>: ready, busy, failed; resized, relocalised, recoloured; removed while busy', async () => {
    const seen = await seenBy(async () => {
      const { box, el } = await mount('express-login-button');
      el.adapter = failing();
      await resizeThrough(box);
      (inShadow(el, '[part=base]') as HTMLButtonElement).click();
      await until(() => inShadow(el, '[part=message]:not([hidden])'), 'failed');
      await resizeThrough(box);
      await restyle(box, el);
      el.adapter = new DeferredAdapter();
      (inShadow(el, '[part=base]') as HTMLButtonElement).click();
      await until(() => inShadow(el, '[part=base][aria-busy=true]'), 'busy');
      el.remove();
      await frames(3);
    });
    expect(seen).to.deep.equal([]);
  });

  it('<express-login>: the email step, a wrong code, failed; resized, relocalised, recoloured; removed while waiting', async () => {
    const seen = await seenBy(async () => {
      const { box, el } = await mount('express-login');
      el.adapter = new DemoSignInAdapter({ latency: 0, livemode: true });
      await until(() => inShadow(el, 'input[type=email]'), 'email step');
      await resizeThrough(box);
      await restyle(box, el);
      const never: ExpressSignInAdapter = { start: () => new Promise(() => {}), verify: () => new Promise(() => {}), resend: () => new Promise(() => {}) };
      const broken: ExpressSignInAdapter = { start: () => Promise.reject(new ExpressError('network')), verify: failure, resend: failure };
      el.adapter = broken;
      const email = inShadow(el, 'input[type=email]') as HTMLInputElement;
      email.value = 'driver@example.com';
      email.dispatchEvent(new Event('input', { bubbles: true, composed: true }));
      (email.form ?? email.closest('form'))!.requestSubmit();
      await until(() => (inShadow(el, '[part=message]')?.textContent ?? '').trim() !== '', 'failed');
      await resizeThrough(box);
      el.adapter = never;
      (email.form ?? email.closest('form'))!.requestSubmit();
      await frames(2);
      el.remove();
      await frames(3);
    });
    expect(seen).to.deep.equal([]);
  });

  it('<express-dashboard> with every section: loading, loaded, empty, failed; the page scrolled, the chart hovered; resized, relocalised, recoloured', async () => {
    const seen = await seenBy(async () => {
      const { box, el } = await mount('express-dashboard');
      el.setAttribute('platform-name', 'Lumen Rides');
      el.adapter = new DeferredAdapter();
      await resizeThrough(box);
      el.adapter = demo();
      const section = (name: string) => inShadow(el, `[part=${name}]`) as HTMLElement;
      await until(() => section('balance')?.shadowRoot?.querySelector('[part=total]'), 'balance loaded');
      await until(() => section('transactions')?.shadowRoot?.querySelector('[part~=row]'), 'list loaded');
      await until(() => section('earnings')?.shadowRoot?.querySelector('svg'), 'chart drawn');
      await resizeThrough(box);
      // The page scrolled to the end and back, the pointer moved across the chart.
      for (const y of [0.25, 0.5, 0.75, 1, 0]) {
        window.scrollTo(0, y * document.documentElement.scrollHeight);
        await frames(2);
      }
      const svg = section('earnings').shadowRoot!.querySelector('svg')!;
      const r = svg.getBoundingClientRect();
      for (let i = 1; i < 10; i++) {
        svg.dispatchEvent(new PointerEvent('pointermove', { bubbles: true, composed: true, clientX: r.left + (r.width * i) / 10, clientY: r.top + r.height / 2, pointerType: 'mouse' }));
        await frames(1);
      }
      svg.dispatchEvent(new PointerEvent('pointerleave', { bubbles: true, composed: true, pointerType: 'mouse' }));
      await restyle(box, el);
      el.adapter = new MemoryAdapter({ balance_transactions: [], payouts: [], balance: { available: [], pending: [] } });
      await frames(8);
      await resizeThrough(box);
      el.adapter = failing();
      await until(() => section('balance')?.shadowRoot?.querySelector('[role=alert]'), 'failed');
      await resizeThrough(box);
      await removedWhileLoading(el, new DeferredAdapter());
    });
    expect(seen).to.deep.equal([]);
  });
});

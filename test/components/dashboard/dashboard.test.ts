import { expect, fixture, html, waitUntil } from '@open-wc/testing';
import { LitElement } from 'lit';
import { ContextConsumer } from '@lit/context';
import '../../../src/components/dashboard/dashboard.js';
import { parseSections, type ExpressDashboard } from '../../../src/components/dashboard/dashboard.js';
import { dashboardContext } from '../../../src/context.js';
import { MemoryAdapter } from '../../../src/adapter/memory-adapter.js';
import type { ExpressAccount, ExpressAdapter } from '../../../src/contract/types.js';
import { ExpressError } from '../../../src/contract/errors.js';
import { DeferredAdapter } from '../../support/deferred-adapter.js';
import type { ExpressErrorEvent } from '../../../src/events.js';
import { failOnLitWarnings } from '../../support/lit-warnings.js';
import { loadStrings } from '../../../src/core/i18n/registry.js';

/** A bare consumer standing in for any element that reads the dashboard's adapter. */
class ContextProbe extends LitElement {
  context = new ContextConsumer(this, { context: dashboardContext, subscribe: true });
  get consumer() {
    return { value: this.context.value?.adapter };
  }
}
customElements.define('context-probe', ContextProbe);

const account: ExpressAccount = {
  id: 'acct_1',
  livemode: false,
  default_currency: 'usd',
  settings: { dashboard: { display_name: 'Dana <b>Driver</b>', timezone: 'America/New_York' } },
};

const shadow = (el: Element) => el.shadowRoot!;

failOnLitWarnings();

describe('<express-dashboard>', () => {
  describe('context', () => {
    it('provides an adapter over its own to nested elements, also ones added later', async () => {
      const adapter = new MemoryAdapter({ account });
      const el = await fixture<ExpressDashboard>(html`
        <express-dashboard sections="header" .adapter=${adapter}><div><context-probe></context-probe></div></express-dashboard>`);
      const probe = el.querySelector('context-probe') as ContextProbe;
      const provided = probe.consumer.value!;
      expect(provided).to.be.an('object');
      expect((await provided.getAccount()).id).to.equal('acct_1');
      expect(provided.subscribe).to.be.a('function');
      expect(provided.getNetVolume).to.be.a('function');
      const later = document.createElement('context-probe') as ContextProbe;
      el.querySelector('div')!.append(later);
      expect(later.consumer.value).to.equal(provided);

      const next: ExpressAdapter = new MemoryAdapter({ account: { ...account, id: 'acct_2' } });
      el.adapter = next;
      await el.updateComplete;
      expect(probe.consumer.value).to.not.equal(provided);
      expect(later.consumer.value).to.equal(probe.consumer.value);
      expect((await probe.consumer.value!.getAccount()).id).to.equal('acct_2');
    });

    it('reaches the elements of its default layout inside its shadow root', async () => {
      const adapter = new MemoryAdapter({ account, balance: { available: [{ amount: 4200, currency: 'usd' }], pending: [] } });
      const el = await fixture<ExpressDashboard>(html`<express-dashboard locale="en-US" sections="balance" .adapter=${adapter}></express-dashboard>`);
      const balance = shadow(el).querySelector('express-balance')!;
      expect(balance.adapter).to.equal(undefined); // not given its own: it uses the context
      await waitUntil(() => balance.shadowRoot!.querySelector('[part=available]'), 'balance loaded through the context');
      expect(balance.shadowRoot!.querySelector('[part=available]')!.textContent).to.equal('$42.00');
    });
  });

  describe('header', () => {
    it('shows the display name as text, the platform and a test-mode badge', async () => {
      const el = await fixture<ExpressDashboard>(html`
        <express-dashboard sections="header" platform-name="Lumen Rides" .adapter=${new MemoryAdapter({ account })}></express-dashboard>`);
      await waitUntil(() => shadow(el).querySelector('h1'), 'name shown');
      const h1 = shadow(el).querySelector('h1')!;
      expect(h1.textContent).to.equal('Dana <b>Driver</b>');
      expect(h1.querySelector('b')).to.equal(null);
      expect(shadow(el).textContent).to.contain('Your earnings with Lumen Rides');
      await waitUntil(() => shadow(el).querySelector('[part=test-mode-badge]'), 'badge shown');
      expect(shadow(el).querySelector('[part=test-mode-badge]')!.textContent).to.equal('Test mode');
      await expect(el).to.be.accessible();
    });

    it('falls back to the business name, then to "Dashboard"', async () => {
      const named = new MemoryAdapter({ account: { id: 'a', business_profile: { name: 'Kim Courier' } } });
      const el = await fixture<ExpressDashboard>(html`<express-dashboard sections="header" .adapter=${named}></express-dashboard>`);
      await waitUntil(() => shadow(el).querySelector('h1'));
      expect(shadow(el).querySelector('h1')!.textContent).to.equal('Kim Courier');
      el.adapter = new MemoryAdapter({ account: { id: 'b', settings: { dashboard: { display_name: '  ' } } } });
      await waitUntil(() => shadow(el).querySelector('h1')?.textContent === 'Dashboard');
    });

    it('shows the badge when only the balance says test mode, none in live mode, and localises', async () => {
      const liveAccount = { ...account, livemode: true };
      const testBalance = new MemoryAdapter({ account: liveAccount, balance: { available: [], pending: [], livemode: false } });
      const el = await fixture<ExpressDashboard>(html`<express-dashboard sections="header" .adapter=${testBalance}></express-dashboard>`);
      await waitUntil(() => shadow(el).querySelector('[part=test-mode-badge]'), 'badge from the balance');

      const live = new MemoryAdapter({ account: liveAccount, balance: { available: [], pending: [], livemode: true } });
      const fr = await fixture<ExpressDashboard>(html`<express-dashboard sections="header" locale="fr" platform-name="Lumen" .adapter=${live}></express-dashboard>`);
      await waitUntil(() => shadow(fr).querySelector('h1'));
      // French loads on first use; the dashboard re-renders when it arrives.
      await waitUntil(() => shadow(fr).querySelector('.subtitle')?.textContent === 'Vos revenus avec Lumen', 'French strings', { timeout: 5000 });
      expect(shadow(fr).querySelector('[part=test-mode-badge]')).to.equal(null);
    });

    it('reports a failed getAccount as express-error and still renders its content', async () => {
      const adapter = new DeferredAdapter();
      const errors: ExpressErrorEvent[] = [];
      const el = await fixture<ExpressDashboard>(html`
        <express-dashboard sections="header" .adapter=${adapter} @express-error=${(e: ExpressErrorEvent) => errors.push(e)}><p>content</p></express-dashboard>`);
      expect(shadow(el).querySelector('.skeleton')).to.not.equal(null);
      await expect(el).to.be.accessible();
      adapter.last('getAccount').reject(new ExpressError('network'));
      adapter.last('getBalance').reject(new ExpressError('network'));
      await waitUntil(() => errors.length === 1);
      await el.updateComplete;
      expect(errors[0]!.detail.operation).to.equal('getAccount');
      expect(errors[0]!.detail.error.code).to.equal('network');
      expect(shadow(el).querySelector('h1')!.textContent).to.equal('Dashboard');
      expect(el.querySelector('p')!.assignedSlot).to.not.equal(null);
      await expect(el).to.be.accessible();
    });
  });

  describe('one outage, one report', () => {
    it('a getAccount failure shared by every element reaches the page once; a retry is reported again', async () => {
      const failure = new Error('account service down');
      let calls = 0;
      const adapter = new MemoryAdapter({ account });
      adapter.getAccount = () => {
        calls++;
        return Promise.reject(failure);
      };
      const errors: ExpressErrorEvent[] = [];
      const wrapper = await fixture<HTMLDivElement>(html`<div @express-error=${(e: ExpressErrorEvent) => errors.push(e)}>
        <express-dashboard .adapter=${adapter}></express-dashboard></div>`);
      const el = wrapper.querySelector('express-dashboard')!;
      await waitUntil(() => errors.some((e) => e.detail.operation === 'getAccount'), 'getAccount reported', { timeout: 5000 });
      await new Promise((r) => setTimeout(r, 300)); // let every element settle its own getAccount
      const accountErrors = () => errors.filter((e) => e.detail.operation === 'getAccount');
      expect(calls, 'the elements shared requests').to.be.greaterThan(0);
      expect(accountErrors()).to.have.length(1);
      expect(accountErrors()[0]!.detail.error.code).to.equal('unknown');
      expect(accountErrors()[0]!.detail.error.cause).to.equal(failure);
      // A new failure (a retry's) is a new report.
      const again = new Error('still down');
      adapter.getAccount = () => Promise.reject(again);
      el.adapter = new MemoryAdapter({ account });
      el.adapter.getAccount = () => Promise.reject(again);
      await waitUntil(() => accountErrors().length === 2, 'the second outage is reported', { timeout: 5000 });
      await new Promise((r) => setTimeout(r, 300));
      expect(accountErrors()).to.have.length(2);
    });
  });

  describe('layout', () => {
    it('reads the sections attribute', () => {
      expect([...parseSections(null)]).to.deep.equal(['header', 'balance', 'earnings', 'transactions', 'payouts']);
      expect([...parseSections('transactions, Balance')]).to.deep.equal(['balance', 'transactions']);
      expect([...parseSections('')]).to.deep.equal([]);
      expect([...parseSections('chart header')]).to.deep.equal(['header']);
    });

    it('lays out header, balance, earnings, transactions and payouts by default; sections picks', async () => {
      const adapter = new DeferredAdapter();
      const el = await fixture<ExpressDashboard>(html`<express-dashboard .adapter=${adapter}></express-dashboard>`);
      const tags = () => [...shadow(el).querySelectorAll('[part=grid] > *')].map((n) => n.localName);
      expect(tags()).to.deep.equal(['express-balance', 'express-earnings', 'express-transactions', 'express-payouts']);
      expect([...shadow(el).querySelectorAll('[part=grid] > *')].map((n) => n.getAttribute('part'))).to.deep.equal([
        'balance', 'earnings', 'transactions', 'payouts',
      ]);
      expect(shadow(el).querySelector('[part=header]')!.hasAttribute('hidden')).to.equal(false);
      // The default children are registered by the dashboard's entry point.
      expect(shadow(el).querySelector('express-earnings')).to.be.instanceOf(customElements.get('express-earnings')!);
      expect(shadow(el).querySelector('express-transactions')).to.be.instanceOf(customElements.get('express-transactions')!);
      expect(shadow(el).querySelector('express-payouts')).to.be.instanceOf(customElements.get('express-payouts')!);

      el.sections = 'transactions header balance';
      await el.updateComplete;
      expect(tags()).to.deep.equal(['express-balance', 'express-transactions']);
      expect(getComputedStyle(shadow(el).querySelector('[part=header]')!).display).to.not.equal('none');
      el.sections = 'earnings';
      await el.updateComplete;
      expect(tags()).to.deep.equal(['express-earnings']);
      expect(getComputedStyle(shadow(el).querySelector('[part=header]')!).display).to.equal('none');
      el.sections = '';
      await el.updateComplete;
      expect(tags()).to.deep.equal([]);
      expect(getComputedStyle(shadow(el).querySelector('[part=grid]')!).display).to.equal('none');
    });

    it('puts the balance beside the chart and the list when wide and stacks everything when narrow', async () => {
      const adapter = new DeferredAdapter();
      const wrap = await fixture<HTMLDivElement>(html`<div style="width: 1200px"><express-dashboard .adapter=${adapter}></express-dashboard></div>`);
      const el = wrap.querySelector('express-dashboard')!;
      await el.updateComplete;
      const box = (part: string) => shadow(el).querySelector(`[part=${part}]`)!.getBoundingClientRect();
      expect(box('balance').top).to.equal(box('earnings').top);
      expect(box('balance').right).to.be.below(box('earnings').left);
      // The balance is a column on the start side; the list goes under the chart, beside it.
      expect(box('transactions').top).to.be.above(box('earnings').bottom);
      expect(box('transactions').left).to.equal(box('earnings').left);
      expect(box('transactions').width).to.be.closeTo(box('earnings').width, 1);
      // The payouts below the transactions, in the same column.
      expect(box('payouts').top).to.be.above(box('transactions').bottom);
      expect(box('payouts').left).to.equal(box('transactions').left);
      wrap.style.width = '390px';
      await waitUntil(() => box('earnings').top > box('balance').top, 'stacked');
      expect(box('balance').width).to.be.closeTo(box('grid').width, 1);
    });

    it('has header-actions and footer slots for the platform', async () => {
      const el = await fixture<ExpressDashboard>(html`
        <express-dashboard sections="header" .adapter=${new MemoryAdapter({ account })}>
          <a slot="header-actions" href="/help">Help</a>
          <p slot="footer">Questions? Write to us.</p>
          <p class="extra">More</p>
        </express-dashboard>`);
      const slotOf = (sel: string) => el.querySelector(sel)!.assignedSlot;
      expect(slotOf('a')!.name).to.equal('header-actions');
      expect(slotOf('a')!.closest('[part=header]')).to.not.equal(null);
      expect(slotOf('[slot=footer]')!.name).to.equal('footer');
      expect(slotOf('[slot=footer]')!.closest('[part=footer]')).to.not.equal(null);
      expect(slotOf('.extra')!.name).to.equal('');
      await expect(el).to.be.accessible();
    });
  });

  describe('branding', () => {
    const branded = (primary_color: string | null, icon: string | null = null) =>
      new MemoryAdapter({ account: { ...account, settings: { ...account.settings, branding: { primary_color, icon } } } });
    const primaryOf = (el: Element) => getComputedStyle(el).getPropertyValue('--express-color-primary').trim();

    it("sets the primary token from the account's colour for everything inside, and shows an https icon", async () => {
      const el = await fixture<ExpressDashboard>(html`
        <express-dashboard sections="header balance" .adapter=${branded('#0a7d5a', 'https://cdn.example.com/icon.png')}>
          <span class="child">x</span>
        </express-dashboard>`);
      await waitUntil(() => shadow(el).querySelector('h1'));
      await el.updateComplete;
      expect(primaryOf(el.querySelector('.child')!)).to.equal('#0a7d5a');
      expect(primaryOf(shadow(el).querySelector('express-balance')!)).to.equal('#0a7d5a');
      expect(primaryOf(el)).to.equal(''); // the host itself (the page's element) is left alone
      const onPrimary = getComputedStyle(el.querySelector('.child')!).getPropertyValue('--express-color-on-primary').trim();
      expect(onPrimary).to.equal('#ffffff'); // white reads best on dark green
      const img = shadow(el).querySelector<HTMLImageElement>('[part=icon]')!;
      expect(img.getAttribute('src')).to.equal('https://cdn.example.com/icon.png');
      // The platform's page address is not sent to the icon's host.
      expect(img.referrerPolicy).to.equal('no-referrer');
      expect(img.alt).to.equal('');
    });

    it('ignores a colour that is not a valid CSS colour, and an icon that is a Stripe file id', async () => {
      const el = await fixture<ExpressDashboard>(html`
        <express-dashboard sections="header" .adapter=${branded('red; background: url(https://evil.example/)', 'file_123')}>
          <span class="child">x</span>
        </express-dashboard>`);
      await waitUntil(() => shadow(el).querySelector('h1'));
      await el.updateComplete;
      expect(primaryOf(el.querySelector('.child')!)).to.equal('');
      expect(shadow(el).querySelector('[part=icon]')).to.equal(null);
    });

    it("leaves the page's own --express-color-primary alone", async () => {
      const wrap = await fixture<HTMLDivElement>(html`
        <div style="--express-color-primary: #123456">
          <express-dashboard sections="header" .adapter=${branded('#0a7d5a')}><span class="child">x</span></express-dashboard>
        </div>`);
      const el = wrap.querySelector('express-dashboard')!;
      await waitUntil(() => shadow(el).querySelector('h1'));
      await el.updateComplete;
      expect(primaryOf(el.querySelector('.child')!)).to.equal('#123456');
    });
  });

  describe('locale and platform-name', () => {
    const titleOf = (n: Element) => n.shadowRoot?.querySelector('.title')?.textContent?.trim();

    it('reach the default elements and express elements inside that do not set their own, through the context', async () => {
      await Promise.all(['de', 'es', 'ja', 'fr'].map((l) => loadStrings(l)));
      const el = await fixture<ExpressDashboard>(html`
        <express-dashboard locale="de-DE" platform-name="Lumen" .adapter=${new DeferredAdapter()}>
          <express-balance class="mine"></express-balance>
          <div><express-balance class="nested"></express-balance></div>
          <express-balance class="own" locale="ja-JP"></express-balance>
        </express-dashboard>`);
      const part = (name: string) => shadow(el).querySelector(`[part=${name}]`)!;
      await waitUntil(() => titleOf(part('balance')) === 'Guthaben', 'the default balance speaks German');
      expect(titleOf(part('earnings'))).to.equal('Einnahmen');
      expect(titleOf(part('transactions'))).to.equal('Transaktionen');
      expect(titleOf(el.querySelector('.mine')!)).to.equal('Guthaben');
      expect(titleOf(el.querySelector('.nested')!)).to.equal('Guthaben');
      expect(titleOf(el.querySelector('.own')!)).to.equal('残高');
      // The dashboard no longer writes attributes onto the elements: the page's stay the page's.
      expect(el.querySelector('.mine')!.hasAttribute('locale')).to.equal(false);
      expect(part('balance').hasAttribute('locale')).to.equal(false);

      el.locale = 'es-ES';
      await el.updateComplete;
      await waitUntil(() => titleOf(el.querySelector('.mine')!) === 'Saldo', 'the locale follows the dashboard');
      expect(titleOf(part('balance'))).to.equal('Saldo');
      expect(titleOf(el.querySelector('.own')!)).to.equal('残高');

      const later = document.createElement('express-balance');
      el.querySelector('div')!.append(later);
      await waitUntil(() => titleOf(later) === 'Saldo', 'an element added later gets the locale');

      // The page sets one itself: its own attribute wins from then on.
      el.querySelector('.mine')!.setAttribute('locale', 'fr-FR');
      el.locale = 'en-GB';
      await el.updateComplete;
      await waitUntil(() => titleOf(el.querySelector('.nested')!) === 'Balance', 'the others follow the dashboard');
      expect(titleOf(el.querySelector('.mine')!)).to.equal('Solde');
    });

  });
});

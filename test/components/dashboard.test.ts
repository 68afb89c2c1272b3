import { expect, fixture, html, waitUntil } from '@open-wc/testing';
import { LitElement } from 'lit';
import { ContextConsumer } from '@lit/context';
import '../../src/components/dashboard/dashboard.js';
import type { ExpressDashboard } from '../../src/components/dashboard/dashboard.js';
import { adapterContext } from '../../src/context.js';
import { MemoryAdapter } from '../../src/adapter/memory-adapter.js';
import type { ExpressAdapter } from '../../src/adapter/types.js';
import { ExpressError } from '../../src/adapter/errors.js';
import { DeferredAdapter } from '../support/deferred-adapter.js';
import type { ExpressErrorEvent } from '../../src/events.js';

/** A bare consumer standing in for any element that reads the dashboard's adapter. */
class ContextProbe extends LitElement {
  consumer = new ContextConsumer(this, { context: adapterContext, subscribe: true });
}
customElements.define('context-probe', ContextProbe);

const account = {
  id: 'acct_1',
  livemode: false,
  settings: { dashboard: { display_name: 'Dana <b>Driver</b>', timezone: 'America/New_York' } },
};

describe('<express-dashboard> (foundation)', () => {
  it('provides its adapter to nested elements, also ones added later', async () => {
    const adapter = new MemoryAdapter({ account });
    const el = await fixture<ExpressDashboard>(html`
      <express-dashboard .adapter=${adapter}><div><context-probe></context-probe></div></express-dashboard>`);
    const probe = el.querySelector('context-probe') as ContextProbe;
    expect(probe.consumer.value).to.equal(adapter);
    const later = document.createElement('context-probe') as ContextProbe;
    el.querySelector('div')!.append(later);
    expect(later.consumer.value).to.equal(adapter);
    const next: ExpressAdapter = new MemoryAdapter({ account });
    el.adapter = next;
    await el.updateComplete;
    expect(probe.consumer.value).to.equal(next);
    expect(later.consumer.value).to.equal(next);
  });

  it('shows the display name as text, the platform and a test-mode badge', async () => {
    const el = await fixture<ExpressDashboard>(html`
      <express-dashboard platform-name="Lumen Rides" .adapter=${new MemoryAdapter({ account })}></express-dashboard>`);
    await waitUntil(() => el.shadowRoot!.querySelector('h1'), 'name shown');
    const h1 = el.shadowRoot!.querySelector('h1')!;
    expect(h1.textContent).to.equal('Dana <b>Driver</b>');
    expect(h1.querySelector('b')).to.equal(null);
    expect(el.shadowRoot!.textContent).to.contain('Your earnings with Lumen Rides');
    await waitUntil(() => el.shadowRoot!.querySelector('[part=test-mode-badge]'), 'badge shown');
    expect(el.shadowRoot!.querySelector('[part=test-mode-badge]')!.textContent).to.equal('Test mode');
    await expect(el).to.be.accessible();
  });

  it('has no badge in live mode, and localises', async () => {
    const live = new MemoryAdapter({ account: { ...account, livemode: true }, balance: { available: [], pending: [], livemode: true } });
    const el = await fixture<ExpressDashboard>(html`<express-dashboard locale="fr" platform-name="Lumen" .adapter=${live}></express-dashboard>`);
    await waitUntil(() => el.shadowRoot!.querySelector('h1'));
    await el.updateComplete;
    expect(el.shadowRoot!.querySelector('[part=test-mode-badge]')).to.equal(null);
    expect(el.shadowRoot!.querySelector('.subtitle')!.textContent).to.not.contain('Your earnings');
  });

  it('reports a failed getAccount as express-error and still renders its content', async () => {
    const adapter = new DeferredAdapter();
    const errors: ExpressErrorEvent[] = [];
    const el = await fixture<ExpressDashboard>(html`
      <express-dashboard .adapter=${adapter} @express-error=${(e: ExpressErrorEvent) => errors.push(e)}><p>content</p></express-dashboard>`);
    expect(el.shadowRoot!.querySelector('.skeleton')).to.not.equal(null);
    await expect(el).to.be.accessible();
    adapter.last('getAccount').reject(new ExpressError('network'));
    adapter.last('getBalance').reject(new ExpressError('network'));
    await waitUntil(() => errors.length === 1);
    await el.updateComplete;
    expect(errors[0]!.detail.operation).to.equal('getAccount');
    expect(errors[0]!.detail.error.code).to.equal('network');
    expect(el.shadowRoot!.querySelector('h1')!.textContent).to.equal('Dashboard');
    expect(el.querySelector('p')!.assignedSlot).to.not.equal(null);
    await expect(el).to.be.accessible();
  });
});

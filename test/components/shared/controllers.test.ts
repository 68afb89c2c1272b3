// The controllers every element shares: AdapterController (adapter, reported tasks, reconnection)
// and LiveController (the live feed), on a bare test element, and through a real element.
import { expect, fixture, html, waitUntil } from '@open-wc/testing';
import { LitElement } from 'lit';
import { TaskStatus } from '@lit/task';
import { AdapterController, operation } from '../../../src/components/shared/adapter-controller.js';
import { LiveController } from '../../../src/components/shared/live-controller.js';
import { ExpressError } from '../../../src/contract/errors.js';
import type { ExpressAdapter, ExpressEvent } from '../../../src/contract/types.js';
import type { ExpressErrorEvent } from '../../../src/events.js';
import { MemoryAdapter } from '../../../src/adapter/memory-adapter.js';
import '../../../src/components/balance/balance.js';
import type { ExpressBalance } from '../../../src/components/balance/balance.js';
import { DeferredAdapter } from '../../support/deferred-adapter.js';
import { balance_transaction as balanceTransaction } from '../../support/fixtures.js';

/** A minimal element: one reported task over two calls, and a live feed. */
class ControllerProbe extends LitElement {
  adapter?: ExpressAdapter;
  readonly adapters = new AdapterController(this);
  events: ExpressEvent[] = [];
  stops = 0;
  readonly live = new LiveController(this, this.adapters, {
    onEvent: (e) => this.events.push(e),
    onStop: () => this.stops++,
  });
  readonly load = this.adapters.task({
    operation: 'getAccount',
    args: () => [this.adapters.value] as const,
    task: async ([a], { signal }) => {
      if (!a) return undefined;
      const [account, balance] = await Promise.all([
        operation('getAccount', a.getAccount({ signal })),
        operation('getBalance', a.getBalance({ signal })),
      ]);
      return { account, balance };
    },
  });
  override render() {
    return html`${this.load.status}`;
  }
}
customElements.define('controller-probe', ControllerProbe);

/** A MemoryAdapter counting its open subscriptions. */
function counted(): MemoryAdapter & { open: number } {
  const a = new MemoryAdapter() as MemoryAdapter & { open: number };
  a.open = 0;
  const subscribe = a.subscribe.bind(a);
  a.subscribe = (l) => {
    a.open++;
    const off = subscribe(l);
    return () => {
      a.open--;
      off();
    };
  };
  return a;
}

const payment = (id: string) => ({ ...structuredClone(balanceTransaction), id, created: 1_700_000_000 }) as never;

describe('AdapterController and LiveController', () => {
  it('reports the failed call of a task by its operation, once, and never an abort', async () => {
    const adapter = new DeferredAdapter();
    const el = await fixture<ControllerProbe>(html`<controller-probe .adapter=${adapter}></controller-probe>`);
    const errors: ExpressErrorEvent['detail'][] = [];
    el.addEventListener('express-error', (e) => errors.push(e.detail));
    adapter.last('getAccount').resolve({ id: 'acct_1' });
    adapter.last('getBalance').reject(new ExpressError('rate_limited', undefined, { retryAfter: 5 }));
    await waitUntil(() => el.load.status === TaskStatus.ERROR);
    expect(errors.map((e) => [e.operation, e.error.code])).to.deep.equal([['getBalance', 'rate_limited']]);

    el.adapter = new DeferredAdapter(); // the running load is aborted by the new one
    el.requestUpdate();
    await el.updateComplete;
    el.adapter = new DeferredAdapter();
    el.requestUpdate();
    await el.updateComplete;
    expect(errors).to.have.length(1);
  });

  it('reloads an element that was removed while loading, when it comes back', async () => {
    const adapter = new DeferredAdapter();
    const el = await fixture<ControllerProbe>(html`<controller-probe .adapter=${adapter}></controller-probe>`);
    const first = adapter.last('getAccount');
    const parent = el.parentElement!;
    el.remove();
    expect(first.signal!.aborted, 'the load is aborted when the element leaves').to.equal(true);
    parent.append(el);
    await waitUntil(() => adapter.callsOf('getAccount').length === 2, 'loads again');
    adapter.last('getAccount').resolve({ id: 'acct_1' });
    adapter.last('getBalance').resolve({ available: [], pending: [] });
    await waitUntil(() => el.load.status === TaskStatus.COMPLETE, 'loaded');
  });

  it('does not reload an element that had finished loading when it was removed', async () => {
    const adapter = new DeferredAdapter();
    const el = await fixture<ControllerProbe>(html`<controller-probe .adapter=${adapter}></controller-probe>`);
    adapter.last('getAccount').resolve({ id: 'acct_1' });
    adapter.last('getBalance').resolve({ available: [], pending: [] });
    await waitUntil(() => el.load.status === TaskStatus.COMPLETE);
    const parent = el.parentElement!;
    el.remove();
    parent.append(el);
    await el.updateComplete;
    expect(adapter.callsOf('getAccount')).to.have.length(1);
  });

  it('subscribes while connected, again after a move or an adapter change, and unsubscribes on removal', async () => {
    const a = counted();
    const el = await fixture<ControllerProbe>(html`<controller-probe .adapter=${a}></controller-probe>`);
    await waitUntil(() => a.open === 1, 'subscribed');
    a.addTransaction(payment('txn_1'));
    expect(el.events.map((e) => e.type)).to.deep.equal(['balance_transaction.created', 'balance.updated']);

    const parent = el.parentElement!;
    el.remove();
    expect(a.open).to.equal(0);
    expect(el.stops).to.equal(1);
    a.addTransaction(payment('txn_2'));
    expect(el.events).to.have.length(2);

    parent.append(el);
    await waitUntil(() => a.open === 1, 'subscribed again after coming back');
    a.addTransaction(payment('txn_3'));
    expect(el.events).to.have.length(4);

    const b = counted();
    el.adapter = b;
    el.requestUpdate();
    await waitUntil(() => b.open === 1, 'subscribed to the new adapter');
    expect(a.open, 'and not to the old one').to.equal(0);
    a.addTransaction(payment('txn_4'));
    expect(el.events).to.have.length(4);
  });

  it('reports an invalid live event as a subscribe failure', async () => {
    const a = new MemoryAdapter();
    const el = await fixture<ControllerProbe>(html`<controller-probe .adapter=${a}></controller-probe>`);
    await el.updateComplete;
    const errors: string[] = [];
    el.addEventListener('express-error', (e) => errors.push(e.detail.operation));
    a.emit({ type: 'balance_transaction.created', data: { id: 42 } } as never);
    expect(errors).to.deep.equal(['subscribe']);
    expect(el.events).to.have.length(0);
  });

  it('<express-balance> removed while loading loads again, and listens again after a move', async () => {
    const a = counted();
    const slow = new DeferredAdapter();
    const el = await fixture<ExpressBalance>(html`<express-balance locale="en-US" .adapter=${slow}></express-balance>`);
    const parent = el.parentElement!;
    el.remove();
    parent.append(el);
    await waitUntil(() => slow.callsOf('getBalance').length === 2, 'loads again');
    slow.last('getAccount').resolve({ id: 'acct_1', default_currency: 'usd' });
    slow.last('getBalance').resolve({ available: [{ amount: 1234, currency: 'usd' }], pending: [] });
    for (const call of slow.callsOf('listPayouts').slice(-3)) call.resolve({ data: [], has_more: false });
    const total = () => el.shadowRoot!.querySelector('[part=total]')?.textContent?.trim();
    await waitUntil(() => total() === '$12.34', 'shows the balance');

    el.adapter = a;
    await waitUntil(() => a.open === 1 && total() === '$0.00', 'the new adapter, live');
    el.remove();
    expect(a.open).to.equal(0);
    parent.append(el);
    await waitUntil(() => a.open === 1, 'listens again after coming back');
    a.addTransaction({ ...(payment('txn_9') as object), status: 'available', net: 500, currency: 'usd' } as never);
    await waitUntil(() => total() === '$5.00', 'a live update after coming back');
  });
});

// Vue 3 (its browser build, with the template compiler) renders the elements from a template:
// `isCustomElement` tells the compiler the express-* tags are custom elements, objects and
// functions bound with `:prop` reach the element as properties, `@express-*` listens to its events.
import { expect, waitUntil } from '@open-wc/testing';
import { createApp, nextTick, shallowRef, type App } from 'vue';
import '../../src/components/transactions/transactions.js';
import type { ExpressTransactions } from '../../src/components/transactions/transactions.js';
import { MemoryAdapter } from '../../src/adapter/memory-adapter.js';
import { ExpressError } from '../../src/contract/errors.js';
import type { BalanceTransaction } from '../../src/contract/types.js';
import type { ExpressErrorEvent, ExpressTransactionSelectEvent } from '../../src/events.js';
import { txns } from '../components/transactions/transactions.fake.js';
import { failOnLitWarnings } from '../support/lit-warnings.js';

const rows = (el: Element) => [...el.shadowRoot!.querySelectorAll<HTMLElement>('[part~="row"][data-id]')];
const text = (n: Element | null | undefined) => (n?.textContent ?? '').replace(/\s+/g, ' ').trim();

describe('Vue', function () {
  this.timeout(60_000);
  failOnLitWarnings();

  let app: App | undefined;
  let container: HTMLElement;
  let vueWarnings: string[];

  beforeEach(() => {
    container = document.createElement('div');
    document.body.append(container);
    vueWarnings = [];
  });

  afterEach(() => {
    app?.unmount();
    app = undefined;
    container.remove();
    expect(vueWarnings, 'Vue warnings').to.deep.equal([]);
  });

  function mount(template: string, setup: () => Record<string, unknown>): void {
    app = createApp({ template, setup });
    // The one line a Vite app puts in vite.config's vue({ template: { compilerOptions } }).
    app.config.compilerOptions.isCustomElement = (tag) => tag.startsWith('express-');
    app.config.warnHandler = (msg) => vueWarnings.push(msg);
    app.mount(container);
  }

  it('binds the adapter and describe as properties and calls @express-transaction-select', async () => {
    const data = txns(3);
    const adapter = new MemoryAdapter({ balance_transactions: data });
    const describe = (t: BalanceTransaction) => `Trip ${t.id}`;
    const selected: string[] = [];
    mount(
      `<express-transactions :adapter="adapter" :describe="describe" page-size="2" locale="en-US"
         @express-transaction-select="onSelect"></express-transactions>`,
      () => ({ adapter, describe, onSelect: (e: ExpressTransactionSelectEvent) => selected.push(e.detail.transaction.id) }),
    );
    const el = container.querySelector('express-transactions') as ExpressTransactions;
    expect(el, 'rendered as the custom element').to.exist;
    expect(el.adapter).to.equal(adapter);
    expect(el.describe).to.equal(describe);
    expect(el.hasAttribute('adapter'), 'not an attribute').to.equal(false);
    await waitUntil(() => rows(el).length === 3, 'the rows', { timeout: 20_000 });
    expect(el.pageSize).to.equal(2);
    expect(rows(el).map((r) => text(r.querySelector('[part~="description"]')))).to.deep.equal(data.map((t) => `Trip ${t.id}`));
    rows(el)[2]!.click();
    await waitUntil(() => selected.length === 1, 'the select event');
    expect(selected).to.deep.equal([data[2]!.id]);
  });

  it('calls the @express-error handler, and a reactive adapter switches the data', async () => {
    const failing = new MemoryAdapter({ balance_transactions: txns(2), fail: { listBalanceTransactions: new ExpressError('server_error') } });
    const good = txns(2, { description: 'Switched' });
    // shallowRef (or markRaw): a deep ref hands the element a reactive Proxy of the adapter, and an
    // adapter's own code may fail through one (MemoryAdapter's structuredClone of its data does; see the README).
    const current = shallowRef<MemoryAdapter>(failing);
    const errors: string[] = [];
    mount(
      `<express-transactions :adapter="adapter" locale="en-US" @express-error="onError"></express-transactions>`,
      () => ({ adapter: current, onError: (e: ExpressErrorEvent) => errors.push(`${e.detail.operation}: ${e.detail.error.code}`) }),
    );
    const el = container.querySelector('express-transactions') as ExpressTransactions;
    await waitUntil(() => errors.length > 0, 'the error event', { timeout: 20_000 });
    expect(errors).to.deep.equal(['listBalanceTransactions: server_error']);
    await waitUntil(() => el.shadowRoot!.querySelector('[role="alert"]'), 'the error shows', { timeout: 10_000 });

    current.value = new MemoryAdapter({ balance_transactions: good });
    await nextTick();
    expect(el.adapter).to.equal(current.value);
    await waitUntil(() => rows(el).map((r) => r.dataset.id).join() === good.map((t) => t.id).join(), 'the new adapter\'s rows', { timeout: 20_000 });
  });
});

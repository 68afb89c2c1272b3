// Preact renders the tags as they are: a prop the element has is set as a property (the adapter,
// describe), and `onexpress-*` listens to the event of that exact name. The JSX typings of
// src/frameworks/preact.ts are checked by test/types/framework-types.ts; this checks the runtime.
import { expect, waitUntil } from '@open-wc/testing';
import { h, render } from 'preact';
import '../../src/components/transactions/transactions.js';
import type { ExpressTransactions } from '../../src/components/transactions/transactions.js';
import { MemoryAdapter } from '../../src/adapter/memory-adapter.js';
import { ExpressError } from '../../src/contract/errors.js';
import type { BalanceTransaction } from '../../src/contract/types.js';
import type { ExpressErrorEvent, ExpressTransactionSelectEvent } from '../../src/events.js';
import { txns } from '../components/transactions/transactions.fake.js';
import { failOnLitWarnings } from '../support/lit-warnings.js';

const rows = (el: Element) => [...el.shadowRoot!.querySelectorAll<HTMLElement>('[part~="row"][data-id]')];

describe('Preact', function () {
  this.timeout(60_000);
  failOnLitWarnings();

  let container: HTMLElement;
  beforeEach(() => {
    container = document.createElement('div');
    document.body.append(container);
  });
  afterEach(() => {
    render(null, container);
    container.remove();
  });

  it('sets the adapter and describe as properties and calls onexpress-* listeners', async () => {
    const data = txns(2);
    const adapter = new MemoryAdapter({ balance_transactions: data });
    const describe = (t: BalanceTransaction) => `Trip ${t.id}`;
    const selected: string[] = [];
    render(h('express-transactions', {
      adapter, describe, locale: 'en-US',
      'onexpress-transaction-select': (e: ExpressTransactionSelectEvent) => selected.push(e.detail.transaction.id),
    }), container);
    const el = container.querySelector('express-transactions') as ExpressTransactions;
    expect(el.adapter).to.equal(adapter);
    expect(el.describe).to.equal(describe);
    await waitUntil(() => rows(el).length === 2, 'the rows', { timeout: 20_000 });
    rows(el)[1]!.click();
    await waitUntil(() => selected.length === 1, 'the select event');
    expect(selected).to.deep.equal([data[1]!.id]);
  });

  it('calls onexpress-error when the adapter fails', async () => {
    const errors: string[] = [];
    render(h('express-transactions', {
      adapter: new MemoryAdapter({ fail: { listBalanceTransactions: new ExpressError('rate_limited') } }), locale: 'en-US',
      'onexpress-error': (e: ExpressErrorEvent) => errors.push(`${e.detail.operation}: ${e.detail.error.code}`),
    }), container);
    await waitUntil(() => errors.length > 0, 'the error event', { timeout: 20_000 });
    expect(errors).to.deep.equal(['listBalanceTransactions: rate_limited']);
  });
});

// Fuzzing the boundary through the elements (issue 20): an adapter that answers anything (wrong
// types, huge numbers, prototype keys, deep nesting, rejections with odd values, throws) leaves
// every element showing either data or an error state, with no window error, no unhandled
// rejection and no console.error in the host page.
import { expect, fixture, html, waitUntil } from '@open-wc/testing';
import fc from 'fast-check';
import '../../src/components/balance/balance.js';
import '../../src/components/earnings/earnings.js';
import '../../src/components/payouts/payouts.js';
import '../../src/components/transactions/transactions.js';
import type { ExpressAdapter } from '../../src/contract/types.js';
import { account, balance, balance_transaction as txn, payout } from '../support/fixtures.js';
import { hostPage } from '../support/host-page.js';
import { adapterOf, anything, listOf } from '../support/hostile.js';

type How = 'resolve' | 'reject' | 'throw' | 'plain';
const how = fc.constantFrom<How>('resolve', 'resolve', 'reject', 'throw', 'plain');
const valid = (v: unknown) => fc.constant(structuredClone(v));
const list = (item: object) => fc.oneof(valid({ object: 'list', data: [item], has_more: false }), listOf(item));

/** An adapter whose every method answers a value of its own, valid or hostile. */
const hostileAdapter: fc.Arbitrary<ExpressAdapter> = fc
  .record({
    getAccount: fc.tuple(fc.oneof(valid(account), anything(account)), how),
    getBalance: fc.tuple(fc.oneof(valid(balance), anything(balance)), how),
    listBalanceTransactions: fc.tuple(list(txn), how),
    listPayouts: fc.tuple(list(payout), how),
    getNetVolume: fc.tuple(fc.oneof(valid([]), anything({ 0: { start: 0, net: 1 } })), how),
  })
  .map((answers) => {
    const adapter: Record<string, unknown> = {};
    for (const [method, [value, h]] of Object.entries(answers)) adapter[method] = (adapterOf(value, h) as never)[method];
    adapter.createLoginLink = () => Promise.resolve({ url: 'https://x.example', created: 1 });
    return adapter as unknown as ExpressAdapter;
  });

const cases = [
  { tag: 'express-balance', settled: '[part=total], [role=alert]' },
  { tag: 'express-earnings', settled: '[part=data-table] tr[data-start], [part=empty], [role=alert]' },
  { tag: 'express-transactions', settled: '[part~=row], .empty, [role=alert]' },
  { tag: 'express-payouts', settled: '[part~=row], .empty, [role=alert]' },
];

describe('elements fed by a hostile adapter (fast-check)', function () {
  this.timeout(120_000);
  let host: ReturnType<typeof hostPage>;
  beforeEach(() => {
    host = hostPage();
  });
  afterEach(() => {
    host.stop();
  });

  for (const { tag, settled } of cases) {
    it(`<${tag}> shows data or an error, never a crash or a blank`, async () => {
      for (const adapter of fc.sample(hostileAdapter, { numRuns: 12, seed: 20 })) {
        const el = await fixture<HTMLElement & { adapter?: ExpressAdapter }>(html`<div style="width: 800px"></div>`);
        const child = document.createElement(tag) as HTMLElement & { adapter?: ExpressAdapter };
        child.setAttribute('locale', 'en-US');
        child.adapter = adapter;
        el.append(child);
        await waitUntil(() => child.shadowRoot?.querySelector(settled), `<${tag}> settles on data or an error`, { timeout: 5000 });
        await new Promise((r) => setTimeout(r, 50)); // let later calls (the previous period, payouts) settle too
        expect(child.shadowRoot!.textContent!.trim(), 'not blank').to.not.equal('');
        child.remove();
      }
      expect(host.seen).to.deep.equal([]);
      expect(({} as Record<string, unknown>).polluted).to.equal(undefined);
    });
  }
});

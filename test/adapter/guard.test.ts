import { expect } from '@open-wc/testing';
import { ExpressError } from '../../src/contract/errors.js';
import { DROPPED, droppedItems, guardAdapter, guardedAdapterFor, isGuardedAdapter } from '../../src/adapter/guard.js';
import type { ExpressAdapter, ExpressEvent } from '../../src/contract/types.js';
import * as fixtures from '../support/fixtures.js';
import { rejection } from '../support/rejection.js';

function txn(id: string, over: Record<string, unknown> = {}) {
  return {
    id,
    amount: 1000,
    fee: 250,
    net: 750,
    currency: 'usd',
    created: 1_700_000_000,
    available_on: 1_700_172_800,
    status: 'available',
    type: 'payment',
    description: null,
    ...over,
  };
}

/** An adapter whose every method answers what the test says. */
function fake(over: Partial<Record<keyof ExpressAdapter, unknown>> = {}): ExpressAdapter {
  return {
    getAccount: async () => structuredClone(fixtures.account),
    getBalance: async () => structuredClone(fixtures.balance),
    listBalanceTransactions: async () => ({ object: 'list', has_more: false, data: [txn('a')] }),
    listPayouts: async () => ({ object: 'list', has_more: false, data: [structuredClone(fixtures.payout)] }),
    createLoginLink: async () => structuredClone(fixtures.login_link),
    ...over,
  } as ExpressAdapter;
}

describe('guardAdapter: results', () => {
  it('passes valid results through', async () => {
    const g = guardAdapter(fake());
    expect((await g.getAccount()).id).to.equal(fixtures.account.id);
    expect((await g.getBalance()).available[0].currency).to.equal('usd');
    expect((await g.listPayouts({})).data[0].id).to.equal(fixtures.payout.id);
    expect((await g.createLoginLink()).url).to.equal(fixtures.login_link.url);
  });

  it('drops malformed list items, reports each one, and keeps the rest in order', async () => {
    const reports: [ExpressError, string][] = [];
    const g = guardAdapter(
      fake({
        listBalanceTransactions: async () => ({
          has_more: true,
          data: [txn('a'), txn('b', { amount: 10.5 }), txn('c'), txn('d', { currency: 'EUR' }), txn('e')],
        }),
      }),
      { onInvalidItem: (e, op) => reports.push([e, op]) },
    );
    const list = await g.listBalanceTransactions({});
    expect(list.data.map((t) => t.id)).to.deep.equal(['a', 'c', 'e']);
    expect(list.has_more).to.be.true;
    expect(reports.map(([e, op]) => [e.code, e.param, op])).to.deep.equal([
      ['invalid_response', 'data[1].amount', 'listBalanceTransactions'],
      ['invalid_response', 'data[3].currency', 'listBalanceTransactions'],
    ]);
    expect(droppedItems(list).map((e) => e.param)).to.deep.equal(['data[1].amount', 'data[3].currency']);
    expect(list[DROPPED]).to.equal(droppedItems(list));
    expect(Object.keys(list)).not.to.include(String(DROPPED));
    expect(JSON.parse(JSON.stringify(list)).data).to.have.length(3);
  });

  it('reports nothing for a clean list', async () => {
    const list = await guardAdapter(fake()).listBalanceTransactions({});
    expect(droppedItems(list)).to.deep.equal([]);
  });

  it('rejects a whole response of the wrong shape with invalid_response', async () => {
    const g = guardAdapter(
      fake({
        listBalanceTransactions: async () => [txn('a')],
        listPayouts: async () => ({ data: [] }),
        getBalance: async () => ({ available: 'lots' }),
        getAccount: async () => null,
        createLoginLink: async () => ({ url: 42, created: 1 }),
      }),
    );
    for (const [p, param] of [
      [g.listBalanceTransactions({}), undefined],
      [g.listPayouts({}), 'has_more'],
      [g.getBalance(), 'available'],
      [g.getAccount(), undefined],
      [g.createLoginLink(), 'url'],
    ] as const) {
      const e = (await rejection(p)) as ExpressError;
      expect(e).to.be.instanceOf(ExpressError);
      expect(e.code).to.equal('invalid_response');
      expect(e.param).to.equal(param);
    }
  });

  it('validates getNetVolume and only has it when the inner adapter does', async () => {
    expect(guardAdapter(fake()).getNetVolume).to.equal(undefined);
    expect(guardAdapter(fake()).subscribe).to.equal(undefined);
    const g = guardAdapter(fake({ getNetVolume: async () => [{ start: 0, net: 100 }, { start: 86400, net: 1.5 }] }));
    const e = (await rejection(g.getNetVolume!({ interval: 'day', created: { gte: 0, lt: 172800 }, currency: 'usd', timezone: 'UTC' }))) as ExpressError;
    expect(e.code).to.equal('invalid_response');
    expect(e.param).to.equal('[1].net');
  });

  it('passes the parameters and the signal to the inner adapter, with the inner adapter as this', async () => {
    let seen: unknown[] = [];
    const inner = {
      ...fake(),
      marker: 'inner',
      listPayouts(this: { marker: string }, p: unknown, o: unknown) {
        seen = [this.marker, p, o];
        return Promise.resolve({ data: [], has_more: false });
      },
    };
    const signal = new AbortController().signal;
    await guardAdapter(inner).listPayouts({ status: 'paid', limit: 3 }, { signal });
    expect(seen).to.deep.equal(['inner', { status: 'paid', limit: 3 }, { signal }]);
  });
});

describe('guardAdapter: errors', () => {
  it('keeps an ExpressError as is', async () => {
    const original = new ExpressError('rate_limited', 'slow down', { retryAfter: 30 });
    const e = await rejection(guardAdapter(fake({ getBalance: () => Promise.reject(original) })).getBalance());
    expect(e).to.equal(original);
  });

  it('wraps a plain Error as unknown with the original as cause', async () => {
    const original = new Error('database on fire');
    const e = (await rejection(guardAdapter(fake({ getBalance: () => Promise.reject(original) })).getBalance())) as ExpressError;
    expect(e).to.be.instanceOf(ExpressError);
    expect(e.code).to.equal('unknown');
    expect((e as { cause?: unknown }).cause).to.equal(original);
  });

  it('turns a TypeError (fetch failing) into network', async () => {
    const e = (await rejection(guardAdapter(fake({ getAccount: () => Promise.reject(new TypeError('Failed to fetch')) })).getAccount())) as ExpressError;
    expect(e.code).to.equal('network');
  });

  it('wraps a non-Error rejection as unknown', async () => {
    const e = (await rejection(guardAdapter(fake({ getAccount: () => Promise.reject('nope') })).getAccount())) as ExpressError;
    expect(e.code).to.equal('unknown');
    expect((e as { cause?: unknown }).cause).to.equal('nope');
  });

  it('lets an abort error from the inner adapter pass through unchanged', async () => {
    const abort = new DOMException('stopped', 'AbortError');
    const e = await rejection(guardAdapter(fake({ getAccount: () => Promise.reject(abort) })).getAccount());
    expect(e).to.equal(abort);
  });

  it('never throws synchronously: a throwing method, a missing method and a non-promise result reject', async () => {
    const g = guardAdapter(
      fake({
        getBalance: () => {
          throw new Error('sync');
        },
        getAccount: () => ({ id: 'acct_1' }),
        createLoginLink: undefined,
      }),
    );
    let p!: Promise<unknown>;
    expect(() => (p = g.getBalance())).not.to.throw();
    expect(((await rejection(p)) as ExpressError).code).to.equal('unknown');
    expect(((await rejection(g.getAccount())) as ExpressError).code).to.equal('invalid_response');
    expect(((await rejection(g.createLoginLink())) as ExpressError).code).to.equal('unknown');
  });
});

describe('guardAdapter: aborting', () => {
  it('rejects with the reason of an already aborted signal without calling the inner adapter', async () => {
    let calls = 0;
    const g = guardAdapter(fake({ getBalance: async () => (calls++, structuredClone(fixtures.balance)) }));
    const ac = new AbortController();
    const reason = new DOMException('gone', 'AbortError');
    ac.abort(reason);
    expect(await rejection(g.getBalance({ signal: ac.signal }))).to.equal(reason);
    expect(calls).to.equal(0);
  });

  it('rejects at once when aborted during a call, even if the inner adapter ignores the signal', async () => {
    let resolveInner!: (v: unknown) => void;
    const g = guardAdapter(fake({ getBalance: () => new Promise((r) => (resolveInner = r)) }));
    const ac = new AbortController();
    const p = g.getBalance({ signal: ac.signal });
    ac.abort();
    const e = await rejection(p);
    expect((e as Error).name).to.equal('AbortError');
    expect(e).to.equal(ac.signal.reason);
    resolveInner(structuredClone(fixtures.balance));
  });
});

describe('guardAdapter: subscribe', () => {
  function emitter() {
    const listeners = new Set<(e: unknown) => void>();
    return {
      listeners,
      emit: (e: unknown) => listeners.forEach((l) => l(e)),
      subscribe(l: (e: unknown) => void) {
        listeners.add(l);
        return () => listeners.delete(l);
      },
    };
  }

  it('delivers valid events, drops and reports invalid ones, and stops after unsubscribe', () => {
    const src = emitter();
    const reports: [string | undefined, string][] = [];
    const perCall: (string | undefined)[] = [];
    const g = guardAdapter(fake({ subscribe: src.subscribe as ExpressAdapter['subscribe'] }), {
      onInvalidItem: (e, op) => reports.push([e.param, op]),
    });
    const got: ExpressEvent[] = [];
    const unsubscribe = g.subscribe!((e) => got.push(e), (e) => perCall.push(e.param));
    src.emit({ type: 'balance_transaction.created', data: txn('a') });
    src.emit({ type: 'balance_transaction.created', data: txn('b', { net: 1 }) });
    src.emit({ type: 'mystery.event', data: {} });
    src.emit('<script>');
    src.emit({ type: 'balance.updated', data: structuredClone(fixtures.balance) });
    expect(got.map((e) => e.type)).to.deep.equal(['balance_transaction.created', 'balance.updated']);
    expect(reports).to.deep.equal([
      ['data.net', 'subscribe'],
      ['type', 'subscribe'],
      [undefined, 'subscribe'],
    ]);
    expect(perCall).to.deep.equal(['data.net', 'type', undefined]);
    unsubscribe();
    unsubscribe();
    expect(src.listeners.size).to.equal(0);
    src.emit({ type: 'balance.updated', data: structuredClone(fixtures.balance) });
    expect(got).to.have.length(2);
  });

  it('passes onReset on only when the inner adapter has it; a throwing listener is logged; none after stopping', () => {
    expect(guardAdapter(fake()).onReset).to.equal(undefined);
    const resets = new Set<() => void>();
    const g = guardAdapter(fake({ onReset: ((l: () => void) => (resets.add(l), () => resets.delete(l))) as ExpressAdapter['onReset'] }));
    let heard = 0;
    const stop = g.onReset!(() => heard++);
    const stopThrowing = g.onReset!(() => {
      throw new Error('listener bug');
    });
    const logged: unknown[] = [];
    const error = console.error;
    console.error = (e: unknown) => logged.push(e);
    try {
      resets.forEach((l) => l());
    } finally {
      console.error = error;
    }
    expect(heard).to.equal(1);
    expect((logged[0] as Error).message).to.equal('listener bug');
    stop();
    stop();
    stopThrowing();
    expect(resets.size).to.equal(0);
  });
});

describe('guardedAdapterFor', () => {
  it('returns one wrapper per inner adapter, and a wrapper for itself', () => {
    const a = fake();
    const b = fake();
    const ga = guardedAdapterFor(a);
    expect(guardedAdapterFor(a)).to.equal(ga);
    expect(guardedAdapterFor(b)).not.to.equal(ga);
    expect(guardedAdapterFor(ga)).to.equal(ga);
    expect(isGuardedAdapter(ga)).to.be.true;
    expect(isGuardedAdapter(a)).to.be.false;
  });

  it('lets a caller learn about dropped items from the list itself', async () => {
    const g = guardedAdapterFor(fake({ listPayouts: async () => ({ has_more: false, data: [{ id: 'po_1' }] }) }));
    const list = await g.listPayouts({});
    expect(list.data).to.deep.equal([]);
    expect(droppedItems(list).map((e) => e.param)).to.deep.equal(['data[0].amount']);
  });
});

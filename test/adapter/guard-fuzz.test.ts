// Fuzzing the boundary (issue 20): whatever a platform's adapter resolves with, the guard never
// throws anything but ExpressError, never lets a malformed object through, and never lets a
// prototype key reach Object.prototype.
import { expect } from '@open-wc/testing';
import fc from 'fast-check';
import { guardAdapter } from '../../src/adapter/guard.js';
import {
  validateAccount,
  validateBalance,
  validateBalanceTransaction,
  validateEvent,
  validateLoginLink,
  validateNetVolume,
  validatePayout,
} from '../../src/adapter/validate.js';
import { ExpressError } from '../../src/contract/errors.js';
import type { ExpressEvent } from '../../src/contract/types.js';
import { account, balance, balance_transaction as txn, login_link as loginLink, payout } from '../support/fixtures.js';
import { adapterOf, anything, deep, listOf, mutated } from '../support/hostile.js';

const revalidate: Record<string, (v: unknown) => void> = {
  getAccount: (v) => validateAccount(v),
  getBalance: (v) => validateBalance(v),
  createLoginLink: (v) => validateLoginLink(v),
  getNetVolume: (v) => validateNetVolume(v),
  listBalanceTransactions: (v) => {
    const list = v as { data: unknown[]; has_more: unknown };
    expect(typeof list.has_more).to.equal('boolean');
    list.data.forEach((t) => validateBalanceTransaction(t));
  },
  listPayouts: (v) => {
    const list = v as { data: unknown[]; has_more: unknown };
    expect(typeof list.has_more).to.equal('boolean');
    list.data.forEach((p) => validatePayout(p));
  },
};

const bases: Record<string, object> = {
  getAccount: account,
  getBalance: balance,
  createLoginLink: loginLink,
  getNetVolume: { 0: { start: 1, net: 2 } },
  listBalanceTransactions: txn,
  listPayouts: payout,
};

async function callGuarded(method: string, value: unknown, how: 'resolve' | 'reject' | 'throw' | 'plain') {
  const g = guardAdapter(adapterOf(value, how)) as unknown as Record<string, (...a: unknown[]) => Promise<unknown>>;
  let promise: Promise<unknown>;
  try {
    promise = method.startsWith('list') ? g[method]!({}) : method === 'getNetVolume'
      ? g[method]!({ interval: 'day', created: { gte: 0, lt: 86400 }, currency: 'usd', timezone: 'UTC' })
      : g[method]!();
  } catch (e) {
    throw new Error(`${method} threw synchronously: ${String(e)}`);
  }
  return promise.then(
    (v) => ({ ok: true as const, v }),
    (e: unknown) => ({ ok: false as const, e }),
  );
}

describe('the guard under fuzzing (fast-check)', function () {
  this.timeout(60_000);
  afterEach(() => {
    expect(({} as Record<string, unknown>).polluted, 'Object.prototype is untouched').to.equal(undefined);
  });

  for (const method of Object.keys(bases)) {
    it(`${method}: resolves only with a valid result, else rejects with an ExpressError`, async () => {
      const value = method.startsWith('list') ? fc.oneof(listOf(bases[method]!), deep) : anything(bases[method]!);
      await fc.assert(
        fc.asyncProperty(value, fc.constantFrom('resolve', 'reject', 'throw', 'plain') as fc.Arbitrary<'resolve'>, async (v, how) => {
          const r = await callGuarded(method, v, how);
          if (r.ok) {
            expect(how === 'resolve', `only a resolved value comes through (${how})`).to.equal(true);
            revalidate[method]!(r.v);
          } else {
            expect(r.e, String(r.e)).to.be.instanceOf(ExpressError);
          }
        }),
        { numRuns: 250 },
      );
    });
  }

  it('subscribe: delivers only valid events and reports the rest as ExpressErrors', () => {
    const valid: ExpressEvent = { type: 'balance_transaction.created', data: structuredClone(txn) as never };
    fc.assert(
      fc.property(fc.array(fc.oneof(anything(valid), mutated({ type: 'payout.updated', data: payout }), fc.constant(valid)), { maxLength: 8 }), (events) => {
        let emit: (e: unknown) => void = () => {};
        const g = guardAdapter({ ...adapterOf(null, 'resolve'), subscribe: (l) => ((emit = l as never), () => {}) });
        const got: ExpressEvent[] = [];
        const bad: unknown[] = [];
        g.subscribe!((e) => got.push(e), (e) => bad.push(e));
        for (const e of events) emit(e);
        got.forEach((e) => validateEvent(e));
        bad.forEach((e) => expect(e).to.be.instanceOf(ExpressError));
        expect(got.length + bad.length).to.equal(events.length);
      }),
      { numRuns: 300 },
    );
  });
});

import { expect } from '@open-wc/testing';
import fc from 'fast-check';
import { ExpressError } from '../../src/contract/errors.js';
import {
  validateAccount,
  validateBalance,
  validateBalanceTransaction,
  validateEvent,
  validateList,
  validateLoginLink,
  validateNetVolume,
  validatePayout,
  validateSignInStep,
} from '../../src/adapter/validate.js';
import * as fixtures from '../support/fixtures.js';

/** Runs `fn`, expects it to throw `invalid_response` naming `param`; returns the error. */
function rejects(fn: () => unknown, param: string | undefined): ExpressError {
  let caught: unknown;
  try {
    fn();
  } catch (e) {
    caught = e;
  }
  expect(caught, 'should throw').to.be.instanceOf(ExpressError);
  const err = caught as ExpressError;
  expect(err.code).to.equal('invalid_response');
  expect(err.param).to.equal(param);
  return err;
}

const clone = <T>(v: T): T => structuredClone(v);

function txn(over: Record<string, unknown> = {}): Record<string, unknown> {
  return {
    id: 'txn_1',
    object: 'balance_transaction',
    amount: 2500,
    fee: 625,
    net: 1875,
    currency: 'usd',
    created: 1_700_000_000,
    available_on: 1_700_172_800,
    status: 'pending',
    type: 'payment',
    description: null,
    source: 'py_1',
    fee_details: [{ amount: 625, currency: 'usd', type: 'application_fee', description: null, application: 'ca_1' }],
    ...over,
  };
}

describe('validate: Stripe fixtures pass unchanged', () => {
  it('accepts the real Stripe objects and returns them with every unknown field kept', () => {
    const a = clone(fixtures.account);
    expect(validateAccount(a)).to.equal(a);
    expect((validateAccount(a) as unknown as { capabilities: unknown }).capabilities).to.deep.equal({
      card_payments: 'active',
      transfers: 'active',
    });
    const b = clone(fixtures.balance);
    expect(validateBalance(b)).to.deep.equal(fixtures.balance);
    const t = clone(fixtures.balance_transaction);
    expect(validateBalanceTransaction(t)).to.deep.equal(fixtures.balance_transaction);
    const p = clone(fixtures.payout);
    expect(validatePayout(p)).to.deep.equal(fixtures.payout);
    const l = clone(fixtures.login_link);
    expect(validateLoginLink(l)).to.deep.equal(fixtures.login_link);
  });

  it('accepts a Stripe list response and keeps its extra fields', () => {
    const res = { object: 'list', url: '/v1/balance_transactions', has_more: true, data: [clone(fixtures.balance_transaction)] };
    const { list, dropped } = validateList(res, validateBalanceTransaction);
    expect(dropped).to.deep.equal([]);
    expect(list.has_more).to.be.true;
    expect(list.data).to.deep.equal([fixtures.balance_transaction]);
    expect((list as unknown as { url: string }).url).to.equal('/v1/balance_transactions');
  });

  it('accepts a good payment with fee details and a negative refund', () => {
    expect(() => validateBalanceTransaction(txn())).not.to.throw();
    expect(() =>
      validateBalanceTransaction(txn({ type: 'payment_refund', amount: -2500, fee: -625, net: -1875, fee_details: undefined })),
    ).not.to.throw();
    expect(() => validateBalanceTransaction(txn({ currency: 'jpy', amount: 1000, fee: 250, net: 750, fee_details: [] }))).not.to.throw();
    expect(() => validateBalanceTransaction(txn({ source: { id: 'py_1', object: 'charge' } }))).not.to.throw();
  });
});

describe('validateBalanceTransaction: every kind of bad field', () => {
  const cases: [string, Record<string, unknown>, string][] = [
    ['missing id', { id: undefined }, 'id'],
    ['empty id', { id: '' }, 'id'],
    ['numeric id', { id: 42 }, 'id'],
    ['float amount', { amount: 25.5, net: 25.5 - 625 }, 'amount'],
    ['amount as string', { amount: '2500' }, 'amount'],
    ['unsafe integer amount', { amount: 2 ** 60, net: 2 ** 60 - 625 }, 'amount'],
    ['NaN amount', { amount: NaN }, 'amount'],
    ['Infinity fee', { fee: Infinity }, 'fee'],
    ['missing fee', { fee: undefined }, 'fee'],
    ['float net', { net: 1875.5 }, 'net'],
    ['net != amount - fee', { net: 1876 }, 'net'],
    ['unknown currency', { currency: 'xyz' }, 'currency'],
    ['uppercase currency', { currency: 'USD' }, 'currency'],
    ['garbage currency', { currency: '<b>usd</b>' }, 'currency'],
    ['missing currency', { currency: undefined }, 'currency'],
    ['created as string', { created: '1700000000' }, 'created'],
    ['created NaN', { created: NaN }, 'created'],
    ['created null', { created: null }, 'created'],
    ['available_on missing', { available_on: undefined }, 'available_on'],
    ['status as number', { status: 1 }, 'status'],
    ['type missing', { type: undefined }, 'type'],
    ['description as number', { description: 12 }, 'description'],
    ['description missing', { description: undefined }, 'description'],
    ['source as number', { source: 7 }, 'source'],
    ['fee_details not an array', { fee_details: {} }, 'fee_details'],
    ['fee_details entry not an object', { fee_details: [null] }, 'fee_details[0]'],
    ['fee_details entry float amount', { fee_details: [{ amount: 1.5, currency: 'usd', type: 'application_fee', description: null }] }, 'fee_details[0].amount'],
    ['fee_details entry bad currency', { fee_details: [{ amount: 1, currency: 'US', type: 'application_fee', description: null }] }, 'fee_details[0].currency'],
    ['fee_details entry missing type', { fee_details: [{ amount: 1, currency: 'usd', description: null }] }, 'fee_details[0].type'],
  ];
  for (const [name, over, param] of cases) {
    it(`rejects ${name} naming ${param}`, () => {
      const err = rejects(() => validateBalanceTransaction(txn(over)), param);
      expect(err.message).to.contain(param);
    });
  }

  it('rejects values that are not objects', () => {
    for (const v of [null, undefined, 'txn_1', 42, [txn()]]) rejects(() => validateBalanceTransaction(v), undefined);
  });

  it('keeps hostile strings as plain strings', () => {
    const t = txn({ description: '<img src=x onerror=alert(1)>', type: '<script>' });
    expect(validateBalanceTransaction(t).description).to.equal('<img src=x onerror=alert(1)>');
  });

  it('accepts any integer amount whose net is amount - fee, and rejects any other net', () => {
    const int = fc.integer({ min: -1e12, max: 1e12 });
    fc.assert(
      fc.property(int, int, int, (amount, fee, net) => {
        const ok = net === amount - fee;
        let threw = false;
        try {
          validateBalanceTransaction(txn({ amount, fee, net, fee_details: [] }));
        } catch {
          threw = true;
        }
        return threw === !ok;
      }),
    );
  });
});

describe('validateList', () => {
  it('drops malformed items, reports each with data[i].field, and keeps the rest in order', () => {
    const res = {
      object: 'list',
      has_more: false,
      data: [txn({ id: 'a' }), txn({ id: 'b', amount: 1.5 }), txn({ id: 'c' }), 'junk', txn({ id: 'e', currency: 'XXX' }), txn({ id: 'f' })],
    };
    const { list, dropped } = validateList(res, validateBalanceTransaction);
    expect(list.data.map((t) => t.id)).to.deep.equal(['a', 'c', 'f']);
    expect(list.has_more).to.be.false;
    expect(dropped.map((e) => e.param)).to.deep.equal(['data[1].amount', 'data[3]', 'data[4].currency']);
    expect(dropped.every((e) => e.code === 'invalid_response')).to.be.true;
    expect(dropped[0].message).to.contain('data[1].amount');
  });

  it('rejects a whole response of the wrong shape', () => {
    rejects(() => validateList(null, validateBalanceTransaction), undefined);
    rejects(() => validateList('[]', validateBalanceTransaction), undefined);
    rejects(() => validateList([txn()], validateBalanceTransaction), undefined);
    rejects(() => validateList({ has_more: false }, validateBalanceTransaction), 'data');
    rejects(() => validateList({ data: {}, has_more: false }, validateBalanceTransaction), 'data');
    rejects(() => validateList({ data: [] }, validateBalanceTransaction), 'has_more');
    rejects(() => validateList({ data: [], has_more: 'false' }, validateBalanceTransaction), 'has_more');
  });

  it('prefixes the params of item validators that ignore the path', () => {
    const item = (x: unknown) => {
      if (typeof x !== 'number') throw new ExpressError('invalid_response', 'bad', { param: 'value' });
      return x;
    };
    const { list, dropped } = validateList({ data: [1, 'x', 3], has_more: false }, item);
    expect(list.data).to.deep.equal([1, 3]);
    expect(dropped[0].param).to.equal('data[1].value');
  });

  it('keeps exactly the valid items of any mix, in order', () => {
    fc.assert(
      fc.property(fc.array(fc.boolean(), { maxLength: 30 }), (goods) => {
        const data = goods.map((g, i) => txn({ id: `t${i}`, amount: g ? 100 : 1.25, net: g ? 100 - 625 : 0 }));
        const { list, dropped } = validateList({ data, has_more: false }, validateBalanceTransaction);
        const want = goods.flatMap((g, i) => (g ? [`t${i}`] : []));
        expect(list.data.map((t) => t.id)).to.deep.equal(want);
        expect(dropped.map((e) => e.param)).to.deep.equal(goods.flatMap((g, i) => (g ? [] : [`data[${i}].amount`])));
      }),
    );
  });
});

describe('validateBalance', () => {
  it('rejects bad amounts and currencies naming the entry', () => {
    const b = (over: object) => ({ ...clone(fixtures.balance), ...over });
    rejects(() => validateBalance(b({ available: [{ amount: 1.5, currency: 'usd' }] })), 'available[0].amount');
    rejects(() => validateBalance(b({ pending: [{ amount: 1, currency: 'usd' }, { amount: 1, currency: 'EUR' }] })), 'pending[1].currency');
    rejects(() => validateBalance(b({ available: undefined })), 'available');
    rejects(() => validateBalance(b({ pending: 'none' })), 'pending');
    rejects(() => validateBalance(b({ livemode: 'false' })), 'livemode');
  });
});

describe('validatePayout', () => {
  it('rejects each bad field', () => {
    const p = (over: object) => ({ ...clone(fixtures.payout), ...over });
    rejects(() => validatePayout(p({ id: undefined })), 'id');
    rejects(() => validatePayout(p({ amount: 11.5 })), 'amount');
    rejects(() => validatePayout(p({ currency: 'dollars' })), 'currency');
    rejects(() => validatePayout(p({ arrival_date: '2024-01-01' })), 'arrival_date');
    rejects(() => validatePayout(p({ created: NaN })), 'created');
    rejects(() => validatePayout(p({ status: null })), 'status');
    rejects(() => validatePayout(p({ automatic: 'yes' })), 'automatic');
    rejects(() => validatePayout(p({ description: 5 })), 'description');
  });
});

describe('validateAccount', () => {
  it('rejects each bad field', () => {
    const a = (over: object) => ({ ...clone(fixtures.account), ...over });
    rejects(() => validateAccount(a({ id: '' })), 'id');
    rejects(() => validateAccount(a({ default_currency: 'USD' })), 'default_currency');
    rejects(() => validateAccount(a({ created: 'yesterday' })), 'created');
    rejects(() => validateAccount(a({ business_profile: { name: 7 } })), 'business_profile.name');
    rejects(() => validateAccount(a({ settings: { dashboard: { timezone: 'Mars/Olympus' } } })), 'settings.dashboard.timezone');
    rejects(() => validateAccount(a({ settings: { payouts: { schedule: { delay_days: 2 } } } })), 'settings.payouts.schedule.interval');
    rejects(() => validateAccount(a({ settings: { branding: { icon: 3 } } })), 'settings.branding.icon');
  });
  it('accepts a minimal account and nulls where the contract allows them', () => {
    expect(() => validateAccount({ id: 'acct_1' })).not.to.throw();
    expect(() => validateAccount({ id: 'acct_1', settings: null, business_profile: null, created: null, default_currency: null })).not.to.throw();
  });
});

describe('validateLoginLink', () => {
  it('checks url and created, not the URL scheme', () => {
    expect(() => validateLoginLink({ url: 'javascript:alert(1)', created: 1 })).not.to.throw();
    rejects(() => validateLoginLink({ created: 1 }), 'url');
    rejects(() => validateLoginLink({ url: 'https://x.test', created: '1' }), 'created');
    rejects(() => validateLoginLink({ url: 'https://x.test', created: 1, expires_at: null }), 'expires_at');
  });
});

describe('validateNetVolume', () => {
  it('accepts buckets and rejects a bad one by index', () => {
    expect(validateNetVolume([{ start: 0, net: -5 }, { start: 86400, net: 10, count: 2 }])).to.have.length(2);
    rejects(() => validateNetVolume({ data: [] }), undefined);
    rejects(() => validateNetVolume([{ start: 0, net: 0.5 }]), '[0].net');
    rejects(() => validateNetVolume([{ start: 0, net: 1 }, { start: '1', net: 1 }]), '[1].start');
  });
});

describe('validateEvent', () => {
  it('accepts each known type with valid data', () => {
    expect(() => validateEvent({ type: 'balance_transaction.created', data: txn() })).not.to.throw();
    expect(() => validateEvent({ type: 'balance.updated', data: clone(fixtures.balance) })).not.to.throw();
    expect(() => validateEvent({ type: 'payout.created', data: clone(fixtures.payout) })).not.to.throw();
    expect(() => validateEvent({ type: 'payout.updated', data: clone(fixtures.payout) })).not.to.throw();
  });
  it('rejects unknown types and bad data naming the field', () => {
    rejects(() => validateEvent({ type: 'charge.succeeded', data: {} }), 'type');
    rejects(() => validateEvent({ data: txn() }), 'type');
    rejects(() => validateEvent({ type: 'balance_transaction.created', data: txn({ net: 0 }) }), 'data.net');
    rejects(() => validateEvent({ type: 'payout.updated', data: null }), 'data');
    rejects(() => validateEvent('balance.updated'), undefined);
  });
});

describe('validateSignInStep', () => {
  const sent = { status: 'code_sent', challenge_id: 'ch_1', phone_hint: '•••• 42', code_length: 6, resend_after: 30, livemode: false };
  it('accepts both steps', () => {
    expect(() => validateSignInStep(sent)).not.to.throw();
    expect(() => validateSignInStep({ status: 'signed_in', redirect_url: 'https://x.test/' })).not.to.throw();
  });
  it('rejects each bad field', () => {
    rejects(() => validateSignInStep({ ...sent, status: 'done' }), 'status');
    rejects(() => validateSignInStep({ ...sent, challenge_id: '' }), 'challenge_id');
    rejects(() => validateSignInStep({ ...sent, phone_hint: null }), 'phone_hint');
    rejects(() => validateSignInStep({ ...sent, code_length: 6.5 }), 'code_length');
    rejects(() => validateSignInStep({ ...sent, code_length: 0 }), 'code_length');
    rejects(() => validateSignInStep({ ...sent, resend_after: '30' }), 'resend_after');
    rejects(() => validateSignInStep({ ...sent, livemode: 'no' }), 'livemode');
    rejects(() => validateSignInStep({ status: 'signed_in' }), 'redirect_url');
  });
});

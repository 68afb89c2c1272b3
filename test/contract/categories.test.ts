import { expect } from '@open-wc/testing';
import { categoryOf, CATEGORY_TYPES, countsTowardNetVolume } from '../../src/contract/categories.js';
import { ExpressError, toExpressError, isAbortError } from '../../src/contract/errors.js';
import { isSafeRedirectUrl } from '../../src/core/url.js';

describe('categoryOf', () => {
  it('maps every Stripe type of the contract table to its category', () => {
    for (const [cat, types] of Object.entries(CATEGORY_TYPES)) {
      for (const type of types) expect(categoryOf({ type }), type).to.equal(cat);
    }
    expect(categoryOf({ type: 'payment' })).to.equal('charge');
    expect(categoryOf({ type: 'payment_failure_refund' })).to.equal('refund');
    expect(categoryOf({ type: 'connect_collection_transfer' })).to.equal('adjustment');
  });
  it('puts unknown and future types in other', () => {
    expect(categoryOf({ type: 'topup' })).to.equal('other');
    expect(categoryOf({ type: 'climate_order_purchase' })).to.equal('other');
    expect(categoryOf({ type: '' })).to.equal('other');
    expect(categoryOf({ type: '__proto__' })).to.equal('other');
  });
  it('excludes payouts and top-ups from net volume', () => {
    expect(countsTowardNetVolume({ type: 'payout' })).to.be.false;
    expect(countsTowardNetVolume({ type: 'payout_failure' })).to.be.false;
    expect(countsTowardNetVolume({ type: 'topup' })).to.be.false;
    expect(countsTowardNetVolume({ type: 'charge' })).to.be.true;
    expect(countsTowardNetVolume({ type: 'stripe_fee' })).to.be.true;
  });
});

describe('ExpressError', () => {
  it('has a code, a default message and options', () => {
    const e = new ExpressError('rate_limited', undefined, { retryAfter: 30, param: 'limit' });
    expect(e).to.be.instanceOf(Error);
    expect(e.code).to.equal('rate_limited');
    expect(e.retryAfter).to.equal(30);
    expect(e.param).to.equal('limit');
    expect(e.message).to.match(/too many requests/i);
    expect(new ExpressError('network', 'Offline').message).to.equal('Offline');
  });
  it('wraps a TypeError as network and anything else as unknown with the cause', () => {
    const t = new TypeError('Failed to fetch');
    expect(toExpressError(t).code).to.equal('network');
    const plain = new Error('boom');
    const w = toExpressError(plain);
    expect(w.code).to.equal('unknown');
    expect(w.cause).to.equal(plain);
    expect(toExpressError('string').code).to.equal('unknown');
  });
  it('recognises abort errors', () => {
    const c = new AbortController();
    c.abort();
    expect(isAbortError(c.signal.reason)).to.be.true;
    expect(isAbortError(new Error('x'))).to.be.false;
  });
});

describe('isSafeRedirectUrl', () => {
  it('accepts https and loopback http', () => {
    for (const u of ['https://connect.stripe.com/express/acct_1/abc', 'http://localhost:8000/x', 'http://127.0.0.1/x', 'http://[::1]:3000/'])
      expect(isSafeRedirectUrl(u), u).to.be.true;
  });
  it('refuses everything else', () => {
    for (const u of ['javascript:alert(1)', 'JAVASCRIPT:alert(1)', 'data:text/html,<b>', 'http://example.com/', '/relative', '//evil.com/x', 'ftp://x.com', ' https://x.com', '', 'vbscript:x', 'https://user:pw@x.com/', 'http://localhost.evil.com/'])
      expect(isSafeRedirectUrl(u), u).to.be.false;
    expect(isSafeRedirectUrl(undefined)).to.be.false;
  });
});

/** Awaiting a promise that must fail, for tests. */
import { expect } from '@open-wc/testing';
import { ExpressError } from '../../src/contract/errors.js';

/** What `p` rejects with; throws when it resolves. */
export async function rejection(p: Promise<unknown>): Promise<unknown> {
  try {
    await p;
  } catch (e) {
    return e;
  }
  throw new Error('expected a rejection');
}

/** The `ExpressError` `p` rejects with; fails when it resolves or rejects with anything else. */
export async function expressError(p: Promise<unknown>): Promise<ExpressError> {
  const e = await rejection(p);
  expect(e).to.be.instanceOf(ExpressError);
  return e as ExpressError;
}

/**
 * Plain helpers of the in-memory adapter (and of the demo data built on it): a seeded PRNG,
 * Stripe-looking ids, the newest-first order of Stripe's lists and the balance implied by a set
 * of balance transactions.
 */
import type { Amount, Balance, BalanceTransaction } from '../contract/types.js';

/** mulberry32: a small, fast, seeded PRNG; returns floats in [0, 1). */
export function mulberry32(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const ALPHABET = Array.from('0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz', (c) => c.charCodeAt(0));
const idCodes: number[] = [];

/** A Stripe-looking id: `prefix_` and 24 (or `length`) base-62 characters drawn from `rand`. */
export function stripeId(prefix: string, rand: () => number, length = 24): string {
  idCodes.length = length;
  for (let i = 0; i < length; i++) idCodes[i] = ALPHABET[Math.floor(rand() * 62)];
  return `${prefix}_${String.fromCharCode.apply(null, idCodes)}`;
}

/** The balance implied by transactions: per currency, the sum of `net` of the available ones and of the pending ones. */
export function balanceOf(txns: Iterable<BalanceTransaction>, opts: { currency?: string; livemode?: boolean } = {}): Balance {
  const available = new Map<string, number>();
  const pending = new Map<string, number>();
  if (opts.currency) {
    available.set(opts.currency, 0);
    pending.set(opts.currency, 0);
  }
  for (const t of txns) {
    const target = t.status === 'available' ? available : t.status === 'pending' ? pending : null;
    if (!target) continue;
    if (!available.has(t.currency)) available.set(t.currency, 0);
    if (!pending.has(t.currency)) pending.set(t.currency, 0);
    target.set(t.currency, target.get(t.currency)! + t.net);
  }
  const amounts = (m: Map<string, number>): Amount[] => [...m].map(([currency, amount]) => ({ amount, currency }));
  const balance: Balance = { available: amounts(available), pending: amounts(pending) };
  if (opts.livemode !== undefined) balance.livemode = opts.livemode;
  return balance;
}

/** Newest first: `created` descending, then `id` descending. */
export function newestFirst(a: { created: number; id: string }, b: { created: number; id: string }): number {
  return b.created - a.created || (a.id < b.id ? 1 : a.id > b.id ? -1 : 0);
}

/**
 * What a payout paid out, added up exactly: the balance transactions an automatic payout settled
 * (`listBalanceTransactions({ payout })`) grouped into payments, refunds, fees, adjustments and
 * other, each a count and an integer sum in the currency's minor unit, and whether they add up to
 * the payout's amount. DOM-free. Sums are kept as `BigInt`, so they are exact whatever the number
 * of transactions; a sum that a `number` cannot hold exactly makes the payout unreconciled rather
 * than rounded.
 *
 * ```ts
 * const r = reconcilePayout(payout, txns);
 * r.balanced;   // true when the settled transactions' nets sum to payout.amount exactly
 * r.lines;      // [{ group: 'charge', count: 34, amount: 60000 }, { group: 'fee', count: 35, amount: -6000 }, ...]
 * ```
 */
import { categoryOf } from '../contract/categories.js';
import type { BalanceTransaction, Payout } from '../contract/types.js';

/** The groups of a payout's breakdown, in the order it shows them. */
export const RECONCILIATION_GROUPS = ['charge', 'refund', 'fee', 'adjustment', 'other'] as const;

/** One group of a payout's breakdown. */
export type ReconciliationGroup = (typeof RECONCILIATION_GROUPS)[number];

/** One line of the breakdown: how many transactions, and their sum in minor units. */
export interface ReconciliationLine {
  group: ReconciliationGroup;
  /**
   * How many transactions the line adds up. For `fee`: the separate fee transactions and every
   * other transaction that carried a fee.
   */
  count: number;
  /**
   * The line's exact sum in minor units. `charge`, `refund`, `adjustment`, `other`: the gross
   * `amount`s (their fees are on the `fee` line); `fee`: the separate fee transactions' `net`
   * and minus every other transaction's `fee` (a fee given back with a refund counts positive).
   */
  amount: number;
}

/** Why a payout's transactions do not reconcile. */
export type UnreconciledReason =
  /** Their nets do not sum to the payout's amount (the list is incomplete, or not this payout's). */
  | 'mismatch'
  /** A transaction is in another currency than the payout. */
  | 'currency'
  /** A sum does not fit a safe integer, or an amount is not an integer (it could not be shown exactly). */
  | 'overflow';

/** A payout's transactions, grouped and checked against its amount. */
export interface Reconciliation {
  /** Every group that has a transaction (or a fee), in `RECONCILIATION_GROUPS` order. */
  lines: ReconciliationLine[];
  /** The transactions it paid out, newest first as given: every one but the payout's own. */
  settled: BalanceTransaction[];
  /** The payout's own transactions (its `payout` transaction, and a `payout_failure` or `payout_cancel` of it). */
  own: BalanceTransaction[];
  /** The exact sum of `net` over `settled` (`undefined` when it is not a safe integer). */
  total: number | undefined;
  /** Whether `total` equals the payout's amount exactly and every line is exact, in the payout's currency. */
  balanced: boolean;
  /** Why not, when not `balanced`. */
  reason?: UnreconciledReason;
}

const sourceId = (t: BalanceTransaction): string | undefined =>
  typeof t.source === 'string' ? t.source : t.source && typeof t.source === 'object' ? t.source.id : undefined;

/**
 * Whether a balance transaction is the payout's own: a payout-category transaction (`payout`,
 * `payout_cancel`, `payout_failure`) whose `source` is the payout, or the transaction the payout
 * names as its `balance_transaction`.
 */
export function isOwnTransaction(payout: Pick<Payout, 'id'>, t: BalanceTransaction): boolean {
  const own = (payout as { balance_transaction?: unknown }).balance_transaction;
  const ownId = typeof own === 'string' ? own : own && typeof own === 'object' ? (own as { id?: unknown }).id : undefined;
  if (ownId === t.id) return true;
  return categoryOf(t) === 'payout' && sourceId(t) === payout.id;
}

/** The group a settled transaction's gross amount goes to. */
export function reconciliationGroupOf(t: Pick<BalanceTransaction, 'type'>): ReconciliationGroup {
  const c = categoryOf(t);
  return c === 'charge' || c === 'refund' || c === 'fee' || c === 'adjustment' ? c : 'other';
}

/** `n` as a number when it is a safe integer, else `undefined`. */
function exact(n: bigint): number | undefined {
  return n >= BigInt(Number.MIN_SAFE_INTEGER) && n <= BigInt(Number.MAX_SAFE_INTEGER) ? Number(n) : undefined;
}

/**
 * Groups the balance transactions a payout paid out and checks them against its amount (see the
 * module). The payout's own transactions (`isOwnTransaction`) are set apart; the others are
 * `settled`: `total` is the sum of their `net`, and the payout is `balanced` when that equals
 * `payout.amount` exactly, every transaction is in the payout's currency, and every sum is a safe
 * integer. The lines always sum to `total` (`amount - fee` per transaction, `net` for a separate
 * fee transaction, assuming `net = amount - fee` as the validator guarantees).
 */
export function reconcilePayout(payout: Pick<Payout, 'id' | 'amount' | 'currency'>, txns: Iterable<BalanceTransaction>): Reconciliation {
  const counts = new Map<ReconciliationGroup, number>();
  const sums = new Map<ReconciliationGroup, bigint>();
  const add = (group: ReconciliationGroup, amount: number, count = 1) => {
    counts.set(group, (counts.get(group) ?? 0) + count);
    sums.set(group, (sums.get(group) ?? 0n) + BigInt(amount));
  };
  const settled: BalanceTransaction[] = [];
  const own: BalanceTransaction[] = [];
  let total = 0n;
  let otherCurrency = false;
  let inexact = !Number.isSafeInteger(payout.amount);
  const currency = payout.currency.toLowerCase();
  for (const t of txns) {
    if (isOwnTransaction(payout, t)) {
      own.push(t);
      continue;
    }
    settled.push(t);
    if (t.currency.toLowerCase() !== currency) otherCurrency = true;
    if (![t.amount, t.fee, t.net].every(Number.isSafeInteger)) {
      inexact = true; // not from a validated adapter: cannot be added exactly
      continue;
    }
    total += BigInt(t.net);
    const group = reconciliationGroupOf(t);
    if (group === 'fee') {
      add('fee', t.net);
    } else {
      add(group, t.amount);
      if (t.fee !== 0) add('fee', -t.fee);
    }
  }
  const lines: ReconciliationLine[] = [];
  let overflow = inexact || exact(total) === undefined;
  for (const group of RECONCILIATION_GROUPS) {
    const count = counts.get(group);
    if (count === undefined) continue;
    const amount = exact(sums.get(group)!);
    if (amount === undefined) overflow = true;
    lines.push({ group, count, amount: amount ?? 0 });
  }
  const reason: UnreconciledReason | undefined = otherCurrency
    ? 'currency'
    : overflow
      ? 'overflow'
      : total !== BigInt(payout.amount)
        ? 'mismatch'
        : undefined;
  const r: Reconciliation = { lines, settled, own, total: exact(total), balanced: reason === undefined };
  if (reason) r.reason = reason;
  return r;
}

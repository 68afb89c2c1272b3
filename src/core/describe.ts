/**
 * The text a person reads in a transaction's description cell. DOM-free; returns plain text that
 * elements render as text (an HTML-looking description stays literal characters).
 */
import { categoryOf } from '../contract/categories.js';
import type { BalanceTransaction } from '../contract/types.js';
import { format } from './i18n/format.js';
import type { Strings } from './i18n/en.js';

/** A platform's own description rule, as the `describe` property of `<express-transactions>`. */
export type DescribeFn = (txn: BalanceTransaction) => string;

/** Options of `describeTransaction`. */
export interface DescribeOptions {
  /** The platform's name, for "Payment from {platform}"; without it, "Payment". */
  platformName?: string | null;
  /** The string table of the reader's language (`stringsFor(locale)`). */
  strings: Strings;
  /** The platform's override; wins when it returns a non-empty string. */
  describe?: DescribeFn | null;
}

function nonEmpty(s: unknown): s is string {
  return typeof s === 'string' && s.trim() !== '';
}

/** The generic description of a transaction's category, with the platform's name where it fits. */
export function genericDescription(
  txn: Pick<BalanceTransaction, 'type'>,
  strings: Strings,
  platformName?: string | null,
): string {
  const d = strings.descriptions;
  const platform = platformName?.trim();
  switch (categoryOf(txn)) {
    case 'charge':
      return platform ? format(d.charge, { platform }) : d.chargeNoPlatform;
    case 'transfer':
      return platform ? format(d.transfer, { platform }) : d.transferNoPlatform;
    case 'refund':
      return d.refund;
    case 'payout':
      return d.payout;
    case 'fee':
      return d.fee;
    case 'adjustment':
      return d.adjustment;
    default:
      return d.other;
  }
}

/**
 * The description of a transaction, by these rules in order:
 * 1. `opts.describe(txn)` when it returns a non-empty string (if it throws or returns anything
 *    else, including `''`, the next rule applies: one bad row must not break the list);
 * 2. `txn.description` when it is not empty or blank;
 * 3. the generic description of its category (`genericDescription`).
 */
export function describeTransaction(txn: BalanceTransaction, opts: DescribeOptions): string {
  if (typeof opts.describe === 'function') {
    try {
      const custom: unknown = opts.describe(txn);
      if (nonEmpty(custom)) return custom;
    } catch {
      // fall through to the built-in rules
    }
  }
  if (nonEmpty(txn.description)) return txn.description;
  return genericDescription(txn, opts.strings, opts.platformName);
}

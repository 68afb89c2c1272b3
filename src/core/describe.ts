/**
 * The text a person reads in a transaction's description cell. DOM-free; returns plain text that
 * elements render as text (an HTML-looking description stays literal characters).
 */
import { categoryOf } from '../contract/categories.js';
import type { BalanceTransaction, Payout, PayoutDestination } from '../contract/types.js';
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
  /** A payout transaction's payout, when known: its bank account's (or card's) last digits are named. */
  payout?: Pick<Payout, 'destination' | 'type'> | null;
}

/** Stripe's own description of a payout's transaction: no words for a person. */
const STRIPE_PAYOUT = /^stripe payout$/i;
/** Stripe's descriptions of a dispute's withdrawal and reversal ("Chargeback withdrawal for ch_…"). */
const CHARGEBACK = /^chargeback (withdrawal|reversal)\b/i;
/** Stripe's description of a refund: "REFUND FOR CHARGE (the payment's description)". */
const REFUND_FOR = /^refund for (?:charge|payment)\s*(?:\((.*)\))?\s*$/i;

/** What happened, for an adjustment Stripe explains: `dispute` or `dispute_reversal`, else `null`. */
export function disputeKind(txn: Pick<BalanceTransaction, 'reporting_category' | 'description'>): 'dispute' | 'dispute_reversal' | null {
  if (txn.reporting_category === 'dispute' || txn.reporting_category === 'dispute_reversal') return txn.reporting_category;
  const m = typeof txn.description === 'string' ? CHARGEBACK.exec(txn.description.trim()) : null;
  if (!m) return null;
  return m[1]!.toLowerCase() === 'withdrawal' ? 'dispute' : 'dispute_reversal';
}

/**
 * What a refund refunded, when its description says (Stripe's "REFUND FOR CHARGE (Airport
 * ride)" gives "Airport ride"); `null` when it does not. `undefined` when the description is not
 * Stripe's refund wording at all.
 */
export function refundedWhat(txn: Pick<BalanceTransaction, 'description'>): string | null | undefined {
  const m = typeof txn.description === 'string' ? REFUND_FOR.exec(txn.description.trim()) : null;
  if (!m) return undefined;
  const what = m[1]?.trim();
  return what ? what : null;
}

/** The last four digits and kind of a payout's destination, when the payout carries them. */
function destinationOf(payout: Pick<Payout, 'destination' | 'type'> | null | undefined): { last4: string; card: boolean } | null {
  const d = payout?.destination;
  if (!d || typeof d !== 'object') return null;
  const last4 = (d as PayoutDestination).last4;
  if (typeof last4 !== 'string' || !/^\d{2,4}$/.test(last4)) return null;
  return { last4, card: (d.object ?? payout?.type) === 'card' };
}

function nonEmpty(s: unknown): s is string {
  return typeof s === 'string' && s.trim() !== '';
}

/** The generic description of a transaction's category, with the platform's name where it fits. */
export function genericDescription(
  txn: Pick<BalanceTransaction, 'type'>,
  strings: Strings,
  platformName?: string | null,
  payout?: Pick<Payout, 'destination' | 'type'> | null,
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
    case 'payout': {
      const dest = txn.type === 'payout' ? destinationOf(payout) : null;
      if (!dest) return d.payout;
      return format(dest.card ? d.payoutToCardEnding : d.payoutEnding, { last4: dest.last4 });
    }
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
 * 2. a dispute in words ("Chargeback: a customer disputed a payment"), by its reporting category
 *    `dispute` / `dispute_reversal` or Stripe's "Chargeback withdrawal for ch_…" (which names an id);
 * 3. a refund of what its description names ("Refund: Airport ride" for Stripe's
 *    "REFUND FOR CHARGE (Airport ride)"); Stripe's bare "REFUND FOR CHARGE" is no description;
 * 4. `txn.description` when it is not empty or blank (a payout's "STRIPE PAYOUT" is Stripe's, not
 *    a description);
 * 5. the generic description of its category (`genericDescription`), a payout's with its bank
 *    account's last four digits when `opts.payout` has them.
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
  const d = opts.strings.descriptions;
  const dispute = disputeKind(txn);
  if (dispute) return dispute === 'dispute' ? d.dispute : d.disputeReversal;
  const refunded = refundedWhat(txn);
  if (refunded) return format(d.refundOf, { what: refunded });
  const payout = categoryOf(txn) === 'payout';
  if (refunded === undefined && nonEmpty(txn.description) && !(payout && STRIPE_PAYOUT.test(txn.description.trim()))) return txn.description;
  return genericDescription(txn, opts.strings, opts.platformName, opts.payout);
}

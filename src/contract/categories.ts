import type { BalanceTransaction } from './types.js';

/** How the UI groups Stripe's balance transaction types. */
export type Category = 'charge' | 'refund' | 'transfer' | 'payout' | 'fee' | 'adjustment' | 'other';

/** Every category, in the order filters show them. */
export const CATEGORIES: readonly Category[] = ['charge', 'refund', 'transfer', 'payout', 'fee', 'adjustment', 'other'];

/** Stripe types per category; `other` is everything else, including types Stripe adds later. */
export const CATEGORY_TYPES: Readonly<Record<Exclude<Category, 'other'>, readonly string[]>> = {
  charge: ['charge', 'payment'],
  refund: ['refund', 'payment_refund', 'payment_failure_refund'],
  transfer: ['transfer', 'transfer_cancel', 'transfer_failure', 'transfer_refund'],
  payout: ['payout', 'payout_cancel', 'payout_failure'],
  fee: ['stripe_fee', 'application_fee', 'application_fee_refund', 'tax_fee', 'stripe_fx_fee'],
  adjustment: ['adjustment', 'reserve_transaction', 'reserved_funds', 'connect_collection_transfer'],
};

const byType = new Map<string, Category>();
for (const [cat, types] of Object.entries(CATEGORY_TYPES)) for (const t of types) byType.set(t, cat as Category);

/** The category of a Stripe type string. */
export function categoryOfType(type: string): Category {
  return byType.get(type) ?? 'other';
}

/** The category of a balance transaction (by its `type`). */
export function categoryOf(txn: Pick<BalanceTransaction, 'type'>): Category {
  return categoryOfType(txn.type);
}

/** Stripe types that are not earnings: money moved between the account and its own bank. */
export function countsTowardNetVolume(txn: Pick<BalanceTransaction, 'type'>): boolean {
  return txn.type !== 'topup' && categoryOfType(txn.type) !== 'payout';
}
